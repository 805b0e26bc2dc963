import Foundation
import TestSupport

/// The tools some tests need beside Swift: tmux (the terminal), chromium with poppler-utils (a
/// real browser printing the HTML report) and the OSCAL validators' Python environment. Where
/// one is missing its tests are skipped (`.enabled(if:)`: reported as skipped, not as passed).
/// Under `CI=true` they always run, and fail on the missing tool: `.ci/run` installs every one,
/// so CI never passes without having run them.
enum RequiredTool {
  static let inCI = TestSupport.inCI

  /// The tests that drive the binary in tmux.
  static var tmux: Bool { inCI || Tmux.available }

  /// The tests that merge sessions through a real git (docs/team.md).
  static var git: Bool { inCI || which("git") != nil }

  /// The tests that print the HTML report with a browser.
  static var browser: Bool { inCI || (chromium != nil && pdftotext != nil && pdfinfo != nil) }

  /// The test that validates the OSCAL export.
  static var oscalValidators: Bool {
    inCI || FileManager.default.isExecutableFile(atPath: oscalPython)
  }

  static var chromium: String? { which("chromium") ?? which("chromium-browser") }
  static var pdftotext: String? { which("pdftotext") }
  static var pdfinfo: String? { which("pdfinfo") }

  /// The Python of the validators' environment (`.ci/run` creates it).
  static var oscalPython: String {
    ProcessInfo.processInfo.environment["OSCAL_PYTHON"] ?? repositoryRoot + "/.venv-ci/bin/python"
  }
}
