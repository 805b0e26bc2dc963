// libFuzzer entry point: the fast reader of questionnaire YAML (YAMLSubsetReader) against libyaml
// on any valid UTF-8. Declining is fine; reading a text otherwise than libyaml is a finding.
import FuzzSupport
import QuestionnaireFormat

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count)
  // Both readers are given valid UTF-8 only (the loader checks it first).
  guard String(validating: bytes, as: UTF8.self) != nil else { return 0 }
  if case .different(let subset, let libyaml) = YAMLSubsetCheck.compare(bytes) {
    fatalError("the subset reader disagrees with libyaml.\nsubset reader:\n\(subset)\nlibyaml:\n\(libyaml)")
  }
  return 0
}

/// The process entry point (see FuzzSupport): starts libFuzzer with `fuzz`.
@_cdecl("FuzzYAMLSubset_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runLibFuzzer(argc: argc, argv: argv) { start, count in
    fuzz(UnsafeRawPointer(start) ?? UnsafeRawPointer(bitPattern: 1)!, count)
  }
}
