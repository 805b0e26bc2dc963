import CLazyXML
import Foundation

/// One XML part of a workbook read with libxml2's SAX2 parser (loaded on first use: see
/// `Sources/CLazyXML/lazy_xml.c`), after a check of its bytes: a DTD is refused before the
/// parser sees it (never expanded, never resolved), and so are a processing instruction and any
/// encoding but UTF-8. The check is what protects; the parser substitutes only the predefined
/// entities and character references there can then be, never reaches the network, and stops
/// at the first error.
final class XMLPart {
  /// An element starts: its local name (any prefix removed) and its attributes by local name.
  var start: (_ name: String, _ attributes: [String: String]) throws -> Void = { _, _ in }
  var end: (_ name: String) throws -> Void = { _ in }
  /// Text, in pieces; only asked for when `wantsText` is true.
  var text: (_ piece: String) throws -> Void = { _ in }
  var wantsText = false

  private var failure: Error?
  private let part: String
  /// Elements open, and whether a root element was seen: checked here as well as by the parser.
  private var depth = 0
  private var sawRoot = false

  init(part: String) {
    self.part = part
  }

  /// Parses `data`, calling the handlers; the first error they throw ends the parsing and is
  /// thrown from here.
  func parse(_ data: Data) throws {
    try Self.checkBytes(data, part: part)
    // Parts are limited far below this by the reader (`partTooLarge`); libxml2 counts in `int`.
    guard data.count < Int(Int32.max) else {
      throw WorkbookError.partTooLarge(part: part, limit: Int(Int32.max))
    }
    var outcome = lazy_xml_outcome()
    let status = data.withUnsafeBytes { raw in
      withExtendedLifetime(self) {
        lazy_xml_parse(
          raw.bindMemory(to: CChar.self).baseAddress, Int32(raw.count),
          Unmanaged.passUnretained(self).toOpaque(), Self.started, Self.ended,
          wantsText ? Self.found : nil, &outcome)
      }
    }
    if let failure { throw failure }
    switch Int(status) {
    case Int(LAZY_XML_PARSED.rawValue): break
    case Int(LAZY_XML_UNAVAILABLE.rawValue):
      throw WorkbookError.xmlLibraryUnavailable(reason: Self.message(of: outcome))
    case Int(LAZY_XML_NO_MEMORY.rawValue):
      throw WorkbookError.xmlOutOfMemory(part: part)
    default:
      throw WorkbookError.malformedXML(
        part: part, line: Int(outcome.line),
        problem: XMLProblem(libxml2Code: Int(outcome.code)))
    }
    if depth != 0 || !sawRoot {
      throw WorkbookError.malformedXML(
        part: part, line: Int(outcome.line),
        problem: sawRoot ? .unclosedElements : .noRootElement)
    }
  }

  private static func message(of outcome: lazy_xml_outcome) -> String {
    withUnsafeBytes(of: outcome.message) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
  }

  // MARK: - The parser's calls

  private static func part(_ context: UnsafeMutableRawPointer) -> XMLPart {
    Unmanaged<XMLPart>.fromOpaque(context).takeUnretainedValue()
  }

  /// Runs a handler; a thrown error is kept and stops the parser (a non-zero return).
  private func run(_ body: () throws -> Void) -> Int32 {
    guard failure == nil else { return 1 }
    do {
      try body()
      return 0
    } catch {
      failure = error
      return 1
    }
  }

  // libxml2 always passes the context and a name; without them, stop.
  private static let started: lazy_xml_start = { context, name, count, attributes in
    guard let context, let name else { return 1 }
    let part = XMLPart.part(context)
    return part.run {
      part.depth += 1
      part.sawRoot = true
      var dictionary: [String: String] = [:]
      if let attributes {
        for index in 0..<Int(count) {
          // libxml2's five pointers: local name, prefix, URI, value start, value end.
          guard let name = attributes[5 * index], let value = attributes[5 * index + 3],
            let valueEnd = attributes[5 * index + 4]
          else { continue }
          let bytes = UnsafeRawBufferPointer(start: value, count: valueEnd - value)
          dictionary[String(cString: name)] = String(decoding: bytes, as: UTF8.self)
        }
      }
      try part.start(String(cString: name), dictionary)
    }
  }

  private static let ended: lazy_xml_end = { context, name in
    guard let context, let name else { return 1 }
    let part = XMLPart.part(context)
    return part.run {
      part.depth -= 1
      try part.end(String(cString: name))
    }
  }

  private static let found: lazy_xml_text = { context, bytes, length in
    guard let context, let bytes else { return 1 }
    let part = XMLPart.part(context)
    return part.run {
      let piece = UnsafeRawBufferPointer(start: bytes, count: Int(length))
      try part.text(String(decoding: piece, as: UTF8.self))
    }
  }

  /// Refuses a DTD (`<!DOCTYPE`, or `<!ENTITY` anywhere), and XML in another encoding than UTF-8
  /// (UTF-16 by its byte-order mark or first bytes, or an encoding declaration): a check that
  /// another encoding could hide `<!DOCTYPE` from.
  static func checkBytes(_ data: Data, part: String) throws {
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      let count = bytes.count
      if count >= 2,
        (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)
          || bytes[0] == 0 || bytes[1] == 0
      {
        throw WorkbookError.unsupportedEncoding(part: part, encoding: "UTF-16")
      }
      var index = 0
      if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
      // The XML declaration, when there is one: its encoding must be UTF-8.
      if count - index >= 5, bytes[index] == UInt8(ascii: "<"),
        bytes[index + 1] == UInt8(ascii: "?")
      {
        var end = index + 2
        while end < count, end < index + 512, bytes[end] != UInt8(ascii: ">") { end += 1 }
        let declaration = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[index..<min(end, count)]), as: UTF8.self)
        if let encoding = Self.declaredEncoding(declaration),
          encoding.lowercased() != "utf-8", encoding.lowercased() != "utf8"
        {
          throw WorkbookError.unsupportedEncoding(part: part, encoding: encoding)
        }
      }
      // "<!" followed by DOCTYPE or ENTITY, in any case.
      let doctype = Array("DOCTYPE".utf8)
      let entity = Array("ENTITY".utf8)
      func matches(_ word: [UInt8], at position: Int) -> Bool {
        guard position + word.count <= count else { return false }
        for offset in 0..<word.count where bytes[position + offset] & 0xDF != word[offset] {
          return false
        }
        return true
      }
      // "<?" other than the XML declaration at the start: a processing instruction, which no
      // part of a workbook holds.
      let xml = Array("xml".utf8)
      func isDeclaration(at position: Int) -> Bool {
        guard position == index, position + 5 < count else { return false }
        for offset in 0..<3 where bytes[position + 2 + offset] != xml[offset] { return false }
        let next = bytes[position + 5]
        return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D
      }
      var position = 0
      var line = 1
      while position + 1 < count {
        if bytes[position] == 0x0A { line += 1 }
        if bytes[position] == UInt8(ascii: "<"), bytes[position + 1] == UInt8(ascii: "!"),
          matches(doctype, at: position + 2) || matches(entity, at: position + 2)
        {
          throw WorkbookError.doctype(part: part)
        }
        if bytes[position] == UInt8(ascii: "<"), bytes[position + 1] == UInt8(ascii: "?"),
          !isDeclaration(at: position)
        {
          throw WorkbookError.malformedXML(
            part: part, line: line, problem: .processingInstruction)
        }
        position += 1
      }
    }
  }

  static func declaredEncoding(_ declaration: String) -> String? {
    guard let range = declaration.range(of: "encoding") else { return nil }
    let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    return String(rest.dropFirst().prefix { $0 != quote })
  }
}
