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
        #expect(markdown.contains("XADD events:click:42 MAXLEN ~ 1000 * x 42 note text\nEXPIRE events:click:42 172800"))
        #expect(markdown.contains("- About 1000 entries (trimmed approximately on write, `MAXLEN ~`: "))
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

    /// Options a key leaves out are shown with the defaults generated code uses, and the example
    /// commands write values of those types.
    @Test func undeclaredOptionsShowTheirDefaults() throws {
        let markdown = try render(
            """
            version: 1
            keys:
              recent: {pattern: "recent:<u>", type: list, ttl: none}
              board: {pattern: "board:<g>", type: zset, ttl: none}
              note: {pattern: "note:<n>", type: string, ttl: none}
            """)
        #expect(markdown.contains("- Elements: string\n"))
        #expect(markdown.contains("- Members: `string`\n- Scores: float\n"))
        #expect(markdown.contains("- Value: string\n"))
        #expect(markdown.contains("LPUSH recent:u-1 text\n"))
        #expect(markdown.contains("ZADD board:g-1 3.5 text\n"))
        #expect(markdown.contains("SET note:n-1 text\n"))
    }

    /// The example commands are the plan's main write with sample values: the TTL command and form that
    /// generated code sends (`PEXPIRE`, `PX` for millisecond TTLs), `INCRBY` for counters, `MAXLEN ~` for streams
    /// and `MAXLEN =` for streams trimmed exactly.
    @Test func exampleCommandsAreWhatGeneratedCodeSends() throws {
        let markdown = try render(
            """
            version: 1
            keys:
              tags: {pattern: "tags:<id>", type: set, ttl: 1500ms, member: string}
              flash: {pattern: "flash:<id>", type: string, ttl: 90500 ms, value: string}
              hits: {pattern: "hits:<id>", type: string, ttl: 5 min, value: counter}
              opt: {pattern: "opt:<id>", type: hash, ttl: 2s, fields: {a?: int}}
              raw: {pattern: "raw:<id>", type: hash, ttl: none}
              cells: {pattern: "cells:<id>", type: hash, ttl: none, fields: {"<x:int>_<y:int>": int}}
              feed: {pattern: "feed:<id>", type: stream, ttl: none, maxLength: 50}
              audit: {pattern: "audit:<id>", type: stream, ttl: none, maxLength: 20, trim: exact}
            """)
        #expect(markdown.contains("```\nSADD tags:id-1 text\nPEXPIRE tags:id-1 1500\n```"))
        #expect(markdown.contains("```\nSET flash:id-1 text PX 90500\n```"))
        #expect(markdown.contains("```\nINCRBY hits:id-1 1\nEXPIRE hits:id-1 300\n```"))
        #expect(markdown.contains("```\nHSET opt:id-1 a 42\nEXPIRE opt:id-1 2\n```"))
        #expect(markdown.contains("```\nHSET raw:id-1 field value\n```"))
        #expect(markdown.contains("```\nHSET cells:id-1 42_42 42\n```"))
        #expect(markdown.contains("```\nXADD feed:id-1 MAXLEN ~ 50 * field value\n```"))
        #expect(markdown.contains("```\nXADD audit:id-1 MAXLEN = 20 * field value\n```"))
        #expect(markdown.contains("- At most 20 entries (trimmed exactly on write, `MAXLEN =`)\n"))
        #expect(!markdown.contains("\nEXPIRE tags"))
    }
}
