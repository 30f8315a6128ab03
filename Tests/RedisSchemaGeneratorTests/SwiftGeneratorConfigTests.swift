import RedisSchemaCore
import RedisSchemaGenerator
import Testing

/// `redis-schema-config.yaml`, as the plugins and `generate --config` read it.
@Suite struct SwiftGeneratorConfigTests {
    @Test func readsBothSettings() throws {
        let result = SwiftGeneratorConfig.load("accessLevel: package\nnamespace: SharedKeys\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.config == SwiftGeneratorConfig(accessLevel: .package, namespace: "SharedKeys"))
    }

    @Test(arguments: ["", "# only a comment\n", "~\n"])
    func anEmptyFileSetsNothing(text: String) throws {
        let result = SwiftGeneratorConfig.load(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.config == SwiftGeneratorConfig())
    }

    @Test func everyProblemIsLocated() throws {
        let text = """
            namespce: Keys
            accessLevel: Public
            namespace: 2fast
            colour: blue

            """
        let result = SwiftGeneratorConfig.load(text, file: "c.yaml")
        #expect(result.config == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "c.yaml:1:1: error: unknown setting `namespce`; did you mean `namespace`? "
                    + "(redis-schema-config.yaml sets `accessLevel` and `namespace`)",
                "c.yaml:2:14: error: `accessLevel: Public` must be public, package or internal; did you mean `public`?",
                "c.yaml:3:12: error: `namespace: 2fast` is not a Swift identifier; use letters, digits and `_`, "
                    + "e.g. `SharedKeys`",
                "c.yaml:4:1: error: unknown setting `colour` (redis-schema-config.yaml sets `accessLevel` and `namespace`)",
            ])
    }

    @Test func aSettingMustBeText() throws {
        let result = SwiftGeneratorConfig.load("namespace: [Keys]\naccessLevel:\n", file: "c.yaml")
        #expect(result.config == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "c.yaml:1:12: error: `namespace` must be text, not a sequence",
                "c.yaml:2:13: error: `accessLevel` must be text, not null",
            ])
    }

    @Test func aDocumentThatIsNotAMappingIsAnError() throws {
        let result = SwiftGeneratorConfig.load("- accessLevel: public\n", file: "c.yaml")
        #expect(result.config == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "c.yaml:1:1: error: redis-schema-config.yaml is a mapping such as `accessLevel: public`, "
                    + "but this document is a sequence"
            ])
    }

    @Test func yamlErrorsComeFromTheSchemasParser() throws {
        let result = SwiftGeneratorConfig.load("accessLevel: public\naccessLevel: package\n", file: "c.yaml")
        #expect(result.config == nil)
        #expect(result.diagnostics.first?.location == SourceLocation(file: "c.yaml", line: 2, column: 1))
    }

    /// The file's settings replace the defaults and the schema's `namespace:`; what the caller sets afterwards
    /// (the command line) wins over them.
    @Test func theConfigShapesTheGeneratedCode() throws {
        let schema = try #require(
            SchemaLoader.load("version: 1\nnamespace: Own\nkeys:\n  a: {pattern: a, type: string, ttl: none}\n").schema)
        let config = SwiftGeneratorConfig(accessLevel: .public, namespace: "Shared")
        let source = SwiftCodeGenerator.generate(schema, options: config.applied(to: SwiftGeneratorOptions()))
        #expect(source.contains("nonisolated public enum Shared {"))
        #expect(!source.contains("Own"))
        let unset = SwiftGeneratorConfig().applied(to: SwiftGeneratorOptions(accessLevel: .package))
        #expect(unset == SwiftGeneratorOptions(accessLevel: .package))
    }
}
