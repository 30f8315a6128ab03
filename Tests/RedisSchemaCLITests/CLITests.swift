import Foundation
import Testing

/// Runs the built `redis-schema` binary the way users and CI do, and checks output and exit codes.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary: `REDIS_SCHEMA_BIN` (set by scripts/test), else next to the test bundle.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["REDIS_SCHEMA_BIN"] { return URL(fileURLWithPath: path) }
        // The test bundle sits next to the products; which URL Foundation reports for it varies.
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("redis-schema") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    func run(_ arguments: [String], in directory: URL = repositoryRoot) throws -> Run {
        try BackgroundRun(arguments, in: directory).finish()
    }

    func temporaryFile(_ text: String, name: String = "schema.yaml") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func checkAcceptsTheSeedSchema() throws {
        let result = try run(["check", "schema.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("schema.yaml: valid, 8 keys, 0 warnings"))
    }

    @Test func checkDefaultsToSchemaYamlInTheCurrentDirectory() throws {
        #expect(try run(["check"]).status == 0)
    }

    @Test func checkPrintsCompilerStyleDiagnosticsAndExits1() throws {
        let file = try temporaryFile("version: 1\nkeys:\n  s:\n    pattern: s:<id>\n    type: hash\n    tll: 1h\n")
        let result = try run(["check", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(file.path):6:5: error: unknown option `tll` in key `s`; did you mean `ttl`?"))
        #expect(result.stdout.contains("\(file.path):3:3: error: key `s` has no `ttl:`"))
    }

    @Test func warningsDoNotFailTheCheck() throws {
        let file = try temporaryFile(
            "version: 1\nkeys:\n  a: {pattern: \"c:<t>\", type: string, ttl: none}\n  b: {pattern: \"c:g\", type: string, ttl: none}\n"
        )
        let result = try run(["check", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains(": warning: `c:g` (key `b`) is a special case of `c:<t>`"))
    }

    /// Names Swift cannot use never make a schema invalid: `check` warns with the generated name, and `docs`,
    /// which does not care about Swift, accepts the schema silently.
    @Test func namesSwiftCannotUseAreCheckWarningsOnly() throws {
        let file = try temporaryFile(
            "version: 1\nkeys:\n  swift:\n    pattern: s:<id>\n    type: string\n    ttl: none\n"
                + "  type:\n    pattern: t\n    type: stream\n    ttl: none\n")
        let result = try run(["check", file.path])
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                ":3:3: warning: the key `swift` generates the Swift type `Schema.SwiftKey`: `Swift` is not usable there"
            ))
        #expect(result.stdout.contains(":7:3: warning: the key `type` generates the Swift type `Schema.TypeKey`"))
        let docs = try run(["docs", file.path])
        #expect(docs.status == 0)
        #expect(!docs.stderr.contains("warning"))
        #expect(docs.stdout.contains("XADD t * field value"))
    }

    @Test func checkJSONListsTheDiagnostics() throws {
        let file = try temporaryFile("version: 2\nkeys: {}\n")
        let result = try run(["check", file.path, "--format", "json"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["valid"] as? Bool == false)
        #expect(json["errors"] as? Int == 1)
        #expect(json["warnings"] as? Int == 1)
        let first = try #require((json["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["line"] as? Int == 1)
        #expect(first["column"] as? Int == 10)
        #expect(first["severity"] as? String == "error")
        #expect((first["message"] as? String)?.contains("version 2 is not supported") == true)
    }

    @Test func missingFileIsAnIOErrorExit2() throws {
        let result = try run(["check", "/nonexistent/schema.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read `/nonexistent/schema.yaml`: No such file or directory"))
    }

    @Test func unknownOptionIsAUsageErrorExit2() throws {
        let result = try run(["check", "--colour"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--colour'"))
        #expect(try run(["check", "--format", "xml"]).status == 2)
        #expect(try run(["frobnicate"]).status == 2)
    }

    @Test func docsRendersTheSeedTable() throws {
        let result = try run(["docs", "schema.yaml"])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.contains(" | ") }
        let table = Array(rows.prefix(8))
        #expect(table.count == 8)
        #expect(table.first == "| `session:<sid>` | HASH | 1 hour | Temporary session state and metadata. |")
        #expect(
            table.contains("| `session:live:<sid>` | STREAM | 24 hours | Live event stream for real-time dashboards. |")
        )
        #expect(
            result.stdout.contains(
                "HSET session:sid-1 userId text device text startedAt 2025-12-12T10:22:00Z\nEXPIRE session:sid-1 3600"))
        #expect(result.stdout.contains("LPUSH latency:api-1 42\nLTRIM latency:api-1 0 99\nEXPIRE latency:api-1 604800"))
        #expect(result.stdout.contains("SET exp_score:sid-1 3.5 EX 1800"))
        #expect(result.stdout.contains("INCRBY rage:sid-1:element-1 1\nEXPIRE rage:sid-1:element-1 300"))
        #expect(result.stdout.contains("HSET heatmap:screen-1 42_42 42"))
        #expect(result.stdout.contains("ZADD active_users 1700000000 user:userId-1"))
    }

    @Test func docsWritesToAFile() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).md")
        let result = try run(["docs", "schema.yaml", "-o", output.path])
        #expect(result.status == 0)
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.hasPrefix("# UXKeys\n"))
    }

    @Test func docsRefusesABrokenSchema() throws {
        let file = try temporaryFile("version: 1\nkeys:\n  s: {pattern: s, type: nope, ttl: none}\n")
        let result = try run(["docs", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(":3:25: error: `type: nope`"))
        #expect(result.stdout.isEmpty)
    }
}
