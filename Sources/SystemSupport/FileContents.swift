import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file's bytes, read whole with `open`, `fstat` and `read`: for the questionnaire files, the
/// session files and the files a report is made from; and bytes written whole to a descriptor.
///
/// `Data(contentsOf: URL(fileURLWithPath:))` reads the same bytes through Foundation's URL and
/// file machinery, whose first use in a process is a visible part of what `cloud-assess
/// summary` spends reading its session (docs/performance.md).
public enum FileContents {
  /// Why a file could not be read: the system's words (`strerror`), e.g. "No such file or
  /// directory", "Permission denied", "Is a directory".
  public struct Failure: Error, CustomStringConvertible, Equatable, Sendable {
    public var reason: String
    public var errorNumber: Int32
    public var description: String { reason }

    /// A device, a named pipe, a directory where a file's bytes were wanted
    /// (``readChunks(_:_:)``).
    public static let notARegularFile = Failure(reason: "not a regular file", errorNumber: EINVAL)
  }

  /// The bytes of the file at `path` (links followed), read to its end even if it grows or
  /// shrinks while being read.
  public static func read(_ path: String) throws(Failure) -> Data {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure() }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw failure() }
    // One byte more than the size, so that a file that did not grow is read to its end (a
    // read returning 0) without growing the buffer.
    var capacity = max(Int(info.st_size), 0) + 1
    guard var buffer = malloc(capacity) else {
      throw Failure(reason: "out of memory", errorNumber: ENOMEM)
    }
    var count = 0
    while true {
      if count == capacity {
        capacity *= 2
        guard let grown = realloc(buffer, capacity) else {
          free(buffer)
          throw Failure(reason: "out of memory", errorNumber: ENOMEM)
        }
        buffer = grown
      }
      let got = systemRead(descriptor, buffer + count, capacity - count)
      if got < 0 {
        if errno == EINTR { continue }
        let error = failure()
        free(buffer)
        throw error
      }
      if got == 0 { break }
      count += got
    }
    return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
  }

  /// Hands the bytes of the regular file at `path` (links followed) to `body`, a megabyte at a
  /// time, to the end: a file attached as evidence may be far larger than what is worth holding
  /// in memory. Anything but a regular file is refused before a byte is read ("not a regular
  /// file"): a device such as `/dev/zero` never ends, and a named pipe's opening waits for a
  /// writer.
  public static func readChunks(
    _ path: String, _ body: (UnsafeRawBufferPointer) -> Void
  ) throws(Failure) {
    // Non-blocking, so that opening a named pipe returns at once and is refused below.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw failure() }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw failure() }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw .notARegularFile
    }
    let size = 1 << 20
    guard let buffer = malloc(size) else {
      throw Failure(reason: "out of memory", errorNumber: ENOMEM)
    }
    defer { free(buffer) }
    while true {
      let got = systemRead(descriptor, buffer, size)
      if got < 0 {
        if errno == EINTR { continue }
        throw failure()
      }
      if got == 0 { return }
      body(UnsafeRawBufferPointer(start: buffer, count: got))
    }
  }

  /// Writes every byte of `bytes` to `descriptor` (a short write continues, EINTR retries); why
  /// it stopped when a write fails. Session files, journals and standard output are written
  /// through it.
  public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Failure? {
    var offset = 0
    while offset < bytes.count, let base = bytes.baseAddress {
      let written = systemWrite(descriptor, base + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return failure()
      }
      offset += written
    }
    return nil
  }

  private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int)
    -> Int
  {
    #if canImport(Glibc)
      Glibc.write(descriptor, buffer, count)
    #elseif canImport(Musl)
      Musl.write(descriptor, buffer, count)
    #else
      Darwin.write(descriptor, buffer, count)
    #endif
  }

  private static func systemRead(
    _ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int
  ) -> Int {
    #if canImport(Glibc)
      Glibc.read(descriptor, buffer, count)
    #elseif canImport(Musl)
      Musl.read(descriptor, buffer, count)
    #else
      Darwin.read(descriptor, buffer, count)
    #endif
  }

  private static func failure() -> Failure {
    Failure(reason: String(cString: strerror(errno)), errorNumber: errno)
  }
}
