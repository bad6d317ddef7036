#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"

void cimageio_image_free(cimageio_image *image) {
    if (image == NULL) return;
    free(image->pixels);
    image->pixels = NULL;
}

int cimageio_decode_path(const char *path, cimageio_stream_decoder decode, uint64_t max_pixels,
                         uint32_t max_long_side, cimageio_image *out, char *message, size_t message_size) {
    memset(out, 0, sizeof *out);
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        return cimageio_fail(CIMAGEIO_ERROR_OPEN, message, message_size, "%s", strerror(errno));
    }
    int code = decode(file, max_pixels, max_long_side, out, message, message_size);
    fclose(file);
    return code;
}
