import Testing

@testable import RedisSchemaCore

@Suite struct YAMLLoaderTests {
    @Test func anchorsAliasesAndMergeKeys() throws {
        let path = TestFiles.fixtures.appendingPathComponent("valid/anchors-and-merges.yaml").path
        let result = try SchemaLoader.load(contentsOf: path)
        let schema = try #require(result.schema, "\(result.diagnostics)")
        let user = try #require(schema.key(named: "userCache"))
        #expect(user.type == .string)
        #expect(user.ttl == .milliseconds(600_000))
        #expect(user.purpose == "A cache entry.")
        let feed = try #require(schema.key(named: "feedCache"))
        #expect(feed.ttl == .milliseconds(60_000), "keys written in the mapping win over merged ones")
        #expect(feed.purpose == "The feed cache.")
        #expect(schema.key(named: "feedCopy")?.purpose == "The feed cache.")
        #expect(schema.key(named: "feedCopy")?.ttl.seconds == 5400)
    }

    @Test func earlierMergeSourcesWin() throws {
        let schema = try loadValid(
            """
            version: 1
            x-a: &a {type: hash, ttl: 1h}
            x-b: &b {type: list, ttl: 2h, purpose: from b}
            keys:
              k:
                <<: [*a, *b]
                pattern: k:<id>
            """)
        let key = try #require(schema.key(named: "k"))
        #expect(key.type == .hash)
        #expect(key.ttl.seconds == 3600)
        #expect(key.purpose == "from b")
    }

    @Test func reportsEveryProblemNotJustTheFirst() {
        let found = diagnostics(
            """
            version: 1
            keys:
              a:
                pattern: a:<id
                type: hashh
                ttl: soon
              b:
                pattern: b
                type: list
                ttl: none
                score: int
            """)
        #expect(found.count == 4, "\(found)")
        #expect(found.map { $0.prefix(4) } == ["4:16", "5:11", "6:10", "11:5"])
    }

    @Test func typeNamesAreCaseInsensitive() throws {
        let schema = try loadValid("version: 1\nkeys:\n  a:\n    pattern: a\n    type: HASH\n    ttl: NONE\n")
        #expect(schema.keys.first?.type == .hash)
        #expect(schema.keys.first?.ttl == TTL.none)
    }

    @Test func quotedNullIsText() throws {
        let schema = try loadValid(
            "version: 1\ndescription: \"null\"\nkeys: {a: {pattern: a, type: string, ttl: none}}\n")
        #expect(schema.description == "null")
        #expect(diagnostics("version: 1\ndescription: null\nkeys: {}\n").first?.contains("must be text") == true)
    }

    @Test func columnsCountCharactersNotBytes() {
        let found = diagnostics(
            "version: 1\ndescription: \"é\"\nkeys:\n  ümlaut: {pattern: a, type: string, ttl: 5 parsecs}\n")
        #expect(found.contains { $0.hasPrefix("4:3: error: `ümlaut` is not a valid key name") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("4:43: error: `ttl: 5 parsecs`") }, "\(found)")
    }

    @Test func aTenMegabyteFileLoads() throws {
        var text = "version: 1\nkeys:\n"
        var index = 0
        while text.utf8.count < 10 << 20 {
            text += """
                  key\(index):
                    pattern: prefix\(index):<id>:suffix
                    type: hash
                    ttl: 1 hour
                    purpose: Key number \(index), with a purpose long enough to make the file big quickly.
                    fields:
                      name: string
                      count: int

                """
            index += 1
        }
        let result = SchemaLoader.load(bytes: Array(text.utf8), file: "big.yaml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.schema?.keys.count == index)
    }

    @Test func refusesFilesOverTheSizeLimit() {
        let text = "version: 1\nkeys: {}\n" + String(repeating: "#", count: 2000)
        let result = SchemaLoader.load(bytes: Array(text.utf8), file: "s.yaml", limits: YAMLLimits(maxBytes: 1000))
        #expect(result.diagnostics.first?.message.contains("larger than 1000 bytes") == true)
    }

    @Test func unreadableFileThrows() {
        #expect(throws: FileReadError.self) { try SchemaLoader.load(contentsOf: "/nonexistent/schema.yaml") }
        #expect(throws: FileReadError.self) { try SchemaLoader.load(contentsOf: "/tmp") }
    }

    @Test func xPrefixedTopLevelKeysAreAllowed() throws {
        _ = try loadValid("version: 1\nx-anything: [1, 2]\nkeys: {a: {pattern: a, type: string, ttl: none}}\n")
    }
}
