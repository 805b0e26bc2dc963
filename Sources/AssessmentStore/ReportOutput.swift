import Foundation
import QuestionnaireFormat
import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a report may be written: never onto the session it is made from.
public enum ReportOutput {
  /// The files of a session: the session file, its journal and its lock.
  public static func sessionFiles(of sessionPath: String) -> [String] {
    let directory = (sessionPath as NSString).deletingLastPathComponent
    let name = (sessionPath as NSString).lastPathComponent
    return [
      sessionPath, SessionFile.journalPath(for: sessionPath),
      (directory.isEmpty ? "." : directory) + "/." + name + ".lock",
    ]
  }

  /// The session file that `output` would overwrite (the file, its journal or its lock, by any
  /// path: relative, through a link to its directory, or a hard link), or nil when it is safe.
  public static func clash(output: String, sessionPath: String) -> String? {
    let target = canonical(output)
    var outputInfo = stat()
    let outputExists = stat(output, &outputInfo) == 0
    for file in sessionFiles(of: sessionPath) {
      if canonical(file) == target { return file }
      var info = stat()
      if outputExists, stat(file, &info) == 0, info.st_dev == outputInfo.st_dev,
        info.st_ino == outputInfo.st_ino
      {
        return file
      }
    }
    return nil
  }

  /// The path with its directory resolved (links, `..`), the file name kept.
  static func canonical(_ path: String) -> String {
    let absolute =
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    let directory = (absolute as NSString).deletingLastPathComponent
    let name = (absolute as NSString).lastPathComponent
    guard let resolved = realpath(directory, nil) else {
      return (absolute as NSString).standardizingPath
    }
    defer { free(resolved) }
    return String(cString: resolved) + "/" + name
  }

  /// SHA-256 (hex) of a file's bytes: the session file a report is made from.
  public static func sha256(ofFile path: String) throws -> String {
    QuestionnaireFiles.sha256(of: try FileContents.read(path))
  }
}
