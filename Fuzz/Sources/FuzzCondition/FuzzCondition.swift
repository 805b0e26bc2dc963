// libFuzzer entry point: any bytes, decoded as UTF-8 (invalid sequences repaired), parsed as a
// condition. Syntax errors are expected; only a crash, a hang or a leak is a finding.
import AssessmentCore
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: start, count: count)
  let text = String(decoding: bytes, as: UTF8.self)
  if let result = try? ConditionParser.parse(text) {
    _ = result.references.count
  }
  return 0
}

/// The process entry point (see FuzzSupport): starts libFuzzer with `fuzz`.
@_cdecl("FuzzCondition_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runLibFuzzer(argc: argc, argv: argv) { start, count in
    fuzz(UnsafeRawPointer(start) ?? UnsafeRawPointer(bitPattern: 1)!, count)
  }
}
