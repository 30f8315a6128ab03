import Foundation
import Testing

/// `generate --config` reads the plugins' `redis-schema-config.yaml`, and `--check`'s hint regenerates exactly
/// the file it checked.
@Suite struct GenerateCLITests {
    let cli = CLITests()

    func outputPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).swift").path
    }

    @Test func theConfigSetsTheAccessLevelAndTheNamespace() throws {
        let config = try cli.temporaryFile("accessLevel: public\nnamespace: Shared\n", name: "redis-schema-config.yaml")
        let output = outputPath()
        let result = try cli.run(["generate", "schema.yaml", "--config", config.path, "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        let source = try String(contentsOfFile: output, encoding: .utf8)
        // The config's namespace wins over the schema's `namespace: UXKeys`.
        #expect(source.contains("nonisolated public enum Shared {"))
        #expect(source.contains("public struct Session: RedisSchema.RedisSchemaKey"))
        #expect(!source.contains("UXKeys"))
    }

    @Test func optionsGivenOnTheCommandLineWinOverTheConfig() throws {
        let config = try cli.temporaryFile("accessLevel: public\nnamespace: Shared\n", name: "redis-schema-config.yaml")
        let output = outputPath()
        let result = try cli.run([
            "generate", "schema.yaml", "--config", config.path, "--access-level", "package", "--output", output,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let source = try String(contentsOfFile: output, encoding: .utf8)
        #expect(source.contains("nonisolated package enum Shared {"))
        #expect(!source.contains("public "))
    }

    @Test func configErrorsAreLocatedAndWriteNothing() throws {
        let config = try cli.temporaryFile(
            "acessLevel: public\nnamespace: Shared\naccessLevel: open\n", name: "redis-schema-config.yaml")
        let output = outputPath()
        let result = try cli.run(["generate", "schema.yaml", "--config", config.path, "--output", output])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "\(config.path):1:1: error: unknown setting `acessLevel`; did you mean `accessLevel`? "
                    + "(redis-schema-config.yaml sets `accessLevel` and `namespace`)"))
        #expect(
            result.stderr.contains(
                "\(config.path):3:14: error: `accessLevel: open` must be public, package or internal"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func aMissingConfigIsAUsageError() throws {
        let result = try cli.run(["generate", "schema.yaml", "--config", "nope.yaml", "--output", outputPath()])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read `nope.yaml`"))
    }

    /// The hint repeats every option that shaped the expected file; running it makes `--check` pass.
    @Test func theStaleHintRepeatsEveryOptionGiven() throws {
        let config = try cli.temporaryFile("accessLevel: public\n", name: "redis-schema-config.yaml")
        let output = try cli.temporaryFile("// an old copy\n", name: "Keys.swift").path
        let options = ["--config", config.path, "--access-level", "package", "--namespace", "Keys"]
        let check = try cli.run(["generate", "schema.yaml", "--output", output, "--check"] + options)
        #expect(check.status == 1)
        #expect(check.stdout.contains("-// an old copy"))
        let hint = "redis-schema generate schema.yaml --output \(output) " + options.joined(separator: " ")
        #expect(check.stderr.contains("\(output) is stale; run `\(hint)`"), "\(check.stderr)")

        let words = hint.split(separator: " ").dropFirst().map(String.init)
        #expect(try cli.run(words).status == 0)
        let again = try cli.run(["generate", "schema.yaml", "--output", output, "--check"] + options)
        #expect(again.status == 0, "\(again.stdout)")
        #expect(again.stderr.contains("\(output) is up to date"))
    }

    @Test func theStaleHintQuotesWordsTheShellWouldSplit() throws {
        let output = try cli.temporaryFile("", name: "My Keys.swift").path
        let check = try cli.run(["generate", "schema.yaml", "--output", output, "--check"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("is stale; run `redis-schema generate schema.yaml --output '\(output)'`"))
    }
}
