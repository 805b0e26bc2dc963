// The benchmarks' floor: a Swift program that only reads files and prints their total size. Process
// start-up and reading cost this much whatever the application does; `cloud-assess-bench`
// compares the real commands with it.
import Foundation

// The files of a questionnaire: one, or a directory's top file and parts.
var total = 0
for path in CommandLine.arguments.dropFirst() {
  guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("usage: bench-floor FILE... (readable files)\n".utf8))
    exit(1)
  }
  total += data.count
}
guard CommandLine.arguments.count > 1 else {
  FileHandle.standardError.write(Data("usage: bench-floor FILE... (readable files)\n".utf8))
  exit(1)
}
print(total)
