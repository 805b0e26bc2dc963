import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension ChildProcess {
  /// What a program printed and how it ended.
  public struct Output: Equatable, Sendable {
    public var status: Int32
    public var standardOutput: String
  }

  /// Runs `arguments[0]` (searched in `PATH`) with `arguments`, standard input from `/dev/null`,
  /// standard error discarded, and returns its exit status and standard output (at most
  /// `limit` bytes; the rest is read and dropped so that the child never blocks on a full pipe).
  /// Nil when it cannot be started (not installed).
  public static func output(_ arguments: [String], limit: Int = 1 << 16) -> Output? {
    guard let program = arguments.first else { return nil }
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { return nil }
    let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addclose(&actions, readEnd)
    posix_spawn_file_actions_addclose(&actions, writeEnd)
    let pid: pid_t
    do {
      pid = try spawn(program, arguments: arguments, actions: &actions, searchPath: true)
    } catch {
      close(readEnd)
      close(writeEnd)
      return nil
    }
    close(writeEnd)
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      if count <= 0 { break }
      if bytes.count < limit {
        bytes.append(contentsOf: chunk[0..<min(count, limit - bytes.count)])
      }
    }
    close(readEnd)
    let status = wait(pid)
    return Output(status: status, standardOutput: String(decoding: bytes, as: UTF8.self))
  }
}
