/// A reply from a Redis server, RESP2 or RESP3.
///
/// Payloads are kept as raw bytes because Redis keys and values are binary-safe; use ``string`` only where
/// the value is known to be text.
public enum RESPValue: Sendable, Hashable {
    /// A RESP simple string (`+OK`).
    case simpleString([UInt8])
    /// A RESP bulk string; RESP3 verbatim strings also decode to this, without their `txt:` prefix.
    case bulkString([UInt8])
    /// A RESP integer.
    case integer(Int64)
    /// A RESP3 double (`inf`, `-inf` and `nan` included).
    case double(Double)
    /// A RESP3 boolean.
    case boolean(Bool)
    /// A RESP3 big number, kept as its decimal digits because it may not fit any Swift integer.
    case bigNumber([UInt8])
    /// The RESP2 null bulk string or null array, or the RESP3 null.
    case null
    /// A simple or bulk error reply.
    case error(RedisServerError)
    /// A RESP array.
    case array([RESPValue])
    /// A RESP3 set.
    case set([RESPValue])
    /// A RESP3 map, flattened to alternating key and value so that reply order is preserved.
    case map([RESPValue])
    /// A RESP3 out-of-band push message.
    case push([RESPValue])
}

extension RESPValue {
    /// The payload of a simple string, bulk string or big number.
    public var bytes: [UInt8]? {
        switch self {
        case .simpleString(let bytes), .bulkString(let bytes), .bigNumber(let bytes):
            return bytes
        default:
            return nil
        }
    }

    /// The payload decoded as UTF-8, or `nil` if the value is not a string or the bytes are not valid UTF-8.
    ///
    /// Integers and doubles are rendered in decimal because RESP2 servers send some numbers as strings and
    /// RESP3 servers send them as numbers; callers that want text get the same answer from both.
    public var string: String? {
        switch self {
        case .simpleString(let bytes), .bulkString(let bytes), .bigNumber(let bytes):
            return String(validating: bytes, as: UTF8.self)
        case .integer(let value):
            return String(value)
        case .double(let value):
            return String(value)
        default:
            return nil
        }
    }

    /// The value as an integer; decimal strings are accepted because RESP2 sends some numbers as bulk strings.
    public var int: Int64? {
        switch self {
        case .integer(let value):
            return value
        case .simpleString(let bytes), .bulkString(let bytes):
            return Int64(decimalASCII: bytes)
        default:
            return nil
        }
    }

    /// The value as a double; RESP2 sends doubles (e.g. `ZSCORE`) as bulk strings.
    public var double: Double? {
        switch self {
        case .double(let value):
            return value
        case .integer(let value):
            return Double(value)
        case .simpleString(let bytes), .bulkString(let bytes):
            return String(validating: bytes, as: UTF8.self).flatMap(Double.init)
        default:
            return nil
        }
    }

    /// The elements of an array, set or push; `nil` for other values, including the RESP2 null array.
    public var array: [RESPValue]? {
        switch self {
        case .array(let values), .set(let values), .push(let values):
            return values
        default:
            return nil
        }
    }

    /// The key/value pairs of a RESP3 map, or of a RESP2 array of alternating keys and values
    /// (which is how RESP2 servers send what RESP3 servers send as a map).
    public var pairs: [(key: RESPValue, value: RESPValue)]? {
        let flat: [RESPValue]
        switch self {
        case .map(let values), .array(let values):
            flat = values
        default:
            return nil
        }
        guard flat.count % 2 == 0 else { return nil }
        var result: [(key: RESPValue, value: RESPValue)] = []
        result.reserveCapacity(flat.count / 2)
        var index = flat.startIndex
        while index < flat.endIndex {
            result.append((flat[index], flat[index + 1]))
            index += 2
        }
        return result
    }

    /// Whether the value is a null reply.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The server error carried by an error reply.
    public var serverError: RedisServerError? {
        if case .error(let error) = self { return error }
        return nil
    }
}

extension Int64 {
    /// Parses an optionally signed decimal without going through `String`, rejecting overflow.
    fileprivate init?(decimalASCII bytes: [UInt8]) {
        var index = bytes.startIndex
        guard index < bytes.endIndex else { return nil }
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < bytes.endIndex else { return nil }
        var value: Int64 = 0
        while index < bytes.endIndex {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (multiplied, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (added, overflow2) =
                negative
                ? multiplied.subtractingReportingOverflow(Int64(digit))
                : multiplied.addingReportingOverflow(Int64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = added
            index += 1
        }
        self = value
    }
}

/// An error reply sent by the server, such as `WRONGTYPE Operation against a key holding the wrong kind of value`.
public struct RedisServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The full error line as sent by the server, including the code.
    public var message: String

    /// Creates an error from the line the server sent (without the leading `-`).
    public init(_ message: String) {
        self.message = message
    }

    /// The error code: the first word of the message when it is upper case, as Redis conventionally sends
    /// (`ERR`, `WRONGTYPE`, `NOPERM`, `NOAUTH`, `WRONGPASS`, `LOADING`, ...). `ERR` when the server sent none.
    public var code: String {
        let word = self.message.prefix { $0 != " " }
        guard !word.isEmpty, word.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) else {
            return "ERR"
        }
        return String(word)
    }

    /// The message without its code.
    public var detail: String {
        let word = self.message.prefix { $0 != " " }
        guard self.code == word else { return self.message }
        return String(self.message.dropFirst(word.count).drop { $0 == " " })
    }

    public var description: String {
        "Redis server error: \(self.message)"
    }
}
