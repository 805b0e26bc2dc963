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

extension SessionMerge {
  /// Why a merge of files did not happen; OURS is then untouched.
  public enum Failure: Error, Equatable {
    case refused(Refusal)
    /// A file could not be read or is not a session (``StoreError``).
    case store(StoreError)
    /// The session is open in a wizard: merging under it would be undone when it saves.
    case locked(path: String, holder: String)
    /// A journal beside the session holds changes not yet folded into its file (a wizard that
    /// ended abruptly): merging the file alone would lose them, or the journal would undo the
    /// merge.
    case journalPending(path: String, journal: String)

    public func message(_ language: InterfaceLanguage) -> String {
      let pick = language.pick
      switch self {
      case .store(let error): return error.message(language)
      case .refused(.differentSessions(let ours, let theirs)):
        return pick(
          "refus de fusionner : ces fichiers sont deux sessions différentes (« \(ours) » et « \(theirs) ») ; seules deux copies d'une même session se fusionnent",
          "refusing to merge: these files are two different sessions ('\(ours)' and '\(theirs)'); only two copies of one session merge",
          "samenvoegen geweigerd: deze bestanden zijn twee verschillende sessies (‘\(ours)’ en ‘\(theirs)’); alleen twee kopieën van eenzelfde sessie worden samengevoegd"
        )
      case .refused(.differentQuestionnaires(let ours, let theirs)):
        return pick(
          "refus de fusionner : ces fichiers ont été faits avec des questionnaires différents (« \(ours) » et « \(theirs) »)",
          "refusing to merge: these files were made with different questionnaires ('\(ours)' and '\(theirs)')",
          "samenvoegen geweigerd: deze bestanden zijn gemaakt met verschillende vragenlijsten (‘\(ours)’ en ‘\(theirs)’)"
        )
      case .locked(let path, let holder):
        return pick(
          "la session \(path) est ouverte dans l'assistant (\(holder)) : elle n'a pas été fusionnée et git la marque en conflit. Quittez l'assistant, puis refaites la fusion de ce fichier : git checkout -m \(path)",
          "the session \(path) is open in the wizard (\(holder)): it was not merged, and git marks it as in conflict. Leave the wizard, then merge this file again: git checkout -m \(path)",
          "de sessie \(path) is geopend in de wizard (\(holder)): ze is niet samengevoegd en git markeert ze als conflict. Verlaat de wizard en voeg dit bestand dan opnieuw samen: git checkout -m \(path)"
        )
      case .journalPending(let path, let journal):
        return pick(
          "la session \(path) a un journal (\(journal)) avec des réponses pas encore intégrées au fichier : elle n'a pas été fusionnée. Annulez la fusion (git merge --abort), ouvrez la session une fois (cloud-assess resume \(path)) pour intégrer le journal, validez (git commit), puis fusionnez à nouveau",
          "the session \(path) has a journal (\(journal)) with answers not yet folded into the file: it was not merged. Abort the merge (git merge --abort), open the session once (cloud-assess resume \(path)) to fold the journal in, commit, then merge again",
          "de sessie \(path) heeft een journaal (\(journal)) met antwoorden die nog niet in het bestand verwerkt zijn: ze is niet samengevoegd. Breek het samenvoegen af (git merge --abort), open de sessie één keer (cloud-assess resume \(path)) om het journaal te verwerken, commit, en voeg dan opnieuw samen"
        )
      }
    }
  }

  /// Merges the session files `ours` and `theirs` against `base` (git's `%O %A %B`; an empty
  /// `base` when there is no common copy) and writes the result atomically over `ours`. `path`
  /// (`%P`) is the session's place in the working tree: a session open in the wizard there, or
  /// with a journal not folded in, is not merged. On failure `ours` is left as it was.
  public static func mergeFiles(base: String, ours: String, theirs: String, path: String?)
    throws(Failure) -> Result
  {
    let name = path ?? ours
    // Held through the merge, so that no wizard opens the session meanwhile.
    var lock: SessionLock?
    if let path {
      do throws(StoreError) {
        lock = try SessionLock.acquireExisting(sessionPath: path)
      } catch {
        if case .sessionLocked(_, let holder) = error {
          throw .locked(path: path, holder: holder)
        }
        throw .store(error)
      }
      let journal = SessionFile.journalPath(for: path)
      var info = stat()
      if lstat(journal, &info) == 0, info.st_size > 0 {
        throw .journalPending(path: path, journal: journal)
      }
    }
    defer { lock?.release() }
    let oursRecord = try read(ours, as: "\(name) (ours: \(ours))")
    let theirsRecord = try read(theirs, as: "\(name) (theirs: \(theirs))")
    let baseRecord: SessionRecord? =
      try isEmptyFile(base) ? nil : read(base, as: "\(name) (base: \(base))")
    var result: Result
    do {
      result = try merge(base: baseRecord, ours: oursRecord, theirs: theirsRecord)
    } catch {
      throw .refused(error)
    }
    // Recomputed when the questionnaire is at hand; otherwise absent, and `list` works it out.
    if let loaded = try? SessionQuestionnaire.resolve(result.record, sessionPath: name) {
      result.record.abstract = result.record.makeAbstract(loaded.questionnaire)
    }
    let data: Data
    do {
      data = try SessionFile.encode(result.record)
    } catch {
      throw .store(.writeFailed(path: ours, reason: "cannot encode the session: \(error)"))
    }
    do throws(StoreError) {
      try SessionStore.writeAtomically(data, to: ours)
    } catch {
      throw .store(error)
    }
    return result
  }

  private static func read(_ file: String, as name: String) throws(Failure) -> SessionRecord {
    do throws(StoreError) {
      var info = stat()
      guard lstat(file, &info) == 0 else {
        throw StoreError.sessionUnreadable(path: name, reason: String(cString: strerror(errno)))
      }
      guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.notARegularFile(path: file) }
      let data: Data
      do {
        data = try FileContents.read(file)
      } catch {
        throw StoreError.sessionUnreadable(path: name, reason: error.reason)
      }
      return try SessionFile.decode(data, path: name)
    } catch {
      throw .store(error)
    }
  }

  /// Git gives an empty file as the common copy of a file both sides added.
  private static func isEmptyFile(_ file: String) throws(Failure) -> Bool {
    var info = stat()
    guard lstat(file, &info) == 0 else {
      throw .store(.sessionUnreadable(path: file, reason: String(cString: strerror(errno))))
    }
    return info.st_mode & S_IFMT == S_IFREG && info.st_size == 0
  }
}
