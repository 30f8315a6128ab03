import Testing

@testable import RedisSchemaCore

@Suite struct OverlapTests {
    func schema(_ keys: [(String, String)]) -> String {
        "version: 1\nkeys:\n"
            + keys.map { "  \($0.0):\n    pattern: \"\($0.1)\"\n    type: string\n    ttl: none\n" }.joined()
    }

    @Test func containedPatternIsAWarningNamingBothKeys() throws {
        let result = SchemaLoader.load(
            schema([("tenantConfig", "config:<tenant>"), ("globalConfig", "config:global")]))
        #expect(result.schema != nil)
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.key == "globalConfig")
        #expect(warning.message.contains("`tenantConfig`") && warning.message.contains("`config:global`"))
        #expect(warning.location.line == 8)
    }

    @Test func partialOverlapIsAnErrorWithAnExample() throws {
        let found = diagnostics(schema([("profile", "user:<id>:profile"), ("adminField", "user:admin:<field>")]))
        #expect(found.count == 1)
        #expect(found.first?.contains("error:") == true)
        #expect(found.first?.contains("such as `user:admin:profile`") == true)
    }

    /// Braces are literal text to the overlap analysis, and a hash tag's rule on values counts: a key with
    /// a literal tag overlaps an untagged placeholder's, and a brace where a tag forbids one shares no key.
    @Test func hashTagsOverlapAsLiteralTextAndTheirRulesCount() throws {
        let tagged = diagnostics(schema([("any", "a:<x>"), ("tagged", "a:{<y>}")]))
        #expect(tagged.count == 1)
        #expect(tagged.first?.contains("`a:{<y>}` (key `tagged`) is a special case of `a:<x>` (key `any`)") == true)
        #expect(tagged.first?.contains("such as `a:{1}`") == true)
        let forbidden = diagnostics(schema([("first", "<x>:{<t>}"), ("second", "a{:{<t>}")]))
        #expect(forbidden.filter { $0.contains("special case") || $0.contains("error:") }.isEmpty, "\(forbidden)")
    }

    @Test(arguments: [
        ("a:<x:int>", "a:<y:uuid>"), ("a:<x>:b", "a:<y>:c"), ("a:<x>", "a:<x>:<y>"), ("a:<x>", "b:<x>"),
        ("v<n>:x", "w<n>:x"), ("<a>_1", "<a>_2"),
    ])
    func disjointPatternsAreSilent(_ a: String, _ b: String) {
        #expect(diagnostics(schema([("a", a), ("b", b)])).isEmpty)
    }

    @Test(arguments: [
        ("item:<id:int>", "item:<name>", "warning"), ("item:<id>", "item:<name>", "error"),
        ("x:<a:int>:<b>", "x:<a>:<b:int>", "error"), ("u:<id:hex>", "u:<id:int>", "error"),
        ("<a>:<b>", "<c:uuid>:z", "warning"), ("c:v<n:int>", "c:<any>", "warning"),
    ])
    func classifiesRelations(_ a: String, _ b: String, _ severity: String) {
        let found = diagnostics(schema([("a", a), ("b", b)]))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.contains(" \(severity): ") == true, "\(found)")
    }

    @Test func enumSubsetsAreWarnings() throws {
        let text = """
            version: 1
            keys:
              clicks:
                pattern: event:<kind>
                type: string
                ttl: none
                params:
                  kind: {enum: [click, tap]}
              any:
                pattern: event:<name>
                type: string
                ttl: none
            """
        let found = diagnostics(text)
        #expect(found.count == 1)
        #expect(found.first?.contains("warning:") == true)
        #expect(found.first?.contains("`event:click`") == true)
    }

    @Test func theLargeSchemaAnalysisStaysQuiet() {
        let keys = (0..<500).map { ("k\($0)", "p\($0):<id>:<part>") }
        #expect(diagnostics(schema(keys)).isEmpty)
    }
}
