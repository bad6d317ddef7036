#ifndef CIMAGEIO_H
#define CIMAGEIO_H

/* A thin C layer over libpng, libjpeg and libheif. Every function returns a result
 * code and fills `message` with a one-line, human-readable cause on failure.
 * setjmp/longjmp never crosses this boundary. */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum {
    CIMAGEIO_OK = 0,
    /* The file could not be opened or read. */
    CIMAGEIO_ERROR_OPEN = 1,
    /* The data is not a valid image of the expected format (corrupt, truncated). */
    CIMAGEIO_ERROR_CORRUPT = 2,
    /* A valid image of a variant this library does not measure (CMYK, 12-bit). */
    CIMAGEIO_ERROR_UNSUPPORTED = 3,
    /* The header announces more pixels than the caller's limit. */
    CIMAGEIO_ERROR_TOO_LARGE = 4,
    /* Memory could not be allocated. */
    CIMAGEIO_ERROR_MEMORY = 5,
    /* The output file could not be written. */
    CIMAGEIO_ERROR_WRITE = 6
} cimageio_code;

/* How a decoder's rows are laid out: each row holds `width` pixels of
 * `channels` interleaved samples, top row first. */
typedef struct {
    uint32_t width;
    uint32_t height;
    /* PNG: 1 (gray), 2 (gray, alpha), 3 (R, G, B) or 4 (R, G, B, alpha): an
     * even count carries alpha last. 8 or 16 bits as stored (host byte order),
     * coded with the file's transfer curve, alpha not premultiplied.
     * JPEG: 1 (gray) or 3 (R, G, B), 32-bit float, sRGB-encoded 0-1,
     * reconstructed from the DCT coefficients in floating point. */
    uint32_t channels;
    uint32_t bytes_per_sample;
    /* EXIF orientation 1-8 as stored in the file; 1 when absent. */
    uint32_t orientation;
    /* PNG gAMA value (encoding exponent, e.g. 0.5) when the file states a
     * gamma other than sRGB's; 0 means the sRGB curve. */
    double file_gamma;
    /* JPEG: the rows are reconstructed at scale_eighths/8 of the stored size
     * (8: full size). PNG: always 8. */
    uint32_t scale_eighths;
    /* The size stored in the file (before any reduction or orientation). */
    uint32_t full_width;
    uint32_t full_height;
    /* The embedded ICC profile of a colour image (JPEG: APP2 "ICC_PROFILE"
     * segments joined; PNG: iCCP, decompressed), valid while rows are
     * delivered; NULL and 0 when there is none. With one, a PNG's file_gamma
     * is 0: the profile holds the curve. */
    const uint8_t *icc_profile;
    uint32_t icc_length;
    /* HEIF without an ICC profile: the colour stated by coded primaries (an
     * nclx box): CICP transfer characteristics (0: none stated) and the
     * primaries' and white's chromaticities, x then y of red, green, blue,
     * white. */
    uint32_t cicp_transfer;
    float cicp_primaries[8];
} cimageio_layout;

/* Receives decoded rows top to bottom, as described by `layout`: `row` is only
 * valid during the call. The sink must not call back into this library. */
typedef void (*cimageio_row_sink)(void *context, const cimageio_layout *layout, const void *row, uint32_t y);

/* Decodes a PNG row by row into `sink`, without a full-size buffer (except for
 * interlaced files, whose rows are only complete at the end). PNGs are not
 * reduced: `max_long_side` is ignored. On failure some rows may already have
 * been delivered: the caller discards them. */
int cimageio_png_decode_rows(const char *path, uint64_t max_pixels, uint32_t max_long_side,
                             cimageio_row_sink sink, void *context, char *message, size_t message_size);

/* Decodes a JPEG into `sink` at full size (`max_long_side` 0), or at the
 * largest scale k/8 (k = 1-8) whose long side is at most `max_long_side`, by
 * DCT-domain downscaling in floating point: only each block's k×k lowest
 * frequencies are transformed. Rows are delivered only once the whole file
 * has decoded without error. */
int cimageio_jpeg_decode_rows(const char *path, uint64_t max_pixels, uint32_t max_long_side,
                              cimageio_row_sink sink, void *context, char *message, size_t message_size);

/* Decodes a HEIF file (HEIC: HEVC-coded, as phones save; AVIF) into `sink`
 * through libheif, at full size (`max_long_side` is ignored), the container's
 * rotation and mirroring applied: 8-bit rows, or 16-bit (host order, the
 * full 0-65535 range) for 10- and 12-bit images; alpha last when present. */
int cimageio_heif_decode_rows(const char *path, uint64_t max_pixels, uint32_t max_long_side,
                              cimageio_row_sink sink, void *context, char *message, size_t message_size);

/* The same, from an open stream (left open); used by the fuzz harnesses. */
int cimageio_png_decode_stream_rows(FILE *file, uint64_t max_pixels, uint32_t max_long_side,
                                    cimageio_row_sink sink, void *context, char *message, size_t message_size);
int cimageio_jpeg_decode_stream_rows(FILE *file, uint64_t max_pixels, uint32_t max_long_side,
                                     cimageio_row_sink sink, void *context, char *message, size_t message_size);
int cimageio_heif_decode_stream_rows(FILE *file, uint64_t max_pixels, uint32_t max_long_side,
                                     cimageio_row_sink sink, void *context, char *message, size_t message_size);

/* Writes a PNG. `channels` 1-4 (gray, gray+alpha, RGB, RGBA).
 * bytes_per_sample 1: sRGB-encoded 8-bit; 2: linear-light 16-bit.
 * `icc_profile` (`icc_length` bytes; NULL: none; 8-bit RGB or RGBA only) is written
 * as an iCCP chunk: the samples are then in its colour space. */
int cimageio_png_encode(const char *path, const void *pixels, uint32_t width, uint32_t height,
                        uint32_t channels, uint32_t bytes_per_sample,
                        const uint8_t *icc_profile, uint32_t icc_length,
                        char *message, size_t message_size);

/* Writes an 8-bit JPEG (`channels` 1 or 3) at `quality` 1-100, with 4:2:0
 * chroma subsampling. `progressive` non-zero writes a progressive JPEG.
 * `orientation` 1-8 writes an EXIF APP1 segment with that orientation tag;
 * 0 writes none. `icc_profile` (`icc_length` bytes; NULL: none) is embedded
 * as APP2 segments: the pixels are then in its colour space, else sRGB. */
int cimageio_jpeg_encode(const char *path, const uint8_t *pixels, uint32_t width, uint32_t height,
                         uint32_t channels, int quality, int progressive, uint32_t orientation,
                         const uint8_t *icc_profile, uint32_t icc_length,
                         char *message, size_t message_size);

/* Reads the orientation tag (0x0112) from an APP1 "Exif" payload; 1 when absent
 * or malformed. Exposed for tests. */
uint32_t cimageio_exif_orientation(const uint8_t *data, size_t length);

#endif
