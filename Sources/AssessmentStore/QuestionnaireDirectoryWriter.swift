import Foundation
import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a questionnaire directory made by an importer, whole or not at all: the files go to a
/// temporary sibling directory first, which then takes the output's place (an existing output,
/// only when replacing is asked for, is moved aside and removed once the new one is in place).
/// An error at any step leaves the output as it was, and no temporary directory behind.
public enum QuestionnaireDirectoryWriter {
  public enum Failure: Error, Equatable, Sendable {
    /// Something is at the output path and replacing it was not asked for.
    case exists(path: String)
    /// Something other than a directory is at the output path: it is never replaced.
    case notADirectory(path: String)
    /// The directory that would hold the output does not exist.
    case noParent(path: String)
    case failed(path: String, reason: String)
  }

  /// Writes `files` (paths relative to the directory) as the directory `path`.
  public static func write(
    _ files: [(path: String, text: String)], to path: String, replacing: Bool
  ) throws(Failure) {
    let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    let name = (trimmed as NSString).lastPathComponent
    let parentPath = (trimmed as NSString).deletingLastPathComponent
    let parent = parentPath.isEmpty ? "." : parentPath
    var parentInfo = stat()
    guard stat(parent, &parentInfo) == 0, parentInfo.st_mode & S_IFMT == S_IFDIR else {
      throw .noParent(path: parent)
    }
    var info = stat()
    let exists = lstat(trimmed, &info) == 0
    if exists {
      guard info.st_mode & S_IFMT == S_IFDIR else { throw .notADirectory(path: trimmed) }
      guard replacing else { throw .exists(path: trimmed) }
    }
    let temporary = parent + "/." + name + ".import-\(getpid())"
    let aside = parent + "/." + name + ".replaced-\(getpid())"
    func remove(_ directory: String) { try? FileManager.default.removeItem(atPath: directory) }
    guard mkdir(temporary, 0o755) == 0 else {
      throw .failed(path: temporary, reason: String(cString: strerror(errno)))
    }
    do {
      for file in files {
        let full = temporary + "/" + file.path
        let directory = (full as NSString).deletingLastPathComponent
        var directoryInfo = stat()
        if stat(directory, &directoryInfo) != 0, mkdir(directory, 0o755) != 0 {
          throw Failure.failed(path: directory, reason: String(cString: strerror(errno)))
        }
        do {
          try AtomicFile.write(Data(file.text.utf8), to: full)
        } catch {
          let reason: String
          switch error {
          case .notARegularFile: reason = "not a regular file"
          case .failed(let why): reason = why
          }
          throw Failure.failed(path: full, reason: reason)
        }
      }
    } catch let failure as Failure {
      remove(temporary)
      throw failure
    } catch {
      remove(temporary)
      throw .failed(path: temporary, reason: "\(error)")
    }
    if exists {
      guard rename(trimmed, aside) == 0 else {
        let reason = String(cString: strerror(errno))
        remove(temporary)
        throw .failed(path: trimmed, reason: reason)
      }
    }
    guard rename(temporary, trimmed) == 0 else {
      let reason = String(cString: strerror(errno))
      // Put the old one back: the output is as it was.
      if exists { _ = rename(aside, trimmed) }
      remove(temporary)
      throw .failed(path: trimmed, reason: reason)
    }
    AtomicFile.syncDirectory(of: trimmed)
    if exists { remove(aside) }
  }
}
