#include <stddef.h>
#include "CHostCPU.h"

#if defined(__x86_64__)
/* Kept free of vector code, whatever -march says: it runs before anything else. */
__attribute__((target("arch=x86-64")))
const char *chostcpu_missing_features(void) {
    static char missing[64];
    size_t length = 0;
    __builtin_cpu_init();
#define CHOSTCPU_REQUIRE(name) \
    if (!__builtin_cpu_supports(name)) { \
        for (const char *c = (length ? " " name : name); *c && length + 1 < sizeof missing; c++) missing[length++] = *c; \
    }
#ifdef __SSE4_2__
    CHOSTCPU_REQUIRE("sse4.2")
#endif
#ifdef __POPCNT__
    CHOSTCPU_REQUIRE("popcnt")
#endif
#ifdef __AVX__
    CHOSTCPU_REQUIRE("avx")
#endif
#ifdef __AVX2__
    CHOSTCPU_REQUIRE("avx2")
#endif
#ifdef __FMA__
    CHOSTCPU_REQUIRE("fma")
#endif
#ifdef __BMI__
    CHOSTCPU_REQUIRE("bmi")
#endif
#ifdef __BMI2__
    CHOSTCPU_REQUIRE("bmi2")
#endif
#ifdef __F16C__
    CHOSTCPU_REQUIRE("f16c")
#endif
#ifdef __MOVBE__
    CHOSTCPU_REQUIRE("movbe")
#endif
#ifdef __LZCNT__
    CHOSTCPU_REQUIRE("lzcnt")
#endif
#ifdef __AVX512F__
    CHOSTCPU_REQUIRE("avx512f")
#endif
#undef CHOSTCPU_REQUIRE
    missing[length] = 0;
    return length ? missing : NULL;
}
#else
const char *chostcpu_missing_features(void) { return NULL; }
#endif
