import Foundation

/// RFC 3339 timestamps as session files hold them (`2026-11-23T10:15:00.123Z`), formatted and
/// parsed by arithmetic: a session of 10,000 answers holds 10,000 of them, and creating a date
/// formatter per date made loading and saving slow (and a first formatter loads ICU's data).
public enum Timestamp {
  /// UTC, whole seconds: `yyyy-MM-ddTHH:mm:ssZ`.
  public static func formatSeconds(_ date: Date) -> String {
    String(formatTruncated(date).prefix(19)) + "Z"
  }

  /// UTC, to the minute, for people: `yyyy-MM-dd HH:mm UTC`.
  public static func formatMinutes(_ date: Date) -> String {
    let text = formatTruncated(date)
    return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
  }

  /// The seconds cut, not rounded (as date formatters do), so 08:00:59.999 stays in 08:00.
  private static func formatTruncated(_ date: Date) -> String {
    format(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
  }

  /// UTC, milliseconds: `yyyy-MM-ddTHH:mm:ss.SSSZ`.
  public static func format(_ date: Date) -> String {
    let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    let (days, dayMilliseconds) = floorDivide(totalMilliseconds, 86_400_000)
    let (year, month, day) = civil(fromDays: days)
    let hour = dayMilliseconds / 3_600_000
    let minute = dayMilliseconds / 60_000 % 60
    let second = dayMilliseconds / 1000 % 60
    let millisecond = dayMilliseconds % 1000
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    func digits(_ value: Int64, _ count: Int) {
      var divisor: Int64 = 1
      for _ in 1..<count { divisor *= 10 }
      var rest = value
      while divisor > 0 {
        bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
        rest %= divisor
        divisor /= 10
      }
    }
    if year < 0 || year > 9999 {
      // Outside what four digits hold: the extended form, which the parser also accepts.
      bytes.append(year < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
      digits(abs(year), 6)
    } else {
      digits(year, 4)
    }
    bytes.append(UInt8(ascii: "-"))
    digits(month, 2)
    bytes.append(UInt8(ascii: "-"))
    digits(day, 2)
    bytes.append(UInt8(ascii: "T"))
    digits(hour, 2)
    bytes.append(UInt8(ascii: ":"))
    digits(minute, 2)
    bytes.append(UInt8(ascii: ":"))
    digits(second, 2)
    bytes.append(UInt8(ascii: "."))
    digits(millisecond, 3)
    bytes.append(UInt8(ascii: "Z"))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)`; nil for anything else or an impossible date.
  public static func parse(_ text: String) -> Date? {
    var utf8 = Array(text.utf8)
    guard utf8.count >= 20, utf8.count <= 64 else { return nil }
    var index = 0
    func number(_ count: Int) -> Int64? {
      guard index + count <= utf8.count else { return nil }
      var value: Int64 = 0
      for _ in 0..<count {
        let byte = utf8[index]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        index += 1
      }
      return value
    }
    func expect(_ characters: String) -> Bool {
      guard index < utf8.count, characters.utf8.contains(utf8[index]) else { return false }
      index += 1
      return true
    }
    // Lower-case t and z are allowed by RFC 3339.
    utf8 = utf8.map {
      $0 == UInt8(ascii: "t") ? UInt8(ascii: "T") : $0 == UInt8(ascii: "z") ? UInt8(ascii: "Z") : $0
    }
    var year: Int64
    if utf8[0] == UInt8(ascii: "+") || utf8[0] == UInt8(ascii: "-") {
      let negative = utf8[0] == UInt8(ascii: "-")
      index = 1
      guard let value = number(6) else { return nil }
      year = negative ? -value : value
    } else {
      guard let value = number(4) else { return nil }
      year = value
    }
    guard expect("-"), let month = number(2), expect("-"), let day = number(2), expect("T"),
      let hour = number(2), expect(":"), let minute = number(2), expect(":"),
      let second = number(2)
    else { return nil }
    var fractionNanoseconds: Int64 = 0
    if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
      index += 1
      var digitsRead = 0
      var scale: Int64 = 100_000_000
      while index < utf8.count, utf8[index] >= UInt8(ascii: "0"), utf8[index] <= UInt8(ascii: "9") {
        fractionNanoseconds += Int64(utf8[index] - UInt8(ascii: "0")) * scale
        scale /= 10
        digitsRead += 1
        index += 1
      }
      guard digitsRead > 0 else { return nil }
    }
    var offsetSeconds: Int64 = 0
    guard index < utf8.count else { return nil }
    if utf8[index] == UInt8(ascii: "Z") {
      index += 1
    } else {
      let sign: Int64 = utf8[index] == UInt8(ascii: "-") ? -1 : 1
      guard expect("+-"), let offsetHours = number(2), expect(":"), let offsetMinutes = number(2),
        offsetHours < 24, offsetMinutes < 60
      else { return nil }
      offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
    }
    guard index == utf8.count, (1...12).contains(month), day >= 1,
      day <= daysIn(month: month, year: year), hour < 24, minute < 60, second < 61
    else { return nil }
    let days = self.days(fromCivil: year, month, day)
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offsetSeconds
    if fractionNanoseconds % 1_000_000 == 0 {
      // Whole milliseconds, as this program writes them: the same Double as the saved date.
      return Date(
        timeIntervalSince1970: Double(seconds * 1000 + fractionNanoseconds / 1_000_000) / 1000)
    }
    return Date(timeIntervalSince1970: Double(seconds) + Double(fractionNanoseconds) / 1e9)
  }

  // MARK: - Calendar arithmetic (proleptic Gregorian; H. Hinnant's algorithms)

  private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
    let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    return (quotient, value - quotient * divisor)
  }

  private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func daysIn(month: Int64, year: Int64) -> Int64 {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
