import AssessmentCore
import AssessmentFrontEnd
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lines from a file descriptor (standard input), one at a time, waiting in short slices so that
/// a signal is noticed while nobody types.
public final class LineReader {
  public enum Line: Equatable {
    case line(String)
    case end
    case signal(Int32)
  }

  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var ended = false
  /// How many lines were read: the number of the last one, for messages.
  public private(set) var count = 0

  public init(descriptor: Int32 = STDIN_FILENO) {
    self.descriptor = descriptor
  }

  /// The next line (without its end of line), the end of the input, or a signal.
  public func read(signal: () -> Int32?) -> Line {
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        var bytes = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        count += 1
        return .line(String(decoding: bytes, as: UTF8.self))
      }
      if ended {
        guard !buffer.isEmpty else { return .end }
        let bytes = buffer
        buffer = []
        count += 1
        return .line(String(decoding: bytes, as: UTF8.self))
      }
      if let number = signal() { return .signal(number) }
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, 250)
      if ready < 0 {
        if errno == EINTR { continue }
        ended = true
        continue
      }
      guard ready > 0 else { continue }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, 4096) }
      if got < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        ended = true
      } else if got == 0 {
        ended = true
      } else {
        buffer += chunk[..<got]
      }
    }
  }
}

/// Runs the wizard as lines: shows, prompts, reads a line, hands it to the ``PlainSession``,
/// performs the effects. The only place of the plain front end with I/O and a clock.
public final class PlainRunner {
  public struct Outcome {
    public var state: AppState
    /// The signal that ended the run, if one did.
    public var endedBySignal: Int32?
    /// Why the run stopped at a refused line (input that is not a terminal stops there rather
    /// than apply the following lines to the wrong questions).
    public var refused: String?
  }

  private var session: PlainSession
  private let reader: LineReader
  private let write: (String) -> Void
  private let ascii: Bool
  private let echo: Bool
  private let stopOnRefusal: Bool
  private let save: (WizardState) -> String?
  private let clock: () -> Date
  private let signal: () -> Int32?
  private let recordSignOff: ((SignOffDraft) -> SignOffOutcome)?

  /// `echo`: write each line read after its prompt (when the input is not a terminal, which does
  /// not echo it), so that the output reads as a transcript. `stopOnRefusal`: stop at the first
  /// line refused. `ascii`: the locale is not UTF-8.
  public init(
    session: PlainSession, reader: LineReader, write: @escaping (String) -> Void, ascii: Bool,
    echo: Bool,
    stopOnRefusal: Bool, save: @escaping (WizardState) -> String?, clock: @escaping () -> Date,
    signal: @escaping () -> Int32?, recordSignOff: ((SignOffDraft) -> SignOffOutcome)? = nil
  ) {
    self.recordSignOff = recordSignOff
    self.session = session
    self.reader = reader
    self.write = write
    self.ascii = ascii
    self.echo = echo
    self.stopOnRefusal = stopOnRefusal
    self.save = save
    self.clock = clock
    self.signal = signal
  }

  private func out(_ text: String) {
    write(ascii ? ASCIIText.fold(text) : text)
  }

  public func run() -> Outcome {
    var outcome = Outcome(state: session.state)
    if let notice = session.state.notice {
      out(notice + "\n")
      session.state.notice = nil
    }
    while true {
      let (lines, prompt) = session.next()
      for line in lines { out(line + "\n") }
      out(prompt)
      switch reader.read(signal: signal) {
      case .end:
        out("\n")
        _ = perform(session.endOfInput(now: clock()))
        outcome.state = session.state
        return outcome
      case .signal(let number):
        out("\n")
        _ = perform(session.endOfInput(now: clock()))
        outcome.state = session.state
        outcome.endedBySignal = number
        return outcome
      case .line(let line):
        if echo { out(line) }
        if echo { out("\n") }
        let reply = session.handle(line, now: clock())
        for line in reply.lines { out(line + "\n") }
        if let refused = reply.refused {
          if stopOnRefusal {
            outcome.refused = PlainText.refusedLine.format(
              session.state.language, reader.count, refused)
            _ = perform(session.endOfInput(now: clock()))
            outcome.state = session.state
            return outcome
          }
          out(refused + "\n")
        }
        let exit = perform(reply.effects)
        if reply.announcesSave, case .saved(let date) = session.state.wizard.saveStatus {
          out(FrontEndText.savedAt.format(session.state.language, Self.time(date)) + "\n")
        }
        if let draft = reply.signOff, let recordSignOff {
          let app = session.app
          app.signOffFinished(&session.state, recordSignOff(draft))
          for line in session.state.signOffProblem { out(line + "\n") }
          if let notice = session.state.notice { out(notice + "\n") }
          session.state.notice = nil
          session.state.signOffProblem = []
        }
        if exit {
          outcome.state = session.state
          return outcome
        }
      }
    }
  }

  /// The number of the last line read, for a message about it.
  public var lineNumber: Int { reader.count }

  /// Performs effects in order; true when one asks to exit.
  private func perform(_ effects: [WizardEffect]) -> Bool {
    let result = session.app.perform(effects, on: &session.state, save: save, now: clock)
    if let failure = result.saveFailure {
      out(Phrase.saveFailed.format(session.state.language, failure) + "\n")
    }
    return result.exit
  }

  static func time(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "HH:mm:ss"
    return formatter.string(from: date)
  }
}

/// The start screen as lines: a new assessment, one of the saved ones, or quit.
public enum PlainMenu {
  /// Shows the numbered list and reads a choice; the end of the input quits.
  public static func run(
    _ menu: StartMenu, reader: LineReader, write: (String) -> Void, ascii: Bool, echo: Bool,
    signal: () -> Int32?
  ) -> StartMenu.Choice {
    let language = menu.language
    func out(_ text: String) { write(ascii ? ASCIIText.fold(text) : text) }
    var items: [(String, StartMenu.Choice)] = []
    if menu.offersNew { items.append((FrontEndText.startNew.text(language), .new)) }
    items += menu.entries.map { ($0.title + "  " + $0.detail, .resume(path: $0.path)) }
    items.append((FrontEndText.startQuit.text(language), .quit))
    out(FrontEndText.startTitle.text(language) + "\n")
    if menu.entries.isEmpty, menu.offersNew {
      out(FrontEndText.startNoSessions.text(language) + "\n")
    }
    out(PlainText.menuTitle.text(language) + "\n")
    for (index, item) in items.enumerated() { out("  \(index + 1). \(item.0)\n") }
    while true {
      out(PlainText.promptMenu.format(language, items.count))
      guard case .line(let line) = reader.read(signal: signal) else {
        out("\n")
        return .quit
      }
      if echo { out(line + "\n") }
      let typed = line.trimmingCharacters(in: .whitespaces)
      if let number = Int(typed), items.indices.contains(number - 1) { return items[number - 1].1 }
      if let (command, _) = PlainCommand.parse(typed, language), command == .quit { return .quit }
      out(PlainText.notAChoice.format(language, typed, items.count) + "\n")
    }
  }
}
