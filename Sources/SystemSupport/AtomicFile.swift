import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files replaced whole, atomically and durably: a reader sees the old file or the new one,
/// never a part, and after a crash the new one is there once `write` returned.
public enum AtomicFile {
  public enum Failure: Error, Sendable {
    /// A link, directory or device is at the path: it is never replaced.
    case notARegularFile
    /// The system's words (`strerror`).
    case failed(reason: String)
  }

  /// Writes `data` to `path`: a temporary file (0600) in the same directory, fsync, rename over
  /// the old file, fsync of the directory. The old file stays whole until the rename.
  public static func write(_ data: Data, to path: String) throws(Failure) {
    var info = stat()
    if lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
      throw .notARegularFile
    }
    let directory =
      (path as NSString).deletingLastPathComponent.isEmpty
      ? "." : (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary = directory + "/." + name + ".\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard descriptor >= 0 else {
      throw .failed(reason: String(cString: strerror(errno)))
    }
    var failure = data.withUnsafeBytes { FileContents.writeAll($0, to: descriptor)?.reason }
    if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw .failed(reason: failure)
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw .failed(reason: reason)
    }
    syncDirectory(of: path)
  }

  /// Flushes the directory holding `path`, so that a rename or a new file in it is durable.
  public static func syncDirectory(of path: String) {
    let parent = (path as NSString).deletingLastPathComponent
    let directoryDescriptor = open(
      parent.isEmpty ? "." : parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directoryDescriptor >= 0 {
      _ = fsync(directoryDescriptor)
      close(directoryDescriptor)
    }
  }
}
