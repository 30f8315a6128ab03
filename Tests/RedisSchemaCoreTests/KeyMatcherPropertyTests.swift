import RedisSchema
import Testing

@testable import RedisSchemaCore

/// Random patterns and keys: the compiled trie must agree with the pattern engine it is the fast path
/// of, and the engine with a brute-force reference of its splitting rule.
@Suite struct KeyMatcherPropertyTests {
    @Test(arguments: 0..<40)
    func trieAgreesWithTheEngine(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
        let patterns = (0..<random.next(upTo: 12) + 1).compactMap { _ in try? KeyPattern(randomPattern(&random)) }
        let matcher = KeyMatcher(patterns: patterns)
        var keys = (0..<150).map { _ in randomKey(&random) }
        for pattern in patterns {
            for _ in 0..<6 { keys.append(fill(pattern, &random)) }
        }
        for key in keys {
            let bytes = Array(key.utf8)
            let full = patterns.indices.filter { index in bytes.withUnsafeBytes { patterns[index].matches($0) } }
            let shaped = patterns.indices.filter { index in
                bytes.withUnsafeBytes { patterns[index].shapeCaptures(in: $0) != nil }
            }
            let context = Comment(rawValue: "key `\(key)`, patterns \(patterns.map(\.source))")
            #expect(full == patterns.indices.filter { Reference.matches(patterns[$0], bytes) }, context)
            #expect(shaped == patterns.indices.filter { Reference.hasShape(patterns[$0], bytes) }, context)
            switch matcher.match(bytes) {
            case .matched(let index):
                #expect(full.contains(index), context)
                let captures = bytes.withUnsafeBytes { patterns[index].captures(in: $0) }?.map { Array(bytes[$0]) }
                #expect(matcher.captures(of: index, in: bytes) == captures, context)
                // Where precedence decides every pair, the trie picks the engine's owner.
                let decided = full.allSatisfy { a in
                    full.allSatisfy { b in a == b || PatternPrecedence(patterns[a], patterns[b]) != .undecided }
                }
                if decided {
                    #expect(index == bytes.withUnsafeBytes { RedisPattern.owner(of: $0, among: patterns) }, context)
                }
            case .badParam(let index, _, _):
                #expect(full.isEmpty, context)
                #expect(shaped.contains(index), context)
            case .unmatched:
                #expect(shaped.isEmpty, context)
            }
        }
    }

    /// Every key that a valid schema's pattern renders matches that pattern, and the matcher files it
    /// under that spec with the same values; every winner `check` names is the matcher's.
    @Test(arguments: 0..<40)
    func renderedKeysAndCheckWinnersAreTheMatchers(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 3)
        var sources = (0..<random.next(upTo: 10) + 2).map { _ in randomPattern(&random) }
        var result = SchemaLoader.load(Self.schema(sources))
        // Drop the patterns `check` refuses until the rest form a valid schema.
        while result.schema == nil, !sources.isEmpty {
            let refused = Set(result.diagnostics.filter { $0.severity == .error }.compactMap(\.key))
            let kept = sources.indices.filter { !refused.contains("k\($0)") }.map { sources[$0] }
            sources = kept.count < sources.count ? kept : Array(sources.dropLast())
            result = SchemaLoader.load(Self.schema(sources))
        }
        let schema = try #require(result.schema, "\(result.diagnostics)")
        let matcher = schema.makeMatcher()
        let patterns = schema.keys.map(\.pattern)
        var rendered = 0
        for (index, pattern) in patterns.enumerated() {
            for _ in 0..<30 {
                // Half the values fit their kind, so that typed placeholders render too.
                let values = pattern.placeholders.map { placeholder in
                    let text = randomText(&random, maxLength: 4)
                    guard random.next(upTo: 2) == 0 else { return text }
                    return placeholder.rule.kind == .int ? String(text.utf8.count * 7) : text
                }
                guard let key = try? pattern.render(values) else { continue }
                rendered += 1
                let context = Comment(rawValue: "`\(key)` from \(pattern.source) in \(sources)")
                #expect(matcher.match(Array(key.utf8)) == .matched(pattern: index), context)
                #expect(matcher.captures(of: index, in: Array(key.utf8)) == values.map { Array($0.utf8) }, context)
                // A rendered key hashes exactly its pattern's tag, whatever braces the values hold.
                if let tag = pattern.hashTag {
                    #expect(RedisHashSlot.hashTag(of: Array(key.utf8)) == Array(tag.text(values).utf8)[...], context)
                }
            }
        }
        #expect(rendered > 0 || schema.keys.isEmpty, "\(sources)")
        for diagnostic in result.diagnostics {
            guard let overlap = diagnostic.overlap, let winner = overlap.winner else { continue }
            let bytes = Array(overlap.example.utf8)
            let owner = bytes.withUnsafeBytes { RedisPattern.owner(of: $0, among: patterns) }
            let context = Comment(rawValue: "\(diagnostic) in \(sources)")
            #expect(owner != nil, context)
            #expect(matcher.match(bytes) == owner.map { .matched(pattern: $0) }, context)
            // The example may belong to a third, still more specific spec; otherwise it is the winner's.
            if let owner, overlap.keys.contains(schema.keys[owner].name) {
                #expect(schema.keys[owner].name == winner, context)
            }
        }
    }

    private static func schema(_ sources: [String]) -> String {
        "version: 1\nkeys:\n"
            + sources.enumerated().map { index, source in
                "  k\(index):\n    pattern: \"\(source)\"\n    type: string\n    ttl: none\n"
            }.joined()
    }

    /// Braces are in the alphabet so that random patterns have hash tags (well-formed, empty, unclosed,
    /// doubled) and random values hold braces that move them.
    private let alphabet = Array("ab1-_x{}")

    private func randomText(_ random: inout SplitMix64, maxLength: Int = 3) -> String {
        String((0..<(random.next(upTo: maxLength) + 1)).map { _ in alphabet[random.next(upTo: alphabet.count)] })
    }

    private func randomPattern(_ random: inout SplitMix64) -> String {
        var names = 0
        func hole() -> String {
            names += 1
            let kinds = ["", ":int", ":hex", ""]
            return "<p\(names)\(kinds[random.next(upTo: kinds.count)])>"
        }
        return (0..<(random.next(upTo: 3) + 1)).map { _ -> String in
            switch random.next(upTo: 5) {
            case 0, 1: return randomText(&random, maxLength: 2)
            case 2: return hole()
            case 3: return randomText(&random, maxLength: 1) + hole()
            default: return hole() + randomText(&random, maxLength: 1) + hole()
            }
        }.joined(separator: ":")
    }

    private func randomKey(_ random: inout SplitMix64) -> String {
        (0..<(random.next(upTo: 3) + 1)).map { _ in randomText(&random, maxLength: 5) }.joined(separator: ":")
    }

    private func fill(_ pattern: KeyPattern, _ random: inout SplitMix64) -> String {
        pattern.unchecked(pattern.placeholders.map { _ in randomText(&random, maxLength: 4) })
    }
}

/// The obvious, slow definition of the engine's splitting rule: try every way of splitting each segment,
/// the earliest placeholder ending first.
enum Reference {
    static func hasShape(_ pattern: KeyPattern, _ key: [UInt8]) -> Bool {
        split(pattern, key) != nil
    }

    static func matches(_ pattern: KeyPattern, _ key: [UInt8]) -> Bool {
        guard let values = split(pattern, key) else { return false }
        let rulesHold = zip(pattern.placeholders, values).allSatisfy { placeholder, value in
            value.withUnsafeBytes { placeholder.rule.violation(in: $0) == nil }
        }
        return rulesHold && keepsHashTag(pattern, values)
    }

    /// Whether the key rendered from `values` has the hash tag the pattern's literal text declares: the bytes
    /// between its first literal `{` and the first literal `}` after it, when there are any. Redis's rule is
    /// `RedisHashSlot.hashTag(of:)`; a pattern without such a tag declares nothing and accepts any values.
    static func keepsHashTag(_ pattern: KeyPattern, _ values: [[UInt8]]) -> Bool {
        var key: [UInt8] = []
        var open: Int?
        var declared: Range<Int>?
        for part in pattern.parts {
            switch part {
            case .placeholder(let index): key += values[index]
            case .literal(let text):
                for byte in text.utf8 {
                    if declared == nil, open == nil, byte == UInt8(ascii: "{") { open = key.count + 1 }
                    if declared == nil, let start = open, byte == UInt8(ascii: "}"), start <= key.count {
                        declared = start..<key.count
                        open = nil
                    }
                    key.append(byte)
                }
            }
        }
        guard let declared, !declared.isEmpty else { return true }
        return RedisHashSlot.hashTag(of: key).map { $0.startIndex..<$0.endIndex } == declared
    }

    /// Placeholder values for the first split (earliest placeholder ends first), or nil.
    static func split(_ pattern: KeyPattern, _ key: [UInt8]) -> [[UInt8]]? {
        let segments = key.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).map(Array.init)
        let patternSegments = segmentParts(pattern.parts)
        guard segments.count == patternSegments.count else { return nil }
        var values = [[UInt8]](repeating: [], count: pattern.placeholders.count)
        for (parts, segment) in zip(patternSegments, segments) {
            guard let found = splitSegment(parts[...], segment[...]) else { return nil }
            for (index, value) in found { values[index] = value }
        }
        return values
    }

    /// The parts of each `:`-separated segment.
    private static func segmentParts(_ parts: [PatternPart]) -> [[PatternPart]] {
        var segments: [[PatternPart]] = [[]]
        for part in parts {
            guard case .literal(let text) = part else {
                segments[segments.count - 1].append(part)
                continue
            }
            for (offset, piece) in text.split(separator: ":", omittingEmptySubsequences: false).enumerated() {
                if offset > 0 { segments.append([]) }
                if !piece.isEmpty { segments[segments.count - 1].append(.literal(String(piece))) }
            }
        }
        return segments
    }

    private static func splitSegment(_ parts: ArraySlice<PatternPart>, _ bytes: ArraySlice<UInt8>) -> [(Int, [UInt8])]?
    {
        guard let first = parts.first else { return bytes.isEmpty ? [] : nil }
        switch first {
        case .literal(let text):
            let literal = Array(text.utf8)
            guard bytes.starts(with: literal) else { return nil }
            return splitSegment(parts.dropFirst(), bytes.dropFirst(literal.count))
        case .placeholder(let index):
            guard !bytes.isEmpty else { return nil }
            for length in 1...bytes.count {
                if let rest = splitSegment(parts.dropFirst(), bytes.dropFirst(length)) {
                    return [(index, Array(bytes.prefix(length)))] + rest
                }
            }
            return nil
        }
    }
}

/// A small, seedable random number generator, so failures reproduce.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(upTo bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
