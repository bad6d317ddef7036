#ifndef CIMAGEIO_COMMON_H
#define CIMAGEIO_COMMON_H

#include <stdarg.h>
#include <stdio.h>
#include "CImageIO.h"

/* Formats `message` and returns `code`. */
static inline int cimageio_fail(int code, char *message, size_t size, const char *format, ...) {
    if (message != NULL && size > 0) {
        va_list args;
        va_start(args, format);
        vsnprintf(message, size, format, args);
        va_end(args);
    }
    return code;
}

/* Decodes one image from an open stream (left open) into `sink`, reduced to
 * `max_long_side` where the format allows it (0: full size). */
typedef int (*cimageio_stream_decoder)(FILE *file, uint64_t max_pixels, uint32_t max_long_side,
                                       cimageio_row_sink sink, void *context, char *message, size_t message_size);

/* Opens `path`, decodes it with `decode`, closes it. */
int cimageio_decode_path(const char *path, cimageio_stream_decoder decode, uint64_t max_pixels,
                         uint32_t max_long_side, cimageio_row_sink sink, void *context,
                         char *message, size_t message_size);

#endif
