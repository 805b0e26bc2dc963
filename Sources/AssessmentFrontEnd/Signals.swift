import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// SIGINT, SIGTERM and SIGHUP, noted by a handler and acted on by the runner's loop (which
/// saves and restores the terminal), never acted on inside the handler.
public enum Signals {
  nonisolated(unsafe) private static var received: sig_atomic_t = 0

  /// Installs the handlers, ignores SIGXFSZ (a file-size limit then fails the write with EFBIG,
  /// which the save reports, instead of killing the process with the answers), and unblocks these signals and SIGWINCH (which curses needs for
  /// resizes): a process may start with them blocked, inherited from whatever launched it.
  public static func install() {
    for number in [SIGINT, SIGTERM, SIGHUP] {
      signal(number) { number in Signals.received = sig_atomic_t(number) }
    }
    signal(SIGXFSZ, SIG_IGN)
    var set = sigset_t()
    sigemptyset(&set)
    for number in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&set, number) }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }

  /// The signal received since the last call, if any.
  public static func take() -> Int32? {
    let number = received
    guard number != 0 else { return nil }
    received = 0
    return Int32(number)
  }
}
