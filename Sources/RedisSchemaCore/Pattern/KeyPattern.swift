import RedisSchema

/// A key pattern such as `rage:<sid>:<element>`, split into separator-delimited segments.
///
/// A placeholder matches one or more bytes that are not the separator, so a key has exactly as many
/// segments as the pattern that matches it. Within a segment, a placeholder followed by text ends at
/// the first occurrence of that text that lets the rest of the segment match.
public struct KeyPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let source: String
    /// The separator between segments.
    public let separator: String
    /// The placeholders, in the order they appear.
    public internal(set) var placeholders: [Placeholder]
    /// The pattern's parts, in order.
    public let parts: [PatternPart]
    /// The parts of each segment.
    public let segments: [[PatternPart]]

    /// Parses `source` with the given separator.
    public init(_ source: String, separator: String = ":") throws(PatternSyntaxError) {
        let (parts, placeholders) = try PatternTemplate.parse(source).get()
        self.source = source
        self.separator = separator
        self.placeholders = placeholders
        self.parts = parts
        self.segments = Self.split(parts, on: separator)
    }

    public var description: String { source }

    /// Whether the pattern has no placeholders, so it names exactly one key.
    public var isLiteral: Bool { placeholders.isEmpty }

    /// The index of the placeholder called `name`.
    public func placeholderIndex(named name: String) -> Int? {
        placeholders.firstIndex { $0.name == name }
    }

    /// Replaces the rule of the placeholder at `index`.
    public mutating func setRule(_ rule: KeyParamRule, forPlaceholderAt index: Int) {
        placeholders[index].rule = rule
    }

    /// The key for the given placeholder values, in placeholder order. Does not validate them.
    public func render(_ values: [String]) -> String {
        var key = ""
        for part in parts {
            switch part {
            case .literal(let text): key += text
            case .placeholder(let index): key += values[index]
            }
        }
        return key
    }

    /// The pattern with placeholders shown as `<name>`, without types: `session:<sid>`.
    public var displayForm: String {
        render(placeholders.map { "<\($0.name)>" })
    }

    private static func split(_ parts: [PatternPart], on separator: String) -> [[PatternPart]] {
        var segments: [[PatternPart]] = [[]]
        for part in parts {
            switch part {
            case .placeholder:
                segments[segments.count - 1].append(part)
            case .literal(let text):
                let pieces = text.split(separator: separator, omittingEmptySubsequences: false)
                for (offset, piece) in pieces.enumerated() {
                    if offset > 0 { segments.append([]) }
                    if !piece.isEmpty { segments[segments.count - 1].append(.literal(String(piece))) }
                }
            }
        }
        return segments
    }
}

extension PatternSyntaxError: CustomStringConvertible {
    public var description: String { message }
}
