import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `cloud-assess` binary and collects what it printed.
struct CLIResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().path

/// The binary beside the test bundle (`swift test` builds every product).
var binaryPath: String {
  var directory = Bundle.main.bundleURL
  for _ in 0..<3 {
    let candidate = directory.appendingPathComponent("cloud-assess").path
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    directory.deleteLastPathComponent()
  }
  return packageRoot + "/.build/debug/cloud-assess"
}

/// Runs `cloud-assess` (NO_COLOR set) and collects what it printed.
func runCLI(
  _ arguments: [String], environment: [String: String] = [:], unsetting: [String] = [], input: String? = nil
) throws -> CLIResult {
  try runBinary(
    binaryPath, arguments, environment: ["NO_COLOR": "1"].merging(environment) { $1 }, unsetting: unsetting,
    input: input)
}

/// Runs a binary of the package with no standard input, or with `input` through a pipe. Output
/// goes to files, not pipes: a tmux server started by a concurrent test could otherwise hold a
/// pipe open, and a child filling one pipe while the other is read would block. `unsetting`
/// removes variables from the environment (e.g. `TERM`).
func runBinary(
  _ path: String, _ arguments: [String], environment: [String: String] = [:], unsetting: [String] = [],
  input: String? = nil
) throws -> CLIResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  var merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  for name in unsetting { merged[name] = nil }
  process.environment = merged
  let directory = temporaryDirectory()
  defer { try? FileManager.default.removeItem(atPath: directory) }
  _ = FileManager.default.createFile(atPath: directory + "/out", contents: nil)
  _ = FileManager.default.createFile(atPath: directory + "/err", contents: nil)
  process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/out"))
  process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/err"))
  if let input {
    let pipe = Pipe()
    process.standardInput = pipe
    try process.run()
    // Written from another thread: a child that stops reading early must not block the test.
    let writer = pipe.fileHandleForWriting
    let data = Data(input.utf8)
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      signal(SIGPIPE, SIG_IGN)
      try? writer.write(contentsOf: data)
      try? writer.close()
      done.signal()
    }
    process.waitUntilExit()
    done.wait()
  } else {
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
  }
  return CLIResult(
    status: process.terminationStatus,
    stdout: (try? String(contentsOfFile: directory + "/out", encoding: .utf8)) ?? "",
    stderr: (try? String(contentsOfFile: directory + "/err", encoding: .utf8)) ?? "")
}

func temporaryDirectory() -> String {
  let path = NSTemporaryDirectory() + "cloud-assess-cli-" + UUID().uuidString
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}
