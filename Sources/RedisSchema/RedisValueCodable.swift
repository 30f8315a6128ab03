/// A Swift type that stores one schema value type (`string`, `int`, `float`, `bool`, `uuid`,
/// `timestamp`, `datetime`, `json`) as the bytes of a Redis string, hash field, list element or member.
public protocol RedisValueCodable: Sendable {
    /// What a stored value must look like, for error messages: "an integer", "a UUID".
    static var redisValueDescription: String { get }
    /// The bytes stored in Redis.
    var redisEncoded: [UInt8] { get }
    /// Decodes stored bytes; `nil` when they are not a value of this type.
    init?(redisEncoded bytes: [UInt8])
}

/// `string`: UTF-8 text.
extension String: RedisValueCodable {
    public static var redisValueDescription: String { "UTF-8 text" }
    public var redisEncoded: [UInt8] { Array(utf8) }
    public init?(redisEncoded bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        self = text
    }
}

/// `int` and `timestamp` (seconds since the Unix epoch): a decimal integer.
extension Int: RedisValueCodable {
    public static var redisValueDescription: String { "an integer" }
    public var redisEncoded: [UInt8] { Array(String(self).utf8) }
    public init?(redisEncoded bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self), let value = Int(text) else { return nil }
        self = value
    }
}

/// `float`: a decimal number, written in the shortest form that reads back to the same `Double`.
extension Double: RedisValueCodable {
    public static var redisValueDescription: String { "a number" }
    public var redisEncoded: [UInt8] {
        if self == .infinity { return Array("inf".utf8) }
        if self == -.infinity { return Array("-inf".utf8) }
        return Array(String(self).utf8)
    }
    public init?(redisEncoded bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self), !text.isEmpty,
            text.utf8.allSatisfy({ $0 > 0x20 }), let value = Double(text)
        else { return nil }
        self = value
    }
}

/// `bool`: written as `true`/`false`; `1`/`0` are read too, since other clients often write those.
extension Bool: RedisValueCodable {
    public static var redisValueDescription: String { "a boolean (true, false, 1 or 0)" }
    public var redisEncoded: [UInt8] { Array((self ? "true" : "false").utf8) }
    public init?(redisEncoded bytes: [UInt8]) {
        switch String(decoding: bytes, as: UTF8.self) {
        case "true", "1": self = true
        case "false", "0": self = false
        default: return nil
        }
    }
}

extension RedisValueCodable {
    /// Decodes a reply holding one stored value; `nil` for a null reply (the key or field is missing).
    ///
    /// - Throws: ``RedisSchemaError/wrongValueType(key:field:expected:value:)`` naming `key` and `field`.
    public static func decode(
        _ reply: RESPValue, key: String, field: String? = nil
    ) throws(RedisSchemaError) -> Self? {
        if reply.isNull { return nil }
        return try decode(bytes: try RedisReply.bytes(reply, key: key, command: "read"), key: key, field: field)
    }

    /// Decodes stored bytes.
    ///
    /// - Throws: ``RedisSchemaError/wrongValueType(key:field:expected:value:)`` naming `key` and `field`.
    public static func decode(bytes: [UInt8], key: String, field: String? = nil) throws(RedisSchemaError) -> Self {
        guard let value = Self(redisEncoded: bytes) else {
            throw .wrongValueType(
                key: key, field: field, expected: redisValueDescription,
                value: String(decoding: bytes, as: UTF8.self))
        }
        return value
    }
}
