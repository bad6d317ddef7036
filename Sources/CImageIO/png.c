#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <png.h>
#include "common.h"

int cimageio_png_decode(const char *path, uint64_t max_pixels, cimageio_image *out,
                        char *message, size_t message_size) {
    memset(out, 0, sizeof *out);
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        return cimageio_fail(CIMAGEIO_ERROR_OPEN, message, message_size, "%s", strerror(errno));
    }
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_stdio(&image, file)) {
        int code = cimageio_fail(CIMAGEIO_ERROR_CORRUPT, message, message_size, "%s", image.message);
        png_image_free(&image);
        fclose(file);
        return code;
    }
    if ((uint64_t)image.width * (uint64_t)image.height > max_pixels) {
        int code = cimageio_fail(CIMAGEIO_ERROR_TOO_LARGE, message, message_size,
                                 "%ux%u pixels exceeds the limit of %llu pixels",
                                 image.width, image.height, (unsigned long long)max_pixels);
        png_image_free(&image);
        fclose(file);
        return code;
    }
    /* Linear light, 16 bits, premultiplied alpha: libpng applies the file's
     * gamma (sRGB when unspecified) and keeps 16-bit precision. */
    image.format = PNG_FORMAT_LINEAR_RGB_ALPHA;
    size_t size = PNG_IMAGE_SIZE(image);
    void *buffer = malloc(size);
    if (buffer == NULL) {
        png_image_free(&image);
        fclose(file);
        return cimageio_fail(CIMAGEIO_ERROR_MEMORY, message, message_size,
                             "cannot allocate %zu bytes", size);
    }
    if (!png_image_finish_read(&image, NULL, buffer, 0, NULL)) {
        int code = cimageio_fail(CIMAGEIO_ERROR_CORRUPT, message, message_size, "%s", image.message);
        free(buffer);
        png_image_free(&image);
        fclose(file);
        return code;
    }
    out->width = image.width;
    out->height = image.height;
    out->channels = 4;
    out->bytes_per_sample = 2;
    out->orientation = 1;
    out->pixels = buffer;
    png_image_free(&image);
    fclose(file);
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
