#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <jerror.h>
#include "jpeg_reconstruct.h"

/* Every product is rounded before it is added, as written: a compiler allowed
 * to fuse them (clang does where the target has FMA: arm64, or x86-64 built
 * for the host's CPU) would change the last bits of the samples, and so of
 * the numbers, from one build to another. */
#pragma STDC FP_CONTRACT OFF

/* basis[x][u] = C(u)/2 · cos((2x+1)uπ/(2k)), C(0) = 1/√2, else 1, for an
 * output of k samples per 8-sample block (k = 8: the ordinary IDCT). With
 * k < 8 this is the 8-point IDCT of the k lowest frequencies evaluated at the
 * centres of k equal cells: DCT-domain downscaling by k/8, as libjpeg's
 * scale_num/scale_denom, but in floating point. */
static void cimageio_idct_basis(float basis[8][8], int k) {
    for (int x = 0; x < k; x++) {
        for (int u = 0; u < k; u++) {
            double c = u == 0 ? 1.0 / sqrt(2.0) : 1.0;
            basis[x][u] = (float)(c / 2.0 * cos((2.0 * x + 1.0) * u * M_PI / (2.0 * k)));
        }
    }
}

/* Dequantizes and inverse-transforms one block's k×k lowest frequencies into
 * `plane` at (x0, y0), adding the 128 level shift. Coefficients and
 * quantizers are in natural order. */
static inline __attribute__((always_inline))
void cimageio_idct_block(const JCOEF *block, const UINT16 *quant, const float basis[8][8], const float transposed[8][8], int k,
                         float *plane, size_t stride, size_t x0, size_t y0) {
    float f[64], rows[64], out[8];
    for (int v = 0; v < k; v++) {
        for (int u = 0; u < k; u++) f[v * 8 + u] = (float)block[v * 8 + u] * (float)quant[v * 8 + u];
    }
    /* Columns: rows[y][u] = Σ_v basis[y][v] f[v][u], summed over v in order;
     * the loops run along u so that they vectorise. */
    for (int y = 0; y < k; y++) {
        for (int u = 0; u < k; u++) rows[y * 8 + u] = 0;
        for (int v = 0; v < k; v++) {
            float b = basis[y][v];
            for (int u = 0; u < k; u++) rows[y * 8 + u] += b * f[v * 8 + u];
        }
    }
    /* Rows: plane[y][x] = 128 + Σ_u basis[x][u] rows[y][u], over u in order. */
    for (int y = 0; y < k; y++) {
        for (int x = 0; x < k; x++) out[x] = 128.0f;
        for (int u = 0; u < k; u++) {
            float r = rows[y * 8 + u];
            for (int x = 0; x < k; x++) out[x] += transposed[u][x] * r;
        }
        float *row = plane + (y0 + (size_t)y) * stride + x0;
        for (int x = 0; x < k; x++) row[x] = out[x];
    }
}

/* One row of blocks; each k gets its own copy of the block transform, with
 * its loops unrolled for that k. */
static void cimageio_idct_row(JBLOCKROW blocks, JDIMENSION count, const UINT16 *quant, const float basis[8][8],
                              const float transposed[8][8], int k, float *plane, size_t stride, size_t y0) {
#define CIMAGEIO_IDCT_ROW(K) \
    case K: \
        for (JDIMENSION bx = 0; bx < count; bx++) \
            cimageio_idct_block(blocks[bx], quant, basis, transposed, K, plane, stride, bx * (size_t)K, y0); \
        break;
    switch (k) {
    CIMAGEIO_IDCT_ROW(1) CIMAGEIO_IDCT_ROW(2) CIMAGEIO_IDCT_ROW(3) CIMAGEIO_IDCT_ROW(4)
    CIMAGEIO_IDCT_ROW(5) CIMAGEIO_IDCT_ROW(6) CIMAGEIO_IDCT_ROW(7) CIMAGEIO_IDCT_ROW(8)
    default: break;
    }
#undef CIMAGEIO_IDCT_ROW
}

size_t cimageio_jpeg_scaled(size_t size, int k) { return (size * (size_t)k + 7) / 8; }

/* Bilinear interpolation positions of a subsampled component along one axis:
 * output sample i lies between component samples lo[i] and hi[i], at weight
 * t[i] towards hi, with the component's samples centred on the pixels they
 * cover and clamped at the valid edge. */
static void cimageio_axis(size_t count, double scale, size_t valid, size_t *lo, size_t *hi, float *t) {
    for (size_t i = 0; i < count; i++) {
        double s = ((double)i + 0.5) * scale - 0.5;
        if (s < 0) s = 0;
        if (s > (double)(valid - 1)) s = (double)(valid - 1);
        lo[i] = (size_t)s;
        hi[i] = lo[i] + 1 < valid ? lo[i] + 1 : lo[i];
        t[i] = (float)(s - (double)lo[i]);
    }
}

int cimageio_jpeg_planes_prepare(j_decompress_ptr info, int k, cimageio_jpeg_planes *out) {
    int n = info->num_components;
    out->k = k;
    cimageio_idct_basis(out->basis, k);
    for (int x = 0; x < 8; x++) {
        for (int u = 0; u < 8; u++) out->transposed[u][x] = out->basis[x][u];
    }
    int max_h = info->max_h_samp_factor, max_v = info->max_v_samp_factor;
    out->components = n;
    out->rgb = info->jpeg_color_space == JCS_RGB;
    for (int c = 0; c < n; c++) {
        jpeg_component_info *component = &info->comp_info[c];
        size_t blocks_w = component->width_in_blocks, blocks_h = component->height_in_blocks;
        out->strides[c] = blocks_w * (size_t)k;
        out->valid_w[c] = cimageio_jpeg_scaled(((size_t)info->image_width * (size_t)component->h_samp_factor
                                                + (size_t)max_h - 1) / (size_t)max_h, k);
        out->valid_h[c] = cimageio_jpeg_scaled(((size_t)info->image_height * (size_t)component->v_samp_factor
                                                + (size_t)max_v - 1) / (size_t)max_v, k);
        out->scale_x[c] = (double)component->h_samp_factor / max_h;
        out->scale_y[c] = (double)component->v_samp_factor / max_v;
        out->full[c] = component->h_samp_factor == max_h && component->v_samp_factor == max_v;
        out->planes[c] = malloc(out->strides[c] * blocks_h * (size_t)k * sizeof(float));
        if (out->planes[c] == NULL) return 0;
    }
    return 1;
}

void cimageio_jpeg_transform_rows(j_decompress_ptr info, cimageio_jpeg_planes *planes, int c, JBLOCKARRAY rows,
                                  JDIMENSION first, JDIMENSION count) {
    jpeg_component_info *component = &info->comp_info[c];
    /* libjpeg latches each component's table when its scan starts. */
    JQUANT_TBL *table = component->quant_table;
    if (table == NULL) {
        int number = component->quant_tbl_no;
        if (number >= 0 && number < NUM_QUANT_TBLS) table = info->quant_tbl_ptrs[number];
    }
    if (table == NULL) ERREXIT1(info, JERR_NO_QUANT_TABLE, component->quant_tbl_no);
    int k = planes->k;
    for (JDIMENSION r = 0; r < count && first + r < component->height_in_blocks; r++) {
        cimageio_idct_row(rows[r], component->width_in_blocks, table->quantval, planes->basis, planes->transposed, k,
                          planes->planes[c], planes->strides[c], (first + r) * (size_t)k);
    }
}

void cimageio_jpeg_transform(j_decompress_ptr info, jvirt_barray_ptr *coefficients, cimageio_jpeg_planes *planes) {
    for (int c = 0; c < planes->components; c++) {
        for (JDIMENSION by = 0; by < info->comp_info[c].height_in_blocks; by++) {
            JBLOCKARRAY row = (*info->mem->access_virt_barray)((j_common_ptr)info, coefficients[c], by, 1, FALSE);
            cimageio_jpeg_transform_rows(info, planes, c, row, by, 1);
        }
    }
}

void cimageio_jpeg_planes_free(cimageio_jpeg_planes *planes) {
    for (int c = 0; c < 4; c++) {
        free(planes->planes[c]);
        planes->planes[c] = NULL;
    }
}

int cimageio_jpeg_emit(const cimageio_jpeg_planes *planes, const cimageio_layout *layout,
                       cimageio_row_sink sink, void *context) {
    int n = planes->components;
    size_t width = layout->width, height = layout->height;
    /* Per component, one output row at a time: full-resolution components are
     * read directly, subsampled ones interpolated bilinearly into `lines`. */
    float *lines = malloc(width * 3 * sizeof(float)), *pixel = malloc(width * 3 * sizeof(float));
    size_t *x_lo = malloc(width * 3 * sizeof(size_t)), *x_hi = malloc(width * 3 * sizeof(size_t));
    size_t *y_lo = malloc(height * 3 * sizeof(size_t)), *y_hi = malloc(height * 3 * sizeof(size_t));
    float *x_t = malloc(width * 3 * sizeof(float)), *y_t = malloc(height * 3 * sizeof(float));
    int ok = lines != NULL && pixel != NULL && x_lo != NULL && x_hi != NULL && x_t != NULL && y_lo != NULL
             && y_hi != NULL && y_t != NULL;
    for (int c = 0; ok && c < n; c++) {
        cimageio_axis(width, planes->scale_x[c], planes->valid_w[c], x_lo + c * width, x_hi + c * width, x_t + c * width);
        cimageio_axis(height, planes->scale_y[c], planes->valid_h[c], y_lo + c * height, y_hi + c * height,
                      y_t + c * height);
    }
    const float inv = 1.0f / 255.0f;
    for (size_t y = 0; ok && y < height; y++) {
        const float *s[3] = {NULL, NULL, NULL};
        for (int c = 0; c < n; c++) {
            const float *plane = planes->planes[c];
            size_t stride = planes->strides[c];
            if (planes->full[c]) {
                s[c] = plane + y * stride; /* full resolution: no interpolation */
                continue;
            }
            size_t row = c * height + y;
            const float t = y_t[row];
            const float *top = plane + y_lo[row] * stride, *bottom = plane + y_hi[row] * stride;
            const size_t *lo = x_lo + c * width, *hi = x_hi + c * width;
            const float *tx = x_t + c * width;
            float *line = lines + c * width;
            for (size_t x = 0; x < width; x++) {
                float a = top[lo[x]] + (top[hi[x]] - top[lo[x]]) * tx[x];
                float b = bottom[lo[x]] + (bottom[hi[x]] - bottom[lo[x]]) * tx[x];
                line[x] = a * (1 - t) + b * t;
            }
            s[c] = line;
        }
        if (n == 1) {
            for (size_t x = 0; x < width; x++) pixel[x] = s[0][x] * inv;
        } else if (planes->rgb) {
            for (size_t x = 0; x < width; x++) {
                pixel[3 * x] = s[0][x] * inv; pixel[3 * x + 1] = s[1][x] * inv; pixel[3 * x + 2] = s[2][x] * inv;
            }
        } else { /* YCbCr, JFIF full range */
            for (size_t x = 0; x < width; x++) {
                float luma = s[0][x], cb = s[1][x] - 128.0f, cr = s[2][x] - 128.0f;
                pixel[3 * x] = (luma + 1.402f * cr) * inv;
                pixel[3 * x + 1] = (luma - 0.344136f * cb - 0.714136f * cr) * inv;
                pixel[3 * x + 2] = (luma + 1.772f * cb) * inv;
            }
        }
        for (size_t i = 0; i < width * (size_t)n; i++) pixel[i] = pixel[i] < 0 ? 0 : (pixel[i] > 1 ? 1 : pixel[i]);
        sink(context, layout, pixel, (uint32_t)y);
    }
    free(lines);
    free(pixel);
    free(x_lo);
    free(x_hi);
    free(x_t);
    free(y_lo);
    free(y_hi);
    free(y_t);
    return ok;
}
