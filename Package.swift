// swift-tools-version: 6.2
import PackageDescription

let package = Package(
  name: "cloud-assess",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "cloud-assess", targets: ["cloud-assess"]),
    .library(name: "AssessmentCore", targets: ["AssessmentCore"]),
    .library(name: "AssessmentStore", targets: ["AssessmentStore"]),
    // For the fuzz package (Fuzz/): the workbook reader.
    .library(name: "Workbook", targets: ["Workbook"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // SHA-256 (the questionnaire digest, a report's session file) and SHA-1 (name-based UUIDs).
    .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    // The HTML report's template, which an institution can copy and edit (letterhead, logo,
    // classification marking): Mustache, with no dependency of its own.
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    // The zip container of Office Open XML workbooks (xlsx): reading a hostile one needs a
    // maintained inflater with CRC checks, not one of our own.
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // Pure: questionnaire model, conditions, wizard state machine, risk engine, summary model.
    .target(name: "AssessmentCore"),
    // The system, for the targets that read, write or start anything: file contents, atomic
    // writes, environment variables, UTF-8 checks, child processes. No swift-system: its
    // FileDescriptor would wrap the few calls made here (open, read, fsync, rename) without
    // replacing posix_spawn's attributes, which are what the three copies got wrong.
    .target(name: "SystemSupport"),
    // Reading questionnaires: YAML files and directories to the model, every check, the digest.
    .target(
      name: "QuestionnaireFormat",
      dependencies: [
        "AssessmentCore", "SystemSupport", .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // Every rendering of a summary or a comparison (text, Markdown, JSON, HTML, CSV, OSCAL) and
    // their texts; the HTML report is put in a Mustache template.
    .target(
      name: "AssessmentReports",
      dependencies: [
        "AssessmentCore", "Workbook", .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // Office Open XML workbooks (xlsx): a writer of the parts Office needs, and a reader that
    // treats the file as hostile (docs/workbook.md).
    .target(
      name: "Workbook",
      dependencies: [
        "AssessmentCore", "CLazyXML", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    // libxml2's SAX parser for the workbook's XML, loaded (dlopen) the first time a workbook is
    // read rather than at every start, as FoundationXML would be: see lazy_xml.c.
    .target(
      name: "CLazyXML",
      linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
    ),
    // The workbook a provider fills in (provider export) and its answers read back as claims
    // (provider import): docs/provider-workbook.md.
    .target(name: "ProviderWorkbook", dependencies: ["AssessmentCore", "Workbook"]),
    // Files: questionnaire loading (through QuestionnaireFormat), the built-in questionnaires
    // (compiled from Questionnaires/ by the BuiltinQuestionnaires plugin), session files, and a
    // session's summary report assembled from its file.
    .target(
      name: "AssessmentStore",
      dependencies: [
        "AssessmentCore", "AssessmentReports", "QuestionnaireFormat", "SystemSupport",
        // The SHA-256 of a file attached as evidence.
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      plugins: ["BuiltinQuestionnaires"]
    ),
    // Runs questionnaire-codegen on Questionnaires/ at every build that needs it.
    .plugin(
      name: "BuiltinQuestionnaires",
      capability: .buildTool(),
      dependencies: ["questionnaire-codegen"]
    ),
    // ncursesw from the system (Debian: libncurses-dev). No pkg-config: its flags are
    // -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600, which SwiftPM prohibits (and warns about at every
    // build); shim.h defines what the wide-character API needs itself, and Debian's
    // libncursesw.so links libtinfo.
    .systemLibrary(name: "CNcursesW"),
    // What both front ends share, with no terminal: the App (keys to wizard events, the front
    // end's state), the texts of the screens, the field being typed, the locale and signals.
    .target(
      name: "AssessmentFrontEnd",
      dependencies: ["AssessmentCore", "AssessmentReports", "SystemSupport"]),
    // The full-screen wizard: curses, the screens drawn on a terminal, the runner.
    .target(
      name: "AssessmentTUI",
      dependencies: [
        "AssessmentFrontEnd", "AssessmentCore", "AssessmentReports", "CNcursesW", "SystemSupport",
      ]),
    // The plain front end: the wizard as lines, for screen readers, TERM=dumb and pipes. It sits
    // on the shared layer only, never on curses.
    .target(
      name: "AssessmentPlain",
      dependencies: ["AssessmentFrontEnd", "AssessmentCore", "AssessmentReports"]),
    .executableTarget(
      name: "cloud-assess",
      dependencies: [
        "AssessmentCore", "AssessmentStore", "AssessmentFrontEnd", "AssessmentTUI",
        "AssessmentPlain", "AssessmentReports", "QuestionnaireFormat", "ProviderWorkbook",
        "SystemSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Benchmarks (docs/performance.md): `scripts/benchmark`.
    .executableTarget(
      name: "cloud-assess-bench",
      dependencies: [
        "AssessmentCore", "AssessmentStore", "AssessmentFrontEnd", "AssessmentTUI",
        "AssessmentReports", "QuestionnaireFormat", "CHeapInUse", "ProviderWorkbook", "Workbook",
        "SystemSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Writes the built-in questionnaires' models as Swift (run by the BuiltinQuestionnaires plugin).
    .executableTarget(
      name: "questionnaire-codegen", dependencies: ["AssessmentCore", "QuestionnaireFormat"]),
    // The heap in use (glibc's mallinfo2), for the benchmarks' memory figures.
    .target(name: "CHeapInUse"),
    // The benchmarks' floor: reads files and prints their size, nothing else.
    .executableTarget(name: "bench-floor"),
    // What the test targets share: paths, temporary directories, running a program.
    .target(name: "TestSupport", dependencies: ["AssessmentCore"], path: "Tests/TestSupport"),
    .testTarget(name: "AssessmentCoreTests", dependencies: ["AssessmentCore", "TestSupport"]),
    .testTarget(name: "SystemSupportTests", dependencies: ["SystemSupport"]),
    .testTarget(
      name: "AssessmentReportsTests",
      dependencies: ["AssessmentReports", "AssessmentCore", "TestSupport", "Workbook"]),
    .testTarget(
      name: "WorkbookTests",
      dependencies: [
        "Workbook", "AssessmentCore", "TestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .testTarget(
      name: "ProviderWorkbookTests",
      dependencies: ["ProviderWorkbook", "Workbook", "AssessmentCore", "TestSupport"]),
    .testTarget(
      name: "AssessmentStoreTests",
      dependencies: [
        "AssessmentStore", "AssessmentCore", "AssessmentReports", "QuestionnaireFormat",
        "SystemSupport", "TestSupport",
      ]),
    .testTarget(
      name: "AssessmentTUITests",
      dependencies: [
        "AssessmentFrontEnd", "AssessmentTUI", "AssessmentCore", "AssessmentReports",
        "AssessmentStore",
        "SystemSupport", "TestSupport",
      ],
      // Read from the source tree by path (Support.swift), not bundled.
      exclude: ["Snapshots"]
    ),
    .testTarget(
      name: "AssessmentPlainTests",
      dependencies: [
        "AssessmentPlain", "AssessmentFrontEnd", "AssessmentCore", "AssessmentStore", "TestSupport",
      ]
    ),
    // Runs the built binary: directly, and inside tmux for the terminal.
    // Workbook: the xlsx summary read back.
    // The command line's own logic, in process.
    .testTarget(
      name: "CloudAssessTests",
      dependencies: [
        "cloud-assess", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(
      name: "CLITests", dependencies: ["Workbook", "SystemSupport", "TestSupport"],
      exclude: ["Golden"]),
  ]
)

// Concrete generic types (`KeyedEncodingContainer<CodingKeys>`, `Dictionary<String, Answer>`)
// are made by calling their metadata functions with the conformances the compiler already
// knows, not from their mangled names: made from a name, the Swift runtime looks each
// conformance up, and the first look-up of each walks every conformance record of the program
// and its libraries (about 7,800, ~0.07 ms each). A command that reads and writes one session
// asked some fifteen such questions of its own (docs/performance.md).
for target in package.targets where target.type != .system && target.type != .plugin {
  target.swiftSettings =
    (target.swiftSettings ?? []) + [
      .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])
    ]
}
