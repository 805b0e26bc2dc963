import AssessmentCore
import AssessmentFrontEnd
import AssessmentTUI
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-E: the note or text answer being edited, in `$VISUAL` or `$EDITOR` (as `git commit`
/// does), the terminal given back to the shell's state around it.
enum ExternalEditor {
  /// Runs the editor on `text` in a private temporary file; what it saved, or why nothing
  /// changes (no editor named, the editor failed or could not be started).
  static func edit(_ text: String, around terminal: NcursesTerminal, language: InterfaceLanguage)
    -> ExternalEdit
  {
    guard
      let command = [ProcessEnvironment.value("VISUAL"), ProcessEnvironment.value("EDITOR")].compactMap({ $0 })
        .first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    else { return .failed(Messages.editorMissing.text(language)) }
    let path =
      NSTemporaryDirectory() + "cloud-assess-edit-\(getpid())-\(UUID().uuidString.prefix(8)).txt"
    defer { unlink(path) }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      return .failed(
        Messages.editorFailed.format(language, command, String(cString: strerror(errno))))
    }
    let data = Data((text.isEmpty ? "" : text + "\n").utf8)
    _ = data.withUnsafeBytes { write(descriptor, $0.baseAddress, data.count) }
    close(descriptor)
    terminal.suspend()
    let status = runShell(command, path)
    terminal.resume()
    guard status == 0 else {
      let reason = status == 127 ? "not found" : "exit status \(status)"
      return .failed(Messages.editorFailed.format(language, command, reason))
    }
    guard let edited = try? String(contentsOfFile: path, encoding: .utf8) else {
      return .failed(Messages.editorFailed.format(language, command, "unreadable file"))
    }
    return .edited(edited)
  }

  /// `sh -c 'EDITOR "$@"' EDITOR FILE`: the editor may carry arguments (`code --wait`), and the
  /// file name is never re-parsed by the shell. The exit status, or -1 when it could not start.
  private static func runShell(_ command: String, _ path: String) -> Int32 {
    let argv = ["/bin/sh", "-c", command + " \"$@\"", command, path]
    var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // The editor gets default signal handling and an empty mask, whatever the wizard installed.
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for number in [SIGINT, SIGTERM, SIGHUP, SIGXFSZ] { sigaddset(&defaults, number) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/bin/sh", nil, &attributes, &cArguments, environ) == 0 else {
      return -1
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      if errno != EINTR { return -1 }
    }
    // WIFEXITED / WEXITSTATUS, which Swift does not import.
    if status & 0x7f == 0 { return (status >> 8) & 0xff }
    return 128 + (status & 0x7f)
  }
}
