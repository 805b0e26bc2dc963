import Foundation

/// Days as the assessor types them (`YYYY-MM-DD`): derogations' and acceptances' expiries, due
/// dates, `--as-of`. ISO days compare as text, so "past" is a string comparison.
public enum Day {
  /// Whether `text` is an ISO day `YYYY-MM-DD` of a real calendar date.
  public static func isValid(_ text: String) -> Bool {
    // `YYYY-MM-DD` in ASCII digits, read on the UTF-8 bytes in place (the plan sorts and judges
    // every due date with it): no copy of them, no array.
    text.utf8.withContiguousStorageIfAvailable(isValid)
      ?? Array(text.utf8).withUnsafeBufferPointer(isValid)
  }

  private static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = bytes[index]
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      (1...12).contains(month), year >= 1
    else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days: Int
    switch month {
    case 2: days = leap ? 29 : 28
    case 4, 6, 9, 11: days = 30
    default: days = 31
    }
    return (1...days).contains(day)
  }

  /// An expiry or review date, judged on `day`.
  public enum Expiry: Equatable, Sendable {
    /// None given.
    case none
    /// On or after `day`.
    case current(String)
    case past(String)
    case notADay(String)
  }

  public static func expiry(_ text: String, on day: String) -> Expiry {
    let date = text.trimmed
    if date.isEmpty { return .none }
    guard isValid(date) else { return .notADay(date) }
    return date < day ? .past(date) : .current(date)
  }
}
