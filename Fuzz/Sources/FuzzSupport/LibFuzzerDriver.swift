// Starts libFuzzer from a fuzz target's entry point.
//
// SwiftPM links every Swift executable with `--defsym main=<Module>_main` (so tests can link
// executables), which hides the `main` that libFuzzer brings. Each target therefore defines
// `<Module>_main` itself and hands its `LLVMFuzzerTestOneInput` to libFuzzer's own driver,
// `LLVMFuzzerRunDriver`, which parses the usual libFuzzer flags.

// The name is libFuzzer's C symbol.
// swift-format-ignore: AlwaysUseLowerCamelCase
@_extern(c, "LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer with the process arguments and the target's test function.
public func runLibFuzzer(
  argc: CInt,
  argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
  _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
  var argc = argc
  var argv = argv
  return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
}
