import CYaml

/// The YAML of a questionnaire's files, read in one pass over libyaml's events into a compact tree
/// (flat arrays, no object per node), with the position of every node in its file.
///
/// While reading it refuses what no questionnaire needs and what would make walking the tree
/// recurse without bound:
///
/// - a mapping key that is not a plain scalar (a list, a mapping, or an alias);
/// - nesting deeper than ``maximumDepth`` once aliases are counted as what they stand for
///   (libyaml limits the nesting it reads to 1,000 levels, but a chain of anchors, each nesting
///   the previous one, multiplies that; the fuzzer found such a file that overflowed the stack);
/// - a key given twice in a mapping, an alias to an unknown anchor, a second document.
///
/// An alias is the node its anchor names, shared: walking the tree expands it, so walkers count
/// the nodes they visit (``QuestionnaireFiles/maximumNodes``) against alias bombs.
struct YAMLTree {
  /// Questionnaires need about eight levels.
  static let maximumDepth = 64

  enum Kind: UInt8 { case scalar, sequence, mapping }

  /// How a scalar was written; conditions use it to place a column inside the scalar.
  enum Style: UInt8 { case plain, singleQuoted, doubleQuoted, block }

  struct RawNode {
    var kind: Kind
    var style: Style
    /// Index of the file in ``files``.
    var file: Int32
    /// 1-based.
    var line: Int32
    var column: Int32
    /// Scalar: index in ``scalars``; sequence and mapping: first index in ``children``.
    var start: Int32
    /// Sequence: items; mapping: keys and values, alternating (twice the pairs).
    var count: Int32
  }

  /// The files read, by index: what messages name.
  var files: [String] = []
  var nodes: [RawNode] = []
  var children: [Int32] = []
  var scalars: [String] = []
  /// Tags written on scalars, when they are local tags (`!x`): the reader reports those.
  var tags: [Int32: String] = [:]

  subscript(_ node: Node) -> RawNode { nodes[Int(node.index)] }

  func kind(_ node: Node) -> Kind { nodes[Int(node.index)].kind }

  /// The text of a scalar node.
  func text(_ node: Node) -> String { scalars[Int(nodes[Int(node.index)].start)] }

  /// The items of a sequence.
  func items(_ node: Node) -> Children {
    let raw = nodes[Int(node.index)]
    return Children(
      tree: children, start: Int(raw.start), count: Int(raw.count), stride: 1, offset: 0)
  }

  /// The keys of a mapping, in order.
  func keys(_ node: Node) -> Children {
    let raw = nodes[Int(node.index)]
    return Children(
      tree: children, start: Int(raw.start), count: Int(raw.count) / 2, stride: 2, offset: 0)
  }

  /// The values of a mapping, in the order of its keys.
  func values(_ node: Node) -> Children {
    let raw = nodes[Int(node.index)]
    return Children(
      tree: children, start: Int(raw.start), count: Int(raw.count) / 2, stride: 2, offset: 1)
  }

  /// Part of ``children``: items, keys or values of one node.
  struct Children: RandomAccessCollection {
    let tree: [Int32]
    let start: Int
    let count: Int
    let stride: Int
    let offset: Int
    var startIndex: Int { 0 }
    var endIndex: Int { count }
    subscript(position: Int) -> Node { Node(index: tree[start + position * stride + offset]) }
  }

  /// The first key of a mapping given again, with its first occurrence.
  func duplicateKey(in mapping: Node) -> (first: Node, second: Node)? {
    let keys = self.keys(mapping)
    if keys.count < 2 { return nil }
    if keys.count <= 24 {
      for i in 1..<keys.count {
        let key = text(keys[i])
        for j in 0..<i where text(keys[j]) == key { return (keys[j], keys[i]) }
      }
      return nil
    }
    var seen: [String: Node] = [:]
    for key in keys {
      if let first = seen.updateValue(key, forKey: text(key)) { return (first, key) }
    }
    return nil
  }

  // MARK: - Reading

  /// Room for the nodes of `bytes` bytes of YAML (questionnaires have about one node per 30
  /// bytes), so that the arrays do not grow by copying; room never written costs no memory.
  mutating func reserve(forBytes bytes: Int) {
    nodes.reserveCapacity(bytes / 20)
    children.reserveCapacity(bytes / 20)
    scalars.reserveCapacity(bytes / 24)
  }

  /// Reads one file's YAML (UTF-8, checked by the caller) with libyaml and returns its root
  /// node, or the first problem, located.
  mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> Result<
    Node?, QuestionnaireProblem
  > {
    let fileIndex = Int32(files.count)
    files.append(file)
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      return .failure(
        QuestionnaireProblem(
          file: file, line: 1, column: 1,
          message: "YAML: the parser could not start (out of memory?)"))
    }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    var reader = EventReader(file: file, fileIndex: fileIndex)
    return reader.run(&parser, into: &self)
  }

  /// A sequence node made of the items of `sequences`, in order (the sections of a directory
  /// questionnaire's parts); placed at `at`.
  mutating func concatenation(of sequences: [Node], at: Node) -> Node {
    let start = Int32(children.count)
    for sequence in sequences {
      let raw = nodes[Int(sequence.index)]
      children.append(contentsOf: children[Int(raw.start)..<Int(raw.start + raw.count)])
    }
    let place = self[at]
    nodes.append(
      RawNode(
        kind: .sequence, style: .plain, file: place.file, line: place.line, column: place.column,
        start: start, count: Int32(children.count) - start))
    return Node(index: Int32(nodes.count - 1))
  }

  /// `mapping` with one more pair at its end.
  mutating func adding(key: String, value: Node, to mapping: Node) -> Node {
    let raw = self[mapping]
    let start = Int32(children.count)
    children.append(contentsOf: children[Int(raw.start)..<Int(raw.start + raw.count)])
    scalars.append(key)
    nodes.append(
      RawNode(
        kind: .scalar, style: .plain, file: raw.file, line: raw.line, column: raw.column,
        start: Int32(scalars.count - 1), count: 0))
    children.append(Int32(nodes.count - 1))
    children.append(value.index)
    nodes.append(
      RawNode(
        kind: .mapping, style: .plain, file: raw.file, line: raw.line, column: raw.column,
        start: start, count: raw.count + 2))
    return Node(index: Int32(nodes.count - 1))
  }
}

/// A node of a ``YAMLTree``.
struct Node: Hashable {
  var index: Int32
}

/// The state of one pass over a file's events.
private struct EventReader {
  let file: String
  let fileIndex: Int32

  private struct Frame {
    var node: Int32
    var isMapping: Bool
    var anchor: String?
    /// Where this container's children start in `pending`.
    var pendingStart: Int
    /// The deepest child, aliases counted as what they stand for (a scalar is 0).
    var deepestChild = 0
  }

  private var stack: [Frame] = []
  /// Children of the open containers, innermost last.
  private var pending: [Int32] = []
  private var anchors: [String: (node: Int32, depth: Int)] = [:]
  private var root: Int32?
  private var documents = 0

  init(file: String, fileIndex: Int32) {
    self.file = file
    self.fileIndex = fileIndex
  }

  private func problem(_ mark: yaml_mark_t, _ message: String) -> QuestionnaireProblem {
    QuestionnaireProblem(
      file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: message)
  }

  private var isKeyPosition: Bool {
    guard let top = stack.last, top.isMapping else { return false }
    return (pending.count - top.pendingStart) % 2 == 0
  }

  private static func name(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
  }

  /// A child complete: recorded in its parent (or as the root).
  private mutating func add(_ node: Int32, depth: Int) {
    if stack.isEmpty {
      root = node
    } else {
      pending.append(node)
      stack[stack.count - 1].deepestChild = max(stack[stack.count - 1].deepestChild, depth)
    }
  }

  mutating func run(_ parser: inout yaml_parser_t, into tree: inout YAMLTree) -> Result<
    Node?, QuestionnaireProblem
  > {
    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else {
        return .failure(Self.parserProblem(parser, file: file))
      }
      defer { yaml_event_delete(&event) }
      let mark = event.start_mark
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return .success(root.map { Node(index: $0) })
      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > 1 {
          return .failure(
            problem(mark, "a second YAML document ('---'); a questionnaire file holds one document")
          )
        }
      case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        if isKeyPosition {
          return .failure(
            problem(mark, "a key must be a plain word, not a \(isMapping ? "mapping" : "list")"))
        }
        if stack.count + 1 > YAMLTree.maximumDepth {
          return .failure(
            problem(mark, "the document nests deeper than \(YAMLTree.maximumDepth) levels; refused")
          )
        }
        let anchor =
          isMapping
          ? Self.name(event.data.mapping_start.anchor) : Self.name(event.data.sequence_start.anchor)
        tree.nodes.append(
          YAMLTree.RawNode(
            kind: isMapping ? .mapping : .sequence, style: .plain, file: fileIndex,
            line: Int32(mark.line + 1), column: Int32(mark.column + 1), start: 0, count: 0))
        stack.append(
          Frame(
            node: Int32(tree.nodes.count - 1), isMapping: isMapping, anchor: anchor,
            pendingStart: pending.count))
      case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
        guard let frame = stack.popLast() else { continue }
        let start = Int32(tree.children.count)
        let count = pending.count - frame.pendingStart
        tree.children.append(contentsOf: pending[frame.pendingStart...])
        pending.removeLast(count)
        tree.nodes[Int(frame.node)].start = start
        tree.nodes[Int(frame.node)].count = Int32(count)
        if frame.isMapping, let duplicate = tree.duplicateKey(in: Node(index: frame.node)) {
          let raw = tree[duplicate.second]
          return .failure(
            QuestionnaireProblem(
              file: file, line: Int(raw.line), column: Int(raw.column),
              message:
                "duplicate key \(tree.text(duplicate.second)) in the same mapping (first at line \(tree[duplicate.first].line))"
            ))
        }
        let depth = frame.deepestChild + 1
        if let anchor = frame.anchor { anchors[anchor] = (frame.node, depth) }
        add(frame.node, depth: depth)
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        let text =
          scalar.value.map {
            String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
          } ?? ""
        let style: YAMLTree.Style
        switch scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: style = .block
        default: style = .plain
        }
        tree.scalars.append(text)
        tree.nodes.append(
          YAMLTree.RawNode(
            kind: .scalar, style: style, file: fileIndex, line: Int32(mark.line + 1),
            column: Int32(mark.column + 1), start: Int32(tree.scalars.count - 1), count: 0))
        let node = Int32(tree.nodes.count - 1)
        if let tag = Self.name(scalar.tag), tag.hasPrefix("!") { tree.tags[node] = tag }
        if let anchor = Self.name(scalar.anchor) { anchors[anchor] = (node, 0) }
        add(node, depth: 0)
      case YAML_ALIAS_EVENT:
        let anchor = Self.name(event.data.alias.anchor) ?? ""
        if isKeyPosition {
          return .failure(problem(mark, "a key must be a plain word, not an alias (*\(anchor))"))
        }
        guard let target = anchors[anchor] else {
          return .failure(
            problem(
              mark,
              "YAML syntax: the alias *\(anchor) names no anchor (&\(anchor)) defined before it"))
        }
        if stack.count + target.depth > YAMLTree.maximumDepth {
          return .failure(
            problem(
              mark,
              "the alias *\(anchor) nests the document deeper than \(YAMLTree.maximumDepth) levels; refused"
            ))
        }
        add(target.node, depth: target.depth)
      default:
        continue
      }
    }
  }

  /// libyaml's own error, in its words, at its place.
  private static func parserProblem(_ parser: yaml_parser_t, file: String) -> QuestionnaireProblem {
    let problemText = parser.problem.map { String(cString: $0) } ?? "unknown error"
    if parser.error == YAML_READER_ERROR {
      return QuestionnaireProblem(
        file: file, line: 1, column: 1,
        message: "YAML reader: \(problemText) (byte \(parser.problem_offset))")
    }
    let mark = parser.problem_mark
    var detail = ""
    if let context = parser.context {
      detail = "\(String(cString: context)) (line \(parser.context_mark.line + 1)): "
    }
    return QuestionnaireProblem(
      file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1,
      message: "YAML syntax: \(detail)\(problemText)")
  }
}
