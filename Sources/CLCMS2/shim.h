#include <lcms2.h>

/* lcms2's pixel formats are macros of macros, which Swift does not import. */
static const cmsUInt32Number clcms2_type_rgb_float = TYPE_RGB_FLT;
static const cmsUInt32Number clcms2_type_rgb_8 = TYPE_RGB_8;
