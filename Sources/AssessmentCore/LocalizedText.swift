import Foundation

/// A text in several languages, keyed by language code (`fr`, `en`, `nl`).
public struct LocalizedText: Equatable, Hashable, Sendable {
  public var values: [String: String]

  public init(_ values: [String: String]) {
    self.values = values
  }

  /// The text in `language`, else in the first of `fallbacks` that has one, else any.
  public func resolve(_ language: String, fallbacks: [String] = []) -> String {
    if let text = values[language], !text.isEmpty { return text }
    for code in fallbacks {
      if let text = values[code], !text.isEmpty { return text }
    }
    return values.keys.sorted().compactMap { values[$0] }.first ?? ""
  }

  public subscript(language: String) -> String? { values[language] }
}
