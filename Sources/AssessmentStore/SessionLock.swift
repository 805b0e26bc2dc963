import AssessmentCore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock on a session, held while a wizard has it open for writing.
///
/// The lock is `flock` on a sibling file `.ID.json.lock` that names the holder; the kernel
/// releases it when the process ends, however it ends, so a crash never leaves a stale lock.
public final class SessionLock: @unchecked Sendable {
  public let path: String
  private var descriptor: Int32

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
  }

  deinit { release() }

  /// Takes the lock of the session file at `sessionPath`, or says who holds it.
  public static func acquire(sessionPath: String) throws(StoreError) -> SessionLock {
    let lockPath = lockPath(for: sessionPath)
    let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard descriptor >= 0 else {
      throw .writeFailed(path: lockPath, reason: String(cString: strerror(errno)))
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      throw .sessionLocked(path: sessionPath, holder: holder(lockPath))
    }
    let text = "process \(getpid()) on \(ProcessInfo.processInfo.hostName)\n"
    _ = ftruncate(descriptor, 0)
    _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    return SessionLock(path: lockPath, descriptor: descriptor)
  }

  /// Takes the lock of the session file at `sessionPath` when a wizard has ever opened it (its
  /// lock file exists), or says who holds it; nil, creating nothing, when there is no lock file
  /// (`cloud-assess merge` of a file in a git working tree, where no file may appear unasked).
  public static func acquireExisting(sessionPath: String) throws(StoreError) -> SessionLock? {
    let lockPath = lockPath(for: sessionPath)
    let descriptor = open(lockPath, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else {
      if errno == ENOENT { return nil }
      throw .writeFailed(path: lockPath, reason: String(cString: strerror(errno)))
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      throw .sessionLocked(path: sessionPath, holder: holder(lockPath))
    }
    return SessionLock(path: lockPath, descriptor: descriptor)
  }

  /// `.ID.json.lock` beside `ID.json`.
  static func lockPath(for sessionPath: String) -> String {
    let directory = (sessionPath as NSString).deletingLastPathComponent
    let name = (sessionPath as NSString).lastPathComponent
    return (directory.isEmpty ? "." : directory) + "/." + name + ".lock"
  }

  /// What the lock file says of the process holding it.
  private static func holder(_ lockPath: String) -> String {
    let text = (try? String(contentsOfFile: lockPath, encoding: .utf8))?
      .trimmed
    return text.flatMap { $0.isEmpty ? nil : $0 } ?? "another process"
  }

  /// Gives the lock up; done also when the object goes away or the process ends.
  public func release() {
    guard descriptor >= 0 else { return }
    _ = ftruncate(descriptor, 0)
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }
}
