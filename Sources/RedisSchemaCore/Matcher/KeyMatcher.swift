import RedisSchema

/// All of a schema's key patterns compiled into one trie over separator-delimited segments.
///
/// A key is split at the separator once; then each segment is looked up in a hash table of literal
/// segments first, then tried against the few segments that mix text and placeholders, then taken
/// by a placeholder. Since a segment can only ever be compared with trie nodes at its own depth,
/// the search visits each node at most once: no exponential backtracking, and the usual cost is one
/// hash lookup per segment however many patterns there are. Nothing is allocated per key.
///
/// Where patterns overlap, the more specific one wins: literal text beats a placeholder at the
/// first segment where they differ, and among patterns of the same shape, typed or constrained
/// placeholders beat plain ones.
public struct KeyMatcher: Sendable {
    private struct Node: Sendable {
        var wildcard: Int32 = -1
        var mixed: [(segment: SegmentMatcher, child: Int32)] = []
        /// Patterns that end here, most specific first.
        var terminals: [Int32] = []
    }

    /// Where a placeholder's value sits in a matched key.
    private struct PlaceholderSite: Sendable {
        var segment: Int
        /// The hole within a mixed segment, or -1 when the placeholder is the whole segment.
        var hole: Int
        var mixed: SegmentMatcher?
        var rule: KeyParamRule
        /// False for plain strings, which the shape alone already proves valid.
        var needsCheck: Bool
    }

    private var nodes: [Node] = [Node()]
    private var literals: LiteralTable
    private var sites: [[PlaceholderSite]] = []
    private let separator: UInt8
    /// Bit n is set when some pattern has n segments (n < 64); longer patterns set bit 63.
    private var segmentCounts: UInt64 = 0
    private var maxSegments = 0

    /// The patterns, in the order given; ``KeyMatch`` refers to them by index.
    public let patterns: [KeyPattern]

    /// Compiles `patterns`, all of which must use the same single-byte `separator`.
    public init(patterns: [KeyPattern], separator: UInt8 = UInt8(ascii: ":")) {
        self.patterns = patterns
        self.separator = separator
        literals = LiteralTable(capacity: patterns.reduce(0) { $0 + $1.segments.count })
        for (index, pattern) in patterns.enumerated() {
            insert(pattern, index: Int32(index))
        }
        for node in nodes.indices where nodes[node].terminals.count > 1 {
            nodes[node].terminals = nodes[node].terminals.enumerated().sorted { lhs, rhs in
                let (left, right) = (specificity(lhs.element), specificity(rhs.element))
                return left != right ? left > right : lhs.offset < rhs.offset
            }.map(\.element)
        }
    }

    private func specificity(_ pattern: Int32) -> Int {
        sites[Int(pattern)].filter(\.needsCheck).count
    }

    private mutating func insert(_ pattern: KeyPattern, index: Int32) {
        var node: Int32 = 0
        var patternSites = [PlaceholderSite?](repeating: nil, count: pattern.placeholders.count)
        for (depth, parts) in pattern.segments.enumerated() {
            let next: Int32
            switch parts.count == 1 ? parts[0] : nil {
            case .literal(let text)?:
                next = literalChild(of: node, Array(text.utf8))
            case .placeholder(let placeholder)?:
                next = wildcardChild(of: node)
                patternSites[placeholder] = site(pattern, placeholder, segment: depth, hole: -1, mixed: nil)
            case nil:
                if parts.isEmpty {
                    next = literalChild(of: node, [])
                } else {
                    let segment = SegmentMatcher(parts)
                    next = mixedChild(of: node, segment)
                    for (hole, placeholder) in segment.placeholderIndices.enumerated() {
                        patternSites[placeholder] = site(pattern, placeholder, segment: depth, hole: hole, mixed: segment)
                    }
                }
            }
            node = next
        }
        nodes[Int(node)].terminals.append(index)
        sites.append(patternSites.map { $0! })
        let count = pattern.segments.count
        segmentCounts |= 1 << UInt64(min(count, 63))
        maxSegments = max(maxSegments, count)
    }

    private func site(_ pattern: KeyPattern, _ placeholder: Int, segment: Int, hole: Int, mixed: SegmentMatcher?)
        -> PlaceholderSite
    {
        let rule = pattern.placeholders[placeholder].rule
        let needsCheck =
            rule.kind != .string || rule.allowedValues != nil || rule.maxLength != nil || rule.regex != nil
        return PlaceholderSite(segment: segment, hole: hole, mixed: mixed, rule: rule, needsCheck: needsCheck)
    }

    private mutating func newNode() -> Int32 {
        nodes.append(Node())
        return Int32(nodes.count - 1)
    }

    private mutating func literalChild(of node: Int32, _ bytes: [UInt8]) -> Int32 {
        let existing = bytes.withUnsafeBytes { literals.child(of: node, segment: $0) }
        if existing >= 0 { return existing }
        let child = newNode()
        literals.insert(parent: node, segment: bytes, child: child)
        return child
    }

    private mutating func wildcardChild(of node: Int32) -> Int32 {
        if nodes[Int(node)].wildcard >= 0 { return nodes[Int(node)].wildcard }
        let child = newNode()
        nodes[Int(node)].wildcard = child
        return child
    }

    private mutating func mixedChild(of node: Int32, _ segment: SegmentMatcher) -> Int32 {
        if let existing = nodes[Int(node)].mixed.first(where: { $0.segment.shape == segment.shape }) {
            return existing.child
        }
        let child = newNode()
        nodes[Int(node)].mixed.append((segment, child))
        // More literal text first, so `v<n>` is tried before `<name>x`'s less specific cousins.
        nodes[Int(node)].mixed.sort { $0.segment.literalByteCount > $1.segment.literalByteCount }
        return child
    }

    /// Reusable space for matching, so that matching allocates nothing per key.
    public struct Scratch: Sendable {
        var bounds: [Int] = []
        var holes: [Range<Int>] = Array(repeating: 0..<0, count: 16)

        /// Creates empty scratch space; it grows to fit the longest key it meets, once.
        public init() {}
    }

    /// Classifies `key`. Pass the same `scratch` for every call on one thread.
    public func match(_ key: UnsafeRawBufferPointer, scratch: inout Scratch) -> KeyMatch {
        // Segment k spans bounds[k] ..< bounds[k + 1] - 1 (the separator follows it).
        scratch.bounds.removeAll(keepingCapacity: true)
        scratch.bounds.append(0)
        var index = 0
        let count = key.count
        while index < count {
            if key[index] == separator {
                scratch.bounds.append(index + 1)
                if scratch.bounds.count > maxSegments { return .unmatched }
            }
            index += 1
        }
        scratch.bounds.append(count + 1)
        let segments = scratch.bounds.count - 1
        guard segmentCounts & (1 << UInt64(min(segments, 63))) != 0 else { return .unmatched }
        var firstBadParam: KeyMatch?
        if let pattern = search(0, depth: 0, segments: segments, key, &scratch, &firstBadParam) {
            return .matched(pattern: Int(pattern))
        }
        return firstBadParam ?? .unmatched
    }

    /// Classifies `key`.
    public func match(_ key: some Collection<UInt8>) -> KeyMatch {
        var scratch = Scratch()
        let bytes = Array(key)
        return bytes.withUnsafeBytes { match($0, scratch: &scratch) }
    }

    private func search(
        _ node: Int32, depth: Int, segments: Int, _ key: UnsafeRawBufferPointer, _ scratch: inout Scratch,
        _ firstBadParam: inout KeyMatch?
    ) -> Int32? {
        let current = nodes[Int(node)]
        if depth == segments {
            for pattern in current.terminals {
                if let badParam = check(pattern, key, &scratch) {
                    if firstBadParam == nil { firstBadParam = badParam }
                } else {
                    return pattern
                }
            }
            return nil
        }
        let segment = UnsafeRawBufferPointer(
            rebasing: key[scratch.bounds[depth]..<(scratch.bounds[depth + 1] - 1)])
        let literal = literals.child(of: node, segment: segment)
        if literal >= 0, let found = search(literal, depth: depth + 1, segments: segments, key, &scratch, &firstBadParam) {
            return found
        }
        for (matcher, child) in current.mixed where matcher.matches(segment) {
            if let found = search(child, depth: depth + 1, segments: segments, key, &scratch, &firstBadParam) {
                return found
            }
        }
        if current.wildcard >= 0, !segment.isEmpty {
            return search(current.wildcard, depth: depth + 1, segments: segments, key, &scratch, &firstBadParam)
        }
        return nil
    }

    /// `nil` when every placeholder of `pattern` accepts its value, else the first violation.
    private func check(_ pattern: Int32, _ key: UnsafeRawBufferPointer, _ scratch: inout Scratch) -> KeyMatch? {
        for (placeholder, site) in sites[Int(pattern)].enumerated() where site.needsCheck {
            let value = valueRange(of: site, in: key, &scratch)
            if let violation = site.rule.violation(in: UnsafeRawBufferPointer(rebasing: key[value])) {
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
        guard let mixed = site.mixed else { return start..<end }
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
        return bytes.withUnsafeBytes { buffer in
            scratch.bounds = [0]
            for (index, byte) in buffer.enumerated() where byte == separator { scratch.bounds.append(index + 1) }
            scratch.bounds.append(buffer.count + 1)
            guard scratch.bounds.count - 1 == patterns[pattern].segments.count else { return [] }
            return sites[pattern].map { site in
                Array(buffer[valueRange(of: site, in: buffer, &scratch)])
            }
        }
    }
}

extension SegmentMatcher {
    var literalByteCount: Int {
        pieces.reduce(0) { total, piece in
            if case .literal(let bytes) = piece { return total + bytes.count }
            return total
        }
    }
}
