import Foundation

/// Encodes `Encodable` values as the text `JSONEncoder` writes with the output formatting
/// `[.sortedKeys, .withoutEscapingSlashes]`, with or without `.prettyPrinted`, and dates as
/// `Timestamp.format` writes them: the same bytes (tests compare them on every session file and
/// on generated values), in about half the time in a process that writes one file.
///
/// Why not `JSONEncoder`: it boxes every value into a tree of its own through type-erased
/// containers, and asks the Swift runtime of every type it meets whether it is one of its
/// special cases, a question whose first asking walks every conformance record of the program
/// and its libraries. A command writes one file and ends (git starts `cloud-assess merge` for
/// every file it merges), so those first times are what it pays (docs/performance.md). Here the
/// only questions asked of a type are whether it *is* `Date`, `String`, `Bool` or `Int`, which
/// compare metadata.
///
/// Differences, none of which a session's types meet: coding paths are not tracked (they are
/// always empty), and a value that is not finite is refused as `JSONEncoder` refuses it by
/// default, without its coding path.
public struct SortedJSONEncoder {
  public var pretty: Bool

  public init(pretty: Bool) {
    self.pretty = pretty
  }

  /// `JSONEncoder` set to write the text this encoder writes (sorted keys, slashes unescaped,
  /// dates as `Timestamp.format`): what the tests and the session fuzzer compare it with.
  public static func reference(pretty: Bool) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty
      ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      : [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(Timestamp.format(date))
    }
    return encoder
  }

  /// The JSON text of `value`, as UTF-8 bytes.
  public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    let node = try Self.node(value)
    if case .absent = node {
      throw EncodingError.invalidValue(
        value,
        EncodingError.Context(
          codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
    }
    var writer = JSONTextWriter(pretty: pretty)
    Self.render(node, orders: MemberOrders(), into: &writer)
    return writer.bytes
  }

  /// Writes `value` where `writer` is (an object's member after its key, an array's element), in
  /// the writer's layout, as `JSONEncoder` writes a nested value (one that encodes nothing is
  /// `{}`): for a writer that writes the parts it knows directly and leaves the others to their
  /// `Encodable` conformance.
  public static func write<T: Encodable>(_ value: T, to writer: inout JSONTextWriter) throws {
    render(try node(value), orders: MemberOrders(), into: &writer)
  }

  // MARK: - The tree of a value

  /// A value as encoded, before keys are sorted. Objects and arrays are boxes, so that a
  /// container handed to a value's `encode(to:)` fills the node its parent already holds.
  enum Node {
    /// Nothing was encoded (a value whose `encode(to:)` asked for no container): `{}`, as
    /// `JSONEncoder` writes it.
    case absent
    case null
    case bool(Bool)
    /// A number's text.
    case number(String)
    case string(String)
    case object(ObjectBox)
    case array(ArrayBox)
  }

  final class ObjectBox {
    /// In the order encoded; a key encoded twice keeps the last value, as `JSONEncoder` does
    /// (``renderObject(_:orders:into:)`` writes that one). A list, not a dictionary: most
    /// objects are written once and sorted once, and hashing every key cost more than that.
    var members: [(key: String, value: Node)] = []
  }

  final class ArrayBox {
    var elements: [Node] = []
  }

  static func node<T: Encodable>(_ value: T) throws -> Node {
    // Type identity, not conformance: see the type's comment.
    if T.self == String.self, let string = value as? String { return .string(string) }
    if T.self == Date.self, let date = value as? Date { return .string(Timestamp.format(date)) }
    if T.self == Bool.self, let bool = value as? Bool { return .bool(bool) }
    if T.self == Int.self, let int = value as? Int { return .number(String(int)) }
    let encoder = NodeEncoder()
    try value.encode(to: encoder)
    return encoder.node
  }

  /// `JSONEncoder`'s text of a floating-point number: its description without a final `.0`.
  static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) throws
    -> Node
  {
    guard value.isFinite else {
      throw EncodingError.invalidValue(
        value,
        EncodingError.Context(
          codingPath: [], debugDescription: "Unable to encode \(F.self).\(value) directly in JSON.")
      )
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    return .number(text)
  }

  // MARK: - Rendering

  private static func render(_ node: Node, orders: MemberOrders, into writer: inout JSONTextWriter)
  {
    switch node {
    case .absent:
      writer.openObject()
      writer.closeObject()
    case .null: writer.null()
    case .bool(let value): writer.bool(value)
    case .number(let text): writer.number(text)
    case .string(let text): writer.string(text)
    case .object(let box): renderObject(box.members, orders: orders, into: &writer)
    case .array(let box):
      writer.openArray()
      for element in box.elements { render(element, orders: orders, into: &writer) }
      writer.closeArray()
    }
  }

  /// Members in the order of their keys' UTF-8 bytes, as `.sortedKeys` orders them, the last
  /// value of a key encoded twice.
  private static func renderObject(
    _ members: [(key: String, value: Node)], orders: MemberOrders, into writer: inout JSONTextWriter
  ) {
    writer.openObject()
    let order = orders.order(of: members)
    for (position, index) in order.enumerated() {
      let member = members[index]
      if position + 1 < order.count, members[order[position + 1]].key == member.key { continue }
      writer.key(member.key)
      render(member.value, orders: orders, into: &writer)
    }
    writer.closeObject()
  }

  /// The order in which to write an object's members: by their keys' bytes, equal keys in the
  /// order encoded (the last one is written). Objects of one type come with the same keys in the
  /// same order (every answer of a session), so the orders found are kept for the objects that
  /// follow, within one encoding: sorting each object again was a fifth of writing a session.
  final class MemberOrders {
    private var known: [(keys: [String], order: [Int])] = []

    func order(of members: [(key: String, value: Node)]) -> [Int] {
      search: for entry in known where entry.keys.count == members.count {
        for (index, key) in entry.keys.enumerated() where members[index].key != key {
          continue search
        }
        return entry.order
      }
      let order = members.indices.sorted { first, second in
        let order = SortedJSONEncoder.utf8Order(members[first].key, members[second].key)
        return order != 0 ? order < 0 : first < second
      }
      // A handful of layouts is what a session has; a value with ever new keys (a dictionary
      // by question) is sorted each time without growing the list.
      if known.count < 16 { known.append((members.map(\.key), order)) }
      return order
    }
  }

  /// The order of two strings' UTF-8 bytes, as `memcmp` gives it (negative, zero, positive).
  public static func utf8Order(_ first: String, _ second: String) -> Int {
    // A native string's bytes are read where they are; a copy (`withUTF8` on a `var`) is made
    // only of one that is not contiguous.
    if let order = first.utf8.withContiguousStorageIfAvailable({ left in
      second.utf8.withContiguousStorageIfAvailable { right in utf8Order(left, right) }
    }), let order {
      return order
    }
    var first = first
    var second = second
    return first.withUTF8 { left in second.withUTF8 { right in utf8Order(left, right) } }
  }

  private static func utf8Order(
    _ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>
  )
    -> Int
  {
    let common = min(left.count, right.count)
    if common > 0, let leftBytes = left.baseAddress, let rightBytes = right.baseAddress {
      let order = memcmp(leftBytes, rightBytes, common)
      if order != 0 { return Int(order) }
    }
    return left.count - right.count
  }
}

// MARK: - The Encoder protocols

/// The encoder a value's `encode(to:)` is given: it records the node the value makes. `install`
/// puts the node in its parent when the parent could not hold it already (`superEncoder`).
private final class NodeEncoder: Encoder {
  var codingPath: [CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  var node: SortedJSONEncoder.Node = .absent {
    didSet { install?(node) }
  }
  var install: ((SortedJSONEncoder.Node) -> Void)?

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .object(let box) = node {
      return KeyedEncodingContainer(KeyedContainer<Key>(box: box))
    }
    let box = SortedJSONEncoder.ObjectBox()
    node = .object(box)
    return KeyedEncodingContainer(KeyedContainer<Key>(box: box))
  }

  func unkeyedContainer() -> UnkeyedEncodingContainer {
    if case .array(let box) = node { return UnkeyedContainer(box: box) }
    let box = SortedJSONEncoder.ArrayBox()
    node = .array(box)
    return UnkeyedContainer(box: box)
  }

  func singleValueContainer() -> SingleValueEncodingContainer {
    SingleValueContainer(encoder: self)
  }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  typealias Node = SortedJSONEncoder.Node
  let box: SortedJSONEncoder.ObjectBox
  var codingPath: [CodingKey] { [] }

  private func set(_ node: Node, _ key: Key) { box.members.append((key.stringValue, node)) }

  mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
  mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    set(try SortedJSONEncoder.number(value), key)
  }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    set(try SortedJSONEncoder.number(value), key)
  }
  mutating func encode(_ value: Int, forKey key: Key) throws { set(.number(String(value)), key) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { set(.number(String(value)), key) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { set(.number(String(value)), key) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { set(.number(String(value)), key) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { set(.number(String(value)), key) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { set(.number(String(value)), key) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.number(String(value)), key) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws {
    set(.number(String(value)), key)
  }
  mutating func encode(_ value: UInt32, forKey key: Key) throws {
    set(.number(String(value)), key)
  }
  mutating func encode(_ value: UInt64, forKey key: Key) throws {
    set(.number(String(value)), key)
  }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    set(try SortedJSONEncoder.node(value), key)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let nested = SortedJSONEncoder.ObjectBox()
    set(.object(nested), key)
    return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
    let nested = SortedJSONEncoder.ArrayBox()
    set(.array(nested), key)
    return UnkeyedContainer(box: nested)
  }

  mutating func superEncoder() -> Encoder { superEncoder(named: "super") }

  mutating func superEncoder(forKey key: Key) -> Encoder { superEncoder(named: key.stringValue) }

  private func superEncoder(named name: String) -> Encoder {
    let encoder = NodeEncoder()
    let box = self.box
    let index = box.members.count
    box.members.append((name, .absent))
    encoder.install = { box.members[index].value = $0 }
    return encoder
  }
}

/// The containers that put one node at a time (an array's next element, a single value): the
/// primitive encodings written once for both.
private protocol NodeSink {
  mutating func put(_ node: SortedJSONEncoder.Node)
}

extension NodeSink {
  mutating func encodeNil() throws { put(.null) }
  mutating func encode(_ value: Bool) throws { put(.bool(value)) }
  mutating func encode(_ value: String) throws { put(.string(value)) }
  mutating func encode(_ value: Double) throws { put(try SortedJSONEncoder.number(value)) }
  mutating func encode(_ value: Float) throws { put(try SortedJSONEncoder.number(value)) }
  mutating func encode(_ value: Int) throws { put(.number(String(value))) }
  mutating func encode(_ value: Int8) throws { put(.number(String(value))) }
  mutating func encode(_ value: Int16) throws { put(.number(String(value))) }
  mutating func encode(_ value: Int32) throws { put(.number(String(value))) }
  mutating func encode(_ value: Int64) throws { put(.number(String(value))) }
  mutating func encode(_ value: UInt) throws { put(.number(String(value))) }
  mutating func encode(_ value: UInt8) throws { put(.number(String(value))) }
  mutating func encode(_ value: UInt16) throws { put(.number(String(value))) }
  mutating func encode(_ value: UInt32) throws { put(.number(String(value))) }
  mutating func encode(_ value: UInt64) throws { put(.number(String(value))) }
  mutating func encode<T: Encodable>(_ value: T) throws { put(try SortedJSONEncoder.node(value)) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer, NodeSink {
  let box: SortedJSONEncoder.ArrayBox
  var codingPath: [CodingKey] { [] }
  var count: Int { box.elements.count }

  func put(_ node: SortedJSONEncoder.Node) { box.elements.append(node) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let nested = SortedJSONEncoder.ObjectBox()
    put(.object(nested))
    return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
  }

  mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
    let nested = SortedJSONEncoder.ArrayBox()
    put(.array(nested))
    return UnkeyedContainer(box: nested)
  }

  mutating func superEncoder() -> Encoder {
    let encoder = NodeEncoder()
    let box = self.box
    let index = box.elements.count
    box.elements.append(.absent)
    encoder.install = { box.elements[index] = $0 }
    return encoder
  }
}

private struct SingleValueContainer: SingleValueEncodingContainer, NodeSink {
  let encoder: NodeEncoder
  var codingPath: [CodingKey] { [] }

  func put(_ node: SortedJSONEncoder.Node) { encoder.node = node }
}
