import ArgumentParser
import AssessmentCore
import AssessmentFrontEnd
import AssessmentStore
import Foundation
import QuestionnaireFormat
import SystemSupport

/// Where the sessions are: shared by every command that reads or writes them.
struct SessionsOptions: ParsableArguments {
  @Option(
    name: .customLong("sessions-dir"),
    help: ArgumentHelp(
      "The sessions directory (default: $CLOUD_ASSESS_SESSIONS, else $XDG_DATA_HOME/cloud-assess/sessions, else ~/.local/share/cloud-assess/sessions).",
      valueName: "dir"))
  var sessionsDirectory: String?

  var store: SessionStore {
    SessionStore(
      directory: SessionStore.defaultDirectory(
        override: sessionsDirectory, variable: ProcessEnvironment.value))
  }
}

/// `--questionnaire`, on the commands that read a saved session: where its questionnaire is
/// now, when it moved since the session recorded it.
struct RelocatedQuestionnaire: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The session's questionnaire, when it is not where the session recorded it (a YAML file or a built-in id).",
      valueName: "id|path"))
  var questionnaire: String?
}

/// `--as NAME`: who the changes are recorded for, on the commands that change a session.
struct PersonOptions: ParsableArguments {
  @Option(
    name: .customLong("as"),
    help: ArgumentHelp(
      "The name your changes are recorded under (default: $CLOUD_ASSESS_USER, else git's user.name when the session is in a git work tree, else the login name).",
      valueName: "name"))
  var name: String?
}

extension SessionsOptions {
  /// The store, recording changes for `person`'s `--as` (resolved by the store).
  func store(as person: PersonOptions) -> SessionStore {
    var store = store
    store.asPerson = person.name
    return store
  }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// The interface language of commands without `--lang`: from LC_ALL, LC_MESSAGES, LANG.
var environmentLanguage: InterfaceLanguage {
  InterfaceLanguage.from(variable: ProcessEnvironment.value)
}

/// Prints an error the way every command does (a store error in the interface language), and
/// gives the exit code for it.
func fail(_ error: Error, language: InterfaceLanguage = environmentLanguage) -> ExitCode {
  let message =
    (error as? StoreError)?.message(language) ?? (error as? LocalizedError)?.errorDescription
    ?? "\(error)"
  complain(message, language: language)
  return .failure
}

/// Writes an error to standard error as every command does: `cloud-assess: error: …`, the word
/// in the message's language (`erreur :`, `fout:`).
func complain(_ message: String, language: InterfaceLanguage) {
  let word = language.pick("erreur :", "error:", "fout:")
  FileHandle.standardError.write(Data("cloud-assess: \(word) \(message)\n".utf8))
}

/// Writes `text` to standard output as it is: its UTF-8 bytes, without a copy into `Data` first
/// (a summary is hundreds of kilobytes). A short write continues and EINTR retries; on any other
/// error the rest is dropped, as a closed pipe's reader wants.
func writeOut(_ text: String) {
  var text = text
  _ = text.withUTF8 { FileContents.writeAll(UnsafeRawBufferPointer($0), to: STDOUT_FILENO) }
}

/// Writes a warning to standard error: `cloud-assess: warning: …`, the word in the message's
/// language.
func warn(_ message: String, language: InterfaceLanguage) {
  let word = language.pick("avertissement :", "warning:", "waarschuwing:")
  FileHandle.standardError.write(Data("cloud-assess: \(word) \(message)\n".utf8))
}
