import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's environment variables, one at a time (`getenv`): what the front ends and the
/// commands read (the locale, `TERM`, `NO_COLOR`, the sessions directory, the editor).
///
/// `ProcessInfo.processInfo.environment` copies every variable into a new dictionary at each
/// call, and its first use in a process is a visible part of a command's start
/// (docs/performance.md); a command reads three or four variables.
public enum ProcessEnvironment {
  public static func value(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }
}
