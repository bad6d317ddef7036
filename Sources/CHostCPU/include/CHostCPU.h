#ifndef CHOSTCPU_H
#define CHOSTCPU_H

/* The x86-64 extensions up to Haswell's (SSE4.2, POPCNT, AVX, AVX2, FMA, BMI,
 * BMI2, F16C, MOVBE, LZCNT) and AVX-512F that this build was compiled to use
 * (the C compiler's -march) and the running CPU lacks, as a space-separated
 * list ("avx2 fma"), or NULL when it has them all (always NULL for a build for
 * the baseline x86-64 or for another architecture). A build for the host's CPU
 * (scripts/build) calls this first, so that on an older CPU it stops with a
 * message instead of an illegal instruction. */
const char *chostcpu_missing_features(void);

#endif
