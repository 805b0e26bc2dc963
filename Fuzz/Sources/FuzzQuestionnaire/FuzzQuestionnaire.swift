// libFuzzer entry point: any bytes loaded as a questionnaire (YAML, then validation). Problems
// are expected; only a crash, a hang or a leak is a finding.
import AssessmentStore
import Foundation
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  _ = try? QuestionnaireLoader.load(data: data, source: "fuzz.yaml")
  return 0
}

/// The process entry point (see FuzzSupport): starts libFuzzer with `fuzz`.
@_cdecl("FuzzQuestionnaire_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runLibFuzzer(argc: argc, argv: argv) { start, count in
    fuzz(UnsafeRawPointer(start) ?? UnsafeRawPointer(bitPattern: 1)!, count)
  }
}
