import AssessmentFrontEnd
import CNcursesW
import Foundation

/// The real terminal, through ncursesw. The only file that imports the curses shim.
public final class NcursesTerminal: Terminal {
  public private(set) var usesColor = false
  private var active = false

  /// Whether the locale is not UTF-8: text is then drawn in ASCII (``ASCIIText``).
  public let ascii: Bool
  private var screen: OpaquePointer?

  /// Whether the curses library can be loaded (it is opened when curses first starts, not with
  /// the program: commands that only print never load it).
  public static var libraryAvailable: Bool { ca_load() != 0 }

  /// Starts curses: locale first (UTF-8, falling back to an installed UTF-8 locale when the
  /// user's is not installed; ASCII when there is none), raw keys, no echo, keypad, a short ESC
  /// delay. `allowColor` is false under `NO_COLOR`. Nil when curses cannot start on this
  /// terminal (TERM unset or unknown: `newterm` says so where `initscr` would exit the process),
  /// or when the library cannot be loaded (``libraryAvailable``).
  public static func start(allowColor: Bool) -> NcursesTerminal? {
    let charset = TerminalLocale.setUp()
    guard let screen = ca_newterm() else { return nil }
    return NcursesTerminal(screen: screen, allowColor: allowColor, ascii: charset == .ascii)
  }

  private init(screen: OpaquePointer, allowColor: Bool, ascii: Bool) {
    self.screen = screen
    self.ascii = ascii
    active = true
    _ = ca_raw()
    _ = ca_noecho()
    _ = ca_nonl()
    _ = ca_keypad(true)
    _ = ca_set_escdelay(50)
    if allowColor, ca_has_colors() {
      _ = ca_start_color()
      _ = ca_use_default_colors()
      _ = ca_init_pair(Int16(ColorRole.accent.rawValue), Int16(COLOR_CYAN), -1)
      _ = ca_init_pair(Int16(ColorRole.good.rawValue), Int16(COLOR_GREEN), -1)
      _ = ca_init_pair(Int16(ColorRole.warning.rawValue), Int16(COLOR_YELLOW), -1)
      _ = ca_init_pair(Int16(ColorRole.danger.rawValue), Int16(COLOR_RED), -1)
      _ = ca_init_pair(Int16(ColorRole.critical.rawValue), Int16(COLOR_MAGENTA), -1)
      usesColor = true
    }
  }

  deinit { end() }

  /// Restores the terminal; safe to call more than once.
  public func end() {
    guard active else { return }
    active = false
    _ = ca_endwin()
    if let screen {
      ca_delscreen(screen)
      self.screen = nil
    }
  }

  /// Leaves curses mode temporarily (for a signal that stops the process, or an editor): the
  /// terminal is as the shell had it until ``resume()``.
  public func suspend() {
    guard active else { return }
    _ = ca_endwin()
  }

  /// Back to curses mode after ``suspend()``: everything is redrawn.
  public func resume() {
    guard active else { return }
    _ = ca_clearok(true)
    _ = ca_refresh()
  }

  public var size: (width: Int, height: Int) {
    (Int(ca_getmaxx()), Int(ca_getmaxy()))
  }

  public func clear() {
    _ = ca_erase()
  }

  public func draw(row: Int, column: Int, _ text: String, style: TextStyle) {
    let (width, height) = size
    guard row >= 0, row < height, column < width else { return }
    // Never write into the last cell of the last row: curses would scroll.
    let room = width - max(column, 0) - (row == height - 1 ? 1 : 0)
    let visible = DisplayWidth.truncate(
      ascii ? ASCIIText.fold(text) : text, to: room, ellipsis: false)
    guard !visible.isEmpty else { return }
    var attributes = ca_a_normal()
    if style.bold { attributes |= ca_a_bold() }
    if style.reverse { attributes |= ca_a_reverse() }
    if style.underline { attributes |= ca_a_underline() }
    if style.dim { attributes |= ca_a_dim() }
    if usesColor, let color = style.color { attributes |= ca_color_pair(Int32(color.rawValue)) }
    _ = ca_attrset(attributes)
    _ = visible.withCString { ca_mvaddstr(Int32(row), Int32(max(column, 0)), $0) }
    _ = ca_attrset(ca_a_normal())
  }

  private var cursorPosition: (Int, Int)?

  public func placeCursor(row: Int, column: Int) {
    cursorPosition = (row, column)
  }

  public func hideCursor() {
    cursorPosition = nil
  }

  public func present() {
    if let (row, column) = cursorPosition {
      _ = ca_curs_set(1)
      _ = ca_move(Int32(row), Int32(column))
    } else {
      _ = ca_curs_set(0)
    }
    _ = ca_refresh()
  }

  /// A character read after a mouse report or an Esc that turned out not to belong to it.
  private var pending: UInt32?

  /// The next key. A key code curses does not name, a mouse report and an escape sequence it
  /// did not recognise (``EscapeSequence``) are read whole and skipped: they never reach the
  /// screens as Esc and characters.
  public func readKey(timeoutMilliseconds: Int) -> Key? {
    while true {
      var code: UInt32 = 0
      if let character = pending {
        pending = nil
        code = character
      } else {
        ca_timeout(Int32(timeoutMilliseconds))
        let result = ca_get_wch(&code)
        if result == ca_err() { return nil }
        if result == ca_key_code_yes() {
          if Int32(code) == KEY_MOUSE {
            skipMouseReport()
          } else if let key = Self.keyCode(Int32(code)) {
            return key
          }
          continue
        }
      }
      if code == 27 {
        switch EscapeSequence.read(next: nextCharacter) {
        case .key(let key): return key
        case .escapeThen(let character):
          pending = character.unicodeScalars.first.map(\.value)
          return .escape
        case .ignored: continue
        }
      }
      if let key = Self.character(code) { return key }
    }
  }

  /// The rest of a mouse report. Curses reads the oldest form (`Esc [ M` and three bytes)
  /// itself, but of the extended form (`Esc [ <` b;x;y and M or m) only the prefix its terminal
  /// description names: the numbers and the final letter follow here.
  private func skipMouseReport() {
    ca_timeout(25)
    var code: UInt32 = 0
    guard ca_get_wch(&code) == OK else { return }
    guard let scalar = Unicode.Scalar(code), scalar.isASCII,
      ("0"..."9").contains(Character(scalar)) || scalar == ";"
    else {
      pending = code
      return
    }
    for _ in 0..<32 {
      guard let character = nextCharacter(100), character != "M", character != "m" else { return }
    }
  }

  /// The next character within `milliseconds`; nil without one, or when a key code comes (it
  /// cannot belong to an escape sequence).
  private func nextCharacter(_ milliseconds: Int) -> Character? {
    ca_timeout(Int32(milliseconds))
    var code: UInt32 = 0
    guard ca_get_wch(&code) == OK, let scalar = Unicode.Scalar(code) else { return nil }
    return Character(scalar)
  }

  private static func keyCode(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_RESIZE: return .resize
    case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
    default: return nil
    }
  }

  private static func character(_ code: UInt32) -> Key? {
    switch code {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26:
      return .control(Character(Unicode.Scalar(UInt8(code) + 96)))
    default:
      guard let scalar = Unicode.Scalar(code) else { return nil }
      return .character(Character(scalar))
    }
  }
}
