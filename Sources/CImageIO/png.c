#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <png.h>
#include <setjmp.h>
#include "common.h"

/* libpng reports errors through this callback, which must not return: it
 * keeps the message and longjmps back into cimageio_png_decode. */
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

/* PNGs are decoded at full size; reducing them is left to the caller. */
static int cimageio_png_decode_stream_any(FILE *file, uint64_t max_pixels, uint32_t max_long_side,
                                          cimageio_image *out, char *message, size_t message_size) {
    (void)max_long_side;
    return cimageio_png_decode_stream(file, max_pixels, out, message, message_size);
}

int cimageio_png_decode(const char *path, uint64_t max_pixels, cimageio_image *out,
                        char *message, size_t message_size) {
    return cimageio_decode_path(path, cimageio_png_decode_stream_any, max_pixels, 0, out, message, message_size);
}

int cimageio_png_decode_stream(FILE *file, uint64_t max_pixels, cimageio_image *out,
                               char *message, size_t message_size) {
    memset(out, 0, sizeof *out);
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
    /* Resource limits: no ancillary chunk may allocate more than 8 MB, at most
     * 1000 of them are kept, and text and ICC chunks (which pigment does not use
     * and which hold compressed data) are skipped undecompressed. */
    png_set_user_limits(png, 1000000, 1000000);
    png_set_chunk_cache_max(png, 1000);
    png_set_chunk_malloc_max(png, 8u << 20);
    static const png_byte skipped[] = "iCCP\0iTXt\0tEXt\0zTXt\0sPLT\0eXIf\0";
    png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, skipped, 6);
    png_read_info(png, info);
    png_uint_32 width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    if ((uint64_t)width * (uint64_t)height > max_pixels) {
        code = CIMAGEIO_ERROR_TOO_LARGE;
        snprintf(error.text, sizeof error.text, "%ux%u pixels exceeds the limit of %llu pixels",
                 width, height, (unsigned long long)max_pixels);
        longjmp(error.jump, 1);
    }
    int depth = png_get_bit_depth(png, info), type = png_get_color_type(png, info);
    /* Everything becomes RGBA, or gray+alpha for gray images (masks), of 8 or
     * 16 bits, as stored (no gamma applied). */
    int gray = !(type & PNG_COLOR_MASK_COLOR);
    int channels = gray ? 2 : 4;
    png_set_expand(png);
    if (!gray) png_set_gray_to_rgb(png);
    if (!(type & PNG_COLOR_MASK_ALPHA) && !png_get_valid(png, info, PNG_INFO_tRNS)) {
        png_set_add_alpha(png, depth == 16 ? 0xFFFF : 0xFF, PNG_FILLER_AFTER);
    }
    if (depth == 16) {
        uint16_t probe = 1;
        if (*(uint8_t *)&probe == 1) png_set_swap(png); /* to host byte order */
    }
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    size_t stride = png_get_rowbytes(png, info);
    size_t bytes = depth == 16 ? 2 : 1;
    if (stride != (size_t)width * (size_t)channels * bytes) {
        code = CIMAGEIO_ERROR_UNSUPPORTED;
        snprintf(error.text, sizeof error.text, "unexpected PNG layout");
        longjmp(error.jump, 1);
    }
    buffer = malloc(stride * height);
    rows = malloc(sizeof(png_bytep) * height);
    if (buffer == NULL || rows == NULL) {
        code = CIMAGEIO_ERROR_MEMORY;
        snprintf(error.text, sizeof error.text, "cannot allocate %zu bytes", stride * height);
        longjmp(error.jump, 1);
    }
    for (png_uint_32 y = 0; y < height; y++) rows[y] = buffer + stride * y;
    png_read_image(png, rows);
    png_read_end(png, NULL);

    /* Transfer curve: sRGB unless the file gives another gamma. */
    double gamma = 0;
    if (!png_get_valid(png, info, PNG_INFO_sRGB) && png_get_gAMA(png, info, &gamma)) {
        if (gamma > 0.44 && gamma < 0.47) gamma = 0; /* 1/2.2: the sRGB intent */
    } else {
        gamma = 0;
    }
    out->width = width;
    out->height = height;
    out->channels = (uint32_t)channels;
    out->bytes_per_sample = (uint32_t)bytes;
    out->orientation = 1;
    out->file_gamma = gamma;
    out->scale_eighths = 8;
    out->full_width = out->width;
    out->full_height = out->height;
    out->pixels = buffer;
    png_destroy_read_struct(&png, &info, NULL);
    free(rows);
    return CIMAGEIO_OK;
}

int cimageio_png_encode(const char *path, const void *pixels, uint32_t width, uint32_t height,
                        uint32_t channels, uint32_t bytes_per_sample,
                        char *message, size_t message_size) {
    static const png_uint_32 formats[4] = {
        PNG_FORMAT_GRAY, PNG_FORMAT_GA, PNG_FORMAT_RGB, PNG_FORMAT_RGBA
    };
    if (channels < 1 || channels > 4 || (bytes_per_sample != 1 && bytes_per_sample != 2)) {
        return cimageio_fail(CIMAGEIO_ERROR_UNSUPPORTED, message, message_size,
                             "cannot write %u channels of %u bytes", channels, bytes_per_sample);
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
