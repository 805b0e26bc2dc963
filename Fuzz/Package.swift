// swift-tools-version: 6.2
// libFuzzer targets for cloud-assess. Build and run them with `scripts/fuzz`: they need
// `--sanitize=fuzzer` (and `-parse-as-library`), which that script passes.
import PackageDescription

let package = Package(
  name: "cloud-assess-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "cloud-assess", path: "..")
  ],
  targets: [
    // Hands each target's LLVMFuzzerTestOneInput to libFuzzer's driver.
    .target(
      name: "FuzzSupport",
      swiftSettings: [.enableExperimentalFeature("Extern")]
    ),
    // ConditionParser.parse on any text.
    .executableTarget(
      name: "FuzzCondition",
      dependencies: ["FuzzSupport", .product(name: "AssessmentCore", package: "cloud-assess")]
    ),
    // SessionFile.decode(_:path:) on any bytes.
    .executableTarget(
      name: "FuzzSession",
      dependencies: ["FuzzSupport", .product(name: "AssessmentStore", package: "cloud-assess")]
    ),
    // QuestionnaireLoader.load(data:source:) on any bytes.
    .executableTarget(
      name: "FuzzQuestionnaire",
      dependencies: ["FuzzSupport", .product(name: "AssessmentStore", package: "cloud-assess")]
    ),
    // WorkbookReader.read on any bytes, or on XML parts put into a valid zip (see the source).
    .executableTarget(
      name: "FuzzWorkbook",
      dependencies: ["FuzzSupport", .product(name: "Workbook", package: "cloud-assess")]
    ),
  ]
)
