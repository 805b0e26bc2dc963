import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One XML part of a workbook read with Foundation's `XMLParser` (libxml2 on Linux), after a
/// check of its bytes: a DTD is refused before the parser sees it (never expanded, never
/// resolved), and so are a processing instruction and any encoding but UTF-8. The check is what protects: on Linux the parser
/// reports no entity declaration to its delegate (it drops undefined references silently), so
/// a delegate could not refuse them itself; external entities are off as well.
final class XMLPart: NSObject, XMLParserDelegate {
  /// An element starts: its local name (any prefix removed) and its attributes by local name.
  var start: (_ name: String, _ attributes: [String: String]) throws -> Void = { _, _ in }
  var end: (_ name: String) throws -> Void = { _ in }
  /// Text, in pieces; only asked for when `wantsText` is true.
  var text: (_ piece: String) throws -> Void = { _ in }
  var wantsText = false

  private var failure: Error?
  private let part: String
  /// Elements open, and whether a root element was seen: swift-corelibs-foundation's parser
  /// returns true for a document cut short (`<a>`), so completeness is checked here.
  private var depth = 0
  private var sawRoot = false

  init(part: String) {
    self.part = part
  }

  /// Parses `data`, calling the handlers; the first error they throw ends the parsing and is
  /// thrown from here.
  func parse(_ data: Data) throws {
    try Self.checkBytes(data, part: part)
    let parser = XMLParser(data: data)
    parser.delegate = self
    parser.shouldProcessNamespaces = true
    parser.shouldReportNamespacePrefixes = false
    parser.shouldResolveExternalEntities = false
    let parsed = parser.parse()
    if let failure { throw failure }
    if !parsed || parser.parserError != nil {
      throw WorkbookError.malformedXML(
        part: part, line: parser.lineNumber, reason: Self.reason(parser.parserError))
    }
    if depth != 0 || !sawRoot {
      throw WorkbookError.malformedXML(
        part: part, line: parser.lineNumber,
        reason: sawRoot ? "unclosed elements at the end" : "no root element")
    }
  }

  /// libxml2's error in words, for the common ones (Foundation on Linux gives no description).
  static func reason(_ error: Error?) -> String {
    guard let error else { return "?" }
    let code = (error as NSError).code
    switch code {
    case 4: return "empty document"
    case 5: return "content after the end of the document (code 5)"
    case 9: return "a character XML does not allow"
    case 26: return "an undeclared entity"
    case 38, 39, 40, 41: return "a malformed attribute (code \(code))"
    case 76: return "an end tag that does not match its start tag"
    default: return "libxml2 error \(code)"
    }
  }

  // Foundation on Linux reports an error and goes on (libxml2's recovery), and parse() may still
  // return true: the first error ends the reading.
  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    run(parser) {
      throw WorkbookError.malformedXML(
        part: part, line: parser.lineNumber, reason: Self.reason(parseError))
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
      // part of a workbook holds, and which swift-corelibs-foundation's parser crashes on when
      // it has no data (`<?target?>`: strlen of a null pointer; found by FuzzWorkbook).
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
            part: part, line: line,
            reason: "a processing instruction (<?…?>), which a workbook's parts do not hold")
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

  static func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
  }

  private func run(_ parser: XMLParser, _ body: () throws -> Void) {
    guard failure == nil else { return }
    do { try body() } catch {
      failure = error
      parser.abortParsing()
    }
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    run(parser) {
      depth += 1
      sawRoot = true
      var attributes: [String: String] = [:]
      for (key, value) in attributeDict { attributes[Self.localName(key)] = value }
      try start(Self.localName(elementName), attributes)
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    run(parser) {
      depth -= 1
      try end(Self.localName(elementName))
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard wantsText else { return }
    run(parser) { try text(string) }
  }

  // Never reached after checkBytes; refused all the same should a parser report them.
  func parser(
    _ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?
  ) {
    run(parser) { throw WorkbookError.doctype(part: part) }
  }

  func parser(
    _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?,
    systemID: String?
  ) {
    run(parser) { throw WorkbookError.doctype(part: part) }
  }

  func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?)
    -> Data?
  {
    run(parser) { throw WorkbookError.doctype(part: part) }
    return nil
  }
}
