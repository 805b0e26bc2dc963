import CHeapInUse
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Timings of one measured operation, in milliseconds.
struct Timing: Codable {
  var name: String
  var samples: Int
  var medianMs: Double
  var p99Ms: Double
  var maxMs: Double

  init(name: String, durations: [Double]) {
    let sorted = durations.sorted()
    self.name = name
    samples = sorted.count
    medianMs = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    // The nearest-rank p99: with fewer than 100 samples it is the maximum.
    let rank = Int((0.99 * Double(sorted.count)).rounded(.up)) - 1
    p99Ms = sorted.isEmpty ? 0 : sorted[max(0, min(rank, sorted.count - 1))]
    maxMs = sorted.last ?? 0
  }
}

enum Clock {
  /// Monotonic time in milliseconds.
  static func nowMs() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1_000_000
  }

  /// Runs `body`, which makes a value, `times` times after `warmup` unmeasured runs; the
  /// durations in milliseconds. Each value replaces the one in `last` after the clock has
  /// stopped: freeing the previous result is not part of making the next.
  static func measure<Value>(
    times: Int, warmup: Int = 3, into last: inout Value?, _ body: () throws -> Value
  ) rethrows -> [Double] {
    for _ in 0..<warmup { last = try body() }
    var durations: [Double] = []
    durations.reserveCapacity(times)
    for _ in 0..<times {
      let start = nowMs()
      let value = try body()
      durations.append(nowMs() - start)
      last = value
    }
    return durations
  }

  /// The duration of one call of `body`, in milliseconds.
  static func measureOnce(_ body: () throws -> Void) rethrows -> Double {
    let start = nowMs()
    try body()
    return nowMs() - start
  }

  /// Runs `body` `times` times after `warmup` unmeasured runs; the durations in milliseconds.
  static func measure(times: Int, warmup: Int = 3, _ body: (Int) throws -> Void) rethrows
    -> [Double]
  {
    for index in 0..<warmup { try body(index) }
    var durations: [Double] = []
    durations.reserveCapacity(times)
    for index in 0..<times {
      let start = nowMs()
      try body(warmup + index)
      durations.append(nowMs() - start)
    }
    return durations
  }
}

/// The peak resident memory of this process, in MiB.
func peakMemoryMiB() -> Double {
  var usage = rusage()
  #if os(Linux)
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
  #else
    getrusage(RUSAGE_SELF, &usage)
  #endif
  #if os(Linux)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
  #else
    return Double(usage.ru_maxrss) / 1024 / 1024  // bytes on macOS
  #endif
}

/// Bytes of the heap in use (glibc's allocator); 0 where unknown.
func heapInUse() -> Int { Int(heap_in_use()) }
