#include <string.h>
#include <jerror.h>
#include "jpeg_stream.h"

/* One component's window: the block rows libjpeg is filling now. */
typedef struct {
    int component;
    JDIMENSION blocks_per_row, rows, max_access;
    JBLOCKARRAY blocks;
    /* The block rows the window holds: `held` rows from `first`; rows above
     * `done` have been reconstructed. */
    JDIMENSION first, held, done;
} cimageio_jpeg_window;

static cimageio_jpeg_stream *cimageio_stream_of(j_common_ptr info) {
    return (cimageio_jpeg_stream *)info->client_data;
}

static jvirt_barray_ptr cimageio_stream_request(j_common_ptr info, int pool, boolean pre_zero,
                                                JDIMENSION blocks_per_row, JDIMENSION rows, JDIMENSION max_access) {
    (void)pre_zero; /* every window is zeroed as it moves */
    cimageio_jpeg_stream *stream = cimageio_stream_of(info);
    if (stream->count >= MAX_COMPONENTS) ERREXIT(info, JERR_BAD_VIRTUAL_ACCESS);
    cimageio_jpeg_window *window = (*info->mem->alloc_small)(info, pool, sizeof *window);
    memset(window, 0, sizeof *window);
    window->component = stream->count;
    window->blocks_per_row = blocks_per_row;
    window->rows = rows;
    window->max_access = max_access;
    stream->windows[stream->count++] = window;
    return (jvirt_barray_ptr)window;
}

static void cimageio_stream_realize(j_common_ptr info) {
    cimageio_jpeg_stream *stream = cimageio_stream_of(info);
    stream->realize_own(info); /* any arrays libjpeg made itself */
    for (int i = 0; i < stream->count; i++) {
        cimageio_jpeg_window *window = stream->windows[i];
        window->blocks = (*info->mem->alloc_barray)(info, JPOOL_IMAGE, window->blocks_per_row, window->max_access);
    }
}

/* Reconstructs the rows the window holds and empties it. */
static void cimageio_stream_flush(j_decompress_ptr info, cimageio_jpeg_window *window) {
    cimageio_jpeg_stream *stream = cimageio_stream_of((j_common_ptr)info);
    if (window->held > 0) {
        cimageio_jpeg_transform_rows(info, stream->planes, window->component, window->blocks, window->first,
                                     window->held);
        window->done = window->first + window->held;
    }
    window->held = 0;
}

/* Gives the window, flushed by the caller, `count` rows from `first`, zeroed
 * where the reconstruction reads them. */
static void cimageio_stream_move(j_decompress_ptr info, cimageio_jpeg_window *window, JDIMENSION first,
                                 JDIMENSION count) {
    /* The entropy decoder writes only a block's non-zero coefficients: the
     * k×k lowest frequencies that are read must start at zero; what lies
     * beyond them is never read. */
    int k = cimageio_stream_of((j_common_ptr)info)->planes->k;
    for (JDIMENSION r = 0; r < count; r++) {
        if (k == 8) {
            memset(window->blocks[r], 0, window->blocks_per_row * sizeof(JBLOCK));
        } else {
            for (JDIMENSION b = 0; b < window->blocks_per_row; b++) {
                for (int v = 0; v < k; v++) memset(&window->blocks[r][b][v * DCTSIZE], 0, (size_t)k * sizeof(JCOEF));
            }
        }
    }
    window->first = first;
    window->held = count;
}

/* libjpeg asks for rows in order, each row once (the same rows again only
 * after a suspension, which a file source never causes); anything else is
 * refused. */
static JBLOCKARRAY cimageio_stream_access(j_common_ptr info, jvirt_barray_ptr array, JDIMENSION first,
                                          JDIMENSION count, boolean writable) {
    (void)writable;
    cimageio_jpeg_window *window = (cimageio_jpeg_window *)array;
    if (window->blocks == NULL || count > window->max_access || first + count > window->rows) {
        ERREXIT(info, JERR_BAD_VIRTUAL_ACCESS);
    }
    if (window->held > 0 && first == window->first && count == window->held) return window->blocks;
    cimageio_stream_flush((j_decompress_ptr)info, window);
    if (first != window->done) ERREXIT(info, JERR_BAD_VIRTUAL_ACCESS);
    cimageio_stream_move((j_decompress_ptr)info, window, first, count);
    return window->blocks;
}

void cimageio_jpeg_stream_install(j_decompress_ptr info, cimageio_jpeg_stream *stream, cimageio_jpeg_planes *planes) {
    memset(stream, 0, sizeof *stream);
    stream->planes = planes;
    stream->realize_own = info->mem->realize_virt_arrays;
    info->client_data = stream;
    info->mem->request_virt_barray = cimageio_stream_request;
    info->mem->realize_virt_arrays = cimageio_stream_realize;
    info->mem->access_virt_barray = cimageio_stream_access;
}

void cimageio_jpeg_stream_finish(j_decompress_ptr info, jvirt_barray_ptr *coefficients) {
    cimageio_jpeg_stream *stream = cimageio_stream_of((j_common_ptr)info);
    for (int c = 0; c < info->num_components; c++) {
        /* The arrays returned must be the windows, one per component in order. */
        if (c >= stream->count || coefficients[c] != (jvirt_barray_ptr)stream->windows[c]) {
            ERREXIT(info, JERR_BAD_VIRTUAL_ACCESS);
        }
        cimageio_jpeg_window *window = stream->windows[c];
        cimageio_stream_flush(info, window);
        /* Rows no scan wrote (a component missing from the file's scans) hold
         * zero coefficients, as libjpeg's own arrays would. */
        while (window->done < window->rows) {
            JDIMENSION left = window->rows - window->done;
            cimageio_stream_move(info, window, window->done, left < window->max_access ? left : window->max_access);
            cimageio_stream_flush(info, window);
        }
    }
}
