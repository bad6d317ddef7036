#include <stdlib.h>
#include "CImageIO.h"

void cimageio_image_free(cimageio_image *image) {
    if (image == NULL) return;
    free(image->pixels);
    image->pixels = NULL;
}
