import Foundation
import Testing

@testable import AssessmentCore

/// `SortedJSONEncoder` writes what `JSONEncoder` writes with sorted keys and unescaped slashes,
/// byte for byte, pretty or on one line (the session files' own comparisons are in
/// AssessmentStoreTests/SessionWriterTests).
@Suite struct SortedJSONEncoderTests {
  func expectSame<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    for pretty in [true, false] {
      let expected = try SortedJSONEncoder.reference(pretty: pretty).encode(value)
      let written = try SortedJSONEncoder(pretty: pretty).encode(value)
      #expect(
        String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
        "pretty: \(pretty)", sourceLocation: sourceLocation)
      #expect(written == [UInt8](expected), sourceLocation: sourceLocation)
    }
  }

  struct Everything: Encodable {
    var text = "a \"quoted\" \\ back/slash\n\r\t\u{8}\u{C}\u{0}\u{1F}\u{7F} é 雲 🌩 \u{2028}"
    var empty = ""
    var yes = true
    var no = false
    var int = -42
    var int8: Int8 = -8
    var uint64 = UInt64.max
    var int64 = Int64.min
    var double = 0.1
    var float: Float = 1.5
    var date = Date(timeIntervalSince1970: 1_795_000_000.123)
    var optionalAbsent: String? = nil
    var optionalPresent: Int? = 7
    var list = [1, 2, 3]
    var emptyList: [Int] = []
    var emptyObject: [String: Int] = [:]
    var nested: [String: [String: [Bool]]] = ["b": ["z": [true], "a": []], "a": [:]]
    var keysByBytes = ["q10": 1, "q9": 2, "Q1": 3, "é": 4, "e": 5, "": 6, "q1": 7]
    var nothing = Nothing()
    var listOfNothing = [Nothing(), Nothing()]

    enum CodingKeys: String, CodingKey {
      case text, empty, yes, no, int, int8, uint64, int64, double, float, date
      case optionalAbsent, optionalPresent, list, emptyList, emptyObject, nested, keysByBytes
      case nothing, listOfNothing
      case explicitNull = "explicit_null"
      case nestedContainer = "nested_container"
      case nestedList = "nested_list"
      case sup = "super"
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(text, forKey: .text)
      try container.encode(empty, forKey: .empty)
      try container.encode(yes, forKey: .yes)
      try container.encode(no, forKey: .no)
      try container.encode(int, forKey: .int)
      try container.encode(int8, forKey: .int8)
      try container.encode(uint64, forKey: .uint64)
      try container.encode(int64, forKey: .int64)
      try container.encode(double, forKey: .double)
      try container.encode(float, forKey: .float)
      try container.encode(date, forKey: .date)
      try container.encodeIfPresent(optionalAbsent, forKey: .optionalAbsent)
      try container.encodeIfPresent(optionalPresent, forKey: .optionalPresent)
      try container.encode(list, forKey: .list)
      try container.encode(emptyList, forKey: .emptyList)
      try container.encode(emptyObject, forKey: .emptyObject)
      try container.encode(nested, forKey: .nested)
      try container.encode(keysByBytes, forKey: .keysByBytes)
      try container.encode(nothing, forKey: .nothing)
      try container.encode(listOfNothing, forKey: .listOfNothing)
      try container.encodeNil(forKey: .explicitNull)
      var inner = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .nestedContainer)
      try inner.encode("inner", forKey: .text)
      var unkeyed = container.nestedUnkeyedContainer(forKey: .nestedList)
      try unkeyed.encode("one")
      try unkeyed.encodeNil()
      var deeper = unkeyed.nestedContainer(keyedBy: CodingKeys.self)
      try deeper.encode(2.5, forKey: .double)
      var deeperList = unkeyed.nestedUnkeyedContainer()
      try deeperList.encode(false)
      var single = unkeyed.superEncoder().singleValueContainer()
      try single.encode("through super")
      try Date(timeIntervalSince1970: 0).encode(to: container.superEncoder(forKey: .sup))
      // A key written twice keeps the last value.
      try container.encode("last", forKey: .empty)
    }
  }

  /// A value that encodes nothing: `{}`.
  struct Nothing: Encodable {
    func encode(to encoder: Encoder) throws {}
  }

  @Test func everythingASessionFileMeetsAndMore() throws {
    try expectSame(Everything())
  }

  @Test func numbersAsJSONEncoderWritesThem() throws {
    let doubles: [Double] = [
      0, -0.0, 1, -1, 0.5, 0.1, 1.0 / 3, 100, 1e15, 1e16, 1.5e17, 123_456_789.125, 1e-7,
      .leastNonzeroMagnitude, 1.797_693_134_862_315_7e308, 9_007_199_254_740_992, -2.5e-5, 42.0,
    ]
    try expectSame(doubles)
    try expectSame(doubles.filter { abs($0) < 1e38 }.map(Float.init))
    try expectSame(["a": Int.max, "b": Int.min, "c": 0])
  }

  @Test func topLevelValuesOfEveryKind() throws {
    try expectSame("text")
    try expectSame(3)
    try expectSame(true)
    try expectSame([String]())
    try expectSame([String: String]())
    try expectSame(Date(timeIntervalSince1970: 1.5))
    try expectSame([Int?.none, 1])
  }

  @Test func randomStringsAndKeys() throws {
    var generator = SystemRandomNumberGenerator()
    let alphabet: [Unicode.Scalar] =
      (0..<0x80).compactMap(Unicode.Scalar.init)
      + ["é", "ß", "雲", "\u{2028}", "\u{FEFF}", "🌩", "\u{10FFFF}"]
    for _ in 0..<200 {
      func text() -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0..<12, using: &generator) {
          scalars.append(alphabet.randomElement(using: &generator) ?? "a")
        }
        return String(scalars)
      }
      var object: [String: [String]] = [:]
      for _ in 0..<Int.random(in: 0..<6, using: &generator) {
        object[text()] = (0..<Int.random(in: 0..<3, using: &generator)).map { _ in text() }
      }
      try expectSame(object)
    }
  }

  /// Objects that repeat a layout reuse its order; the same keys in another order, or one key
  /// more or fewer, or a key written twice, are each put in their own order.
  @Test func objectsOfOneLayoutAndOthers() throws {
    struct Keyed: Encodable {
      var keys: [String]
      struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
      }
      func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (index, key) in keys.enumerated() {
          try container.encode(index, forKey: Key(stringValue: key))
        }
      }
    }
    let layouts: [[String]] = [
      ["value", "note", "evidence"], ["value", "note", "evidence"], ["note", "value", "evidence"],
      ["value", "note"], ["value", "note", "evidence", "action"], ["b", "a", "b"], ["b", "a", "a"],
      ["value", "note", "evidence"], [], ["é", "e", "z"], ["e", "é", "z"],
    ]
    try expectSame(layouts.map(Keyed.init))
    try expectSame((0..<40).map { Keyed(keys: ["k\($0 % 20)", "a", "k\($0)"]) })
  }

  /// A value written into a writer is written as `JSONEncoder` writes a nested one, in either
  /// layout, a value that encodes nothing as `{}`.
  @Test func aValueWrittenInPlaceIsANestedValue() throws {
    for pretty in [false, true] {
      var writer = JSONTextWriter(pretty: pretty)
      writer.openArray()
      try SortedJSONEncoder.write(Nothing(), to: &writer)
      try SortedJSONEncoder.write(["b": 1, "a": 2], to: &writer)
      writer.closeArray()
      let expected = try SortedJSONEncoder.reference(pretty: pretty).encode(
        [AnyEncodable(Nothing()), AnyEncodable(["b": 1, "a": 2])])
      #expect(writer.text == String(decoding: expected, as: UTF8.self), "pretty: \(pretty)")
    }
  }

  struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
  }

  @Test func whatJSONEncoderRefusesIsRefused() {
    for value in [Double.nan, .infinity, -.infinity] {
      #expect(throws: EncodingError.self) { try SortedJSONEncoder(pretty: true).encode([value]) }
      #expect(throws: EncodingError.self) {
        try SortedJSONEncoder.reference(pretty: true).encode([value])
      }
    }
    #expect(throws: EncodingError.self) { try SortedJSONEncoder(pretty: true).encode(Nothing()) }
    #expect(throws: EncodingError.self) {
      try SortedJSONEncoder.reference(pretty: true).encode(Nothing())
    }
  }
}
