import Foundation

extension Questionnaire {
  /// Positions of the questions that apply and match `query`: a reference prefix (`2.2.3`), an id,
  /// or words found in the question's text or in its help, in any language, ignoring case and
  /// accents (all the words in the one text).
  public func search(_ query: String, visibility: [Bool]) -> [Int] {
    let needle = Self.fold(query.trimmed)
    guard !needle.isEmpty else { return [] }
    let words = needle.split(separator: " ").map(String.init)
    return questions.indices.filter { position in
      guard visibility.indices.contains(position), visibility[position] else { return false }
      let question = questions[position]
      if question.refs.contains(where: { Self.fold($0).hasPrefix(needle) }) { return true }
      if Self.fold(question.id).contains(needle) { return true }
      return (Array(question.text.values.values) + Array(question.help.values.values)).contains {
        text in
        let haystack = Self.fold(text)
        return words.allSatisfy { haystack.contains($0) }
      }
    }
  }

  static func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }
}
