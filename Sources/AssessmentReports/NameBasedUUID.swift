import AssessmentCore
import Crypto
import Foundation

/// RFC 9562 name-based UUIDs, version 5: SHA-1 (swift-crypto's `Insecure.SHA1`; stable
/// identifiers for exported documents, not security).
public enum NameBasedUUID {
  /// The RFC's namespace for URLs (6ba7b811-9dad-11d1-80b4-00c04fd430c8).
  public static let urlNamespace = UUID(
    uuid: (
      0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8
    ))
  /// The RFC's namespace for domain names (6ba7b810-9dad-11d1-80b4-00c04fd430c8).
  public static let dnsNamespace = UUID(
    uuid: (
      0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8
    ))

  /// The version 5 UUID of `name` in `namespace`, lower-case.
  public static func v5(_ namespace: UUID, _ name: String) -> String {
    let bytes = v5Bytes(namespace, name)
    let digits = Array("0123456789abcdef")
    var text = ""
    text.reserveCapacity(36)
    for (index, byte) in bytes.enumerated() {
      if index == 4 || index == 6 || index == 8 || index == 10 { text.append("-") }
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return text
  }

  /// The version 5 UUID of `name` in `namespace`, as a value (a namespace of its own, say).
  public static func v5UUID(_ namespace: UUID, _ name: String) -> UUID {
    let b = v5Bytes(namespace, name)
    return UUID(
      uuid: (
        b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
        b[14], b[15]
      ))
  }

  private static func v5Bytes(_ namespace: UUID, _ name: String) -> [UInt8] {
    let n = namespace.uuid
    let namespaceBytes: [UInt8] = [
      n.0, n.1, n.2, n.3, n.4, n.5, n.6, n.7, n.8, n.9, n.10, n.11, n.12, n.13, n.14, n.15,
    ]
    var bytes = Array(Insecure.SHA1.hash(data: namespaceBytes + Array(name.utf8)).prefix(16))
    bytes[6] = bytes[6] & 0x0F | 0x50
    bytes[8] = bytes[8] & 0x3F | 0x80
    return bytes
  }
}
