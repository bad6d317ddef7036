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

#endif
