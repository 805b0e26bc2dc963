// Compiles the built-in questionnaires into AssessmentStore at build time: runs
// questionnaire-codegen on every questionnaire under Questionnaires/ (a directory, or a single
// .yaml file), writing BuiltinQuestionnaireModels.swift into the plugin's work directory, where
// SwiftPM compiles it with the target. Nothing generated is in the source tree.
//
// Every file under Questionnaires/ is declared an input, so editing one regenerates the models;
// SwiftPM runs this plugin at each build, so a file added or removed is seen as well.
import Foundation
import PackagePlugin

@main
struct BuiltinQuestionnaires: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL.appending(path: "Questionnaires")
    let manager = FileManager.default
    var questionnaires: [URL] = []
    var inputs: [URL] = []
    let names = (try? manager.contentsOfDirectory(atPath: root.path)) ?? []
    for name in names.sorted() where !name.hasPrefix(".") {
      let url = root.appending(path: name)
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
      if isDirectory.boolValue {
        questionnaires.append(url)
        if let files = manager.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
        {
          for case let file as URL in files
          where (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            inputs.append(file)
          }
        }
      } else if name.hasSuffix(".yaml") {
        questionnaires.append(url)
        inputs.append(url)
      }
    }
    let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinQuestionnaireModels.swift")
    return [
      .buildCommand(
        displayName:
          "Compiling the built-in questionnaires (\(questionnaires.map(\.lastPathComponent).joined(separator: ", ")))",
        executable: try context.tool(named: "questionnaire-codegen").url,
        arguments: ["--output", output.path] + questionnaires.map(\.path),
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }
}
