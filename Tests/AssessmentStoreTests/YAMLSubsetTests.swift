import Foundation
import QuestionnaireFormat
import Testing

/// The fast reader of questionnaire YAML (`YAMLSubsetReader`) must build exactly libyaml's tree
/// for what it accepts, and give up on the rest (libyaml then reads the file). The fuzz target
/// `FuzzYAMLSubset` checks the same on mutated inputs.
struct YAMLSubsetTests {
  private func outcome(_ text: String) -> YAMLSubsetCheck.Outcome {
    Array(text.utf8).withUnsafeBufferPointer { YAMLSubsetCheck.compare($0) }
  }

  private func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let result = outcome(text)
    if case .different(let subset, let libyaml) = result {
      Issue.record("the subset reader disagrees with libyaml:\n\(subset)\n---- libyaml:\n\(libyaml)", sourceLocation: sourceLocation)
    } else {
      #expect(result == .same, "the subset reader declined:\n\(text)", sourceLocation: sourceLocation)
    }
  }

  /// Every questionnaire of the repository is read by the fast reader, to libyaml's tree.
  @Test func everyQuestionnaireOfTheRepositoryIsReadAlike() throws {
    var files: [String] = []
    let root = repositoryRoot
    for folder in ["Questionnaires", "examples", "Tests/Fixtures"] {
      guard let walker = FileManager.default.enumerator(atPath: root + "/" + folder) else { continue }
      for case let path as String in walker where path.hasSuffix(".yaml") { files.append(root + "/" + folder + "/" + path) }
    }
    #expect(files.count >= 14)
    for file in files {
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
      let result = bytes.withUnsafeBufferPointer { YAMLSubsetCheck.compare($0) }
      #expect(result == .same, "\(file): \(result)")
    }
  }

  @Test func theConstructsOfTheSubsetAreReadAlike() {
    // Block mappings and sequences, indentless sequences, compact mappings in items, comments.
    expectSame(
      """
      # a comment
      format: 1   # after a value
      id: my-q
      version: "1.0.0"
      languages: [fr, en, nl]
      sections:
      - id: s1   
        questions:
          - id: q_1
            type: compliance

            refs: ["2.2.1", 'S.5', plain ref]
            text: {fr: "Le fournisseur… « garantit » ?", en: 'It''s it', nl: Nederlands}
          -   id: q_2
              mappings: {iso27002: ["15.1.2"], gdpr: ["28", "32"]}
              empty: {}
              none: []
      # between
      - id: s2
        "quoted key": 1
        'single': {"q": x}
      citations:
        "2.1.1": {fr: "2.1, point 1", en: "2.1, point 1"}
        '2.1.2': x
      """)
    // Block scalars, literal and folded, clip and strip, empty lines, '#' as content.
    expectSame(
      """
      help:
        fr: |
          Ligne une
            plus indentée
          # pas un commentaire

          après une ligne vide
        en: >-
          folded
          lines

          new paragraph
        nl: |-
          x
      other: >
        a  
        b
      """ + "\n")
    // Escapes in double quotes, Unicode columns in flow mappings, URLs, plain texts with '#'.
    expectSame(
      """
      t: {fr: "é\\"à\\\\\\n\\t\\u00e9\\x41\\U0001F600", en: "ü", nl: ü ü}
      url: https://example.org/a#b
      c: C# and F#
      n: -1x
      """)
    expectSame("- a\n- b\n-   c\n")
    expectSame("  indented: root\n  second: x\n")
  }

  @Test func whatIsOutsideTheSubsetIsLeftToLibyaml() {
    let outside = [
      "a: &x 1\nb: *x\n",  // anchors and aliases
      "a: !tag x\n",  // tags
      "---\na: 1\n",  // document marker
      "a:\nb: 1\n",  // empty value
      "a: text\n  continued\n",  // multi-line plain scalar
      "a: \"two\n  lines\"\n",  // multi-line quoted scalar
      "a: [1,\n  2]\n",  // multi-line flow
      "\"quoted key\" : 1\n",  // a space before the colon
      "clé: 1\n",  // a key that is not a plain word
      "a: b: c\n",  // ': ' in a plain scalar (an error for libyaml)
      "a: |+\n  keep\n",  // keep chomping
      "a: |2\n   x\n",  // indentation indicator
      "a: >\n  x\n    more\n",  // a more-indented line in a folded scalar
      "a: |\n\n  x\n",  // a leading blank line in a block scalar
      "a: 1\n\tb: 2\n",  // a tab
      "a: 1\r\nb: 2\r\n",  // carriage returns
      "a: x\u{2028}y\n",  // a line separator
      "a: 1\na: 2\n",  // a duplicate key
      "a: [x, ]\n",  // a trailing comma
      "- - x\n",  // a compact nested sequence
      "a: 1\n b: 2\n",  // bad indentation
      "scalar\n",  // a root scalar
      "",  // nothing
      "a: \"\\q\"\n",  // an unknown escape (an error for libyaml)
      "a: \"\\ud800\"\n",  // a surrogate escape (an error for libyaml)
      "a: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n",  // too deep
    ]
    for text in outside {
      #expect(outcome(text) == .declined, "\(text.debugDescription)")
    }
  }
}
