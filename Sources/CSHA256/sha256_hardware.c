// SHA-256's compression with the x86-64 SHA extensions (SHA-NI), for the questionnaire digest:
// about ten times the portable Swift code's speed on processors that have them. The scheme is
// Intel's (the "Intel SHA Extensions" white paper, 2013): the state kept as ABEF/CDGH, four
// rounds per message vector, the message schedule computed by sha256msg1/sha256msg2 four
// vectors ahead. SHA256.swift falls back to its portable code elsewhere; the tests compare both.
#include "sha256_hardware.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>

int cloud_assess_sha256_hardware_available(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  const int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
  const int sha = (ebx >> 29) & 1;
  return ssse3 && sse41 && sha;
}

static const uint32_t K[64] __attribute__((aligned(16))) = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

__attribute__((target("sha,ssse3,sse4.1")))
void cloud_assess_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
  // Big-endian words of the message, in each 32-bit lane.
  const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

  // State words A..H into ABEF and CDGH, the order sha256rnds2 works on.
  __m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);      // ABCD
  __m128i state1 = _mm_loadu_si128((const __m128i *)&state[4]);   // EFGH
  tmp = _mm_shuffle_epi32(tmp, 0xB1);                             // CDAB
  state1 = _mm_shuffle_epi32(state1, 0x1B);                       // EFGH
  __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);               // ABEF
  state1 = _mm_blend_epi16(state1, tmp, 0xF0);                    // CDGH

  for (; blocks > 0; blocks--, data += 64) {
    const __m128i abefSaved = state0, cdghSaved = state1;
    // w[g % 4]: the message vector of rounds 4g to 4g+3 (four words).
    __m128i w[4];
    for (int g = 0; g < 4; g++) {
      w[g] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * g)), byteSwap);
    }
    for (int g = 0; g < 16; g++) {
      __m128i message = _mm_add_epi32(w[g & 3], _mm_load_si128((const __m128i *)&K[4 * g]));
      state1 = _mm_sha256rnds2_epu32(state1, state0, message);
      if (g >= 3 && g <= 14) {
        // w[g+1] = msg2(w[g+1] (msg1 applied) + words 4g-3..4g of the schedule, w[g])
        __m128i shifted = _mm_alignr_epi8(w[g & 3], w[(g + 3) & 3], 4);
        w[(g + 1) & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(w[(g + 1) & 3], shifted), w[g & 3]);
      }
      message = _mm_shuffle_epi32(message, 0x0E);
      state0 = _mm_sha256rnds2_epu32(state0, state1, message);
      if (g >= 1 && g <= 12) {
        // The first half of w[g+3]'s schedule, from w[g-1] and w[g].
        w[(g + 3) & 3] = _mm_sha256msg1_epu32(w[(g + 3) & 3], w[g & 3]);
      }
    }
    state0 = _mm_add_epi32(state0, abefSaved);
    state1 = _mm_add_epi32(state1, cdghSaved);
  }

  // Back to A..H.
  tmp = _mm_shuffle_epi32(state0, 0x1B);                          // FEBA
  state1 = _mm_shuffle_epi32(state1, 0xB1);                       // DCHG
  state0 = _mm_blend_epi16(tmp, state1, 0xF0);                    // DCBA
  state1 = _mm_alignr_epi8(state1, tmp, 8);                       // ABEF
  _mm_storeu_si128((__m128i *)&state[0], state0);
  _mm_storeu_si128((__m128i *)&state[4], state1);
}

#else

int cloud_assess_sha256_hardware_available(void) { return 0; }

void cloud_assess_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
  (void)state;
  (void)data;
  (void)blocks;
}

#endif
