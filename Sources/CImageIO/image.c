#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"

int cimageio_decode_path(const char *path, cimageio_stream_decoder decode, uint64_t max_pixels,
                         uint32_t max_long_side, cimageio_row_sink sink, void *context,
                         char *message, size_t message_size) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        return cimageio_fail(CIMAGEIO_ERROR_OPEN, message, message_size, "%s", strerror(errno));
    }
    int code = decode(file, max_pixels, max_long_side, sink, context, message, message_size);
    fclose(file);
    return code;
}
