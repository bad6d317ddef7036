/* libFuzzer harness for one decoder, chosen at build time by scripts/fuzz:
 * -DFUZZ_PNG (the row-by-row PNG decoder, with a sink that reads every byte),
 * or -DFUZZ_JPEG (the JPEG decoder at full size, then reduced with a long side
 * taken from the input's last byte). */
#include <stdint.h>
#include <stdio.h>
#include "CImageIO.h"

#ifdef FUZZ_PNG
/* Touches every delivered byte, so a short or stale row buffer shows up under ASan. */
static void fuzz_sink(void *context, const cimageio_image *layout, const void *row, uint32_t y) {
    (void)y;
    const uint8_t *bytes = row;
    size_t count = (size_t)layout->width * layout->channels * layout->bytes_per_sample;
    uint32_t sum = 0;
    for (size_t i = 0; i < count; i++) sum += bytes[i];
    *(volatile uint32_t *)context += sum;
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    FILE *file = fmemopen((void *)data, size, "rb");
    if (file == NULL) return 0;
    char message[256];
    /* 256 kilopixels: enough for any structure, small enough to stay fast. */
#ifdef FUZZ_PNG
    uint32_t sum = 0;
    (void)cimageio_png_decode_stream_rows(file, 1u << 18, fuzz_sink, &sum, message, sizeof message);
#else
    cimageio_image image;
    if (cimageio_jpeg_decode_stream(file, 1u << 18, &image, message, sizeof message) == CIMAGEIO_OK) {
        cimageio_image_free(&image);
    }
    rewind(file);
    if (cimageio_jpeg_decode_stream_reduced(file, 1u << 18, 1u + data[size - 1], &image, message,
                                            sizeof message) == CIMAGEIO_OK) {
        cimageio_image_free(&image);
    }
#endif
    fclose(file);
    return 0;
}
