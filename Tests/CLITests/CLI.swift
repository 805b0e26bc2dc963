import Foundation

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

func runCLI(
  _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil
) throws -> CLIResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: binaryPath)
  process.arguments = arguments
  var env = ProcessInfo.processInfo.environment
  env["NO_COLOR"] = "1"
  for (key, value) in environment { env[key] = value }
  process.environment = env
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  if let stdin {
    let input = Pipe()
    process.standardInput = input
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
  } else {
    process.standardInput = FileHandle.nullDevice
  }
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CLIResult(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

func temporaryDirectory() -> String {
  let path = NSTemporaryDirectory() + "cloud-assess-cli-" + UUID().uuidString
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}
