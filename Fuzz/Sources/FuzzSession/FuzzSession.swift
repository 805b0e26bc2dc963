// libFuzzer entry point: any bytes decoded as a session file. Errors are expected; a crash, a
// hang or a leak is a finding, and so is a file that the direct reading of plain files
// (SessionFile+PlainReading.swift) reads otherwise than `JSONDecoder`, or a record whose text
// (SortedJSONEncoder) differs from `JSONEncoder`'s.
@_spi(Fuzzing) import AssessmentStore
import Foundation
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  // The records are compared, not the errors: the direct reading never refuses a file (it
  // leaves it to JSONDecoder), and JSONDecoder does not always name the same one of several
  // faults (it reads the answers in the order of a dictionary, which varies from one decoding
  // to the next: crash-09babff9… in Crashes/FuzzSession has a bad date and a control character).
  let direct = try? SessionFile.decode(data, path: "fuzz.json")
  let codable = try? SessionFile.decode(data, path: "fuzz.json", readingPlainFilesDirectly: false)
  if direct != codable {
    fatalError(
      "the direct reading and JSONDecoder disagree: \(String(describing: direct)) against \(String(describing: codable))"
    )
  }
  if let record = direct {
    // A decoded record must encode again, into the text JSONEncoder writes, byte for byte.
    let written = try? SessionFile.encode(record)
    if written != (try? SessionFile.encodeWithJSONEncoder(record)) {
      fatalError("the session's text differs from JSONEncoder's: \(record)")
    }
  }
  // The reading that skips the histories (a summary, a list) sees what the whole reading sees,
  // but the histories, in every file the direct reading takes whole (a member twice, which it
  // leaves to JSONDecoder's leniency, is docs/session-format.md's limit); when the whole
  // reading refuses the file, only a fault in what it skipped can be why; and what it read is
  // never written.
  if let skipped = SessionFile.decodeSkippingHistories(data) {
    if var whole = direct, SessionFile.isReadDirectly(data) {
      for id in whole.answers.keys { whole.answers[id]?.history = [] }
      whole.historiesOmitted = true
      if whole != skipped {
        fatalError(
          "the reading without histories differs: \(skipped) against \(whole)")
      }
    }
    if (try? SessionFile.encode(skipped)) != nil {
      fatalError("a record read without its histories was encoded")
    }
  }
  return 0
}

/// The process entry point (see FuzzSupport): starts libFuzzer with `fuzz`.
@_cdecl("FuzzSession_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runLibFuzzer(argc: argc, argv: argv) { start, count in
    fuzz(UnsafeRawPointer(start) ?? UnsafeRawPointer(bitPattern: 1)!, count)
  }
}
