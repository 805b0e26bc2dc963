import Foundation
import Testing

@testable import SystemSupport

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ChildProcessTests {
  /// The child's blocked and ignored signals, as Linux reports them (/proc/PID/status).
  func childSignals() throws -> (blocked: UInt64, ignored: UInt64) {
    let output = NSTemporaryDirectory() + "child-signals-" + UUID().uuidString
    defer { unlink(output) }
    let script = "exec grep -E '^(SigBlk|SigIgn)' /proc/self/status > \"$1\""
    let pid = try ChildProcess.spawn("/bin/sh", arguments: ["/bin/sh", "-c", script, "sh", output])
    #expect(ChildProcess.wait(pid) == 0)
    var blocked: UInt64 = 0
    var ignored: UInt64 = 0
    for line in try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n") {
      let fields = line.split(separator: "\t")
      guard fields.count == 2, let value = UInt64(fields[1], radix: 16) else { continue }
      if fields[0] == "SigBlk:" { blocked = value } else { ignored = value }
    }
    return (blocked, ignored)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
  func aChildStartsWithNoSignalBlockedNorIgnoredWhateverThisProcessDid() throws {
    // What the wizard and a test runner do: SIGPIPE ignored, a signal blocked on this thread.
    let previous = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, previous) }
    var block = sigset_t()
    var old = sigset_t()
    sigemptyset(&block)
    sigaddset(&block, SIGUSR1)
    pthread_sigmask(SIG_BLOCK, &block, &old)
    defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
    let signals = try childSignals()
    #expect(signals.blocked == 0)
    #expect(signals.ignored & (1 << UInt64(SIGPIPE - 1)) == 0, "SIGPIPE still ignored")
  }

  @Test func theExitStatusOrTheSignalIsReturned() throws {
    let exited = try ChildProcess.spawn("/bin/sh", arguments: ["/bin/sh", "-c", "exit 3"])
    #expect(ChildProcess.wait(exited) == 3)
    let killed = try ChildProcess.spawn("/bin/sh", arguments: ["/bin/sh", "-c", "kill -TERM $$"])
    #expect(ChildProcess.wait(killed) == 128 + SIGTERM)
    #expect(throws: ChildProcess.Failure.self) {
      try ChildProcess.spawn("/nonexistent/program", arguments: ["program"])
    }
  }
}
