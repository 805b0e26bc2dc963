import Testing

@testable import AssessmentCore

/// A text in several languages, kept as pairs sorted by language: the same text however it is
/// given, and the same look-ups as the dictionary it replaced.
@Suite struct LocalizedTextTests {
  @Test func theSameTextsInAnyOrderAreEqual() {
    let fromPairs = LocalizedText(pairs: ["nl": "Ja", "fr": "Oui", "en": "Yes"])
    let fromDictionary = LocalizedText(["en": "Yes", "fr": "Oui", "nl": "Ja"])
    #expect(fromPairs == fromDictionary)
    #expect(fromPairs.hashValue == fromDictionary.hashValue)
    #expect(fromPairs.entries.map(\.language) == ["en", "fr", "nl"])
    #expect(Set([fromPairs, fromDictionary]).count == 1)
    #expect(LocalizedText(pairs: ["fr": "Oui"]) != LocalizedText(pairs: ["fr": "Non"]))
  }

  @Test func aLanguageGivenTwiceKeepsItsLastText() {
    let text = LocalizedText(pairs: ["fr": "premier", "en": "first", "fr": "dernier"])
    #expect(text["fr"] == "dernier")
    #expect(text.entries.count == 2)
    #expect(text.values == ["fr": "dernier", "en": "first"])
  }

  @Test func resolvesLikeTheDictionaryDid() {
    let text = LocalizedText(pairs: ["nl": "", "fr": "Oui", "de": "Ja"])
    #expect(text.resolve("fr") == "Oui")
    #expect(text.resolve("nl", fallbacks: ["fr"]) == "Oui")  // empty: the fallback
    #expect(text.resolve("en") == "Ja")  // none: the first language in alphabetical order
    #expect(text["en"] == nil)
    #expect(LocalizedText(pairs: [:]).resolve("fr") == "")
    var changed = text
    changed.values["en"] = "Yes"
    #expect(changed.resolve("en") == "Yes")
    #expect(changed.entries.map(\.language) == ["de", "en", "fr", "nl"])
  }
}
