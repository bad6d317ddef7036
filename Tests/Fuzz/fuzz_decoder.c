/* libFuzzer harness for one decoder, chosen at build time by scripts/fuzz:
 * -DFUZZ_DECODE=cimageio_png_decode_stream or cimageio_jpeg_decode_stream, and
 * for JPEG also -DFUZZ_REDUCED=cimageio_jpeg_decode_stream_reduced (the
 * DCT-domain reduction, with a long side taken from the input's last byte). */
#include <stdint.h>
#include <stdio.h>
#include "CImageIO.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    FILE *file = fmemopen((void *)data, size, "rb");
    if (file == NULL) return 0;
    cimageio_image image;
    char message[256];
    /* 256 kilopixels: enough for any structure, small enough to stay fast. */
    if (FUZZ_DECODE(file, 1u << 18, &image, message, sizeof message) == CIMAGEIO_OK) {
        cimageio_image_free(&image);
    }
#ifdef FUZZ_REDUCED
    rewind(file);
    if (FUZZ_REDUCED(file, 1u << 18, 1u + data[size - 1], &image, message, sizeof message) == CIMAGEIO_OK) {
        cimageio_image_free(&image);
    }
#endif
    fclose(file);
    return 0;
}
