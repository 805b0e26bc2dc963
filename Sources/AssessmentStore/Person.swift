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

/// The person whose changes a session records (an answer's history, the identification's, who
/// recorded a decision), and where the name came from.
public struct Person: Equatable, Sendable {
  public var name: String
  public var source: Source

  public init(name: String, source: Source) {
    self.name = name
    self.source = source
  }

  public enum Source: String, Sendable {
    /// `--as NAME`.
    case option
    /// `CLOUD_ASSESS_USER`.
    case environment
    /// The `user.name` of the git repository holding the session's folder.
    case git
    /// The login name.
    case login
    /// None of them gave a name.
    case unknown
  }

  /// `--as NAME`, else `CLOUD_ASSESS_USER`, else the git `user.name` of the repository whose
  /// work tree holds `folder` (the session's folder, or its nearest existing parent), else the
  /// login name. Blank names are skipped; the name is trimmed. `variable`, `gitUserName` and
  /// `loginName` are the system's unless a test gives its own.
  public static func resolve(
    explicit: String?, folder: String, variable: (String) -> String? = ProcessEnvironment.value,
    gitUserName: (String) -> String? = Person.gitUserName,
    loginName: () -> String? = Person.loginName
  ) -> Person {
    func usable(_ text: String?) -> String? {
      guard let text = text?.trimmed, !text.isEmpty
      else { return nil }
      return text
    }
    if let name = usable(explicit) { return Person(name: name, source: .option) }
    if let name = usable(variable("CLOUD_ASSESS_USER")) {
      return Person(name: name, source: .environment)
    }
    if let name = usable(gitUserName(folder)) { return Person(name: name, source: .git) }
    if let name = usable(loginName()) { return Person(name: name, source: .login) }
    return Person(name: "", source: .unknown)
  }

  /// git's `user.name` for `folder` when it is inside a git work tree (git run there: the
  /// repository's configuration, then the user's and the system's, as git itself reads them);
  /// nil when git is not installed, the folder is in no work tree, or no name is set.
  public static func gitUserName(_ folder: String) -> String? {
    var directory = folder.isEmpty ? "." : folder
    var info = stat()
    // A sessions folder not created yet: its nearest existing parent decides.
    while stat(directory, &info) != 0 || info.st_mode & S_IFMT != S_IFDIR {
      let parent = (directory as NSString).deletingLastPathComponent
      if parent.isEmpty || parent == directory { return nil }
      directory = parent
    }
    guard
      let inside = ChildProcess.output(
        ["git", "-C", directory, "rev-parse", "--is-inside-work-tree"]),
      inside.status == 0,
      inside.standardOutput.trimmed == "true",
      let name = ChildProcess.output(["git", "-C", directory, "config", "user.name"]),
      name.status == 0
    else { return nil }
    return name.standardOutput.trimmed
  }

  /// The login name: the password database's entry of the effective user, else `LOGNAME`,
  /// else `USER`.
  public static func loginName() -> String? {
    if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
      let text = String(cString: name)
      if !text.isEmpty { return text }
    }
    return ProcessEnvironment.value("LOGNAME") ?? ProcessEnvironment.value("USER")
  }
}

extension SessionStore {
  /// The person recorded as making the changes to the session at `path`: `--as` (``asPerson``),
  /// else ``Person/resolve(explicit:folder:variable:gitUserName:loginName:)`` for the session's
  /// folder. Every command and front end gets the name here.
  public func person(forSessionAt path: String) -> Person {
    Person.resolve(explicit: asPerson, folder: (path as NSString).deletingLastPathComponent)
  }
}
