/* libFuzzer harness for one decoder, chosen at build time by scripts/fuzz:
 * -DFUZZ_PNG, -DFUZZ_JPEG or -DFUZZ_HEIF. The JPEG decoder runs at full size, then reduced
 * with a long side taken from the input's last byte. The sink reads every
 * delivered byte, so a short or stale row buffer shows up under ASan. */
#include <stdint.h>
#include <stdio.h>
#include "CImageIO.h"

static void fuzz_sink(void *context, const cimageio_layout *layout, const void *row, uint32_t y) {
    (void)y;
    const uint8_t *bytes = row;
    size_t count = (size_t)layout->width * layout->channels * layout->bytes_per_sample;
    uint32_t sum = 0;
    for (size_t i = 0; i < count; i++) sum += bytes[i];
    *(volatile uint32_t *)context += sum;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    FILE *file = fmemopen((void *)data, size, "rb");
    if (file == NULL) return 0;
    char message[256];
    uint32_t sum = 0;
    /* 256 kilopixels: enough for any structure, small enough to stay fast. */
#if defined(FUZZ_PNG)
    (void)cimageio_png_decode_stream_rows(file, 1u << 18, 0, fuzz_sink, &sum, message, sizeof message);
#elif defined(FUZZ_HEIF)
    (void)cimageio_heif_decode_stream_rows(file, 1u << 18, 0, fuzz_sink, &sum, message, sizeof message);
#else
    (void)cimageio_jpeg_decode_stream_rows(file, 1u << 18, 0, fuzz_sink, &sum, message, sizeof message);
    rewind(file);
    (void)cimageio_jpeg_decode_stream_rows(file, 1u << 18, 1u + data[size - 1], fuzz_sink, &sum, message,
                                           sizeof message);
#endif
    fclose(file);
    return 0;
}
