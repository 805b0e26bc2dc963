// The benchmarks' floor: a Swift program that only reads a file and prints its size. Process
// start-up and reading cost this much whatever the application does; `cloud-assess-bench`
// compares the real commands with it.
import Foundation

guard CommandLine.arguments.count == 2,
  let data = FileManager.default.contents(atPath: CommandLine.arguments[1])
else {
  FileHandle.standardError.write(Data("usage: bench-floor FILE (a readable file)\n".utf8))
  exit(1)
}
print(data.count)
