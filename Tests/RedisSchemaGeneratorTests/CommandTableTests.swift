import Foundation
import RedisSchemaCore
import RedisSchemaGenerator
import Testing

/// The command tables in docs/generated-code.md are the renderer's output for the seed schema, so the
/// documentation cannot drift from what generated code sends. `REDIS_SCHEMA_RECORD=1` rewrites them.
@Suite struct CommandTableTests {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let begin = "<!-- BEGIN command tables: generated from schema.yaml; REDIS_SCHEMA_RECORD=1 re-records -->\n"
    static let end = "<!-- END command tables -->"

    func seedSchema() throws -> Schema {
        let path = Self.root.appending(path: "schema.yaml").path
        let result = try SchemaLoader.load(contentsOf: path, file: "schema.yaml")
        return try #require(result.schema, "\(result.diagnostics)")
    }

    @Test func docsShowTheCommandsGeneratedCodeSends() throws {
        let docURL = Self.root.appending(path: "docs/generated-code.md")
        let doc = try String(contentsOf: docURL, encoding: .utf8)
        let start = try #require(doc.range(of: Self.begin), "docs/generated-code.md has no command-table markers")
        let stop = try #require(doc.range(of: Self.end, range: start.upperBound..<doc.endIndex))
        let tables = CommandTableRenderer.render(try seedSchema())
        if ProcessInfo.processInfo.environment["REDIS_SCHEMA_RECORD"] == "1" {
            let updated = doc.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: "\n" + tables + "\n")
            try updated.write(to: docURL, atomically: true, encoding: .utf8)
            return
        }
        let current = String(doc[start.upperBound..<stop.lowerBound])
        let diff = TextDiff.unified(old: current, new: "\n" + tables + "\n", oldName: "docs", newName: "plans")
        #expect(diff.isEmpty, "docs/generated-code.md's command tables are stale\n\(diff)")
    }

    @Test func tablesShowTheTTLAndCapCommandsOfThePlan() throws {
        let tables = CommandTableRenderer.render(try seedSchema())
        #expect(tables.contains("guarded: `LPUSH key <element>`, `LTRIM key 0 99`, `EXPIRE key 604800`"))
        #expect(tables.contains("guarded: `INCRBY key <amount>`, `EXPIRE key 300`"))
        #expect(
            tables.contains("| `add(_:score:)` | guarded: `ZADD key <score> <member>` |"), "writes without a TTL too")
        #expect(!tables.contains("guarded: `ZSCORE"), "reads stay plain")
        #expect(
            tables.contains("`ZRANGE key <minScore> <maxScore> BYSCORE [REV] [LIMIT <offset> <count>] WITHSCORES`"))
        #expect(tables.contains("`ZRANK key <member>` (ascending), `ZREVRANK key <member>` (descending)"))
        #expect(!tables.contains("ZRANGEBYSCORE "))
    }

    @Test func everyMethodInTheTablesIsGenerated() throws {
        let schema = try seedSchema()
        let source = SwiftCodeGenerator.generate(schema)
        let tables = CommandTableRenderer.render(schema)
        let methods = tables.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `"), let open = line.firstIndex(of: "(") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 3)..<open])
        }
        #expect(methods.count > 30)
        for method in Set(methods) {
            #expect(source.contains("func \(method)("), "\(method)")
        }
    }
}
