import AssessmentCore
import Foundation
import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Prepares a folder of sessions kept in a git repository (`cloud-assess git-setup`,
/// docs/team.md): the folder's `.gitattributes` sends its session files to cloud-assess's merge
/// driver, its `.gitignore` keeps out what is not shared (journals, locks, the originals kept by
/// a migration, temporary files), and the repository's configuration names the driver's command.
///
/// Git reads a driver's command only from its configuration, never from a committed file (a
/// repository must not run commands on the machines that clone it): every clone runs
/// `git-setup` once.
///
/// Our lines in `.gitattributes` and `.gitignore` are a block between two marker lines; the
/// rest of those files is never changed, and a block already there is rewritten only when it
/// differs. The configuration's `merge.cloud-assess.*` keys are ours.
public enum GitSetup {
  /// The driver's name in `.gitattributes` and in the configuration (`merge.cloud-assess`).
  public static let driverName = "cloud-assess"
  static let blockStart = "# cloud-assess: begin (written by `cloud-assess git-setup`)"
  static let blockEnd = "# cloud-assess: end"

  /// The session files, and not the originals a migration keeps beside them (`ID.v2.json`), which
  /// git merges as it merges any file.
  static let attributeLines = [
    "*.json merge=\(driverName)",
    "*.v[0-9]*.json !merge",
  ]
  /// What stays on each machine: journals (`ID.journal`), the wizard's locks (`.ID.json.lock`),
  /// the originals kept by a migration (`ID.v2.json`) and the temporary files of atomic writes
  /// (`.ID.json.PID.tmp`).
  static let ignoreLines = ["*.journal", ".*.lock", "*.v[0-9]*.json", ".*.tmp"]

  public struct Outcome: Equatable, Sendable {
    /// The working tree's top.
    public var repository: String
    /// The files written (`.gitattributes`, `.gitignore`) and those already as they should be.
    public var written: [String]
    public var unchanged: [String]
    /// The command git now runs to merge a session.
    public var driver: String
    /// Whether the configuration changed (false: it already named this command).
    public var configured: Bool
  }

  public enum Failure: Error, Equatable {
    case gitMissing
    case notADirectory(String)
    case notARepository(String)
    /// A link, directory or device where `.gitattributes` or `.gitignore` goes.
    case notARegularFile(String)
    /// A marker line without its partner: the block was edited by hand.
    case damagedBlock(String)
    case gitFailed(command: String, status: Int32)
    case writeFailed(path: String, reason: String)

    public func message(_ language: InterfaceLanguage) -> String {
      let pick = language.pick
      switch self {
      case .gitMissing:
        return pick(
          "git est introuvable (PATH) : installez-le (paquet git) pour partager des sessions",
          "git cannot be found (PATH): install it (package git) to share sessions",
          "git werd niet gevonden (PATH): installeer het (pakket git) om sessies te delen")
      case .notADirectory(let path):
        return pick(
          "\(path) n'est pas un dossier : donnez le dossier des sessions",
          "\(path) is not a folder: give the folder of the sessions",
          "\(path) is geen map: geef de map van de sessies")
      case .notARepository(let path):
        return pick(
          "\(path) n'est pas dans un dépôt git : créez-en un (git init \(path)) ou clonez celui de l'équipe, puis relancez cloud-assess git-setup",
          "\(path) is not in a git repository: create one (git init \(path)) or clone the team's, then run cloud-assess git-setup again",
          "\(path) is niet in een git-repository: maak er een aan (git init \(path)) of kloon die van het team, en voer cloud-assess git-setup opnieuw uit"
        )
      case .notARegularFile(let path):
        return pick(
          "\(path) n'est pas un fichier ordinaire (un lien symbolique ou un dossier) : cloud-assess ne l'a pas modifié",
          "\(path) is not a regular file (a symbolic link or a folder): cloud-assess left it alone",
          "\(path) is geen gewoon bestand (een symbolische koppeling of een map): cloud-assess heeft het niet gewijzigd"
        )
      case .damagedBlock(let path):
        return pick(
          "\(path) a une ligne « \(blockStart) » ou « \(blockEnd) » sans l'autre : le bloc de cloud-assess a été modifié à la main. Supprimez ce qu'il en reste, puis relancez cloud-assess git-setup",
          "\(path) has a line '\(blockStart)' or '\(blockEnd)' without the other: cloud-assess's block was edited by hand. Remove what is left of it, then run cloud-assess git-setup again",
          "\(path) heeft een regel ‘\(blockStart)’ of ‘\(blockEnd)’ zonder de andere: het blok van cloud-assess is met de hand gewijzigd. Verwijder wat ervan overblijft en voer cloud-assess git-setup opnieuw uit"
        )
      case .gitFailed(let command, let status):
        return pick(
          "la commande « \(command) » a échoué (statut \(status))",
          "the command '\(command)' failed (status \(status))",
          "het commando ‘\(command)’ is mislukt (status \(status))")
      case .writeFailed(let path, let reason):
        return pick(
          "impossible d'écrire \(path) : \(reason)",
          "could not write \(path): \(reason)",
          "kon \(path) niet schrijven: \(reason)")
      }
    }
  }

  /// Sets up `directory` (the folder of the sessions, in a git working tree) for merging with
  /// `executable`, the absolute path of the cloud-assess to run.
  public static func run(directory: String, executable: String) throws(Failure) -> Outcome {
    var info = stat()
    guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
      throw .notADirectory(directory)
    }
    let top = try git(["-C", directory, "rev-parse", "--show-toplevel"])
    guard top.status == 0, !top.output.isEmpty else { throw .notARepository(directory) }
    var written: [String] = []
    var unchanged: [String] = []
    for (name, lines) in [(".gitattributes", attributeLines), (".gitignore", ignoreLines)] {
      let path = directory + "/" + name
      if try writeBlock(lines, to: path) {
        written.append(path)
      } else {
        unchanged.append(path)
      }
    }
    let driver = quoted(executable) + " merge %O %A %B %P"
    let current = try git(["-C", directory, "config", "--local", "--get", configKey("driver")])
    let configured = current.status != 0 || current.output != driver
    if configured {
      try set("driver", driver, in: directory)
      try set("name", "cloud-assess: sessions merged question by question", in: directory)
    }
    return Outcome(
      repository: top.output, written: written, unchanged: unchanged, driver: driver,
      configured: configured)
  }

  /// The file's text with our block (in place of the one already there, or appended); nil when
  /// the file already holds it. `existing` is the file's text, nil when there is none.
  static func withBlock(_ lines: [String], in existing: String?) throws(Failure) -> String? {
    let block = ([blockStart] + lines + [blockEnd]).joined(separator: "\n") + "\n"
    guard let existing, !existing.isEmpty else { return block }
    var fileLines = existing.components(separatedBy: "\n")
    let start = fileLines.firstIndex(of: blockStart)
    let end = fileLines.firstIndex(of: blockEnd)
    switch (start, end) {
    case (nil, nil):
      return existing + (existing.hasSuffix("\n") ? "" : "\n") + block
    case (let start?, let end?) where start < end:
      let current = fileLines[start...end].joined(separator: "\n") + "\n"
      if current == block { return nil }
      fileLines.replaceSubrange(start...end, with: [blockStart] + lines + [blockEnd])
      return fileLines.joined(separator: "\n")
    default:
      throw .damagedBlock("")
    }
  }

  /// Writes our block into `path` (atomically); false when it was already there.
  private static func writeBlock(_ lines: [String], to path: String) throws(Failure) -> Bool {
    var info = stat()
    var existing: String?
    if lstat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(path) }
      do {
        existing = String(decoding: try FileContents.read(path), as: UTF8.self)
      } catch {
        throw .writeFailed(path: path, reason: error.reason)
      }
    }
    let text: String?
    do {
      text = try withBlock(lines, in: existing)
    } catch {
      throw .damagedBlock(path)
    }
    guard let text else { return false }
    do {
      try AtomicFile.write(Data(text.utf8), to: path)
    } catch {
      switch error {
      case .notARegularFile: throw .notARegularFile(path)
      case .failed(let reason): throw .writeFailed(path: path, reason: reason)
      }
    }
    // An atomic write makes a file 0600; these are shared like any file of the repository.
    chmod(path, existing == nil ? 0o644 : info.st_mode & 0o7777)
    return true
  }

  private static func configKey(_ name: String) -> String { "merge.\(driverName).\(name)" }

  private static func set(_ name: String, _ value: String, in directory: String) throws(Failure) {
    let arguments = ["-C", directory, "config", "--local", configKey(name), value]
    let result = try git(arguments)
    guard result.status == 0 else {
      throw .gitFailed(command: "git " + arguments.joined(separator: " "), status: result.status)
    }
  }

  private static func git(_ arguments: [String]) throws(Failure) -> (
    status: Int32, output: String
  ) {
    guard let result = ChildProcess.output(["git"] + arguments) else {
      throw .gitMissing
    }
    return (result.status, result.standardOutput.trimmingCharacters(in: .newlines))
  }

  /// The path as one word for the shell git runs the driver with.
  static func quoted(_ path: String) -> String {
    let plain = path.unicodeScalars.allSatisfy {
      $0.isASCII
        && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
          || "/._-+".unicodeScalars.contains($0))
    }
    return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
