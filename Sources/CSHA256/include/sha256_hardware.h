#ifndef CLOUD_ASSESS_SHA256_HARDWARE_H
#define CLOUD_ASSESS_SHA256_HARDWARE_H

#include <stddef.h>
#include <stdint.h>

/// 1 when the processor has the SHA extensions (x86-64 SHA-NI, with SSSE3 and SSE4.1), else 0.
int cloud_assess_sha256_hardware_available(void);

/// Compresses `blocks` 64-byte blocks of `data` into `state` (SHA-256's eight words, in order)
/// with the SHA extensions. Call only when cloud_assess_sha256_hardware_available() is 1.
void cloud_assess_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
