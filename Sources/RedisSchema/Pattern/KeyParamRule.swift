/// The rule one key placeholder's value must satisfy: its type and optional constraints.
///
/// The same rule serves generated code (which refuses to render a key the schema forbids) and the
/// linter (which reports `bad-param` for keys that have a pattern's shape but not its values), so both
/// agree byte for byte on what a valid value is.
public struct KeyParamRule: Sendable, Hashable {
    /// The kind of value a placeholder holds.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Any non-empty bytes without the separator.
        case string
        /// A decimal integer: an optional `-` and at least one digit.
        case int
        /// A UUID in its 36-character text form, hex digits in either case.
        case uuid
        /// One or more hexadecimal digits, in either case.
        case hex
    }

    /// The value's kind.
    public var kind: Kind
    /// The only values allowed, when the schema lists them (`enum:`).
    public var allowedValues: [String]?
    /// The longest value allowed, in bytes (`maxLength:`).
    public var maxLength: Int?
    /// A regular expression the whole value must match (`regex:`).
    public var regex: KeyParamRegex?

    /// Creates a rule.
    public init(
        kind: Kind = .string,
        allowedValues: [String]? = nil,
        maxLength: Int? = nil,
        regex: KeyParamRegex? = nil
    ) {
        self.kind = kind
        self.allowedValues = allowedValues
        self.maxLength = maxLength
        self.regex = regex
    }

    /// Why a value breaks the rule, or `nil` when it satisfies it.
    ///
    /// Allocates nothing for the kind and length checks, so the linter can call it on every key.
    public func violation(in value: UnsafeRawBufferPointer) -> KeyParamViolation? {
        if value.isEmpty { return .empty }
        if let maxLength, value.count > maxLength { return .tooLong(maxLength: maxLength) }
        if !Self.matches(kind, value) { return .wrongKind(kind) }
        if let allowedValues {
            let allowed = allowedValues.contains { candidate in
                candidate.utf8.elementsEqual(value)
            }
            if !allowed { return .notAllowed(allowedValues) }
        }
        if let regex, !regex.wholeMatches(String(decoding: value, as: UTF8.self)) {
            return .regexMismatch(regex.source)
        }
        return nil
    }

    /// Why a value breaks the rule, or `nil` when it satisfies it.
    public func violation(in value: String) -> KeyParamViolation? {
        var value = value
        return value.withUTF8 { violation(in: UnsafeRawBufferPointer($0)) }
    }

    static func matches(_ kind: Kind, _ value: UnsafeRawBufferPointer) -> Bool {
        kind.accepts(value)
    }
}

extension KeyParamRule.Kind {
    /// Whether `value` is of this kind (emptiness aside). Inlinable: the linter's matcher calls it
    /// for every typed placeholder of every key.
    @inlinable
    public func accepts(_ value: UnsafeRawBufferPointer) -> Bool {
        switch self {
        case .string:
            return true
        case .int:
            var index = value.first == UInt8(ascii: "-") ? 1 : 0
            guard index < value.count else { return false }
            while index < value.count {
                if !ParamBytes.isDigit(value[index]) { return false }
                index += 1
            }
            return true
        case .hex:
            for byte in value where !ParamBytes.isHexDigit(byte) { return false }
            return true
        case .uuid:
            guard value.count == 36 else { return false }
            var offset = 0
            while offset < 36 {
                let byte = value[offset]
                let isDash = offset == 8 || offset == 13 || offset == 18 || offset == 23
                if isDash ? byte != UInt8(ascii: "-") : !ParamBytes.isHexDigit(byte) { return false }
                offset += 1
            }
            return true
        }
    }
}

/// Byte classes for placeholder values.
@usableFromInline
enum ParamBytes {
    @inlinable @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    @inlinable @inline(__always)
    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 6
    }
}

/// How a placeholder value breaks its ``KeyParamRule``.
public enum KeyParamViolation: Sendable, Hashable, CustomStringConvertible {
    /// The value is empty.
    case empty
    /// The value is longer than allowed.
    case tooLong(maxLength: Int)
    /// The value is not of the placeholder's kind.
    case wrongKind(KeyParamRule.Kind)
    /// The value is not one of the listed values.
    case notAllowed([String])
    /// The value does not match the regular expression.
    case regexMismatch(String)
    /// The value contains the key separator's byte, so it would spill into another segment.
    case containsSeparator(String)
    /// The value would run into the text that follows its placeholder, so the name would not read back
    /// as this value (`<a>_<b>` given `x_` for `a`).
    case runsInto(String)
    /// The value contains a brace that would move the key's Redis Cluster hash tag (`tag`, as `{<sid>}`):
    /// `{` before the tag opens an earlier one, `}` inside it closes it early; either way Redis would hash
    /// other bytes, so the key would not be in the slot its pattern promises.
    case movesHashTag(brace: String, tag: String)

    public var description: String {
        switch self {
        case .empty: return "is empty"
        case .tooLong(let maxLength): return "is longer than \(maxLength) bytes"
        case .wrongKind(.string): return "is not a string"
        case .wrongKind(.int): return "is not an integer"
        case .wrongKind(.uuid): return "is not a UUID"
        case .wrongKind(.hex): return "is not hexadecimal"
        case .notAllowed(let values): return "is not one of \(values.joined(separator: ", "))"
        case .regexMismatch(let source): return "does not match /\(source)/"
        case .containsSeparator(let separator): return "contains the separator `\(separator)`"
        case .runsInto(let text): return "runs into the `\(text)` that follows it"
        case .movesHashTag(let brace, let tag):
            let effect = brace == "{" ? "open a hash tag before `\(tag)`" : "close the hash tag `\(tag)` early"
            return "contains `\(brace)`: it would \(effect), so Redis Cluster would hash other bytes"
        }
    }
}
