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

/* Fills `out` (zeroed by the caller) with each component's samples, sRGB or
 * YCbCr codes 0-255, reconstructed in floating point from the coefficient
 * arrays returned by jpeg_read_coefficients: only each block's k×k lowest
 * frequencies (k in 1-8). Returns 0 when memory runs out. libjpeg errors
 * longjmp out through the caller's handler; the caller frees `out` with
 * cimageio_jpeg_planes_free on every path. */
int cimageio_jpeg_transform(j_decompress_ptr info, jvirt_barray_ptr *coefficients, int k,
                            cimageio_jpeg_planes *out);

/* Delivers `layout->height` rows of `layout->width` × components floats
 * (interleaved) to `sink`: sRGB-encoded samples in 0-1 (R, G, B for colour,
 * gray for one component), subsampled components interpolated bilinearly.
 * Does not call libjpeg. Returns 0 when memory runs out. */
int cimageio_jpeg_emit(const cimageio_jpeg_planes *planes, const cimageio_layout *layout,
                       cimageio_row_sink sink, void *context);

void cimageio_jpeg_planes_free(cimageio_jpeg_planes *planes);

#endif
