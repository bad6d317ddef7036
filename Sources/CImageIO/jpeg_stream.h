#ifndef CIMAGEIO_JPEG_STREAM_H
#define CIMAGEIO_JPEG_STREAM_H

#include <stdio.h>
#include <jpeglib.h>
#include "jpeg_reconstruct.h"

/* jpeg_read_coefficients keeps every block of the image (≈ 72 MB at 24 MP)
 * because it is made for transcoding. A sequential (non-progressive) file
 * writes each block row once, top to bottom, so pigment gives libjpeg a
 * window of one block row per component instead, through the virtual-array
 * methods of its public memory manager, and reconstructs each row into the
 * planes as the window moves on. A progressive file revisits every row, and
 * keeps libjpeg's own whole-image arrays. */
typedef struct {
    cimageio_jpeg_planes *planes;
    void (*realize_own)(j_common_ptr info);
    /* Windows in the order libjpeg requests them: one per component. */
    void *windows[MAX_COMPONENTS];
    int count;
} cimageio_jpeg_stream;

/* Routes `info`'s block arrays through `stream` (which must outlive the
 * decode) and sets `info->client_data` to it. Call after jpeg_read_header and
 * before jpeg_read_coefficients, on sequential files only. */
void cimageio_jpeg_stream_install(j_decompress_ptr info, cimageio_jpeg_stream *stream, cimageio_jpeg_planes *planes);

/* Reconstructs the rows still in the windows, once jpeg_read_coefficients has
 * returned `coefficients` (the windows). */
void cimageio_jpeg_stream_finish(j_decompress_ptr info, jvirt_barray_ptr *coefficients);

#endif
