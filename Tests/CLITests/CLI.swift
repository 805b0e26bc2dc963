import Foundation
@_exported import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The binary beside the test bundle (`swift test` builds every product).
var binaryPath: String {
  var directory = Bundle.main.bundleURL
  for _ in 0..<3 {
    let candidate = directory.appendingPathComponent("cloud-assess").path
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    directory.deleteLastPathComponent()
  }
  return repositoryRoot + "/.build/debug/cloud-assess"
}

/// Runs `cloud-assess` (NO_COLOR set) and collects what it printed.
func runCLI(
  _ arguments: [String], environment: [String: String] = [:], unsetting: [String] = [],
  input: String? = nil
) throws -> CLIResult {
  try runBinary(
    binaryPath, arguments, environment: ["NO_COLOR": "1"].merging(environment) { $1 },
    unsetting: unsetting,
    input: input)
}
