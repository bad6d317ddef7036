#include <string.h>
#include "CImageIO.h"

static uint32_t read16(const uint8_t *p, int little) {
    return little ? (uint32_t)(p[0] | (p[1] << 8)) : (uint32_t)((p[0] << 8) | p[1]);
}

static uint32_t read32(const uint8_t *p, int little) {
    return little ? ((uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24))
                  : (((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3]);
}

uint32_t cimageio_exif_orientation(const uint8_t *data, size_t length) {
    if (data == NULL || length < 6 + 8 || memcmp(data, "Exif\0\0", 6) != 0) return 1;
    const uint8_t *tiff = data + 6;
    size_t size = length - 6;
    int little;
    if (tiff[0] == 'I' && tiff[1] == 'I') little = 1;
    else if (tiff[0] == 'M' && tiff[1] == 'M') little = 0;
    else return 1;
    if (read16(tiff + 2, little) != 42) return 1;
    uint32_t ifd = read32(tiff + 4, little);
    if ((size_t)ifd + 2 > size) return 1;
    uint32_t count = read16(tiff + ifd, little);
    for (uint32_t i = 0; i < count; i++) {
        size_t entry = (size_t)ifd + 2 + 12 * (size_t)i;
        if (entry + 12 > size) break;
        if (read16(tiff + entry, little) != 0x0112) continue;
        uint32_t type = read16(tiff + entry + 2, little);
        if (type != 3) return 1; /* SHORT */
        uint32_t value = read16(tiff + entry + 8, little);
        return (value >= 1 && value <= 8) ? value : 1;
    }
    return 1;
}
