import RedisSchema
import Testing

/// Hash tags in key patterns: what the pattern knows of its tag, and that no placeholder value moves it.
@Suite struct PatternHashTagTests {
    let events = RedisPattern(validated: "session:{<sid>}:events")

    @Test func theTagIsThePartsBetweenTheFirstBraces() throws {
        let tag = try #require(events.hashTag)
        #expect(tag.parts == [.placeholder(0)])
        #expect(tag.displayForm == "{<sid>}")
        #expect(!tag.isLiteral)
        #expect(tag.text(["s1"]) == "s1")
        let mixed = try #require(RedisPattern(validated: "job:{q<queue:int>:x}:<id>").hashTag)
        #expect(mixed.parts == [.literal("q"), .placeholder(0), .literal(":x")])
        #expect(mixed.displayForm == "{q<queue>:x}")
        #expect(mixed.placeholderIndices == [0])
        #expect(RedisPattern(validated: "{jobs}:<id>").hashTag?.isLiteral == true)
    }

    @Test(arguments: ["session:<sid>", "a:{}:<x>", "a:{<x>", "a}b:<x>"])
    func patternsWithoutAWellFormedTagHaveNone(source: String) {
        #expect(RedisPattern(validated: source).hashTag == nil)
    }

    @Test func renderedKeysHashTheirTag() throws {
        let key = try events.render(["s1"])
        #expect(key == "session:{s1}:events")
        #expect(RedisHashSlot.slot(of: key) == RedisHashSlot.slot(of: "s1"))
        #expect(
            RedisHashSlot.slot(of: key) == RedisHashSlot.slot(of: try RedisPattern(validated: "{<sid>}").render(["s1"]))
        )
    }

    /// sid `a}b` would make `session:{a}b}:events`, which Redis hashes as `a`.
    @Test func refusesAValueThatClosesTheTagEarly() {
        #expect(
            throws: RedisSchemaError.invalidParam(
                pattern: "session:{<sid>}:events", param: "sid", value: "a}b",
                violation: .movesHashTag(brace: "}", tag: "{<sid>}"))
        ) {
            try events.render(["a}b"])
        }
    }

    @Test func refusesAValueBeforeTheTagThatOpensAnEarlierOne() throws {
        let pattern = RedisPattern(validated: "<tenant>-{<sid>}")
        #expect(
            throws: RedisSchemaError.invalidParam(
                pattern: "<tenant>-{<sid>}", param: "tenant", value: "t{1",
                violation: .movesHashTag(brace: "{", tag: "{<sid>}"))
        ) {
            try pattern.render(["t{1", "s"])
        }
        // A `}` before the tag, a `{` inside it and anything after it leave the hashed bytes alone.
        let key = try pattern.render(["t}1", "s{2"])
        #expect(RedisHashSlot.hashTag(of: Array(key.utf8)) == Array("s{2".utf8)[...])
        #expect(try RedisPattern(validated: "q:{<a>}:<b>").render(["a", "{x}"]) == "q:{a}:{x}")
    }

    @Test func patternsWithoutATagTakeAnyBraces() throws {
        #expect(try RedisPattern(validated: "cache:<query>").render(["{a}"]) == "cache:{a}")
        #expect(RedisPattern(validated: "cache:<query>").matches("cache:{a}"))
    }

    @Test func aKeyWhoseValueMovesTheTagDoesNotMatch() {
        #expect(!events.matches("session:{a}b}:events"))
        #expect(events.parse("session:{a}b}:events") == nil)
        #expect(events.parse("session:{a{b}:events") == ["a{b"])
        let bytes = Array("session:{a}b}:events".utf8)
        let violation = bytes.withUnsafeBytes { buffer in
            events.shapeCaptures(in: buffer).flatMap { events.valueViolation(in: buffer, $0[0], at: 0) }
        }
        #expect(violation == .movesHashTag(brace: "}", tag: "{<sid>}"))
    }

    @Test func fieldPatternsHaveNoTag() throws {
        let field = try RedisPattern("{<x>}", separator: nil)
        #expect(field.hashTag == nil)
        #expect(try field.render(["a}b"]) == "{a}b}")
    }

    @Test(arguments: [
        ("a:{}:<x>", PatternBraceIssue(kind: .emptyTag, offset: 2)),
        ("a:{<x>", PatternBraceIssue(kind: .unclosed, offset: 2)),
        ("{<a>}:{<b>}", PatternBraceIssue(kind: .ignoredTag("{<b>}"), offset: 6)),
        ("é:{jobs}:<id>", PatternBraceIssue(kind: .literalTag, offset: 2)),
    ])
    func bracesThatDoNotDoWhatTheySeemAreIssues(source: String, issue: PatternBraceIssue) {
        #expect(RedisPattern(validated: source).braceIssues == [issue])
    }

    @Test(arguments: ["session:{<sid>}:events", "{jobs}", "plain:<x>", "a}b"])
    func wellFormedTagsAreNoIssue(source: String) {
        #expect(RedisPattern(validated: source).braceIssues.isEmpty)
    }

    @Test func theCrossSlotCheckNamesEveryKeyAndSlot() throws {
        try RedisHashSlot.requireOneSlot("q:{a}:1", "q:{a}:2", command: "LMOVE")
        #expect(
            throws: RedisSchemaError.crossSlot(
                command: "LMOVE", keys: ["q:{a}", "q:{b}"],
                slots: [RedisHashSlot.slot(of: "a"), RedisHashSlot.slot(of: "b")])
        ) {
            try RedisHashSlot.requireOneSlot("q:{a}", "q:{b}", command: "LMOVE")
        }
    }
}
