/// A key pattern's Redis Cluster hash tag: the literal text and placeholders between its first `{` and the
/// first `}` after it (`session:{<sid>}:events` has the tag `{<sid>}`), which is all Redis hashes to pick
/// a key's slot (``RedisHashSlot``). Keys with the same tag text share a slot, so one command or
/// transaction may touch them together on a cluster.
///
/// Braces are literal key bytes; the tag is what Redis makes of them when no placeholder value holds a
/// brace. A pattern with a tag keeps it so: a value before the tag may not contain `{` (it would open an
/// earlier tag) and a value inside may not contain `}` (it would close the tag early). Values after the tag,
/// and in patterns without one, may hold any byte.
public struct PatternHashTag: Sendable, Hashable {
    /// The pattern's parts between the braces, in order (literal text and placeholders).
    public let parts: [PatternPart]
    /// The tag with braces and placeholders by name, without types: `{<sid>}`, `{jobs}`.
    public let displayForm: String

    /// The indices of the placeholders inside the tag, in order.
    public var placeholderIndices: [Int] {
        parts.compactMap { part in
            guard case .placeholder(let index) = part else { return nil }
            return index
        }
    }

    /// Whether the tag holds literal text only, so that every key of the pattern is in one slot.
    public var isLiteral: Bool { placeholderIndices.isEmpty }

    /// The text between the braces for `values` (in the pattern's placeholder order): the bytes Redis
    /// hashes for the key rendered from them.
    public func text(_ values: [String]) -> String {
        parts.map { part in
            switch part {
            case .literal(let text): return text
            case .placeholder(let index): return values[index]
            }
        }.joined()
    }

    /// Whether both tags hash the same bytes exactly when they are given the same values, position by
    /// position: the same literal text with placeholders at the same places (whatever their names).
    public func hasSameShape(as other: PatternHashTag) -> Bool {
        guard parts.count == other.parts.count else { return false }
        return zip(parts, other.parts).allSatisfy { pair in
            switch pair {
            case (.literal(let a), .literal(let b)): return a == b
            case (.placeholder, .placeholder): return true
            default: return false
            }
        }
    }
}

/// Braces in a pattern that do not make the hash tag its author probably meant; `check` warns about each.
public struct PatternBraceIssue: Sendable, Hashable {
    /// What is wrong with the braces.
    public enum Kind: Sendable, Hashable {
        /// `{}`: Redis ignores an empty tag and hashes the whole key.
        case emptyTag
        /// A `{` with no `}` after it: not a tag, so Redis hashes the whole key.
        case unclosed
        /// A later `{…}` (shown as written): Redis reads only the first, so this one picks nothing.
        case ignoredTag(String)
        /// The tag holds no placeholder, so every key of a pattern with placeholders is in one slot.
        case literalTag
    }

    /// What is wrong.
    public var kind: Kind
    /// The offset in characters into the pattern text of the brace it is about.
    public var offset: Int

    /// Creates an issue.
    public init(kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }
}

/// Where the braces of a pattern's text are, and what they mean for the placeholders' values.
struct PatternBraceLayout: Sendable, Hashable {
    /// The hash tag, when the braces make one.
    var hashTag: PatternHashTag?
    /// For each placeholder, the brace its values may not contain to keep the tag where it is, if any.
    var forbiddenBraces: [UInt8?]
    /// Braces that do not do what they seem to.
    var issues: [PatternBraceIssue] = []

    private enum Position {
        case beforeTag
        case insideTag(openOffset: Int, parts: [PatternPart], display: [UInt8])
        case afterTag
        /// After an empty `{}`: Redis hashes the whole key, whatever follows.
        case afterEmptyTag
    }

    /// A layout without a hash tag, which puts no limit on values.
    init(placeholderCount: Int) {
        forbiddenBraces = Array(repeating: nil, count: placeholderCount)
    }

    /// Reads the braces of `source`, which has parsed into `placeholders`: placeholder bodies hold no braces,
    /// so every brace of the text is a literal byte.
    init(source: String, placeholders: [Placeholder]) {
        forbiddenBraces = Array(repeating: nil, count: placeholders.count)
        let bytes = Array(source.utf8)
        var position = Position.beforeTag
        var placeholder = 0
        var offset = 0
        var literal: [UInt8] = []
        var laterOpen: Int?
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "<") {
                let close = bytes[offset...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1
                switch position {
                case .beforeTag:
                    forbiddenBraces[placeholder] = UInt8(ascii: "{")
                case .insideTag(let open, var parts, let display):
                    if !literal.isEmpty { parts.append(.literal(String(decoding: literal, as: UTF8.self))) }
                    literal = []
                    forbiddenBraces[placeholder] = UInt8(ascii: "}")
                    parts.append(.placeholder(placeholder))
                    let name = Array("<\(placeholders[placeholder].name)>".utf8)
                    position = .insideTag(openOffset: open, parts: parts, display: display + name)
                case .afterTag, .afterEmptyTag:
                    break
                }
                placeholder += 1
                offset = close + 1
                continue
            }
            switch position {
            case .beforeTag:
                if byte == UInt8(ascii: "{") { position = .insideTag(openOffset: offset, parts: [], display: [byte]) }
            case .insideTag(let open, var parts, let display):
                guard byte == UInt8(ascii: "}") else {
                    literal.append(byte)
                    position = .insideTag(openOffset: open, parts: parts, display: display + [byte])
                    break
                }
                if !literal.isEmpty { parts.append(.literal(String(decoding: literal, as: UTF8.self))) }
                literal = []
                if parts.isEmpty {
                    issues.append(PatternBraceIssue(kind: .emptyTag, offset: Self.characters(source, before: open)))
                    position = .afterEmptyTag
                } else {
                    hashTag = PatternHashTag(
                        parts: parts, displayForm: String(decoding: display + [byte], as: UTF8.self))
                    if hashTag?.isLiteral == true, !placeholders.isEmpty {
                        issues.append(
                            PatternBraceIssue(kind: .literalTag, offset: Self.characters(source, before: open)))
                    }
                    position = .afterTag
                }
            case .afterTag, .afterEmptyTag:
                if byte == UInt8(ascii: "{"), laterOpen == nil {
                    laterOpen = offset
                } else if byte == UInt8(ascii: "}"), let open = laterOpen, open + 1 < offset {
                    let written = String(decoding: bytes[open...offset], as: UTF8.self)
                    issues.append(
                        PatternBraceIssue(kind: .ignoredTag(written), offset: Self.characters(source, before: open)))
                    laterOpen = bytes.count  // report one ignored tag, the first
                }
            }
            offset += 1
        }
        if case .insideTag(let open, _, _) = position {
            issues.append(PatternBraceIssue(kind: .unclosed, offset: Self.characters(source, before: open)))
        }
        // Without a tag, the schema promises no slot, so values are free.
        if hashTag == nil { forbiddenBraces = Array(repeating: nil, count: placeholders.count) }
    }

    /// How many characters of `source` start before its byte at `offset`, the column offset diagnostics use.
    private static func characters(_ source: String, before offset: Int) -> Int {
        var bytes = 0
        var count = 0
        for character in source {
            if bytes >= offset { break }
            bytes += character.utf8.count
            count += 1
        }
        return count
    }
}
