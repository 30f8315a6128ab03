import RedisSchema
import Testing

@testable import RedisSchemaCore

@Suite struct KeyMatcherTests {
    func matcher(_ patterns: [String], separator: String = ":") throws -> KeyMatcher {
        KeyMatcher(
            patterns: try patterns.map { try KeyPattern($0, separator: separator) },
            separator: separator.utf8.first!)
    }

    @Test func matchesLiteralAndPlaceholderSegments() throws {
        let m = try matcher(["session:<sid>", "session:live:<sid>", "active_users", "rage:<sid>:<element>"])
        #expect(m.match(Array("session:1".utf8)) == .matched(pattern: 0))
        #expect(m.match(Array("session:live:1".utf8)) == .matched(pattern: 1))
        #expect(m.match(Array("active_users".utf8)) == .matched(pattern: 2))
        #expect(m.match(Array("rage:1:btn".utf8)) == .matched(pattern: 3))
        #expect(m.match(Array("session:".utf8)) == .unmatched, "a placeholder takes at least one byte")
        #expect(m.match(Array("session".utf8)) == .unmatched)
        #expect(m.match(Array("session:a:b:c".utf8)) == .unmatched)
        #expect(m.match(Array("active_users:x".utf8)) == .unmatched)
        #expect(m.match(Array("".utf8)) == .unmatched)
    }

    @Test func capturesParams() throws {
        let m = try matcher(["rage:<sid>:<element>", "cell:<x:int>_<y:int>"])
        #expect(
            m.captures(of: 0, in: Array("rage:12345:btn-login".utf8)) == [Array("12345".utf8), Array("btn-login".utf8)])
        #expect(m.captures(of: 1, in: Array("cell:120_330".utf8)) == [Array("120".utf8), Array("330".utf8)])
    }

    @Test func moreSpecificPatternWins() throws {
        let m = try matcher(["config:<tenant>", "config:global", "item:<name>", "item:<id:int>"])
        #expect(m.match(Array("config:global".utf8)) == .matched(pattern: 1))
        #expect(m.match(Array("config:acme".utf8)) == .matched(pattern: 0))
        #expect(m.match(Array("item:42".utf8)) == .matched(pattern: 3))
        #expect(m.match(Array("item:hat".utf8)) == .matched(pattern: 2))
    }

    @Test func reportsBadParamsWhenNoPatternAccepts() throws {
        let m = try matcher(["user:<id:int>", "doc:<id:uuid>"])
        #expect(m.match(Array("user:abc".utf8)) == .badParam(pattern: 0, placeholder: 0, .wrongKind(.int)))
        #expect(m.match(Array("user:-12".utf8)) == .matched(pattern: 0))
        #expect(
            m.match(Array("doc:00000000-0000-0000-0000-00000000000G".utf8))
                == .badParam(pattern: 1, placeholder: 0, .wrongKind(.uuid)))
        #expect(m.match(Array("doc:9B2C7A1E-4F0D-4C55-8A7E-2F3B1C9D0E6A".utf8)) == .matched(pattern: 1))
    }

    /// sid `a}b` makes `session:{a}b}:events`, which Redis hashes as `a`: not the pattern's `{<sid>}`.
    @Test func aKeyWhoseHashTagIsNotTheDeclaredOneIsABadParam() throws {
        let m = try matcher(["session:{<sid>}:events", "cache:<query>", "<tenant>:{<sid>}"])
        let moved = KeyParamViolation.movesHashTag(brace: "}", tag: "{<sid>}")
        #expect(m.match(Array("session:{a}b}:events".utf8)) == .badParam(pattern: 0, placeholder: 0, moved))
        #expect(m.match(Array("session:{a{b}:events".utf8)) == .matched(pattern: 0), "`{` inside is hashed as is")
        #expect(m.match(Array("session:{s1}:events".utf8)) == .matched(pattern: 0))
        #expect(m.match(Array("cache:{a}b}".utf8)) == .matched(pattern: 1), "no tag declared, any braces")
        #expect(
            m.match(Array("t{x:{s}".utf8))
                == .badParam(pattern: 2, placeholder: 0, .movesHashTag(brace: "{", tag: "{<sid>}")))
        #expect(m.match(Array("t}x:{s}".utf8)) == .matched(pattern: 2))
    }

    @Test func enforcesEnumRegexAndLength() throws {
        var pattern = try KeyPattern("event:<kind>:<code>")
        pattern.setRule(KeyParamRule(allowedValues: ["click", "tap"]), forPlaceholderAt: 0)
        pattern.setRule(KeyParamRule(maxLength: 4, regex: try KeyParamRegex("[A-Z]+")), forPlaceholderAt: 1)
        let m = KeyMatcher(patterns: [pattern])
        #expect(m.match(Array("event:click:AB".utf8)) == .matched(pattern: 0))
        #expect(
            m.match(Array("event:scroll:AB".utf8))
                == .badParam(pattern: 0, placeholder: 0, .notAllowed(["click", "tap"])))
        #expect(m.match(Array("event:tap:ABCDE".utf8)) == .badParam(pattern: 0, placeholder: 1, .tooLong(maxLength: 4)))
        #expect(m.match(Array("event:tap:ab".utf8)) == .badParam(pattern: 0, placeholder: 1, .regexMismatch("[A-Z]+")))
    }

    @Test func handlesBinaryAndNonUTF8Keys() throws {
        let m = try matcher(["blob:<id>", "raw"])
        #expect(m.match([0x62, 0x6C, 0x6F, 0x62, 0x3A, 0xFF, 0x00, 0xFE]) == .matched(pattern: 0))
        #expect(m.match([0xFF, 0xFE]) == .unmatched)
        #expect(m.match([0x72, 0x61, 0x77, 0x00]) == .unmatched)
    }

    @Test func mixedSegments() throws {
        let m = try matcher(["v<n:int>:x", "<a>-<b>:x", "<name>:x"])
        #expect(m.match(Array("v2:x".utf8)) == .matched(pattern: 0))
        #expect(m.match(Array("va:x".utf8)) == .matched(pattern: 2), "bad typed value falls back to a looser pattern")
        #expect(m.match(Array("q-x-y:x".utf8)) == .matched(pattern: 1))
        #expect(m.captures(of: 1, in: Array("q-x-y:x".utf8)) == [Array("q".utf8), Array("x-y".utf8)])
        #expect(m.match(Array("-:x".utf8)) == .matched(pattern: 2))
    }

    @Test func emptySegmentsAndOtherSeparators() throws {
        let m = try matcher(["a//<id>", "files/<path>"], separator: "/")
        #expect(m.match(Array("a//1".utf8)) == .matched(pattern: 0))
        #expect(m.match(Array("files/x:y".utf8)) == .matched(pattern: 1))
        #expect(m.match(Array("files/x/y".utf8)) == .unmatched)
    }

    @Test func manyPatternsStillMatch() throws {
        let patterns = (0..<2000).map { "p\($0):<id>:s\($0 % 7)" }
        let m = try matcher(patterns)
        for index in stride(from: 0, to: 2000, by: 97) {
            #expect(m.match(Array("p\(index):abc:s\(index % 7)".utf8)) == .matched(pattern: index))
            #expect(m.match(Array("p\(index):abc:s\((index + 1) % 7)".utf8)) == .unmatched)
        }
    }
}

@Suite struct KeyMatcherEdgeTests {
    /// Found by the fuzzer: a schema with no keys compiled to a matcher that crashed on every key.
    @Test func aMatcherWithoutPatternsMatchesNothing() {
        let matcher = KeyMatcher(patterns: [])
        #expect(matcher.match(Array("anything".utf8)) == .unmatched)
        #expect(matcher.match([UInt8]()) == .unmatched)
    }

    @Test func keysWithMoreSegmentsThanAnyPatternAreUnmatched() throws {
        let matcher = KeyMatcher(patterns: [try KeyPattern("a:<b>")])
        #expect(matcher.match(Array("a:b:c:d:e:f".utf8)) == .unmatched)
        #expect(matcher.match(Array("::::".utf8)) == .unmatched)
    }
}
