#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "jpeg_reconstruct.h"

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
static void cimageio_idct_block(const JCOEF *block, const UINT16 *quant, float basis[8][8], int k,
                                float *plane, size_t stride, size_t x0, size_t y0) {
    float f[64], rows[64];
    for (int v = 0; v < k; v++) {
        for (int u = 0; u < k; u++) f[v * 8 + u] = (float)block[v * 8 + u] * (float)quant[v * 8 + u];
    }
    /* Columns: rows[y][u] = Σ_v basis[y][v] f[v][u]. */
    for (int y = 0; y < k; y++) {
        for (int u = 0; u < k; u++) {
            float acc = 0;
            for (int v = 0; v < k; v++) acc += basis[y][v] * f[v * 8 + u];
            rows[y * 8 + u] = acc;
        }
    }
    for (int y = 0; y < k; y++) {
        float *row = plane + (y0 + (size_t)y) * stride + x0;
        for (int x = 0; x < k; x++) {
            float acc = 128.0f;
            for (int u = 0; u < k; u++) acc += basis[x][u] * rows[y * 8 + u];
            row[x] = acc;
        }
    }
}

size_t cimageio_jpeg_scaled(size_t size, int k) { return (size * (size_t)k + 7) / 8; }

/* Bilinear sample of a component plane at luma position (x, y), with the
 * component's samples centred on the pixels they cover. */
static float cimageio_sample(const float *plane, size_t stride, size_t valid_w, size_t valid_h,
                             double scale_x, double scale_y, size_t x, size_t y) {
    double sx = ((double)x + 0.5) * scale_x - 0.5, sy = ((double)y + 0.5) * scale_y - 0.5;
    if (sx < 0) sx = 0;
    if (sy < 0) sy = 0;
    if (sx > (double)(valid_w - 1)) sx = (double)(valid_w - 1);
    if (sy > (double)(valid_h - 1)) sy = (double)(valid_h - 1);
    size_t x0 = (size_t)sx, y0 = (size_t)sy;
    size_t x1 = x0 + 1 < valid_w ? x0 + 1 : x0, y1 = y0 + 1 < valid_h ? y0 + 1 : y0;
    float fx = (float)(sx - (double)x0), fy = (float)(sy - (double)y0);
    float a = plane[y0 * stride + x0], b = plane[y0 * stride + x1];
    float c = plane[y1 * stride + x0], d = plane[y1 * stride + x1];
    return (a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy;
}

int cimageio_jpeg_reconstruct(j_decompress_ptr info, jvirt_barray_ptr *coefficients, int k, float *out) {
    int n = info->num_components;
    float basis[8][8];
    cimageio_idct_basis(basis, k);
    float *planes[4] = {NULL, NULL, NULL, NULL};
    size_t strides[4], valid_w[4], valid_h[4];
    int max_h = info->max_h_samp_factor, max_v = info->max_v_samp_factor;
    for (int c = 0; c < n; c++) {
        jpeg_component_info *component = &info->comp_info[c];
        size_t blocks_w = component->width_in_blocks, blocks_h = component->height_in_blocks;
        strides[c] = blocks_w * (size_t)k;
        valid_w[c] = cimageio_jpeg_scaled(((size_t)info->image_width * (size_t)component->h_samp_factor + (size_t)max_h - 1)
                                          / (size_t)max_h, k);
        valid_h[c] = cimageio_jpeg_scaled(((size_t)info->image_height * (size_t)component->v_samp_factor + (size_t)max_v - 1)
                                          / (size_t)max_v, k);
        planes[c] = malloc(strides[c] * blocks_h * (size_t)k * sizeof(float));
        if (planes[c] == NULL) {
            for (int k = 0; k < c; k++) free(planes[k]);
            return 0;
        }
        /* The caller has checked that every component has a table. */
        JQUANT_TBL *table = component->quant_table != NULL ? component->quant_table
                                                            : info->quant_tbl_ptrs[component->quant_tbl_no];
        for (JDIMENSION by = 0; by < blocks_h; by++) {
            JBLOCKARRAY row = (*info->mem->access_virt_barray)((j_common_ptr)info, coefficients[c], by, 1, FALSE);
            for (JDIMENSION bx = 0; bx < blocks_w; bx++) {
                cimageio_idct_block(row[0][bx], table->quantval, basis, k, planes[c], strides[c],
                                    bx * (size_t)k, by * (size_t)k);
            }
        }
    }
    size_t width = cimageio_jpeg_scaled(info->image_width, k), height = cimageio_jpeg_scaled(info->image_height, k);
    const float inv = 1.0f / 255.0f;
    for (size_t y = 0; y < height; y++) {
        for (size_t x = 0; x < width; x++) {
            float s[3];
            for (int c = 0; c < n; c++) {
                jpeg_component_info *component = &info->comp_info[c];
                if (component->h_samp_factor == max_h && component->v_samp_factor == max_v) {
                    s[c] = planes[c][y * strides[c] + x]; /* full resolution: no interpolation */
                } else {
                    s[c] = cimageio_sample(planes[c], strides[c], valid_w[c], valid_h[c],
                                           (double)component->h_samp_factor / max_h,
                                           (double)component->v_samp_factor / max_v, x, y);
                }
            }
            float *pixel = out + (y * width + x) * (size_t)n;
            if (n == 1) {
                pixel[0] = s[0] * inv;
            } else if (info->jpeg_color_space == JCS_RGB) {
                pixel[0] = s[0] * inv; pixel[1] = s[1] * inv; pixel[2] = s[2] * inv;
            } else { /* YCbCr, JFIF full range */
                float cb = s[1] - 128.0f, cr = s[2] - 128.0f;
                pixel[0] = (s[0] + 1.402f * cr) * inv;
                pixel[1] = (s[0] - 0.344136f * cb - 0.714136f * cr) * inv;
                pixel[2] = (s[0] + 1.772f * cb) * inv;
            }
            for (int c = 0; c < n; c++) pixel[c] = pixel[c] < 0 ? 0 : (pixel[c] > 1 ? 1 : pixel[c]);
        }
    }
    for (int c = 0; c < n; c++) free(planes[c]);
    return 1;
}
