/// A key, member or field-name pattern (`session:<sid>`, `user:<userId>`, `<x:int>_<y:int>`) as generated
/// code uses it: it renders names from validated values and parses names back into values.
///
/// A value may not be empty, break its placeholder's ``KeyParamRule``, contain the separator (it would
/// spill into another segment, e.g. `sid = "live:1"` turning `session:<sid>` into another key's
/// keyspace), or contain the text that follows its placeholder (the name would no longer parse back).
public struct RedisPattern: Sendable, Hashable, CustomStringConvertible {
    /// One piece of a pattern.
    public enum Part: Sendable, Hashable {
        /// Text that appears as written.
        case literal(String)
        /// A named placeholder and the rule its values satisfy.
        case placeholder(String, KeyParamRule)
    }

    /// The pattern as the schema writes it.
    public let source: String
    /// The pieces, in order.
    public let parts: [Part]
    /// The key separator; `nil` for field-name patterns, which have no segments.
    public let separator: String?

    /// Creates a pattern; generated code passes parts the schema loader already validated.
    public init(_ source: String, separator: String?, parts: [Part]) {
        self.source = source
        self.separator = separator
        self.parts = parts
    }

    public var description: String { source }

    /// The text for `values`, given in placeholder order.
    ///
    /// - Throws: ``RedisSchemaError/invalidParam(pattern:param:value:violation:)`` for the first value
    ///   that breaks its rule.
    public func render(_ values: [String]) throws(RedisSchemaError) -> String {
        var text = ""
        var valueIndex = 0
        for (index, part) in parts.enumerated() {
            switch part {
            case .literal(let literal):
                text += literal
            case .placeholder(let name, let rule):
                let value = values[valueIndex]
                valueIndex += 1
                if let violation = violation(of: value, rule: rule, at: index) {
                    throw .invalidParam(pattern: source, param: name, value: value, violation: violation)
                }
                text += value
            }
        }
        return text
    }

    /// The placeholder values in `text`, in placeholder order, or `nil` when `text` does not follow the
    /// pattern or a value breaks its rule.
    public func parse(_ text: String) -> [String]? {
        var rest = Substring(text)
        var values: [String] = []
        var index = 0
        while index < parts.count {
            switch parts[index] {
            case .literal(let literal):
                guard rest.hasPrefix(literal) else { return nil }
                rest = rest.dropFirst(literal.count)
            case .placeholder(_, let rule):
                // Rendering forbids the following text inside a value, so its first occurrence ends it.
                let value: Substring
                if index + 1 < parts.count, case .literal(let next) = parts[index + 1] {
                    guard let range = rest.textRange(of: next) else { return nil }
                    value = rest[..<range.lowerBound]
                } else {
                    value = rest
                }
                let string = String(value)
                if violation(of: string, rule: rule, at: index) != nil { return nil }
                values.append(string)
                rest = rest[value.endIndex...]
            }
            index += 1
        }
        return rest.isEmpty ? values : nil
    }

    private func violation(of value: String, rule: KeyParamRule, at index: Int) -> KeyParamViolation? {
        if value.isEmpty { return .empty }
        if let separator, value.containsText(separator) { return .containsSeparator(separator) }
        if let terminator = terminator(after: index), value.containsText(terminator) {
            return .containsSeparator(terminator)
        }
        return rule.violation(in: value)
    }

    /// The text that ends the placeholder at `index` within its segment, if any.
    private func terminator(after index: Int) -> String? {
        guard index + 1 < parts.count, case .literal(var next) = parts[index + 1] else { return nil }
        if let separator, let range = next.textRange(of: separator) {
            next = String(next[..<range.lowerBound])
        }
        return next.isEmpty ? nil : next
    }
}

extension StringProtocol {
    /// The first range of `other` in `self`, compared by Unicode scalars (no Foundation needed).
    fileprivate func textRange(of other: String) -> Range<Index>? {
        guard !other.isEmpty else { return nil }
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(other) {
                return start..<index(start, offsetBy: other.count)
            }
            start = index(after: start)
        }
        return nil
    }

    fileprivate func containsText(_ other: String) -> Bool {
        textRange(of: other) != nil
    }
}
