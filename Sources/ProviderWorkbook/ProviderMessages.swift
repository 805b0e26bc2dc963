import AssessmentCore

/// The provider commands' messages, for the command line (which has no texts of its own for
/// them): in French, English and Dutch.
public enum ProviderMessage {
  public static func exported(
    _ language: InterfaceLanguage, count: Int, file: String, session: String
  ) -> String {
    ProviderText.exported1.format(language, count, file, session)
  }

  public static func deadlineNotADay(_ language: InterfaceLanguage, _ text: String) -> String {
    ProviderText.deadlineNotADay.format(language, text)
  }

  public static func outputOntoSession(
    _ language: InterfaceLanguage, output: String, sessionFile: String
  ) -> String {
    ProviderText.outputOntoSession.format(language, output, sessionFile)
  }

  public static func refused(_ language: InterfaceLanguage, file: String, problems: Int)
    -> String
  {
    ProviderText.importRefused.format(language, file, problems)
  }
}
