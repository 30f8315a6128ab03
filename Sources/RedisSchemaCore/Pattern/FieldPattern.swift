/// A dynamic hash field name such as `<x:int>_<y:int>`.
///
/// Unlike key patterns there is no separator: a placeholder followed by text ends at the first
/// occurrence of that text that lets the rest of the name match.
public struct FieldPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let source: String
    /// The placeholders, in order.
    public let placeholders: [Placeholder]
    /// The parts, in order.
    public let parts: [PatternPart]
    let matcher: SegmentMatcher

    /// Parses `source`.
    public init(_ source: String) throws(PatternSyntaxError) {
        let (parts, placeholders) = try PatternTemplate.parse(source).get()
        self.source = source
        self.placeholders = placeholders
        self.parts = parts
        self.matcher = SegmentMatcher(parts)
    }

    public var description: String { source }

    /// The field name for the given placeholder values, in placeholder order.
    public func render(_ values: [String]) -> String {
        parts.map { part in
            switch part {
            case .literal(let text): return text
            case .placeholder(let index): return values[index]
            }
        }.joined()
    }

    /// Whether `name` is a field this pattern describes (placeholder types included).
    public func matches(_ name: some Collection<UInt8>) -> Bool {
        let bytes = Array(name)
        return bytes.withUnsafeBytes { buffer in
            guard let captures = matcher.split(buffer) else { return false }
            return zip(matcher.placeholderIndices, captures).allSatisfy { index, range in
                placeholders[index].rule.violation(in: UnsafeRawBufferPointer(rebasing: buffer[range])) == nil
            }
        }
    }
}
