#include <errno.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <jpeglib.h>
#include <jerror.h>
#include "common.h"
#include "jpeg_stream.h"

/* libjpeg reports fatal errors through error_exit, which must not return:
 * it longjmps back into the one function that called setjmp. */
typedef struct {
    struct jpeg_error_mgr manager;
    jmp_buf jump;
    /* The cimageio_code to report: corrupt unless the error says otherwise. */
    int code;
    char text[JMSG_LENGTH_MAX];
} cimageio_jpeg_error;

static void cimageio_jpeg_error_exit(j_common_ptr info) {
    cimageio_jpeg_error *error = (cimageio_jpeg_error *)info->err;
    (*info->err->format_message)(info, error->text);
    switch (info->err->msg_code) {
    case JERR_BAD_PRECISION: case JERR_SOF_UNSUPPORTED: case JERR_CONVERSION_NOTIMPL:
    case JERR_NOT_COMPILED: case JERR_ARITH_NOTIMPL:
        error->code = CIMAGEIO_ERROR_UNSUPPORTED;
        break;
    case JERR_OUT_OF_MEMORY:
        error->code = CIMAGEIO_ERROR_MEMORY;
        break;
    default:
        break;
    }
    longjmp(error->jump, 1);
}

/* Warnings about corrupt or missing data mean the pixels are not the photo's:
 * treat them as fatal. Harmless ones (stray bytes between markers) are ignored. */
static void cimageio_jpeg_emit_message(j_common_ptr info, int level) {
    if (level >= 0) return;
    if (info->err->msg_code == JWRN_EXTRANEOUS_DATA) return;
    cimageio_jpeg_error_exit(info);
}

static void cimageio_jpeg_silent(j_common_ptr info) { (void)info; }

static void cimageio_jpeg_install_errors(cimageio_jpeg_error *error) {
    jpeg_std_error(&error->manager);
    error->manager.error_exit = cimageio_jpeg_error_exit;
    error->manager.emit_message = cimageio_jpeg_emit_message;
    error->manager.output_message = cimageio_jpeg_silent;
    error->code = CIMAGEIO_ERROR_CORRUPT;
    error->text[0] = '\0';
}

/* A JPEG may hold any number of progressive scans; thousands of tiny ones cost
 * time without adding data. More than this many is refused. */
#define CIMAGEIO_JPEG_MAX_SCANS 1000

static void cimageio_jpeg_progress(j_common_ptr common) {
    j_decompress_ptr info = (j_decompress_ptr)common;
    if (info->input_scan_number > CIMAGEIO_JPEG_MAX_SCANS) {
        cimageio_jpeg_error *error = (cimageio_jpeg_error *)info->err;
        snprintf(error->text, sizeof error->text, "more than %d scans", CIMAGEIO_JPEG_MAX_SCANS);
        longjmp(error->jump, 1);
    }
}

int cimageio_jpeg_decode_rows(const char *path, uint64_t max_pixels, uint32_t max_long_side,
                              cimageio_row_sink sink, void *context, char *message, size_t message_size) {
    return cimageio_decode_path(path, cimageio_jpeg_decode_stream_rows, max_pixels, max_long_side, sink, context,
                                message, message_size);
}

int cimageio_jpeg_decode_stream_rows(FILE *file, uint64_t max_pixels, uint32_t max_long_side,
                                     cimageio_row_sink sink, void *context, char *message, size_t message_size) {
    struct jpeg_decompress_struct info;
    struct jpeg_progress_mgr progress;
    cimageio_jpeg_error error;
    /* Heap-held so that the error path sees the planes made after setjmp. */
    cimageio_jpeg_planes *volatile planes = calloc(1, sizeof *planes);
    if (planes == NULL) {
        return cimageio_fail(CIMAGEIO_ERROR_MEMORY, message, message_size, "cannot allocate a JPEG reader");
    }
    /* The embedded ICC profile (malloc'd by libjpeg), freed on every path. */
    JOCTET *volatile icc = NULL;
    unsigned int icc_length = 0;

    info.err = &error.manager;
    cimageio_jpeg_install_errors(&error);
    if (setjmp(error.jump)) {
        cimageio_fail(error.code, message, message_size, "%s", error.text);
        jpeg_destroy_decompress(&info);
        cimageio_jpeg_planes_free(planes);
        free(planes);
        free(icc);
        return error.code;
    }
    jpeg_create_decompress(&info);
    progress.progress_monitor = cimageio_jpeg_progress;
    info.progress = &progress;
    jpeg_stdio_src(&info, file);
    jpeg_save_markers(&info, JPEG_APP0 + 1, 0xFFFF);
    jpeg_save_markers(&info, JPEG_APP0 + 2, 0xFFFF);
    jpeg_read_header(&info, TRUE);
    {
        /* A malformed sequence of ICC segments is a warning, which the
         * error manager makes fatal: the file is corrupt. */
        JOCTET *profile = NULL;
        if (info.num_components == 3 && jpeg_read_icc_profile(&info, &profile, &icc_length)) icc = profile;
    }

    uint32_t orientation = 1;
    for (jpeg_saved_marker_ptr marker = info.marker_list; marker != NULL; marker = marker->next) {
        if (marker->marker == JPEG_APP0 + 1) {
            uint32_t value = cimageio_exif_orientation(marker->data, marker->data_length);
            if (value != 1 || orientation == 1) orientation = value;
        }
    }

    int fail_code = CIMAGEIO_OK;
    if (info.data_precision != 8) {
        fail_code = cimageio_fail(CIMAGEIO_ERROR_UNSUPPORTED, message, message_size,
                                  "%d-bit JPEG is not supported (8-bit only)", info.data_precision);
    } else if (info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK) {
        fail_code = cimageio_fail(CIMAGEIO_ERROR_UNSUPPORTED, message, message_size,
                                  "CMYK JPEG is not supported (convert the photo to RGB)");
    } else if ((uint64_t)info.image_width * (uint64_t)info.image_height > max_pixels) {
        fail_code = cimageio_fail(CIMAGEIO_ERROR_TOO_LARGE, message, message_size,
                                  "%ux%u pixels exceeds the limit of %llu pixels",
                                  info.image_width, info.image_height, (unsigned long long)max_pixels);
    }
    if (fail_code != CIMAGEIO_OK) {
        jpeg_destroy_decompress(&info);
        free(planes);
        free(icc);
        return fail_code;
    }

    if (info.num_components != 1 && info.num_components != 3) {
        jpeg_destroy_decompress(&info);
        free(planes);
        free(icc);
        return cimageio_fail(CIMAGEIO_ERROR_UNSUPPORTED, message, message_size,
                             "JPEG with %d components is not supported", info.num_components);
    }
    /* The largest k/8 scale whose long side fits max_long_side (k = 1 at least). */
    size_t long_side = info.image_width > info.image_height ? info.image_width : info.image_height;
    int k = 8;
    while (max_long_side > 0 && k > 1 && cimageio_jpeg_scaled(long_side, k) > max_long_side) k--;
    if (!cimageio_jpeg_planes_prepare(&info, k, planes)) {
        error.code = CIMAGEIO_ERROR_MEMORY;
        snprintf(error.text, sizeof error.text, "cannot allocate memory for the reduced image");
        longjmp(error.jump, 1);
    }
    /* Reconstruct samples from the DCT coefficients in floating point rather
     * than libjpeg's 8-bit integer output: smooth skin keeps the sub-code
     * precision the file holds instead of banding at whole chroma codes. A
     * sequential file is reconstructed row by row as it is read. */
    cimageio_jpeg_stream stream;
    if (!info.progressive_mode) cimageio_jpeg_stream_install(&info, &stream, planes);
    jvirt_barray_ptr *coefficients = jpeg_read_coefficients(&info);
    if (info.progressive_mode) {
        cimageio_jpeg_transform(&info, coefficients, planes);
    } else {
        cimageio_jpeg_stream_finish(&info, coefficients);
    }
    /* Frees the coefficients before the rows are made; the whole file has been
     * read and checked before any row is delivered. */
    jpeg_finish_decompress(&info);
    cimageio_layout layout;
    memset(&layout, 0, sizeof layout);
    layout.width = (uint32_t)cimageio_jpeg_scaled(info.image_width, k);
    layout.height = (uint32_t)cimageio_jpeg_scaled(info.image_height, k);
    layout.channels = (uint32_t)planes->components;
    layout.bytes_per_sample = 4;
    layout.orientation = orientation;
    layout.scale_eighths = (uint32_t)k;
    layout.full_width = info.image_width;
    layout.full_height = info.image_height;
    layout.icc_profile = icc;
    layout.icc_length = icc != NULL ? icc_length : 0;
    jpeg_destroy_decompress(&info);
    int ok = cimageio_jpeg_emit(planes, &layout, sink, context);
    cimageio_jpeg_planes_free(planes);
    free(planes);
    free(icc);
    if (!ok) {
        return cimageio_fail(CIMAGEIO_ERROR_MEMORY, message, message_size, "cannot allocate memory for %ux%u pixels",
                             layout.width, layout.height);
    }
    return CIMAGEIO_OK;
}

/* A minimal big-endian TIFF IFD holding one SHORT tag: Orientation (0x0112). */
static void cimageio_exif_payload(uint8_t payload[30], uint32_t orientation) {
    static const uint8_t header[] = {
        'E', 'x', 'i', 'f', 0, 0,       /* APP1 identifier */
        'M', 'M', 0, 42, 0, 0, 0, 8,    /* TIFF header, IFD at offset 8 */
        0, 1,                           /* one entry */
        0x01, 0x12, 0, 3, 0, 0, 0, 1,   /* tag 0x0112, SHORT, count 1 */
    };
    memcpy(payload, header, sizeof header);
    payload[24] = 0;
    payload[25] = (uint8_t)orientation;
    payload[26] = 0; payload[27] = 0;                 /* value padding */
    payload[28] = 0; payload[29] = 0;                 /* next IFD (first half) */
}

int cimageio_jpeg_encode(const char *path, const uint8_t *pixels, uint32_t width, uint32_t height,
                         uint32_t channels, int quality, int progressive, uint32_t orientation,
                         const uint8_t *icc_profile, uint32_t icc_length,
                         char *message, size_t message_size) {
    if (channels != 1 && channels != 3) {
        return cimageio_fail(CIMAGEIO_ERROR_UNSUPPORTED, message, message_size,
                             "cannot write a %u-channel JPEG", channels);
    }
    FILE *file = fopen(path, "wb");
    if (file == NULL) {
        return cimageio_fail(CIMAGEIO_ERROR_WRITE, message, message_size, "%s", strerror(errno));
    }
    struct jpeg_compress_struct info;
    cimageio_jpeg_error error;
    info.err = &error.manager;
    cimageio_jpeg_install_errors(&error);
    if (setjmp(error.jump)) {
        jpeg_destroy_compress(&info);
        fclose(file);
        return cimageio_fail(CIMAGEIO_ERROR_WRITE, message, message_size, "%s", error.text);
    }
    jpeg_create_compress(&info);
    jpeg_stdio_dest(&info, file);
    info.image_width = width;
    info.image_height = height;
    info.input_components = (int)channels;
    info.in_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    if (progressive) jpeg_simple_progression(&info);
    jpeg_start_compress(&info, TRUE);
    if (orientation >= 1 && orientation <= 8) {
        uint8_t payload[30];
        cimageio_exif_payload(payload, orientation);
        jpeg_write_marker(&info, JPEG_APP0 + 1, payload, sizeof payload);
    }
    if (icc_profile != NULL && icc_length > 0) jpeg_write_icc_profile(&info, icc_profile, icc_length);
    size_t stride = (size_t)width * channels;
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + stride * info.next_scanline);
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    if (fclose(file) != 0) {
        return cimageio_fail(CIMAGEIO_ERROR_WRITE, message, message_size, "%s", strerror(errno));
    }
    return CIMAGEIO_OK;
}
