import RedisSchema

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// All of a schema's key patterns compiled into one trie over separator-delimited segments: the fast
/// path of ``RedisPattern``'s matching and ``PatternPrecedence``, and tested against them.
///
/// A key is split at the separator once; then each segment is looked up in a hash table of literal
/// segments first, then tried against the few segments that mix text and placeholders (more literal
/// bytes first), then taken by a placeholder. That search order is the precedence rule: at the first
/// segment where two patterns differ in shape, the more literal one wins. Patterns of the same shape
/// end at the same trie node, ordered there by ``PatternPrecedence``. Since a segment can only ever
/// be compared with trie nodes at its own depth, the search visits each node at most once: no
/// exponential backtracking, and the usual cost is one hash lookup per segment however many patterns
/// there are. Nothing is allocated per key.
public struct KeyMatcher: Sendable {
    /// Where a placeholder's value sits in a matched key, and the rule it must satisfy.
    private struct PlaceholderSite: Sendable {
        var segment: Int
        /// The hole within a mixed segment, or -1 when the placeholder is the whole segment.
        var hole: Int
        /// Index into `mixedSegments`, or -1.
        var mixed: Int
        var rule: Int
        /// False for plain strings, which the shape alone already proves valid.
        var needsCheck: Bool
        /// The placeholder's kind, checked inline; only rules with constraints beyond their kind
        /// (enum, regex, length) go through the full `KeyParamRule.violation(in:)`.
        var kind: KeyParamRule.Kind
        var hasConstraints: Bool
        /// The brace a value may not contain because it would move the pattern's hash tag, or 0.
        var forbiddenBrace: UInt8
    }

    // The trie lives in flat arrays indexed by node, so the hot path reads plain integers and
    // never retains or releases anything.
    private var wildcards: [Int32] = [-1]
    /// Index into `mixedChildren` of the node's mixed segments, or -1 (the common case).
    private var mixedLists: [Int32] = [-1]
    private var mixedChildren: [[(segment: Int, child: Int32)]] = []
    private var mixedSegments: [SegmentShape] = []
    /// Patterns that end at each node, most specific first; flattened into `terminalList` once built.
    private var terminals: [[Int32]] = [[]]
    private var terminalRanges: [Range<Int>] = []
    private var terminalList: [Int32] = []
    private var literals: LiteralTable
    private var sites: [[PlaceholderSite]] = []
    /// The sites that need a check, per pattern, as a range into `checks`.
    private var checkRanges: [Range<Int>] = []
    private var checks: [PlaceholderSite] = []
    private var rules: [KeyParamRule] = []
    private let separator: UInt8
    /// Bit n is set when some pattern has n segments (n < 64); longer patterns set bit 63.
    private var segmentCounts: UInt64 = 0
    private var maxSegments = 0

    /// The patterns, in the order given; ``KeyMatch`` refers to them by index.
    public let patterns: [KeyPattern]

    /// Compiles `patterns`, all of which must use the same `separator`.
    public init(patterns: [KeyPattern], separator: UInt8 = UInt8(ascii: ":")) {
        self.patterns = patterns
        self.separator = separator
        literals = LiteralTable(capacity: patterns.reduce(0) { $0 + $1.segments.count })
        for (index, pattern) in patterns.enumerated() {
            insert(pattern, index: Int32(index))
        }
        for node in terminals.indices where terminals[node].count > 1 {
            terminals[node] = Self.precedenceOrder(terminals[node], patterns)
        }
        for patterns in terminals {
            terminalRanges.append(terminalList.count..<(terminalList.count + patterns.count))
            terminalList += patterns
        }
        terminals = []
        for patternSites in sites {
            let start = checks.count
            checks += patternSites.filter(\.needsCheck)
            checkRanges.append(start..<checks.count)
        }
    }

    /// Same-shape patterns in the order they are tried: repeatedly the first declared of those that
    /// no other remaining pattern takes precedence over.
    private static func precedenceOrder(_ candidates: [Int32], _ patterns: [KeyPattern]) -> [Int32] {
        var remaining = candidates.sorted()
        var ordered: [Int32] = []
        while !remaining.isEmpty {
            let next =
                remaining.firstIndex { candidate in
                    !remaining.contains { other in
                        PatternPrecedence(patterns[Int(other)], patterns[Int(candidate)]) == .first
                    }
                } ?? 0
            ordered.append(remaining.remove(at: next))
        }
        return ordered
    }

    private mutating func insert(_ pattern: KeyPattern, index: Int32) {
        var node: Int32 = 0
        var patternSites = [PlaceholderSite?](repeating: nil, count: pattern.placeholders.count)
        for (depth, segment) in pattern.segments.enumerated() {
            switch segment {
            case .literal(let bytes):
                node = literalChild(of: node, bytes)
            case .placeholder(let placeholder):
                node = wildcardChild(of: node)
                patternSites[placeholder] = site(pattern, placeholder, segment: depth, hole: -1, mixed: -1)
            case .mixed(let shape):
                mixedSegments.append(shape)
                let mixed = mixedSegments.count - 1
                node = mixedChild(of: node, mixed)
                for (hole, placeholder) in shape.placeholderIndices.enumerated() {
                    patternSites[placeholder] = site(pattern, placeholder, segment: depth, hole: hole, mixed: mixed)
                }
            }
        }
        terminals[Int(node)].append(index)
        sites.append(patternSites.map { $0! })
        let count = pattern.segments.count
        segmentCounts |= 1 << UInt64(min(count, 63))
        maxSegments = max(maxSegments, count)
    }

    private mutating func site(_ pattern: KeyPattern, _ placeholder: Int, segment: Int, hole: Int, mixed: Int)
        -> PlaceholderSite
    {
        let rule = pattern.placeholders[placeholder].rule
        let brace = pattern.forbiddenBrace(forPlaceholderAt: placeholder) ?? 0
        rules.append(rule)
        return PlaceholderSite(
            segment: segment, hole: hole, mixed: mixed, rule: rules.count - 1,
            needsCheck: !rule.isUnconstrainedString || brace != 0, kind: rule.kind,
            hasConstraints: rule.allowedValues != nil || rule.regex != nil || rule.maxLength != nil,
            forbiddenBrace: brace)
    }

    private mutating func newNode() -> Int32 {
        wildcards.append(-1)
        mixedLists.append(-1)
        terminals.append([])
        return Int32(wildcards.count - 1)
    }

    private mutating func literalChild(of node: Int32, _ bytes: [UInt8]) -> Int32 {
        let existing = bytes.withUnsafeBytes { literals.child(of: node, segment: $0) }
        if existing >= 0 { return existing }
        let child = newNode()
        literals.insert(parent: node, segment: bytes, child: child)
        return child
    }

    private mutating func wildcardChild(of node: Int32) -> Int32 {
        if wildcards[Int(node)] >= 0 { return wildcards[Int(node)] }
        let child = newNode()
        wildcards[Int(node)] = child
        return child
    }

    private mutating func mixedChild(of node: Int32, _ segment: Int) -> Int32 {
        if mixedLists[Int(node)] < 0 {
            mixedChildren.append([])
            mixedLists[Int(node)] = Int32(mixedChildren.count - 1)
        }
        let list = Int(mixedLists[Int(node)])
        let shape = mixedSegments[segment].pieces
        if let existing = mixedChildren[list].first(where: { mixedSegments[$0.segment].pieces == shape }) {
            return existing.child
        }
        let child = newNode()
        mixedChildren[list].append((segment, child))
        // More literal text first (`v<n>` before a looser `<name>_<x>`), as `PatternPrecedence` ranks
        // them; the sort is stable, so equal ranks keep declaration order.
        mixedChildren[list] = mixedChildren[list].enumerated().sorted { lhs, rhs in
            let left = mixedSegments[lhs.element.segment].literalByteCount
            let right = mixedSegments[rhs.element.segment].literalByteCount
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
        return child
    }

    /// Reusable space for matching, so that matching allocates nothing per key.
    public struct Scratch: Sendable {
        var bounds: [Int] = []
        var holes: [Range<Int>] = Array(repeating: 0..<0, count: 16)

        /// Creates empty scratch space; it grows to fit the matcher on first use, once.
        public init() {}
    }

    /// Classifies `key`. Pass the same `scratch` for every call on one thread.
    public func match(_ key: UnsafeRawBufferPointer, scratch: inout Scratch) -> KeyMatch {
        guard maxSegments > 0 else { return .unmatched }
        if scratch.bounds.count < maxSegments + 1 {
            scratch.bounds = Array(repeating: 0, count: maxSegments + 1)
        }
        // Segment k spans bounds[k] ..< bounds[k + 1] - 1 (the separator follows it).
        guard let segments = split(key, into: &scratch.bounds) else { return .unmatched }
        guard segmentCounts & (1 << UInt64(min(segments, 63))) != 0 else { return .unmatched }
        var firstBadParam: Int32 = -1
        let pattern = search(0, depth: 0, segments: segments, key, &scratch, &firstBadParam)
        if pattern >= 0 { return .matched(pattern: Int(pattern)) }
        guard firstBadParam >= 0 else { return .unmatched }
        // Rare: work out which placeholder failed, and why, only now.
        return violation(of: firstBadParam, key, &scratch) ?? .unmatched
    }

    /// Records where each segment starts; returns the number of segments, or `nil` when the key has
    /// more segments than any pattern.
    @inline(__always)
    private func split(_ key: UnsafeRawBufferPointer, into bounds: inout [Int]) -> Int? {
        let limit = maxSegments
        let separator = self.separator
        return bounds.withUnsafeMutableBufferPointer { bounds -> Int? in
            bounds[0] = 0
            var segments = 1
            guard let base = key.baseAddress else {
                bounds[1] = 1
                return 1
            }
            var offset = 0
            while offset < key.count,
                let found = memchr(base + offset, Int32(separator), key.count - offset)
            {
                if segments == limit { return nil }
                offset = base.distance(to: UnsafeRawPointer(found)) + 1
                bounds[segments] = offset
                segments += 1
            }
            bounds[segments] = key.count + 1
            return segments
        }
    }

    /// Classifies `key`.
    public func match(_ key: some Collection<UInt8>) -> KeyMatch {
        var scratch = Scratch()
        let bytes = Array(key)
        return bytes.withUnsafeBytes { match($0, scratch: &scratch) }
    }

    /// The first pattern under `node` that `key` matches, or -1; records in `firstBadParam` the first
    /// pattern whose shape matched but whose placeholder values did not. Only plain integers cross
    /// the recursion, so it costs no reference counting.
    private func search(
        _ node: Int32, depth: Int, segments: Int, _ key: UnsafeRawBufferPointer, _ scratch: inout Scratch,
        _ firstBadParam: inout Int32
    ) -> Int32 {
        if depth == segments {
            for index in terminalRanges[Int(node)] {
                let pattern = terminalList[index]
                if accepts(pattern, key, &scratch) { return pattern }
                if firstBadParam < 0 { firstBadParam = pattern }
            }
            return -1
        }
        let segment = UnsafeRawBufferPointer(
            rebasing: key[scratch.bounds[depth]..<(scratch.bounds[depth + 1] - 1)])
        let literal = literals.child(of: node, segment: segment)
        if literal >= 0 {
            let found = search(literal, depth: depth + 1, segments: segments, key, &scratch, &firstBadParam)
            if found >= 0 { return found }
        }
        let mixedList = mixedLists[Int(node)]
        if mixedList >= 0 {
            for (matcher, child) in mixedChildren[Int(mixedList)] where mixedSegments[matcher].matches(segment) {
                let found = search(child, depth: depth + 1, segments: segments, key, &scratch, &firstBadParam)
                if found >= 0 { return found }
            }
        }
        let wildcard = wildcards[Int(node)]
        if wildcard >= 0, !segment.isEmpty {
            return search(wildcard, depth: depth + 1, segments: segments, key, &scratch, &firstBadParam)
        }
        return -1
    }

    /// Whether every placeholder of `pattern` accepts its value in `key`.
    private func accepts(_ pattern: Int32, _ key: UnsafeRawBufferPointer, _ scratch: inout Scratch) -> Bool {
        for index in checkRanges[Int(pattern)] {
            let site = checks[index]
            let value = UnsafeRawBufferPointer(rebasing: key[valueRange(of: site, in: key, &scratch)])
            if site.forbiddenBrace != 0, let base = value.baseAddress,
                memchr(base, Int32(site.forbiddenBrace), value.count) != nil
            {
                return false
            }
            if !site.hasConstraints {
                if site.kind.accepts(value) { continue }
                return false
            }
            if rules[site.rule].violation(in: value) != nil { return false }
        }
        return true
    }

    /// The first placeholder of `pattern` whose value `key` breaks, as a ``KeyMatch/badParam``: the engine
    /// says why (its rule, or a brace that moves the hash tag).
    private func violation(of pattern: Int32, _ key: UnsafeRawBufferPointer, _ scratch: inout Scratch) -> KeyMatch? {
        for (placeholder, site) in sites[Int(pattern)].enumerated() where site.needsCheck {
            let range = valueRange(of: site, in: key, &scratch)
            if let violation = patterns[Int(pattern)].valueViolation(in: key, range, at: placeholder) {
                return .badParam(pattern: Int(pattern), placeholder: placeholder, violation)
            }
        }
        return nil
    }

    private func valueRange(of site: PlaceholderSite, in key: UnsafeRawBufferPointer, _ scratch: inout Scratch)
        -> Range<Int>
    {
        let start = scratch.bounds[site.segment]
        let end = scratch.bounds[site.segment + 1] - 1
        guard site.mixed >= 0 else { return start..<end }
        let mixed = mixedSegments[site.mixed]
        if scratch.holes.count < mixed.placeholderIndices.count {
            scratch.holes = Array(repeating: 0..<0, count: mixed.placeholderIndices.count)
        }
        let segment = UnsafeRawBufferPointer(rebasing: key[start..<end])
        _ = scratch.holes.withUnsafeMutableBufferPointer { mixed.matches(segment, captures: $0) }
        let hole = scratch.holes[site.hole]
        return (start + hole.lowerBound)..<(start + hole.upperBound)
    }

    /// The value of each placeholder of `pattern` in `key`, which must have matched it.
    public func captures(of pattern: Int, in key: some Collection<UInt8>) -> [[UInt8]] {
        let bytes = Array(key)
        var scratch = Scratch()
        scratch.bounds = Array(repeating: 0, count: maxSegments + 1)
        return bytes.withUnsafeBytes { buffer in
            guard split(buffer, into: &scratch.bounds) == patterns[pattern].segments.count else { return [] }
            return sites[pattern].map { site in
                Array(buffer[valueRange(of: site, in: buffer, &scratch)])
            }
        }
    }
}
