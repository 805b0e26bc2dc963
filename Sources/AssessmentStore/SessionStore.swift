import AssessmentCore
import Foundation
import QuestionnaireFormat
import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The sessions directory and the files in it: atomic, durable writes; refusal of links.
public struct SessionStore: Sendable {
  public let directory: String
  /// The name given with `--as`: the person the changes made through this store are recorded
  /// for (``person(forSessionAt:)``).
  public var asPerson: String?

  public init(directory: String, asPerson: String? = nil) {
    self.directory = directory
    self.asPerson = asPerson
  }

  /// `--sessions-dir`, else `CLOUD_ASSESS_SESSIONS`, else `$XDG_DATA_HOME/cloud-assess/sessions`,
  /// else `~/.local/share/cloud-assess/sessions`.
  /// `variable` looks a variable up (`ProcessEnvironment.value`, or a dictionary in tests).
  public static func defaultDirectory(override: String?, variable: (String) -> String?) -> String {
    if let override, !override.isEmpty { return override }
    if let sessions = variable("CLOUD_ASSESS_SESSIONS"), !sessions.isEmpty { return sessions }
    if let xdg = variable("XDG_DATA_HOME"), xdg.hasPrefix("/") {
      return xdg + "/cloud-assess/sessions"
    }
    let home = variable("HOME") ?? NSHomeDirectory()
    return home + "/.local/share/cloud-assess/sessions"
  }

  /// Letters, digits, `-` and `_`, 1 to 64 of them: nothing that can leave the directory.
  public static func isValidID(_ id: String) -> Bool {
    !id.isEmpty && id.count <= 64
      && id.unicodeScalars.allSatisfy {
        $0.isASCII
          && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
      }
  }

  /// A new id from the creation time and a random suffix, e.g. `20261123-101500-4f2a`.
  public static func newID(at date: Date) -> String {
    // UTC by arithmetic (Timestamp): a first DateFormatter loads ICU's data, a tenth of the time
    // `cloud-assess new` takes to show its first screen.
    let digits = Timestamp.formatSeconds(date).filter { $0.isASCII && $0.isNumber }
    let suffix = String(UInt16.random(in: 0...UInt16.max), radix: 16)
    return digits.prefix(8) + "-" + digits.dropFirst(8).prefix(6) + "-"
      + String(repeating: "0", count: 4 - suffix.count) + suffix
  }

  /// The file of a session given as an id (in the sessions directory) or as a path (containing
  /// `/` or ending in `.json`).
  public func path(for reference: String) throws(StoreError) -> String {
    if reference.utf8.contains(UInt8(ascii: "/")) || reference.hasSuffix(".json") {
      return reference
    }
    guard Self.isValidID(reference) else { throw .invalidSessionID(reference) }
    return directory + "/" + reference + ".json"
  }

  // MARK: - Reading

  /// Whether reading a session reads its answers' histories.
  public enum HistoryReading: Sendable {
    /// The whole file: to write the session, or to show, merge or extend its histories.
    case read
    /// The file without the histories when it is of format 4 as cloud-assess writes it
    /// (``SessionRecord/historiesOmitted``), for a summary, a list or a comparison, which do
    /// not show them. A session with a decision is read whole: the answers changed since it
    /// are counted from the histories.
    case skipped
  }

  /// Reads a session file and replays its journal (`SessionWriter`), refusing links, directories
  /// and oversized files without touching them.
  public func load(path: String, histories: HistoryReading = .read) throws(StoreError)
    -> SessionRecord
  {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      if errno == ENOENT {
        let name = (path as NSString).lastPathComponent
        throw .sessionNotFound(
          name.hasSuffix(".json") ? String(name.dropLast(5)) : name,
          directory: (path as NSString).deletingLastPathComponent)
      }
      throw .sessionUnreadable(path: path, reason: String(cString: strerror(errno)))
    }
    guard info.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(path: path) }
    guard Int(info.st_size) <= SessionFile.maximumFileSize else {
      throw .sessionCorrupt(
        path: path,
        reason:
          "the file is \(info.st_size) bytes, over the limit of \(SessionFile.maximumFileSize)")
    }
    let record: SessionRecord
    if histories == .skipped,
      let withoutHistories = SessionFile.readHead(path: path).flatMap(SessionFile.record(ofHead:))
    {
      record = withoutHistories
    } else {
      record = try SessionFile.decode(try Self.read(path), path: path)
    }
    let journal = SessionFile.journalPath(for: path)
    guard lstat(journal, &info) == 0 else { return record }
    guard info.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(path: journal) }
    guard Int(info.st_size) <= SessionFile.maximumFileSize else {
      throw .sessionCorrupt(
        path: journal,
        reason:
          "the file is \(info.st_size) bytes, over the limit of \(SessionFile.maximumFileSize)")
    }
    let replayed = try SessionFile.applyJournal(try Self.read(journal), to: record, path: journal)
    // A decision recorded in the journal only: the histories are needed after all.
    if replayed.historiesOmitted, !replayed.signOffs.isEmpty { return try load(path: path) }
    return replayed
  }

  private static func read(_ path: String) throws(StoreError) -> Data {
    do {
      return try FileContents.read(path)
    } catch {
      throw .sessionUnreadable(path: path, reason: error.reason)
    }
  }

  // MARK: - Writing

  /// Creates the sessions directory (mode 0700) when missing.
  public func ensureDirectory() throws(StoreError) {
    var info = stat()
    if stat(directory, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFDIR else {
        throw .writeFailed(path: directory, reason: "it exists and is not a directory")
      }
      return
    }
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw .writeFailed(path: directory, reason: error.localizedDescription)
    }
  }

  /// Saves atomically and durably: a temporary file (0600) in the same directory, fsync, rename
  /// over the old file, fsync of the directory. The old file stays whole until the rename.
  public func save(_ record: SessionRecord, to path: String) throws(StoreError) {
    let data: Data
    do {
      data = try SessionFile.encode(record)
    } catch {
      throw .writeFailed(path: path, reason: "cannot encode the session: \(error)")
    }
    // A file of an older format is kept beside (`ID.v1.json`) before it is replaced.
    try SessionFile.keepOriginalIfOlder(path)
    try Self.writeAtomically(data, to: path)
  }

  /// Writes `data` to `path` atomically and durably; refuses a link or directory at `path`.
  public static func writeAtomically(_ data: Data, to path: String) throws(StoreError) {
    do {
      try AtomicFile.write(data, to: path)
    } catch {
      switch error {
      case .notARegularFile: throw .notARegularFile(path: path)
      case .failed(let reason): throw .writeFailed(path: path, reason: reason)
      }
    }
  }

  /// Writes every byte of `data` (a short write continues, EINTR retries); the error text when a
  /// write fails.
  static func writeAll(_ data: Data, to descriptor: Int32) -> String? {
    data.withUnsafeBytes { FileContents.writeAll($0, to: descriptor)?.reason }
  }

  // MARK: - Listing

  /// One saved session, or a file that could not be read.
  public struct Entry: Sendable {
    public var path: String
    public var result: Result<SessionRecord, StoreError>
  }

  /// Whether a file name is that of an original kept by a migration: `ID.vN.json`.
  static func isKeptOriginal(_ name: String) -> Bool {
    let stem = name.dropLast(5)
    guard let dot = stem.lastIndex(of: "."), stem[stem.index(after: dot)...].first == "v" else {
      return false
    }
    let digits = stem[stem.index(dot, offsetBy: 2)...]
    return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// The session files of the directory, newest change first; unreadable ones at the end.
  public func list() -> [Entry] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return []
    }
    // `ID.json` only: the originals kept by a migration (`ID.v1.json`) are not sessions.
    let entries = names.filter {
      $0.hasSuffix(".json") && !$0.hasPrefix(".") && !Self.isKeptOriginal($0)
    }.map { name in
      let path = directory + "/" + name
      let result: Result<SessionRecord, StoreError>
      do throws(StoreError) {
        result = .success(try load(path: path))
      } catch {
        result = .failure(error)
      }
      return Entry(path: path, result: result)
    }
    return entries.sorted { lhs, rhs in
      switch (lhs.result, rhs.result) {
      case (.success(let a), .success(let b)):
        return a.metadata.updated != b.metadata.updated
          ? a.metadata.updated > b.metadata.updated : a.id < b.id
      case (.success, .failure): return true
      case (.failure, .success): return false
      case (.failure, .failure): return lhs.path < rhs.path
      }
    }
  }
}
