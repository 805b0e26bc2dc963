// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "cloud-assess",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "cloud-assess", targets: ["cloud-assess"]),
    .library(name: "AssessmentCore", targets: ["AssessmentCore"]),
    .library(name: "AssessmentStore", targets: ["AssessmentStore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // The HTML report's template, which an institution can copy and edit (letterhead, logo,
    // classification marking): Mustache, with no dependency of its own.
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
  ],
  targets: [
    // Pure: questionnaire model, conditions, wizard state machine, risk engine, summary model.
    .target(name: "AssessmentCore"),
    // Files: questionnaire loading and validation, session files.
    .target(
      name: "AssessmentStore",
      dependencies: ["AssessmentCore", .product(name: "Yams", package: "Yams")]
    ),
    // Reports rendered through a template (HTML): the pure core's parts put in a Mustache template.
    .target(
      name: "AssessmentReports",
      dependencies: ["AssessmentCore", .product(name: "Mustache", package: "swift-mustache")]
    ),
    .systemLibrary(
      name: "CNcursesW",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncurses-dev"])]
    ),
    .target(name: "AssessmentTUI", dependencies: ["AssessmentCore", "CNcursesW"]),
    // The plain front end: the wizard as lines, for screen readers, TERM=dumb and pipes. It uses
    // the pure parts of AssessmentTUI (App, the texts of the screens) and never the curses shim.
    .target(name: "AssessmentPlain", dependencies: ["AssessmentCore", "AssessmentTUI"]),
    .executableTarget(
      name: "cloud-assess",
      dependencies: [
        "AssessmentCore", "AssessmentStore", "AssessmentTUI", "AssessmentPlain", "AssessmentReports",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Benchmarks (docs/performance.md): `scripts/benchmark`.
    .executableTarget(
      name: "cloud-assess-bench",
      dependencies: [
        "AssessmentCore", "AssessmentStore", "AssessmentTUI", "AssessmentReports",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Writes BuiltinQuestionnaireModels.swift (scripts/embed-questionnaires).
    .executableTarget(name: "questionnaire-codegen", dependencies: ["AssessmentCore", "AssessmentStore"]),
    // The benchmarks' floor: reads a file and prints its size, nothing else.
    .executableTarget(name: "bench-floor"),
    .testTarget(name: "AssessmentCoreTests", dependencies: ["AssessmentCore"]),
    .testTarget(name: "AssessmentReportsTests", dependencies: ["AssessmentReports", "AssessmentCore"]),
    .testTarget(name: "AssessmentStoreTests", dependencies: ["AssessmentStore", "AssessmentCore"]),
    .testTarget(
      name: "AssessmentTUITests",
      dependencies: ["AssessmentTUI", "AssessmentCore", "AssessmentStore"]
    ),
    .testTarget(
      name: "AssessmentPlainTests",
      dependencies: ["AssessmentPlain", "AssessmentTUI", "AssessmentCore", "AssessmentStore"]
    ),
    // Runs the built binary: directly, and inside tmux for the terminal.
    .testTarget(name: "CLITests"),
  ]
)
