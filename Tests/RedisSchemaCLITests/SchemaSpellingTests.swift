import Foundation
import Testing

/// Every subcommand takes the schema as an argument or with `--schema`, so scripts need not remember
/// which subcommand takes which spelling.
@Suite struct SchemaSpellingTests {
    let cli = CLITests()

    @Test(arguments: [["schema.yaml"], ["--schema", "schema.yaml"], ["--schema=schema.yaml"]])
    func checkAndDocsTakeBothSpellings(spelling: [String]) throws {
        let check = try cli.run(["check"] + spelling)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("schema.yaml: valid, 8 keys"))
        let docs = try cli.run(["docs"] + spelling)
        #expect(docs.status == 0, "\(docs.stderr)")
        #expect(docs.stdout.contains("`session:<sid>`"))
    }

    @Test(arguments: [["schema.yaml"], ["--schema", "schema.yaml"]])
    func generateTakesBothSpellings(spelling: [String]) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).swift")
        let result = try cli.run(["generate"] + spelling + ["--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: output, encoding: .utf8).contains("enum UXKeys"))
    }

    /// The schema is loaded before connecting: a broken one exits 2 (validate's usage class) either way.
    @Test(arguments: [["--schema"], []])
    func validateTakesBothSpellings(flag: [String]) throws {
        let broken = try cli.temporaryFile("version: 1\nkeys:\n  s: {pattern: \"s:<id>\", type: nope, ttl: none}\n")
        let result = try cli.run(["validate"] + flag + [broken.path, "--url", "redis://127.0.0.1:1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(broken.path):3:"))
        #expect(result.stderr.contains("has errors; run `redis-schema check \(broken.path)`"))
    }

    @Test func twoDifferentSchemasAreAUsageError() throws {
        let result = try cli.run(["check", "schema.yaml", "--schema", "other.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("two schema files given (`schema.yaml` and --schema `other.yaml`)"))
    }
}
