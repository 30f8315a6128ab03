import Foundation
import Testing

@testable import RedisSchemaLint

/// The baseline file is one of the two places rules become text: ids in, ids out, nothing else.
@Suite struct BaselineFileTests {
    private func write(_ text: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func rulesAreWrittenAsIdsInIdOrder() throws {
        let baseline = Baseline(
            schema: "schema.yaml",
            entries: [
                .init(rule: .wrongType, pattern: "session", count: 3),
                .init(rule: .unknownKey, shape: "tmp:<n>", count: 2),
                .init(rule: .missingTTL, pattern: "session", count: 1),
            ])
        let text = String(decoding: baseline.encoded(), as: UTF8.self)
        let ids = ["missing-ttl", "unknown-key", "wrong-type"].map { "\"rule\" : \"\($0)\"" }
        let positions = try ids.map { id in try #require(text.range(of: id), "\(id) in \(text)").lowerBound }
        #expect(positions == positions.sorted(), "entries sorted by rule id as text")
        let path = try write(text)
        #expect(try Baseline.load(from: path) == baseline)
    }

    @Test func anUnknownRuleIdIsAMalformedBaseline() throws {
        let path = try write(
            #"{"baselineVersion": 1, "schema": "s.yaml", "entries": [{"rule": "no-such-rule", "count": 1}]}"#)
        #expect {
            try Baseline.load(from: path)
        } throws: { error in
            guard case .malformed(let reported, _) = error as? BaselineError else { return false }
            return reported == path
        }
    }
}
