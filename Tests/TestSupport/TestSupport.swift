import Foundation

#if canImport(Glibc)
  import Glibc
#endif

// What the test targets share: where the repository and its fixtures are, temporary
// directories, the fixed date tests start at, and running a program.

/// The repository's root, from this file's place in it (Tests/TestSupport/).
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().path

/// A file or folder of `Tests/Fixtures`.
public func fixturePath(_ name: String) -> String {
  repositoryRoot + "/Tests/Fixtures/" + name
}

/// A fresh directory under the system's temporary directory, removed by the caller.
public func temporaryDirectory() -> String {
  let path = NSTemporaryDirectory() + "cloud-assess-tests-" + UUID().uuidString
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// The moment tests start their sessions at (2027-01-15 08:00 UTC).
public let t0 = Date(timeIntervalSince1970: 1_800_000_000)

/// What a program printed, and how it ended.
public struct CLIResult {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs a program with no standard input, or with `input` through a pipe. Output
/// goes to files, not pipes: a tmux server started by a concurrent test could otherwise hold a
/// pipe open, and a child filling one pipe while the other is read would block. `unsetting`
/// removes variables from the environment (e.g. `TERM`).
public func runBinary(
  _ path: String, _ arguments: [String], environment: [String: String] = [:],
  unsetting: [String] = [],
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

/// Whether the tests run under CI (`CI=true`): there a test that needs a tool runs, and fails
/// when the tool is missing, since `.ci/run` installs every one.
public let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

/// A program found in `PATH`.
public func which(_ name: String) -> String? {
  for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
    separator: ":")
  {
    let path = "\(directory)/\(name)"
    if FileManager.default.isExecutableFile(atPath: path) { return path }
  }
  return nil
}

/// The Python of the tests' virtual environment (`.ci/run` creates it).
public let venvPython = repositoryRoot + "/.venv-ci/bin/python"

/// Whether the tests' virtual environment has `module`.
public func venvHasModule(_ module: String) -> Bool {
  FileManager.default.isExecutableFile(atPath: venvPython)
    && (try? runBinary(venvPython, ["-c", "import \(module)"]).status) == 0
}
