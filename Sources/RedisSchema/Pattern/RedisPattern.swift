/// A key, member or field-name pattern (`session:<sid>`, `user:<userId>`, `<x:int>_<y:int>`): the one
/// definition of how such patterns parse, render, match and capture, on bytes.
///
/// The schema loader, `check`'s overlap analysis, the linter's compiled matcher and generated code all
/// use this type, so a key that generated code renders is the key `validate` files under the same
/// pattern.
///
/// A key pattern has a single-byte separator that splits it into segments. A placeholder matches one
/// or more bytes that are not the separator, so a key has exactly as many segments as the pattern that
/// matches it; within a segment that mixes text and placeholders, ``SegmentShape`` decides where each
/// value ends. Field patterns have no separator: the whole name is one segment.
///
/// Rendering refuses any value that would not read back as itself: an empty value, one with the
/// separator's byte in it (however Unicode spells the text around it), one that runs into the text
/// after its placeholder, one that breaks its ``KeyParamRule``, and any key that a more specific
/// pattern of the schema owns (``excluding``).
public struct RedisPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as the schema writes it.
    public let source: String
    /// The separator byte between segments; `nil` for field-name patterns, which have no segments.
    public let separator: UInt8?
    /// The placeholders, in the order they appear.
    public private(set) var placeholders: [Placeholder]
    /// The pieces, in order.
    public let parts: [PatternPart]
    /// The segments, in order: what the linter's trie is built from.
    public let segments: [PatternSegment]
    /// Patterns that take precedence over this one where they overlap: a key this pattern renders must
    /// match none of them, or it would belong to another spec.
    public private(set) var excluding: [RedisPattern] = []
    /// Where the text's braces are: the hash tag and what it asks of the placeholders' values.
    private let braces: PatternBraceLayout

    /// Parses `source`.
    ///
    /// - Parameters:
    ///   - separator: the key separator, one ASCII character; `nil` for field-name patterns.
    ///   - rules: rules for placeholders, by name, replacing what the pattern text says of them.
    ///   - excluding: patterns that win over this one where they overlap.
    public init(
        _ source: String, separator: String? = ":", rules: [String: KeyParamRule] = [:],
        excluding: [RedisPattern] = []
    ) throws(PatternSyntaxError) {
        var separatorByte: UInt8?
        if let separator {
            guard separator.utf8.count == 1, let byte = separator.utf8.first, byte < 0x80 else {
                throw PatternSyntaxError(.invalidSeparator(separator), offset: 0)
            }
            separatorByte = byte
        }
        let parsed = try PatternParser.parse(source)
        self.source = source
        self.separator = separatorByte
        self.parts = parsed.parts
        self.placeholders = parsed.placeholders
        self.segments = PatternSegment.split(parsed.parts, on: separatorByte)
        // Field names are not keys: only patterns with a separator (keys, and members, which share their
        // syntax) have hash tags.
        self.braces =
            separatorByte == nil
            ? PatternBraceLayout(placeholderCount: parsed.placeholders.count)
            : PatternBraceLayout(source: source, placeholders: parsed.placeholders)
        self.excluding = excluding
        for (name, rule) in rules {
            guard let index = placeholderIndex(named: name) else { continue }
            placeholders[index].rule = rule
        }
    }

    /// A pattern that the schema loader has already checked, as generated code declares it; traps with
    /// the syntax error otherwise, since that is a bug in the generator, not a user error.
    public init(
        validated source: String, separator: String? = ":", rules: [String: KeyParamRule] = [:],
        excluding: [RedisPattern] = []
    ) {
        do {
            try self.init(source, separator: separator, rules: rules, excluding: excluding)
        } catch {
            preconditionFailure("invalid pattern `\(source)`: \(error)")
        }
    }

    public var description: String { source }

    /// The separator as text, for messages.
    public var separatorText: String? {
        separator.map { String(UnicodeScalar($0)) }
    }

    /// Whether the pattern has no placeholders, so it names exactly one key.
    public var isLiteral: Bool { placeholders.isEmpty }

    /// The pattern with placeholders shown as `<name>`, without types: `session:<sid>`.
    public var displayForm: String {
        unchecked(placeholders.map { "<\($0.name)>" })
    }

    /// The Redis Cluster hash tag its keys have (`{<sid>}` of `session:{<sid>}:events`), or `nil` when Redis
    /// hashes the whole key: no braces, an empty `{}`, or a `{` never closed.
    public var hashTag: PatternHashTag? { braces.hashTag }

    /// Braces in the text that do not make the hash tag they seem to (an empty or unclosed tag, a second one
    /// Redis ignores, a tag without placeholders): what `check` warns about.
    public var braceIssues: [PatternBraceIssue] { braces.issues }

    /// The brace that values of the placeholder at `index` may not contain, because it would move the hash
    /// tag: `{` before the tag, `}` inside it; `nil` when any byte is fine.
    public func forbiddenBrace(forPlaceholderAt index: Int) -> UInt8? {
        braces.forbiddenBraces[index]
    }

    /// Why a value that the placeholder at `index` captured moves the hash tag, or `nil` when it does not.
    @inline(__always)
    func braceViolation(in value: UnsafeRawBufferPointer, at index: Int) -> KeyParamViolation? {
        guard let brace = braces.forbiddenBraces[index], value.contains(brace), let tag = braces.hashTag else {
            return nil
        }
        return .movesHashTag(brace: String(UnicodeScalar(brace)), tag: tag.displayForm)
    }

    /// The index of the placeholder called `name`.
    public func placeholderIndex(named name: String) -> Int? {
        placeholders.firstIndex { $0.name == name }
    }

    /// Replaces the rule of the placeholder at `index`.
    public mutating func setRule(_ rule: KeyParamRule, forPlaceholderAt index: Int) {
        placeholders[index].rule = rule
    }

    /// Sets the patterns that win over this one where they overlap.
    public mutating func setExcluding(_ patterns: [RedisPattern]) {
        excluding = patterns
    }

    // MARK: Rendering

    /// The text for `values`, given in placeholder order, without any check: for examples and display.
    public func unchecked(_ values: [String]) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .placeholder(let index): text += values[index]
            }
        }
        return text
    }

    /// The text for `values`, given in placeholder order.
    ///
    /// - Throws: ``RedisSchemaError/invalidParam(pattern:param:value:violation:)`` for the first value
    ///   that would not read back as itself or breaks its rule, and
    ///   ``RedisSchemaError/ownedByAnotherPattern(key:pattern:owner:)`` when the text belongs to a more
    ///   specific pattern.
    public func render(_ values: [String]) throws(RedisSchemaError) -> String {
        precondition(values.count == placeholders.count, "`\(source)` takes \(placeholders.count) values")
        for (index, value) in values.enumerated() {
            if let violation = violation(of: value, at: index) {
                throw .invalidParam(
                    pattern: source, param: placeholders[index].name, value: value, violation: violation)
            }
        }
        let text = unchecked(values)
        let bytes = Array(text.utf8)
        // Each value passed its own checks; it must also read back as itself, or it ran into the text
        // after it (`<a>_<b>` with a = `x_`).
        let readBack = bytes.withUnsafeBytes { shapeCaptures(in: $0) }
        for index in values.indices {
            if let readBack, values[index].utf8.elementsEqual(bytes[readBack[index]]) { continue }
            guard let following = followingText(index) else { continue }
            throw .invalidParam(
                pattern: source, param: placeholders[index].name, value: values[index],
                violation: .runsInto(following))
        }
        for other in excluding where bytes.withUnsafeBytes({ other.matches($0) }) {
            throw .ownedByAnotherPattern(key: text, pattern: source, owner: other.source)
        }
        return text
    }

    /// Why `value` cannot fill the placeholder at `index` on its own, before rendering.
    private func violation(of value: String, at index: Int) -> KeyParamViolation? {
        if value.isEmpty { return .empty }
        if let separator, value.utf8.contains(separator) {
            return .containsSeparator(String(UnicodeScalar(separator)))
        }
        if let violation = placeholders[index].rule.violation(in: value) { return violation }
        var value = value
        return value.withUTF8 { braceViolation(in: UnsafeRawBufferPointer($0), at: index) }
    }

    /// The literal text right after the placeholder at `index` within its segment, if any.
    private func followingText(_ index: Int) -> String? {
        guard let position = parts.firstIndex(of: .placeholder(index)), position + 1 < parts.count,
            case .literal(let next) = parts[position + 1]
        else { return nil }
        let text = separator.map { byte in String(next.prefix { $0.asciiValue != byte }) } ?? next
        return text.isEmpty ? nil : text
    }

    // MARK: Matching

    /// Whether `text` follows the pattern, placeholder rules included.
    public func matches(_ text: UnsafeRawBufferPointer) -> Bool {
        captures(in: text) != nil
    }

    /// Whether `text` follows the pattern, placeholder rules included.
    public func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { matches(UnsafeRawBufferPointer($0)) }
    }

    /// The byte range of each placeholder's value in `text`, in placeholder order, or `nil` when `text`
    /// does not follow the pattern or a value breaks its rule or moves the hash tag (so that Redis would hash
    /// other bytes than the pattern's ``hashTag``).
    public func captures(in text: UnsafeRawBufferPointer) -> [Range<Int>]? {
        guard let ranges = shapeCaptures(in: text) else { return nil }
        for (index, range) in ranges.enumerated() where valueViolation(in: text, range, at: index) != nil {
            return nil
        }
        return ranges
    }

    /// Why the value at `range` of `text`, captured by the placeholder at `index`, does not belong in the
    /// pattern: it breaks the placeholder's rule or moves the hash tag. `nil` when it belongs.
    public func valueViolation(in text: UnsafeRawBufferPointer, _ range: Range<Int>, at index: Int)
        -> KeyParamViolation?
    {
        let value = UnsafeRawBufferPointer(rebasing: text[range])
        return placeholders[index].rule.violation(in: value) ?? braceViolation(in: value, at: index)
    }

    /// The byte range of each placeholder's value when `text` has the pattern's shape, whatever the
    /// values; `nil` when it does not.
    public func shapeCaptures(in text: UnsafeRawBufferPointer) -> [Range<Int>]? {
        var ranges = [Range<Int>](repeating: 0..<0, count: placeholders.count)
        var start = 0
        for (number, segment) in segments.enumerated() {
            let isLast = number == segments.count - 1
            var end = text.count
            if let separator {
                let found = text[start...].firstIndex(of: separator)
                if isLast {
                    guard found == nil else { return nil }
                } else {
                    guard let found else { return nil }
                    end = found
                }
            }
            let bytes = UnsafeRawBufferPointer(rebasing: text[start..<end])
            switch segment {
            case .literal(let literal):
                guard bytes.elementsEqual(literal) else { return nil }
            case .placeholder(let index):
                guard !bytes.isEmpty else { return nil }
                ranges[index] = start..<end
            case .mixed(let shape):
                guard let holes = shape.split(bytes) else { return nil }
                for (hole, index) in shape.placeholderIndices.enumerated() {
                    ranges[index] = (start + holes[hole].lowerBound)..<(start + holes[hole].upperBound)
                }
            }
            start = end + 1
        }
        return ranges
    }

    /// The placeholder values in `text`, in placeholder order, or `nil` when `text` does not follow the
    /// pattern or a value breaks its rule.
    public func parse(_ text: String) -> [String]? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { buffer in
            captures(in: buffer)?.map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }
}

/// One separator-delimited segment of a pattern, in the form matching works with.
public enum PatternSegment: Sendable, Hashable {
    /// Bytes that must appear as written (possibly none, for an empty segment).
    case literal([UInt8])
    /// The whole segment is the placeholder at this index.
    case placeholder(Int)
    /// Text and placeholders mixed.
    case mixed(SegmentShape)

    /// Splits parts at the separator; with no separator, the whole pattern is one segment.
    static func split(_ parts: [PatternPart], on separator: UInt8?) -> [PatternSegment] {
        var grouped: [[PatternPart]] = [[]]
        for part in parts {
            guard case .literal(let text) = part, let separator else {
                grouped[grouped.count - 1].append(part)
                continue
            }
            let pieces = Array(text.utf8).split(separator: separator, omittingEmptySubsequences: false)
            for (offset, piece) in pieces.enumerated() {
                if offset > 0 { grouped.append([]) }
                if !piece.isEmpty {
                    grouped[grouped.count - 1].append(.literal(String(decoding: piece, as: UTF8.self)))
                }
            }
        }
        return grouped.map { parts in
            switch parts.count == 1 ? parts[0] : nil {
            case .literal(let text)?: return .literal(Array(text.utf8))
            case .placeholder(let index)?: return .placeholder(index)
            case nil: return parts.isEmpty ? .literal([]) : .mixed(SegmentShape(parts))
            }
        }
    }
}
