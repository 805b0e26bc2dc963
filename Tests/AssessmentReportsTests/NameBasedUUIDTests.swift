import Foundation
import Testing

@testable import AssessmentCore
@testable import AssessmentReports

@Suite struct NameBasedUUIDTests {
  @Test func version5MatchesKnownUUIDs() {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, ...)
    #expect(
      NameBasedUUID.v5(NameBasedUUID.dnsNamespace, "python.org")
        == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
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
