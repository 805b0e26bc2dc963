import Foundation
import Testing

@testable import AssessmentCore
@testable import AssessmentReports

@Suite struct NameBasedUUIDTests {
  func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

  @Test func sha1MatchesTheStandardVectors() {
    // FIPS 180-2 appendix A and the empty message.
    #expect(hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    #expect(hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    #expect(
      hex(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
        == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    // Lengths around the 56-byte padding boundary, and a million 'a'.
    #expect(hex(SHA1.digest(Array(repeating: 0x61, count: 55))) == "c1c8bbdc22796e28c0e15163d20899b65621d65a")
    #expect(hex(SHA1.digest(Array(repeating: 0x61, count: 64))) == "0098ba824b5c16427bd7a1122a5a442a25ec644d")
    #expect(hex(SHA1.digest(Array(repeating: 0x61, count: 1_000_000))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
  }

  @Test func version5MatchesKnownUUIDs() {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, ...)
    #expect(NameBasedUUID.v5(NameBasedUUID.dnsNamespace, "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
    #expect(
      NameBasedUUID.v5(NameBasedUUID.urlNamespace, "https://www.example.com/")
        == "3d3ed9d2-aa3d-5fa6-90e8-ed662e90f559")
  }

  @Test func version5IsStableAndDistinct() {
    let a = NameBasedUUID.v5(NameBasedUUID.urlNamespace, "session/q1")
    #expect(a == NameBasedUUID.v5(NameBasedUUID.urlNamespace, "session/q1"))
    #expect(a != NameBasedUUID.v5(NameBasedUUID.urlNamespace, "session/q2"))
    // Version nibble 5, RFC variant.
    let scalars = Array(a)
    #expect(scalars[14] == "5")
    #expect("89ab".contains(scalars[19]))
  }
}
