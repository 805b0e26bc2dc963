import AssessmentCore
import AssessmentFrontEnd
import AssessmentTUI
import Foundation
import SystemSupport

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
      let command = [ProcessEnvironment.value("VISUAL"), ProcessEnvironment.value("EDITOR")]
        .compactMap({ $0 })
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
    let arguments = ["/bin/sh", "-c", command + " \"$@\"", command, path]
    guard let pid = try? ChildProcess.spawn("/bin/sh", arguments: arguments) else { return -1 }
    return ChildProcess.wait(pid)
  }
}
