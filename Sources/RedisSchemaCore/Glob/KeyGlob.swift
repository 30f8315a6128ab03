/// A glob in Redis' `MATCH` syntax: `*`, `?`, `[abc]`, `[^a-z]` and `\` escapes, over bytes.
public struct KeyGlob: Sendable, Hashable, CustomStringConvertible {
    private enum Token: Sendable, Hashable {
        case byte(UInt8)
        case any
        case star
        case set(ranges: [ClosedRange<UInt8>], negated: Bool)
    }

    /// The glob as written.
    public let source: String
    private let tokens: [Token]

    /// Why a glob does not parse.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong.
        public var description: String
    }

    /// Parses `source`.
    public init(_ source: String) throws(SyntaxError) {
        self.source = source
        let bytes = Array(source.utf8)
        var tokens: [Token] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "*"):
                if tokens.last != .star { tokens.append(.star) }
            case UInt8(ascii: "?"):
                tokens.append(.any)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw SyntaxError(description: "`\(source)` ends with a lone `\\`") }
                tokens.append(.byte(bytes[index]))
            case UInt8(ascii: "["):
                index += 1
                let negated = index < bytes.count && bytes[index] == UInt8(ascii: "^")
                if negated { index += 1 }
                var ranges: [ClosedRange<UInt8>] = []
                while index < bytes.count && bytes[index] != UInt8(ascii: "]") {
                    var low = bytes[index]
                    if low == UInt8(ascii: "\\"), index + 1 < bytes.count {
                        index += 1
                        low = bytes[index]
                    }
                    if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "-"),
                        bytes[index + 2] != UInt8(ascii: "]")
                    {
                        let high = bytes[index + 2]
                        ranges.append(min(low, high)...max(low, high))
                        index += 3
                    } else {
                        ranges.append(low...low)
                        index += 1
                    }
                }
                guard index < bytes.count else {
                    throw SyntaxError(description: "`[` in `\(source)` is never closed with `]`")
                }
                tokens.append(.set(ranges: ranges, negated: negated))
            default:
                tokens.append(.byte(byte))
            }
            index += 1
        }
        self.tokens = tokens
    }

    public var description: String { source }

    /// Whether the glob matches all of `key`.
    public func matches(_ key: UnsafeRawBufferPointer) -> Bool {
        var token = 0
        var position = 0
        var starToken = -1
        var starPosition = 0
        while position < key.count {
            if token < tokens.count {
                switch tokens[token] {
                case .star:
                    starToken = token
                    starPosition = position
                    token += 1
                    continue
                case .any:
                    token += 1
                    position += 1
                    continue
                case .byte(let byte) where byte == key[position]:
                    token += 1
                    position += 1
                    continue
                case .set(let ranges, let negated) where ranges.contains { $0.contains(key[position]) } != negated:
                    token += 1
                    position += 1
                    continue
                default:
                    break
                }
            }
            guard starToken >= 0 else { return false }
            starPosition += 1
            position = starPosition
            token = starToken + 1
        }
        while token < tokens.count, tokens[token] == .star { token += 1 }
        return token == tokens.count
    }

    /// Whether the glob matches all of `key`.
    public func matches(_ key: some Collection<UInt8>) -> Bool {
        Array(key).withUnsafeBytes { matches($0) }
    }
}
