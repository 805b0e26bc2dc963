// libFuzzer entry point: any bytes decoded as a session file. Errors are expected; a crash, a
// hang or a leak is a finding, and so is a file that the direct reading of plain files
// (SessionFile+PlainReading.swift) reads otherwise than `JSONDecoder`.
@_spi(Fuzzing) import AssessmentStore
import Foundation
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  let direct = Result { () throws(StoreError) in try SessionFile.decode(data, path: "fuzz.json") }
  let codable = Result { () throws(StoreError) in
    try SessionFile.decode(data, path: "fuzz.json", readingPlainFilesDirectly: false)
  }
  if direct != codable {
    fatalError("the direct reading and JSONDecoder disagree: \(direct) against \(codable)")
  }
  if case .success(let record) = direct {
    // A decoded record must encode again.
    _ = try? SessionFile.encode(record)
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
