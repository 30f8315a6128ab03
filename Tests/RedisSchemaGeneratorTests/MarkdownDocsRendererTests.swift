import RedisSchemaCore
import Testing

@testable import RedisSchemaGenerator

@Suite struct MarkdownDocsRendererTests {
    func render(_ text: String) throws -> String {
        let result = SchemaLoader.load(text)
        return MarkdownDocsRenderer.render(try #require(result.schema, "\(result.diagnostics)"))
    }

    @Test func rendersConstraintsIgnoreGlobsAndCaps() throws {
        let markdown = try render(
            """
            version: 1
            database: 3
            ignore: ["bull:*"]
            keys:
              events:
                pattern: "events:<kind>:<day:int>"
                type: stream
                ttl: 2 days
                maxLength: 1000
                params:
                  kind: {enum: [click, tap], maxLength: 8}
                fields:
                  x: int
                  note: string?
            """)
        #expect(markdown.contains("Redis DB: 3  \n"))
        #expect(markdown.contains("| `events:<kind>:<day>` | STREAM | 2 days |  |"))
        #expect(markdown.contains("| `<kind>` | string | one of `click`, `tap`; at most 8 bytes |"))
        #expect(markdown.contains("| `<day>` | int |  |"))
        #expect(markdown.contains("| `note` | string | no |"))
        #expect(markdown.contains("XADD events:click:42 MAXLEN = 1000 * x 42 note text\nEXPIRE events:click:42 172800"))
        #expect(markdown.contains("`bull:*`"))
    }

    @Test func escapesPipesAndQuotesArguments() throws {
        let markdown = try render(
            """
            version: 1
            keys:
              odd:
                pattern: "a|b:<id>"
                type: string
                ttl: none
                purpose: "Pipes | in purpose"
                value: json
            """)
        #expect(markdown.contains("| `a\\|b:<id>` | STRING | none | Pipes \\| in purpose |"))
        #expect(markdown.contains(#"SET "a|b:id-1" "{\"key\":\"value\"}""#))
    }
}
