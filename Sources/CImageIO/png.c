#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <png.h>
#include <setjmp.h>
#include "common.h"

/* libpng reports errors through this callback, which must not return: it
 * keeps the message and longjmps back into cimageio_png_decode_stream_rows. */
typedef struct {
    jmp_buf jump;
    char text[200];
} cimageio_png_error;

static void cimageio_png_error_fn(png_structp png, png_const_charp text) {
    cimageio_png_error *error = (cimageio_png_error *)png_get_error_ptr(png);
    snprintf(error->text, sizeof error->text, "%s", text);
    longjmp(error->jump, 1);
}

static void cimageio_png_warning_fn(png_structp png, png_const_charp text) {
    (void)png;
    (void)text;
}

int cimageio_png_decode_rows(const char *path, uint64_t max_pixels, uint32_t max_long_side,
                             cimageio_row_sink sink, void *context, char *message, size_t message_size) {
    return cimageio_decode_path(path, cimageio_png_decode_stream_rows, max_pixels, max_long_side, sink, context,
                                message, message_size);
}

int cimageio_png_decode_stream_rows(FILE *file, uint64_t max_pixels, uint32_t max_long_side,
                                    cimageio_row_sink sink, void *context, char *message, size_t message_size) {
    (void)max_long_side;
    cimageio_png_error error;
    error.text[0] = '\0';
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &error, cimageio_png_error_fn,
                                             cimageio_png_warning_fn);
    png_infop info = png == NULL ? NULL : png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        return cimageio_fail(CIMAGEIO_ERROR_MEMORY, message, message_size, "cannot allocate a PNG reader");
    }
    unsigned char *volatile buffer = NULL;
    png_bytep *volatile rows = NULL;
    volatile int code = CIMAGEIO_ERROR_CORRUPT;
    if (setjmp(error.jump)) {
        cimageio_fail(code, message, message_size, "%s", error.text);
        png_destroy_read_struct(&png, &info, NULL);
        free(rows);
        free(buffer);
        return code;
    }
    png_init_io(png, file);
    /* Resource limits: no ancillary chunk may allocate more than 8 MB (an ICC
     * profile's decompressed size included), at most 1000 of them are kept,
     * and text chunks (which pigment does not use and which hold compressed
     * data) are skipped undecompressed. */
    png_set_user_limits(png, 1000000, 1000000);
    png_set_chunk_cache_max(png, 1000);
    png_set_chunk_malloc_max(png, 8u << 20);
    static const png_byte skipped[] = "iTXt\0tEXt\0zTXt\0sPLT\0eXIf\0";
    png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, skipped, 5);
    png_read_info(png, info);
    png_uint_32 width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    if ((uint64_t)width * (uint64_t)height > max_pixels) {
        code = CIMAGEIO_ERROR_TOO_LARGE;
        snprintf(error.text, sizeof error.text, "%ux%u pixels exceeds the limit of %llu pixels",
                 width, height, (unsigned long long)max_pixels);
        longjmp(error.jump, 1);
    }
    int depth = png_get_bit_depth(png, info), type = png_get_color_type(png, info);
    /* Everything becomes gray or RGB, with alpha when the file has any (an
     * alpha channel or tRNS), of 8 or 16 bits, as stored (no gamma applied). */
    int gray = !(type & PNG_COLOR_MASK_COLOR);
    int alpha = (type & PNG_COLOR_MASK_ALPHA) || png_get_valid(png, info, PNG_INFO_tRNS);
    int channels = (gray ? 1 : 3) + (alpha ? 1 : 0);
    png_set_expand(png);
    if (depth == 16) {
        uint16_t probe = 1;
        if (*(uint8_t *)&probe == 1) png_set_swap(png); /* to host byte order */
    }
    int interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    size_t stride = png_get_rowbytes(png, info);
    size_t bytes = depth == 16 ? 2 : 1;
    if (stride != (size_t)width * (size_t)channels * bytes) {
        code = CIMAGEIO_ERROR_UNSUPPORTED;
        snprintf(error.text, sizeof error.text, "unexpected PNG layout");
        longjmp(error.jump, 1);
    }
    /* An ICC profile (libpng drops one that does not fit the image, with a
     * warning) says what the colours mean, before any gAMA. Its bytes live as
     * long as `info`, past the last row. */
    png_charp profile_name = NULL;
    int profile_compression = 0;
    png_bytep profile = NULL;
    png_uint_32 profile_length = 0;
    if (gray || !png_get_iCCP(png, info, &profile_name, &profile_compression, &profile, &profile_length)) {
        profile = NULL;
        profile_length = 0;
    }
    /* Transfer curve: sRGB unless the file gives another gamma. */
    double gamma = 0;
    if (profile == NULL && !png_get_valid(png, info, PNG_INFO_sRGB) && png_get_gAMA(png, info, &gamma)) {
        if (gamma > 0.44 && gamma < 0.47) gamma = 0; /* 1/2.2: the sRGB intent */
    } else {
        gamma = 0;
    }
    cimageio_layout layout;
    memset(&layout, 0, sizeof layout);
    layout.width = width;
    layout.height = height;
    layout.channels = (uint32_t)channels;
    layout.bytes_per_sample = (uint32_t)bytes;
    layout.orientation = 1;
    layout.file_gamma = gamma;
    layout.scale_eighths = 8;
    layout.full_width = width;
    layout.full_height = height;
    layout.icc_profile = profile;
    layout.icc_length = profile_length;

    /* Interlaced files need every row at once (later passes fill in earlier
     * rows); others are read one row at a time. */
    size_t buffered = interlaced ? (size_t)height : 1;
    buffer = malloc(stride * buffered);
    rows = malloc(sizeof(png_bytep) * buffered);
    if (buffer == NULL || rows == NULL) {
        code = CIMAGEIO_ERROR_MEMORY;
        snprintf(error.text, sizeof error.text, "cannot allocate %zu bytes", stride * buffered);
        longjmp(error.jump, 1);
    }
    for (size_t y = 0; y < buffered; y++) rows[y] = buffer + stride * y;
    if (interlaced) {
        png_read_image(png, rows);
        png_read_end(png, NULL);
        for (png_uint_32 y = 0; y < height; y++) sink(context, &layout, rows[y], y);
    } else {
        for (png_uint_32 y = 0; y < height; y++) {
            png_read_row(png, rows[0], NULL);
            sink(context, &layout, rows[0], y);
        }
        png_read_end(png, NULL);
    }
    png_destroy_read_struct(&png, &info, NULL);
    free(rows);
    free(buffer);
    return CIMAGEIO_OK;
}

/* Writes 8-bit RGB or RGBA rows with an iCCP chunk: libpng's full write API,
 * since the simplified one writes no profile. */
static int cimageio_png_encode_profiled(const char *path, const uint8_t *pixels, uint32_t width, uint32_t height,
                                        uint32_t channels, const uint8_t *icc_profile, uint32_t icc_length,
                                        char *message, size_t message_size) {
    FILE *file = fopen(path, "wb");
    if (file == NULL) {
        return cimageio_fail(CIMAGEIO_ERROR_WRITE, message, message_size, "%s", strerror(errno));
    }
    cimageio_png_error error;
    error.text[0] = '\0';
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &error, cimageio_png_error_fn,
                                              cimageio_png_warning_fn);
    png_infop info = png == NULL ? NULL : png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        fclose(file);
        return cimageio_fail(CIMAGEIO_ERROR_MEMORY, message, message_size, "cannot allocate a PNG writer");
    }
    if (setjmp(error.jump)) {
        png_destroy_write_struct(&png, &info);
        fclose(file);
        return cimageio_fail(CIMAGEIO_ERROR_WRITE, message, message_size, "%s", error.text);
    }
    png_init_io(png, file);
    png_set_IHDR(png, info, width, height, 8, channels == 4 ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_iCCP(png, info, "ICC profile", PNG_COMPRESSION_TYPE_BASE, icc_profile, icc_length);
    png_write_info(png, info);
    for (uint32_t y = 0; y < height; y++) png_write_row(png, pixels + (size_t)y * width * channels);
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    if (fclose(file) != 0) {
        return cimageio_fail(CIMAGEIO_ERROR_WRITE, message, message_size, "%s", strerror(errno));
    }
    return CIMAGEIO_OK;
}

int cimageio_png_encode(const char *path, const void *pixels, uint32_t width, uint32_t height,
                        uint32_t channels, uint32_t bytes_per_sample,
                        const uint8_t *icc_profile, uint32_t icc_length,
                        char *message, size_t message_size) {
    static const png_uint_32 formats[4] = {
        PNG_FORMAT_GRAY, PNG_FORMAT_GA, PNG_FORMAT_RGB, PNG_FORMAT_RGBA
    };
    if (channels < 1 || channels > 4 || (bytes_per_sample != 1 && bytes_per_sample != 2)) {
        return cimageio_fail(CIMAGEIO_ERROR_UNSUPPORTED, message, message_size,
                             "cannot write %u channels of %u bytes", channels, bytes_per_sample);
    }
    if (icc_profile != NULL && icc_length > 0) {
        if (channels < 3 || bytes_per_sample != 1) {
            return cimageio_fail(CIMAGEIO_ERROR_UNSUPPORTED, message, message_size,
                                 "an ICC profile is written with 8-bit RGB or RGBA only");
        }
        return cimageio_png_encode_profiled(path, pixels, width, height, channels, icc_profile, icc_length,
                                            message, message_size);
    }
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = width;
    image.height = height;
    image.format = formats[channels - 1] | (bytes_per_sample == 2 ? PNG_FORMAT_FLAG_LINEAR : 0);
    if (!png_image_write_to_file(&image, path, 0, pixels, 0, NULL)) {
        int code = cimageio_fail(CIMAGEIO_ERROR_WRITE, message, message_size, "%s", image.message);
        png_image_free(&image);
        return code;
    }
    return CIMAGEIO_OK;
}
