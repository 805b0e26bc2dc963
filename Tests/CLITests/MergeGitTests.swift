import Foundation
import Testing

/// Sessions shared through a real git (docs/team.md): `git-setup` and the merge driver.
@Suite(.enabled(if: RequiredTool.git))
struct MergeGitTests {
  let risk = fixturePath("risk.yaml")

  /// A git with no configuration of the machine's or the user's: `HOME` is the test's folder.
  final class Git {
    let home = temporaryDirectory()
    var environment: [String: String] {
      [
        "HOME": home, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8",
        "GIT_MERGE_AUTOEDIT": "no",
      ]
    }

    deinit { try? FileManager.default.removeItem(atPath: home) }

    @discardableResult
    func callAsFunction(_ arguments: String..., in directory: String, expect status: Int32? = 0)
      throws -> CLIResult
    {
      let program = try #require(which("git"))
      let result = try runBinary(program, ["-C", directory] + arguments, environment: environment)
      if let status {
        #expect(
          result.status == status,
          "git \(arguments.joined(separator: " ")): \(result.stdout)\(result.stderr)")
      }
      return result
    }

    /// A repository with an origin and two clones of it: Anne's and Bruno's.
    func clones() throws -> (anne: String, bruno: String) {
      try self("init", "--bare", "-b", "main", "origin.git", in: home)
      try self("clone", "origin.git", "anne", in: home)
      try self("clone", "origin.git", "bruno", in: home)
      return (home + "/anne", home + "/bruno")
    }
  }

  func runCLI(_ arguments: [String], _ git: Git, input: String? = nil) throws -> CLIResult {
    try CLITests.runCLI(arguments, environment: git.environment, input: input)
  }

  /// Answers the question `id` with choice `number` in plain mode.
  func answer(_ session: String, _ id: String, _ number: Int, _ git: Git) throws {
    let result = try runCLI(
      ["resume", session, "--plain", "--questionnaire", risk, "--lang", "en"], git,
      input: "goto \(id)\n\(number)\nquit\n")
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
  }

  func value(_ session: String, _ id: String) throws -> String? {
    let data = try Data(contentsOf: URL(fileURLWithPath: session))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let answers = try #require(object["answers"] as? [String: Any])
    let answer = answers[id] as? [String: Any]
    return (answer?["value"] as? [String: Any])?["choice"] as? String
  }

  /// Anne's clone with a session and git-setup committed; Bruno's with it pulled and set up.
  func sharedSession(_ git: Git) throws -> (anne: String, bruno: String) {
    let (anne, bruno) = try git.clones()
    try FileManager.default.createDirectory(
      atPath: anne + "/sessions", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: fixturePath("sessions/mixed.json"), toPath: anne + "/sessions/mixed.json")
    let setup = try runCLI(["git-setup", anne + "/sessions"], git)
    #expect(setup.status == 0, "\(setup.stderr)")
    try git("add", "-A", in: anne)
    try git("commit", "-m", "a session", in: anne)
    try git("push", "origin", "main", in: anne)
    try git("pull", "origin", "main", in: bruno)
    #expect(try runCLI(["git-setup", bruno + "/sessions"], git).status == 0)
    return (anne, bruno)
  }

  @Test func gitSetupWritesItsBlocksOnceAndSaysDriversAreNotShared() throws {
    let git = Git()
    let (anne, _) = try git.clones()
    let sessions = anne + "/sessions"
    try FileManager.default.createDirectory(atPath: sessions, withIntermediateDirectories: true)
    try "*.pdf binary\n".write(
      toFile: sessions + "/.gitattributes", atomically: true, encoding: .utf8)
    let first = try runCLI(["git-setup", sessions], git)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("git does not read the merge driver from committed files"))
    let attributes = try String(contentsOfFile: sessions + "/.gitattributes", encoding: .utf8)
    #expect(attributes.hasPrefix("*.pdf binary\n# cloud-assess: begin"))
    #expect(attributes.contains("*.json merge=cloud-assess\n"))
    let ignore = try String(contentsOfFile: sessions + "/.gitignore", encoding: .utf8)
    #expect(ignore.contains("*.journal\n") && ignore.contains(".*.lock\n"))
    let driver = try git("config", "--get", "merge.cloud-assess.driver", in: anne)
    #expect(driver.stdout == binaryPathResolved() + " merge %O %A %B %P\n")
    // Which files go to the driver: sessions, not the originals kept by a migration.
    let check = try git(
      "check-attr", "merge", "--", "sessions/a.json", "sessions/a.v2.json", "sessions/a.journal",
      in: anne)
    #expect(
      check.stdout == """
        sessions/a.json: merge: cloud-assess
        sessions/a.v2.json: merge: unspecified
        sessions/a.journal: merge: unspecified

        """)
    let ignored = try git(
      "check-ignore", "sessions/a.journal", "sessions/.a.json.lock", "sessions/a.v2.json",
      in: anne)
    #expect(ignored.stdout.split(separator: "\n").count == 3)
    // Again: nothing changes, and it says so.
    let again = try runCLI(["git-setup", sessions], git)
    #expect(again.status == 0)
    #expect(again.stdout.contains("already set up"))
    #expect(try String(contentsOfFile: sessions + "/.gitattributes", encoding: .utf8) == attributes)
  }

  @Test func gitSetupOutsideARepositoryIsRefused() throws {
    let git = Git()
    let folder = git.home + "/plain"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let result = try runCLI(["git-setup", folder], git)
    #expect(result.status == 1)
    #expect(result.stderr.contains("is not in a git repository: create one (git init"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/.gitattributes"))
  }

  @Test func twoPeopleAnsweringDifferentSectionsMergeCleanly() throws {
    let git = Git()
    let (anne, bruno) = try sharedSession(git)
    try answer(anne + "/sessions/mixed.json", "ctr_backups", 3, git)
    try git("commit", "-am", "Anne: contract", in: anne)
    try git("push", "origin", "main", in: anne)
    try answer(bruno + "/sessions/mixed.json", "priv_encryption_rest", 1, git)
    try git("commit", "-am", "Bruno: privacy", in: bruno)
    let pull = try git("pull", "--no-rebase", "origin", "main", in: bruno)
    #expect(!pull.stdout.contains("CONFLICT"))
    let session = bruno + "/sessions/mixed.json"
    #expect(try value(session, "ctr_backups") == "noncompliant")
    #expect(try value(session, "priv_encryption_rest") == "compliant")
    let summary = try runCLI(["summary", session, "--questionnaire", risk], git)
    #expect(summary.status == 0, "\(summary.stderr)")
    #expect(try git("status", "--porcelain", in: bruno).stdout.isEmpty)
  }

  @Test func theSameQuestionAnsweredDifferentlyStopsGit() throws {
    let git = Git()
    let (anne, bruno) = try sharedSession(git)
    try answer(anne + "/sessions/mixed.json", "ctr_backups", 2, git)
    try git("commit", "-am", "Anne: partially", in: anne)
    try git("push", "origin", "main", in: anne)
    try answer(bruno + "/sessions/mixed.json", "ctr_backups", 3, git)
    try git("commit", "-am", "Bruno: not compliant", in: bruno)
    let pull = try git("pull", "--no-rebase", "origin", "main", in: bruno, expect: 1)
    let output = pull.stdout + pull.stderr
    #expect(output.contains("CONFLICT"))
    #expect(output.contains("1 answer changed differently on both sides: ctr_backups"))
    // The file is a session, not text with conflict markers.
    let summary = try runCLI(
      ["summary", bruno + "/sessions/mixed.json", "--questionnaire", risk], git)
    #expect(summary.status == 0, "\(summary.stderr)")
  }

  /// The conflict git stopped on, settled in the wizard (in tmux), then committed.
  @Test(.enabled(if: RequiredTool.tmux))
  func theConflictIsSettledInTheWizardAndCommitted() throws {
    let git = Git()
    let (anne, bruno) = try sharedSession(git)
    try answer(anne + "/sessions/mixed.json", "ctr_backups", 2, git)
    try git("commit", "-am", "Anne: partially", in: anne)
    try git("push", "origin", "main", in: anne)
    try answer(bruno + "/sessions/mixed.json", "ctr_backups", 3, git)
    try git("commit", "-am", "Bruno: not compliant", in: bruno)
    try git("pull", "--no-rebase", "origin", "main", in: bruno, expect: 1)
    let session = bruno + "/sessions/mixed.json"
    let tmux = try Tmux(
      ["resume", session, "--questionnaire", risk, "--lang", "en"], environment: [:], height: 30)
    try tmux.wait(for: "Conflict: two merged copies of the session disagree")
    try tmux.wait(for: "t theirs: Partially")
    try tmux.keys("t")
    try tmux.wait(for: "no conflict left")
    try tmux.keys("q")
    try tmux.waitForExit()
    #expect(try value(session, "ctr_backups") == "partial")
    try git("add", "sessions/mixed.json", in: bruno)
    try git("commit", "--no-edit", in: bruno)
    #expect(try git("status", "--porcelain", in: bruno).stdout.isEmpty)
    let summary = try runCLI(["summary", session, "--questionnaire", risk], git)
    #expect(summary.status == 0, "\(summary.stderr)")
    #expect(!summary.stdout.contains("in conflict"))
  }

  @Test func withoutTheDriverTheMarkersAreNamedAndCheckoutMergeRepairs() throws {
    let git = Git()
    let (anne, bruno) = try git.clones()
    try FileManager.default.createDirectory(
      atPath: anne + "/sessions", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: fixturePath("sessions/mixed.json"), toPath: anne + "/sessions/mixed.json")
    try git("add", "-A", in: anne)
    try git("commit", "-m", "a session, no git-setup", in: anne)
    try git("push", "origin", "main", in: anne)
    try git("pull", "origin", "main", in: bruno)
    try answer(anne + "/sessions/mixed.json", "ctr_backups", 2, git)
    try git("commit", "-am", "Anne", in: anne)
    try git("push", "origin", "main", in: anne)
    try answer(bruno + "/sessions/mixed.json", "ctr_backups", 3, git)
    try git("commit", "-am", "Bruno", in: bruno)
    _ = try git("pull", "--no-rebase", "origin", "main", in: bruno, expect: 1)
    let session = bruno + "/sessions/mixed.json"
    let damaged = try runCLI(["summary", session, "--questionnaire", risk], git)
    #expect(damaged.status != 0)
    #expect(damaged.stderr.contains("holds git's conflict markers"))
    #expect(damaged.stderr.contains("cloud-assess git-setup, then git checkout -m"))
    // The repair the message gives.
    #expect(try runCLI(["git-setup", bruno + "/sessions"], git).status == 0)
    let again = try git("checkout", "-m", "sessions/mixed.json", in: bruno, expect: nil)
    #expect(again.status == 0, "\(again.stderr)")
    let repaired = try runCLI(["summary", session, "--questionnaire", risk], git)
    #expect(repaired.status == 0, "\(repaired.stderr)")
  }

  /// The path git-setup records: the binary's own, links resolved.
  func binaryPathResolved() -> String {
    URL(fileURLWithPath: binaryPath).resolvingSymlinksInPath().path
  }
}
