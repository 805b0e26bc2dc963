import AssessmentCore
import Crypto
import SystemSupport

/// Files attached as evidence. The front ends read no file: the program hands them
/// ``digest(ofFileAt:)`` to record one.
public enum EvidenceFiles {
  /// The SHA-256 of the file at `path`, in lowercase hexadecimal, read a megabyte at a time. Only
  /// a regular file: a device, a named pipe or a directory is refused at once
  /// (``FileContents/Failure/notARegularFile``) rather than read without end or waited on.
  @Sendable
  public static func digest(ofFileAt path: String) throws(FileContents.Failure) -> String {
    var hasher = SHA256()
    try FileContents.readChunks(path) { hasher.update(bufferPointer: $0) }
    return hasher.finalize().lowercaseHex
  }
}
