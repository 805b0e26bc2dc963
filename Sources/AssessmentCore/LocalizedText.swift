import Foundation

/// A text in several languages, keyed by language code (`fr`, `en`, `nl`).
///
/// Kept as a short list of (language, text) pairs sorted by language, not as a dictionary: a
/// questionnaire has thousands of these, of two or three languages each, and building and hashing
/// that many dictionaries was most of the cost of making the built-in questionnaire's model at
/// every start of the program (1.4M instructions of `cloud-assess summary`'s 57M, under
/// callgrind). A look-up compares at most a few short language codes.
public struct LocalizedText: Equatable, Hashable, Sendable {
  public struct Entry: Equatable, Hashable, Sendable {
    public var language: String
    public var text: String

    public init(language: String, text: String) {
      self.language = language
      self.text = text
    }
  }

  /// One per language, sorted by language: equal texts have equal entries.
  public private(set) var entries: [Entry]

  public init(_ values: [String: String]) {
    self.init(entries: values.map { Entry(language: $0.key, text: $0.value) })
  }

  /// The texts as pairs, e.g. `["en": "Yes", "fr": "Oui"]`, without a dictionary being built (the
  /// built-in questionnaires' generated code). A language given twice keeps its last text.
  public init(pairs: KeyValuePairs<String, String>) {
    self.init(entries: pairs.map { Entry(language: $0.key, text: $0.value) })
  }

  /// The texts in any order; a language given twice keeps its last text.
  public init(entries: [Entry]) {
    var entries = entries
    if !zip(entries, entries.dropFirst()).allSatisfy({ $0.language < $1.language }) {
      // Stable: of two texts in one language, the later one is kept below.
      entries = entries.enumerated()
        .sorted { ($0.element.language, $0.offset) < ($1.element.language, $1.offset) }
        .map(\.element)
      var unique: [Entry] = []
      for entry in entries {
        if unique.last?.language == entry.language {
          unique[unique.count - 1] = entry
        } else {
          unique.append(entry)
        }
      }
      entries = unique
    }
    self.entries = entries
  }

  /// The texts by language.
  public var values: [String: String] {
    get { Dictionary(uniqueKeysWithValues: entries.map { ($0.language, $0.text) }) }
    set { self = LocalizedText(newValue) }
  }

  /// The text in `language`, else in the first of `fallbacks` that has one, else the first
  /// language's (in alphabetical order of the codes).
  public func resolve(_ language: String, fallbacks: [String] = []) -> String {
    if let text = self[language], !text.isEmpty { return text }
    for code in fallbacks {
      if let text = self[code], !text.isEmpty { return text }
    }
    return entries.first?.text ?? ""
  }

  public subscript(language: String) -> String? {
    for entry in entries where entry.language == language { return entry.text }
    return nil
  }
}
