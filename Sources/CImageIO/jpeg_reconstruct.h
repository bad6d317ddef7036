#ifndef CIMAGEIO_JPEG_RECONSTRUCT_H
#define CIMAGEIO_JPEG_RECONSTRUCT_H

#include <stdio.h>
#include <jpeglib.h>
#include "CImageIO.h"

/* `size` scaled by k/8, rounded up (the size of a k/8 reconstruction). */
size_t cimageio_jpeg_scaled(size_t size, int k);

/* A JPEG's components reconstructed at k/8 scale, before upsampling and
 * colour conversion. */
typedef struct {
    /* Samples per 8-sample block (1-8), and the transform that makes them. */
    int k;
    float basis[8][8], transposed[8][8];
    int components;
    /* The file stores RGB rather than YCbCr. */
    int rgb;
    float *planes[4];
    size_t strides[4];
    /* Samples of each plane that lie inside the image. */
    size_t valid_w[4], valid_h[4];
    /* Component samples per output pixel, and whether that is 1 both ways. */
    double scale_x[4], scale_y[4];
    int full[4];
} cimageio_jpeg_planes;

/* Sets up `out` (zeroed by the caller) for each component's samples at k/8
 * scale (k in 1-8) and allocates its planes, once jpeg_read_header has
 * returned. Returns 0 when memory runs out; the caller frees `out` with
 * cimageio_jpeg_planes_free on every path. */
int cimageio_jpeg_planes_prepare(j_decompress_ptr info, int k, cimageio_jpeg_planes *out);

/* Reconstructs `count` rows of component `c`'s blocks, starting at block row
 * `first`, into its plane: sRGB or YCbCr codes 0-255, in floating point from
 * each block's k×k lowest frequencies. Rows below the component's height are
 * skipped. libjpeg errors (no quantization table) longjmp out through the
 * caller's handler. */
void cimageio_jpeg_transform_rows(j_decompress_ptr info, cimageio_jpeg_planes *planes, int c, JBLOCKARRAY rows,
                                  JDIMENSION first, JDIMENSION count);

/* Reconstructs every component from the whole-image coefficient arrays that
 * jpeg_read_coefficients returns with libjpeg's own memory manager. */
void cimageio_jpeg_transform(j_decompress_ptr info, jvirt_barray_ptr *coefficients, cimageio_jpeg_planes *planes);

/* Delivers `layout->height` rows of `layout->width` × components floats
 * (interleaved) to `sink`: sRGB-encoded samples in 0-1 (R, G, B for colour,
 * gray for one component), subsampled components interpolated bilinearly.
 * Does not call libjpeg. Returns 0 when memory runs out. */
int cimageio_jpeg_emit(const cimageio_jpeg_planes *planes, const cimageio_layout *layout,
                       cimageio_row_sink sink, void *context);

void cimageio_jpeg_planes_free(cimageio_jpeg_planes *planes);

#endif
