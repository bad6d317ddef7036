#ifndef CIMAGEIO_JPEG_RECONSTRUCT_H
#define CIMAGEIO_JPEG_RECONSTRUCT_H

#include <stdio.h>
#include <jpeglib.h>
#include "CImageIO.h"

/* `size` scaled by k/8, rounded up (the size of a k/8 reconstruction). */
size_t cimageio_jpeg_scaled(size_t size, int k);

/* Delivers `layout->height` rows of `layout->width` × num_components floats
 * (interleaved; width and height are the image's scaled by k/8, k in 1–8) to
 * `sink`: sRGB-encoded samples in 0–1 (R, G, B for colour, gray for one
 * component), reconstructed in floating point from the coefficient arrays
 * returned by jpeg_read_coefficients. Returns 0 when memory runs out.
 * libjpeg errors longjmp out through the caller's handler, and only happen
 * before the first row: the rows are made without calling libjpeg. */
int cimageio_jpeg_reconstruct(j_decompress_ptr info, jvirt_barray_ptr *coefficients, int k,
                              const cimageio_layout *layout, cimageio_row_sink sink, void *context);

#endif
