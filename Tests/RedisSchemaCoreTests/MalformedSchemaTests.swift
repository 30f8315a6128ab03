import Foundation
import Testing

@testable import RedisSchemaCore

/// Every file under Fixtures/invalid is a broken schema; its `.expected` sibling lists, line by line,
/// exactly the diagnostics `check` must report for it (`line:col: severity: message`).
@Suite struct MalformedSchemaTests {
    static let cases: [String] = {
        let directory = TestFiles.fixtures.appendingPathComponent("invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func corpusIsLargeEnough() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func reportsExpectedDiagnostics(_ name: String) throws {
        let directory = TestFiles.fixtures.appendingPathComponent("invalid")
        let schemaPath = directory.appendingPathComponent("\(name).yaml").path
        let expected = try String(contentsOf: directory.appendingPathComponent("\(name).expected"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let result = try SchemaLoader.load(contentsOf: schemaPath, file: "\(name).yaml")
        #expect(result.schema == nil, "a malformed schema must not load")
        #expect(result.diagnostics.containsErrors)
        #expect(result.diagnostics.map(\.shortForm) == expected)
        #expect(result.diagnostics.allSatisfy { $0.location.file == "\(name).yaml" })
    }
}
