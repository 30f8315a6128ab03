import RedisSchema
import RedisSchemaCore
import Testing

@testable import RedisSchemaGenerator

/// Hash tags in the generator: which keys generated code sends together, the warnings of a schema that
/// targets Redis Cluster, the refusal before sending, and what `docs` says of slots.
@Suite struct HashTagGeneratorTests {
    func load(_ keys: String, cluster: Bool = true) throws -> Schema {
        let text = "version: 1\n" + (cluster ? "cluster: true\n" : "") + "keys:\n" + keys
        let result = SchemaLoader.load(text)
        return try #require(result.schema, "\(result.diagnostics)")
    }

    static let lists = """
          inbox:
            pattern: "session:{<sid>}:inbox"
            type: list
            ttl: none
          done:
            pattern: "session:{<sid>}:done"
            type: list
            ttl: none
          queue:
            pattern: "queue:<sid>"
            type: list
            ttl: none
          pending:
            pattern: "{jobs}:pending"
            type: list
            ttl: none
          running:
            pattern: "{jobs}:running"
            type: list
            ttl: none
          counts:
            pattern: "counts:<sid>"
            type: list
            ttl: none
            element: int

        """

    @Test func agreementFollowsTheTags() throws {
        func agreement(_ a: String, _ b: String) -> HashSlotAgreement {
            HashSlotAgreement(RedisPattern(validated: a), RedisPattern(validated: b))
        }
        #expect(agreement("session:{<sid>}:inbox", "session:{<id>}:done") == .whenTagValuesMatch)
        #expect(agreement("{jobs}:pending", "{jobs}:running:<w>") == .always(slot: RedisHashSlot.slot(of: "jobs")))
        #expect(
            agreement("{jobs}:pending", "{mail}:x")
                == .never(first: RedisHashSlot.slot(of: "jobs"), second: RedisHashSlot.slot(of: "mail")))
        #expect(agreement("queue:<a>", "queue:<b>") == .byChance)
        #expect(agreement("q:{<a>}", "q:{x<a>}") == .byChance)
        #expect(agreement("a", "a") == .always(slot: RedisHashSlot.slot(of: "a")))
    }

    @Test func aClusterSchemaWarnsOncePerListWhosePartnersMayBeInOtherSlots() throws {
        let schema = try load(Self.lists)
        let warnings = SwiftCodeGenerator.diagnostics(for: schema).filter { $0.message.contains("CROSSSLOT") }
        #expect(warnings.compactMap(\.key) == ["inbox", "done", "queue", "pending", "running", "counts"])
        let inbox = try #require(warnings.first)
        #expect(inbox.location.line == 4)
        #expect(
            inbox.message.contains(
                "of the list keys it can move to, `queue` keys (`queue:<sid>`) share one only by chance, "))
        #expect(inbox.message.contains("e.g. `{<sid>}` in both"))
        #expect(!inbox.message.contains("`done`"))
        let pending = try #require(warnings.first { $0.key == "pending" })
        #expect(!pending.message.contains("never"))
        #expect(pending.message.contains("`inbox` keys (`session:{<sid>}:inbox`) share one only by chance"))
        #expect(!pending.message.contains("`running`"))
        let counts = try #require(warnings.last)
        #expect(counts.message.contains("two `counts` keys share one only by chance"))
        #expect(counts.message.contains("give the pattern a hash tag, e.g. `{<sid>}`, and move only between keys"))
    }

    @Test func literalTagsThatDifferNeverShareASlot() throws {
        let schema = try load(
            """
              a:
                pattern: "{x}:a"
                type: list
                ttl: none
              b:
                pattern: "{y}:b"
                type: list
                ttl: none

            """)
        let warnings = SwiftCodeGenerator.diagnostics(for: schema).filter { $0.message.contains("CROSSSLOT") }
        #expect(warnings.count == 2)
        #expect(
            warnings[0].message.contains(
                "`b` keys (`{y}:b`, slot \(RedisHashSlot.slot(of: "y"))) never do (slot \(RedisHashSlot.slot(of: "x")))"
            ))
    }

    @Test func aStandaloneSchemaGetsNoSlotWarningsAndNoSlotCheck() throws {
        let schema = try load(Self.lists, cluster: false)
        #expect(!SwiftCodeGenerator.diagnostics(for: schema).contains { $0.message.contains("CROSSSLOT") })
        #expect(!SwiftCodeGenerator.generate(schema).contains("requireOneSlot"))
    }

    @Test func clusterMovesRefuseKeysOfTwoSlotsBeforeSending() throws {
        let source = SwiftCodeGenerator.generate(try load(Self.lists))
        #expect(
            source.contains(
                "try RedisSchema.RedisHashSlot.requireOneSlot(self.key, destination.key, command: \"LMOVE\")"))
        #expect(
            source.contains(
                "try RedisSchema.RedisHashSlot.requireOneSlot(self.key, destination.key, command: \"BLMOVE\")"))
    }

    @Test func docsSayWhatPicksTheSlotAndWhatSharesIt() throws {
        let markdown = MarkdownDocsRenderer.render(try load(Self.lists))
        let inboxSlot = RedisHashSlot.slot(of: "sid-1")
        #expect(
            markdown.contains(
                "- Hash slot: Redis Cluster hashes only the hash tag `{<sid>}`, so keys with the same `<sid>` share a "
                    + "slot, also with keys of `done` whose tag holds the same text "
                    + "(`CLUSTER KEYSLOT \"session:{sid-1}:inbox\"` is \(inboxSlot))"))
        #expect(
            markdown.contains(
                "- Hash slot: the hash tag `{jobs}` puts every key in one slot (`CLUSTER KEYSLOT \"{jobs}:pending\"` "
                    + "is \(RedisHashSlot.slot(of: "jobs"))), with the keys of `running`"))
        #expect(markdown.contains("- Hash slot: no hash tag, so Redis Cluster hashes the whole key"))
        #expect(markdown.contains("LPUSH \"session:{sid-1}:inbox\""))
        // Without `cluster: true`, untagged keys say nothing of slots.
        let standalone = MarkdownDocsRenderer.render(try load(Self.lists, cluster: false))
        #expect(!standalone.contains("no hash tag"))
        #expect(standalone.contains("the hash tag `{jobs}`"))
    }
}
