import Foundation
import SystemSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The built binary running in its own tmux server, driven by keys and read from the screen.
/// Fixed size, `LANG=C.UTF-8`, `TERM=xterm-256color`, `NO_COLOR=1`: screens are deterministic.
final class Tmux {
  let socket = "ca-test-" + UUID().uuidString.prefix(8)
  let session = "T"

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static var available: Bool {
    ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  /// Starts `arguments` of the binary; the pane stays when it exits so its output can be read.
  /// `launcher` runs before the binary (e.g. `prlimit --fsize=N --`), replacing itself with it.
  init(
    _ arguments: [String], environment: [String: String], width: Int = 80, height: Int = 24,
    launcher: [String] = []
  ) throws {
    guard Self.available else {
      throw Failure(description: "tmux is not installed (apt-get install tmux)")
    }
    var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "NO_COLOR": "1"]
    for (key, value) in environment { env[key] = value }
    let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
    let command =
      "exec env " + assignments.joined(separator: " ") + " "
      + (launcher + [binaryPath] + arguments).map(Self.quote).joined(separator: " ")
    try run([
      "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
      command, ";", "set-option", "-t", session, "remain-on-exit", "on", ";", "set-option", "-t",
      session, "history-limit", "5000", ";", "set-option", "-g", "window-size", "manual",
    ])
  }

  deinit {
    _ = try? run(["kill-server"])
  }

  static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// Runs a tmux command and returns what it printed. posix_spawn and waitpid rather than
  /// Process: the tmux server inherits the client's descriptors, and Process's pipes and exit
  /// monitoring do not cope with that reliably.
  @discardableResult
  func run(_ arguments: [String]) throws -> String {
    let outputPath = NSTemporaryDirectory() + "tmux-out-" + UUID().uuidString
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    // Nothing else: a tmux server lives on and must not hold the pipes of commands that other
    // tests run at the same time (their readers would wait for an end of file forever).
    ChildProcess.closeDescriptorsFrom3(&actions)
    // ChildProcess gives tmux a clean signal mask and default handlers: a tmux server that
    // inherits the test runner's blocked SIGCHLD or SIGTERM never reaps its pane nor exits.
    let pid: pid_t
    do {
      pid = try ChildProcess.spawn(
        "tmux", arguments: ["tmux", "-L", socket] + arguments, actions: &actions, searchPath: true)
    } catch {
      throw Failure(description: error.description)
    }
    _ = ChildProcess.wait(pid)
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  }

  /// Named keys (`Enter`, `Down`, `C-c`...).
  func keys(_ keys: String...) throws {
    try run(["send-keys", "-t", session] + keys)
  }

  /// Literal text.
  func type(_ text: String) throws {
    try run(["send-keys", "-t", session, "-l", text])
  }

  /// The visible screen.
  func screen() throws -> String {
    try run(["capture-pane", "-p", "-t", session])
  }

  /// The screen with its scrollback.
  func history() throws -> String {
    try run(["capture-pane", "-p", "-S", "-2000", "-t", session])
  }

  /// The process in the pane.
  func pid() throws -> Int32 {
    let text = try run(["display-message", "-p", "-t", session, "#{pane_pid}"])
    guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1 else {
      throw Failure(description: "no process in the pane: '\(text)'")
    }
    return pid
  }

  func resize(width: Int, height: Int) throws {
    try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
  }

  /// Whether the program has exited (the pane is dead).
  func exited() throws -> Bool {
    try run(["display-message", "-p", "-t", session, "#{pane_dead}"]).hasPrefix("1")
  }

  /// Polls the screen until `text` shows, or fails after `seconds` with the screen in the error.
  @discardableResult
  func wait(for text: String, seconds: Double = 15, history: Bool = false) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var last = ""
    while Date() < deadline {
      let current = history ? try self.history() : try screen()
      // Returned once the text is there and the screen has settled (the same two polls in a
      // row): a frame is written in several pieces, and a test that looked at the first one
      // saw the new screen's title over the old screen's lines (a machine busy with other tests).
      if current.contains(text), current == last { return current }
      last = current
      usleep(50_000)
    }
    if last.contains(text) { return last }
    throw Failure(description: "'\(text)' did not appear within \(seconds) s; the screen:\n\(last)")
  }

  /// Polls until the program has exited.
  func waitForExit(seconds: Double = 15) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if try exited() { return }
      usleep(50_000)
    }
    throw Failure(
      description: "the program did not exit within \(seconds) s; the screen:\n\(try screen())")
  }
}
