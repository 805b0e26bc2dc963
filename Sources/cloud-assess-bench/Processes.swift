import Foundation
import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Child processes for the end-to-end figures: run to completion, or run on a pseudo-terminal
/// until a given text appears on it.
enum Processes {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs `path` with `arguments` to its end, its output to /dev/null (the caller times it).
  static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws
  {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    ChildProcess.closeDescriptorsFrom3(&actions)
    let pid = try spawn(path, arguments, environment: environment, actions: &actions, setsid: false)
    let status = ChildProcess.wait(pid)
    guard status == 0 else {
      throw Failure(
        description: "\(path) \(arguments.joined(separator: " ")) exited with status \(status)")
    }
  }

  /// Starts `path` on a new 80×24 pseudo-terminal and returns the time in ms until `marker` has
  /// been written to it (the first frame), then ends the process.
  static func timeToText(
    _ marker: String, _ path: String, _ arguments: [String], environment: [String: String] = [:],
    timeoutMs: Double = 10_000
  ) throws -> Double {
    // /dev/ptmx, unlocked, and the number of its slave (Linux's TIOCSPTLCK and TIOCGPTN).
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0,
      ioctl(master, 0x8004_5430, &number) == 0
    else {
      throw Failure(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
    }
    defer { close(master) }
    let slave = "/dev/pts/\(number)"
    var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // After setsid, opening the terminal makes it the controlling one.
    posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    ChildProcess.closeDescriptorsFrom3(&actions)
    var env = environment
    env["TERM"] = env["TERM"] ?? "xterm-256color"
    let start = Clock.nowMs()
    let pid = try spawn(path, arguments, environment: env, actions: &actions, setsid: true)
    defer {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
    var output: [UInt8] = []
    let needle = Array(marker.utf8)
    var buffer = [UInt8](repeating: 0, count: 65536)
    while Clock.nowMs() - start < timeoutMs {
      var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, 100)
      guard ready > 0 else { continue }
      let count = read(master, &buffer, buffer.count)
      if count <= 0 { break }
      output += buffer[0..<count]
      if contains(output, needle) { return Clock.nowMs() - start }
    }
    throw Failure(
      description: "'\(marker)' did not appear within \(Int(timeoutMs)) ms; the terminal showed: "
        + String(decoding: output.suffix(400), as: UTF8.self))
  }

  private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
    for start in 0...(haystack.count - needle.count)
    where haystack[start] == needle[0] && Array(haystack[start..<start + needle.count]) == needle {
      return true
    }
    return false
  }

  /// Starts `path` with this process's environment and `environment` over it.
  private static func spawn(
    _ path: String, _ arguments: [String], environment: [String: String],
    actions: inout posix_spawn_file_actions_t, setsid: Bool
  ) throws -> pid_t {
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    do {
      return try ChildProcess.spawn(
        path, arguments: [path] + arguments, environment: env, actions: &actions,
        newSession: setsid)
    } catch {
      throw Failure(description: error.description)
    }
  }
}
