import CYaml
import Foundation

/// A pass over the YAML events before the document is composed, refusing what no questionnaire
/// needs and what would make composing or walking the tree recurse without bound:
///
/// - a mapping key that is not a plain scalar (a list, a mapping, or an alias): Yams hashes keys
///   to find duplicates, recursively, and an alias can stand for any depth;
/// - nesting deeper than ``maximumDepth`` once aliases are counted as what they stand for
///   (libyaml limits the nesting it reads to 1,000 levels, but a chain of anchors, each nesting
///   the previous one, multiplies that; the fuzzer found such a file that overflowed the stack).
///
/// Anything libyaml itself refuses is left to the composer, which reports it with its own words.
enum YAMLShape {
  /// Questionnaires need about eight levels.
  static let maximumDepth = 64

  static func check(_ text: String, source: String) -> QuestionnaireProblem? {
    var bytes = Array(text.utf8)
    if bytes.isEmpty { return nil }
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeMutableBufferPointer { buffer -> QuestionnaireProblem? in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      return walk(&parser, source: source)
    }
  }

  private struct Container {
    var isMapping: Bool
    var expectingKey = true
    var anchor: String?
    /// The deepest child, aliases counted as what they stand for (a scalar is 0).
    var deepestChild = 0
  }

  private static func walk(_ parser: inout yaml_parser_t, source: String) -> QuestionnaireProblem? {
    var stack: [Container] = []
    var anchorDepth: [String: Int] = [:]
    func problem(_ mark: yaml_mark_t, _ message: String) -> QuestionnaireProblem {
      QuestionnaireProblem(file: source, line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: message)
    }
    func name(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
      pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
    /// A child of the given depth is complete: it may not be a key unless `isScalarKey`.
    func childCompleted(depth: Int) {
      guard !stack.isEmpty else { return }
      stack[stack.count - 1].deepestChild = max(stack[stack.count - 1].deepestChild, depth)
      if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectingKey.toggle() }
    }
    var isKeyPosition: Bool { stack.last.map { $0.isMapping && $0.expectingKey } ?? false }
    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
      defer { yaml_event_delete(&event) }
      let mark = event.start_mark
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return nil
      case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        if isKeyPosition {
          return problem(mark, "a key must be a plain word, not a \(isMapping ? "mapping" : "list")")
        }
        if stack.count + 1 > maximumDepth {
          return problem(mark, "the document nests deeper than \(maximumDepth) levels; refused")
        }
        let anchor = isMapping ? name(event.data.mapping_start.anchor) : name(event.data.sequence_start.anchor)
        stack.append(Container(isMapping: isMapping, anchor: anchor))
      case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
        guard let container = stack.popLast() else { return nil }
        let depth = container.deepestChild + 1
        if let anchor = container.anchor { anchorDepth[anchor] = depth }
        childCompleted(depth: depth)
      case YAML_SCALAR_EVENT:
        if let anchor = name(event.data.scalar.anchor) { anchorDepth[anchor] = 0 }
        childCompleted(depth: 0)
      case YAML_ALIAS_EVENT:
        let anchor = name(event.data.alias.anchor) ?? ""
        if isKeyPosition {
          return problem(mark, "a key must be a plain word, not an alias (*\(anchor))")
        }
        let depth = anchorDepth[anchor] ?? 0
        if stack.count + depth > maximumDepth {
          return problem(
            mark,
            "the alias *\(anchor) nests the document deeper than \(maximumDepth) levels; refused")
        }
        childCompleted(depth: depth)
      default:
        continue
      }
    }
  }
}
