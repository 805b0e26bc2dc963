import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Child processes (the `$EDITOR`, the benchmark's runs, the tests' tmux), all started one way:
/// with an empty signal mask and the default handling of every signal this program or a test
/// runner may block, ignore or catch, so that none of it leaks into the child.
public enum ChildProcess {
  public struct Failure: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// The signals a child gets back with their default handling: the wizard catches SIGINT,
  /// SIGTERM and SIGHUP and ignores SIGXFSZ, the tests ignore SIGPIPE, and a test runner may
  /// block or ignore any of them (a tmux server that inherits a blocked SIGCHLD or SIGTERM never
  /// reaps its pane nor exits when told to).
  static let defaultSignals = [
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXFSZ, SIGCHLD, SIGUSR1, SIGUSR2,
  ]

  /// Starts `arguments[0]` as `path` (searched in `PATH` with `searchPath`) with `arguments`;
  /// `environment` (`NAME=value` pairs) replaces this process's when given; `actions` opens or
  /// closes its descriptors; `newSession` makes it a session leader (Linux), so that opening a
  /// terminal gives it a controlling terminal.
  public static func spawn(
    _ path: String, arguments: [String], environment: [String: String]? = nil,
    actions: UnsafeMutablePointer<posix_spawn_file_actions_t>? = nil, newSession: Bool = false,
    searchPath: Bool = false
  ) throws(Failure) -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for number in defaultSignals { sigaddset(&defaults, number) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var flags = Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
    #if os(Linux)
      if newSession { flags |= Int16(0x80) }  // POSIX_SPAWN_SETSID (glibc 2.26)
    #endif
    posix_spawnattr_setflags(&attributes, flags)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let variables: [UnsafeMutablePointer<CChar>?]? = environment.map { variables in
      variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
    }
    defer {
      argv.forEach { free($0) }
      variables?.forEach { free($0) }
    }
    var pid: pid_t = 0
    let result: Int32
    if var envp = variables {
      result =
        searchPath
        ? posix_spawnp(&pid, path, actions, &attributes, &argv, &envp)
        : posix_spawn(&pid, path, actions, &attributes, &argv, &envp)
    } else {
      result =
        searchPath
        ? posix_spawnp(&pid, path, actions, &attributes, &argv, environ)
        : posix_spawn(&pid, path, actions, &attributes, &argv, environ)
    }
    guard result == 0 else {
      throw Failure(description: "cannot start \(path): \(String(cString: strerror(result)))")
    }
    return pid
  }

  /// Waits for the child `pid` to end: its exit status, 128 + the signal that ended it, or -1
  /// when it cannot be waited for.
  public static func wait(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      if errno != EINTR { return -1 }
    }
    // WIFEXITED / WEXITSTATUS, which Swift does not import.
    if status & 0x7f == 0 { return (status >> 8) & 0xff }
    return 128 + (status & 0x7f)
  }

  /// Adds to `actions` the closing of every descriptor from 3 (glibc's
  /// `posix_spawn_file_actions_addclosefrom_np`, 2.34, which Swift's Glibc module does not
  /// expose): the child keeps only standard input, output and error.
  public static func closeDescriptorsFrom3(_ actions: inout posix_spawn_file_actions_t) {
    typealias AddCloseFrom =
      @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    guard
      let symbol = dlsym(
        UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
    else { return }
    _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
  }
}
