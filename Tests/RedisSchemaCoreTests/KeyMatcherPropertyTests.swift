import RedisSchema
import Testing

@testable import RedisSchemaCore

/// Random patterns and keys: the compiled matcher must agree with a brute-force reference.
@Suite struct KeyMatcherPropertyTests {
    @Test(arguments: 0..<40)
    func agreesWithReference(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
        let patterns = (0..<random.next(upTo: 12) + 1).compactMap { _ in try? KeyPattern(randomPattern(&random)) }
        let matcher = KeyMatcher(patterns: patterns)
        var keys = (0..<150).map { _ in randomKey(&random) }
        for pattern in patterns {
            for _ in 0..<6 { keys.append(fill(pattern, &random)) }
        }
        for key in keys {
            let bytes = Array(key.utf8)
            let full = patterns.indices.filter { Reference.matches(patterns[$0], bytes) }
            let shaped = patterns.indices.filter { Reference.hasShape(patterns[$0], bytes) }
            let context = Comment(rawValue: "key `\(key)`, patterns \(patterns.map(\.source))")
            switch matcher.match(bytes) {
            case .matched(let index):
                #expect(full.contains(index), context)
            case .badParam(let index, _, _):
                #expect(full.isEmpty, context)
                #expect(shaped.contains(index), context)
            case .unmatched:
                #expect(shaped.isEmpty, context)
            }
            if full.count == 1 { #expect(matcher.match(bytes) == .matched(pattern: full[0]), context) }
        }
    }

    private let alphabet = Array("ab1-_x")

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
        pattern.render(pattern.placeholders.map { _ in randomText(&random, maxLength: 4) })
    }
}

/// The obvious, slow definition: try every way of splitting each segment.
enum Reference {
    static func hasShape(_ pattern: KeyPattern, _ key: [UInt8]) -> Bool {
        split(pattern, key) != nil
    }

    static func matches(_ pattern: KeyPattern, _ key: [UInt8]) -> Bool {
        guard let values = split(pattern, key) else { return false }
        return zip(pattern.placeholders, values).allSatisfy { placeholder, value in
            value.withUnsafeBytes { placeholder.rule.violation(in: $0) == nil }
        }
    }

    /// Placeholder values for the first split (earliest placeholder ends first), or nil.
    static func split(_ pattern: KeyPattern, _ key: [UInt8]) -> [[UInt8]]? {
        let separator = pattern.separator.utf8.first!
        let segments = key.split(separator: separator, omittingEmptySubsequences: false).map(Array.init)
        guard segments.count == pattern.segments.count else { return nil }
        var values = [[UInt8]](repeating: [], count: pattern.placeholders.count)
        for (parts, segment) in zip(pattern.segments, segments) {
            guard let found = splitSegment(parts[...], segment[...]) else { return nil }
            for (index, value) in found { values[index] = value }
        }
        return values
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
