#include <stddef.h>

/// Bytes of the heap in use, as the C library's allocator counts them (glibc's mallinfo2); 0
/// where unknown. For the benchmarks' memory figures.
size_t heap_in_use(void);
