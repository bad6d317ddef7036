#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <libheif/heif.h>
#include "common.h"

/* libheif reads through this: an open stream and its size. */
typedef struct {
    FILE *file;
    int64_t size;
} cimageio_heif_source;

static int64_t cimageio_heif_position(void *userdata) {
    return (int64_t)ftello(((cimageio_heif_source *)userdata)->file);
}

static int cimageio_heif_read(void *data, size_t size, void *userdata) {
    return fread(data, 1, size, ((cimageio_heif_source *)userdata)->file) == size ? 0 : -1;
}

static int cimageio_heif_seek(int64_t position, void *userdata) {
    return fseeko(((cimageio_heif_source *)userdata)->file, (off_t)position, SEEK_SET);
}

static enum heif_reader_grow_status cimageio_heif_wait(int64_t target, void *userdata) {
    return target <= ((cimageio_heif_source *)userdata)->size ? heif_reader_grow_status_size_reached
                                                             : heif_reader_grow_status_size_beyond_eof;
}

static int cimageio_heif_code(struct heif_error error) {
    switch (error.code) {
    case heif_error_Input_does_not_exist: return CIMAGEIO_ERROR_OPEN;
    case heif_error_Unsupported_filetype: case heif_error_Unsupported_feature: return CIMAGEIO_ERROR_UNSUPPORTED;
    case heif_error_Memory_allocation_error: return CIMAGEIO_ERROR_MEMORY;
    default: return CIMAGEIO_ERROR_CORRUPT;
    }
}

int cimageio_heif_decode_rows(const char *path, uint64_t max_pixels, uint32_t max_long_side,
                              cimageio_row_sink sink, void *context, char *message, size_t message_size) {
    return cimageio_decode_path(path, cimageio_heif_decode_stream_rows, max_pixels, max_long_side, sink, context,
                                message, message_size);
}

int cimageio_heif_decode_stream_rows(FILE *file, uint64_t max_pixels, uint32_t max_long_side,
                                     cimageio_row_sink sink, void *context, char *message, size_t message_size) {
    (void)max_long_side;
    cimageio_heif_source source = {file, 0};
    if (fseeko(file, 0, SEEK_END) != 0 || (source.size = (int64_t)ftello(file)) < 0 || fseeko(file, 0, SEEK_SET) != 0) {
        return cimageio_fail(CIMAGEIO_ERROR_OPEN, message, message_size, "%s", strerror(errno));
    }
    static const struct heif_reader reader = {1, cimageio_heif_position, cimageio_heif_read, cimageio_heif_seek,
                                              cimageio_heif_wait};
    struct heif_context *heif = heif_context_alloc();
    if (heif == NULL) return cimageio_fail(CIMAGEIO_ERROR_MEMORY, message, message_size, "cannot allocate a HEIF reader");
    struct heif_image_handle *handle = NULL;
    struct heif_image *image = NULL;
    uint8_t *profile = NULL, *wide = NULL;
    int code = CIMAGEIO_OK;
    struct heif_error error = heif_context_read_from_reader(heif, &reader, &source, NULL);
    if (error.code == heif_error_Ok) error = heif_context_get_primary_image_handle(heif, &handle);
    if (error.code != heif_error_Ok) {
        code = cimageio_fail(cimageio_heif_code(error), message, message_size, "%s", error.message);
        goto done;
    }
    /* The size after the container's rotation and mirroring, which decoding applies. */
    int width = heif_image_handle_get_width(handle), height = heif_image_handle_get_height(handle);
    if (width <= 0 || height <= 0) {
        code = cimageio_fail(CIMAGEIO_ERROR_CORRUPT, message, message_size, "no image size");
        goto done;
    }
    if ((uint64_t)width * (uint64_t)height > max_pixels) {
        code = cimageio_fail(CIMAGEIO_ERROR_TOO_LARGE, message, message_size,
                             "%dx%d pixels exceeds the limit of %llu pixels", width, height,
                             (unsigned long long)max_pixels);
        goto done;
    }
    int alpha = heif_image_handle_has_alpha_channel(handle) != 0;
    int deep = heif_image_handle_get_luma_bits_per_pixel(handle) > 8;
    enum heif_chroma chroma = deep ? (alpha ? heif_chroma_interleaved_RRGGBBAA_LE : heif_chroma_interleaved_RRGGBB_LE)
                                   : (alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB);
    error = heif_decode_image(handle, &image, heif_colorspace_RGB, chroma, NULL);
    if (error.code != heif_error_Ok) {
        code = cimageio_fail(cimageio_heif_code(error), message, message_size, "%s", error.message);
        goto done;
    }
    int stride = 0;
    const uint8_t *pixels = heif_image_get_plane_readonly(image, heif_channel_interleaved, &stride);
    int bits = heif_image_get_bits_per_pixel_range(image, heif_channel_interleaved);
    if (pixels == NULL || (deep && (bits <= 8 || bits > 16))) {
        code = cimageio_fail(CIMAGEIO_ERROR_CORRUPT, message, message_size, "no decoded pixels");
        goto done;
    }
    /* libheif builds a grid image at the size the grid says, whatever size
     * the file states (fuzzing found 5 KB stating 64x48 whose grid said
     * 16384x12288): the limit was checked on the stated size, so a picture of
     * another size is refused. */
    int coded_width = heif_image_get_width(image, heif_channel_interleaved);
    int coded_height = heif_image_get_height(image, heif_channel_interleaved);
    if (coded_width != width || coded_height != height) {
        code = cimageio_fail(CIMAGEIO_ERROR_CORRUPT, message, message_size,
                             "the coded picture is %dx%d, the file states %dx%d", coded_width, coded_height,
                             width, height);
        goto done;
    }
    cimageio_layout layout;
    memset(&layout, 0, sizeof layout);
    layout.width = (uint32_t)width;
    layout.height = (uint32_t)height;
    layout.channels = alpha ? 4 : 3;
    layout.bytes_per_sample = deep ? 2 : 1;
    layout.orientation = 1;
    layout.scale_eighths = 8;
    layout.full_width = (uint32_t)width;
    layout.full_height = (uint32_t)height;
    /* An ICC profile, or else an nclx box (coded primaries and transfer
     * curve), says what the colours mean. */
    enum heif_color_profile_type type = heif_image_handle_get_color_profile_type(handle);
    if (type == heif_color_profile_type_prof || type == heif_color_profile_type_rICC) {
        size_t length = heif_image_handle_get_raw_color_profile_size(handle);
        if (length > 0 && length <= (8u << 20) && (profile = malloc(length)) != NULL &&
            heif_image_handle_get_raw_color_profile(handle, profile).code == heif_error_Ok) {
            layout.icc_profile = profile;
            layout.icc_length = (uint32_t)length;
        }
    } else if (type == heif_color_profile_type_nclx) {
        struct heif_color_profile_nclx *nclx = NULL;
        if (heif_image_handle_get_nclx_color_profile(handle, &nclx).code == heif_error_Ok && nclx != NULL) {
            layout.cicp_transfer = (uint32_t)nclx->transfer_characteristics;
            const float chromaticities[8] = {
                nclx->color_primary_red_x, nclx->color_primary_red_y, nclx->color_primary_green_x,
                nclx->color_primary_green_y, nclx->color_primary_blue_x, nclx->color_primary_blue_y,
                nclx->color_primary_white_x, nclx->color_primary_white_y};
            memcpy(layout.cicp_primaries, chromaticities, sizeof chromaticities);
            heif_nclx_color_profile_free(nclx);
        }
    }
    size_t samples = (size_t)width * layout.channels;
    if (deep && (wide = malloc(samples * 2)) == NULL) {
        code = cimageio_fail(CIMAGEIO_ERROR_MEMORY, message, message_size, "cannot allocate a row");
        goto done;
    }
    for (int y = 0; y < height; y++) {
        const uint8_t *row = pixels + (size_t)y * (size_t)stride;
        if (deep) {
            /* Little-endian samples of `bits` bits, stretched to the full 16 bits. */
            uint16_t *out = (uint16_t *)wide;
            for (size_t i = 0; i < samples; i++) {
                uint32_t v = (uint32_t)row[2 * i] | ((uint32_t)row[2 * i + 1] << 8);
                out[i] = (uint16_t)((v * 65535u + ((1u << bits) - 1) / 2) / ((1u << bits) - 1));
            }
            sink(context, &layout, wide, (uint32_t)y);
        } else {
            sink(context, &layout, row, (uint32_t)y);
        }
    }
done:
    free(wide);
    free(profile);
    if (image != NULL) heif_image_release(image);
    if (handle != NULL) heif_image_handle_release(handle);
    heif_context_free(heif);
    return code;
}
