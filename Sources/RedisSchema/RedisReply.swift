/// Reads the replies of the commands generated code sends, with errors that name the key and command.
public enum RedisReply {
    /// The bytes of a string reply; integers and doubles are rendered in decimal, as RESP2 would send them.
    public static func bytes(_ reply: RESPValue, key: String, command: String) throws(RedisSchemaError) -> [UInt8] {
        if let bytes = reply.bytes { return bytes }
        switch reply {
        case .integer(let value): return Array(String(value).utf8)
        case .double(let value): return value.redisEncoded
        default: throw unexpected(reply, key: key, command: command)
        }
    }

    /// An integer reply (`INCRBY`, `LPUSH`, `XLEN`, `EXISTS`).
    public static func integer(_ reply: RESPValue, key: String, command: String) throws(RedisSchemaError) -> Int {
        guard let value = reply.int else { throw unexpected(reply, key: key, command: command) }
        return Int(value)
    }

    /// A number reply (`ZSCORE`, `INCRBYFLOAT`); `nil` for a null reply.
    public static func double(_ reply: RESPValue, key: String, command: String) throws(RedisSchemaError) -> Double? {
        if reply.isNull { return nil }
        guard let value = reply.double else { throw unexpected(reply, key: key, command: command) }
        return value
    }

    /// An array reply; a null reply reads as empty.
    public static func array(_ reply: RESPValue, key: String, command: String) throws(RedisSchemaError) -> [RESPValue] {
        if reply.isNull { return [] }
        guard let values = reply.array else { throw unexpected(reply, key: key, command: command) }
        return values
    }

    /// A field-value reply (`HGETALL`, or the fields of a stream entry) as a dictionary by field name.
    public static func fields(_ reply: RESPValue, key: String, command: String) throws(RedisSchemaError) -> [String:
        [UInt8]]
    {
        if reply.isNull { return [:] }
        guard let pairs = reply.pairs else { throw unexpected(reply, key: key, command: command) }
        var fields: [String: [UInt8]] = [:]
        for (name, value) in pairs {
            fields[String(decoding: try bytes(name, key: key, command: command), as: UTF8.self)] = try bytes(
                value, key: key, command: command)
        }
        return fields
    }

    /// The entries of an `XRANGE` or `XCLAIM` reply, or of the one stream in an `XREAD`/`XREADGROUP` reply,
    /// oldest first. An entry deleted after it was delivered to a consumer comes back from `XCLAIM` (before
    /// Redis 7) and from a consumer's history with null fields: it is left out, as there is nothing to process.
    public static func streamEntries(
        _ reply: RESPValue, key: String, command: String
    ) throws(RedisSchemaError) -> [(id: String, fields: [String: [UInt8]])] {
        var entries: [(id: String, fields: [String: [UInt8]])] = []
        for entry in try array(reply, key: key, command: command) {
            if entry.isNull { continue }
            guard let parts = entry.array, parts.count == 2 else { throw unexpected(entry, key: key, command: command) }
            if parts[1].isNull { continue }
            let id = String(decoding: try bytes(parts[0], key: key, command: command), as: UTF8.self)
            entries.append((id, try fields(parts[1], key: key, command: command)))
        }
        return entries
    }

    /// The entries of an `XREAD` reply for one stream: RESP2 sends `[[key, entries]]`, RESP3 a map.
    public static func streamReadEntries(
        _ reply: RESPValue, key: String, command: String
    ) throws(RedisSchemaError) -> [(id: String, fields: [String: [UInt8]])] {
        if reply.isNull { return [] }
        if case .map = reply, let pairs = reply.pairs, let first = pairs.first {
            return try streamEntries(first.value, key: key, command: command)
        }
        guard let streams = reply.array, let first = streams.first?.array, first.count == 2 else {
            throw unexpected(reply, key: key, command: command)
        }
        return try streamEntries(first[1], key: key, command: command)
    }

    /// A required field of a hash or stream entry, decoded.
    public static func required<Value: RedisValueCodable>(
        _ fields: [String: [UInt8]], _ name: String, as type: Value.Type, key: String
    ) throws(RedisSchemaError) -> Value {
        guard let bytes = fields[name] else { throw .missingField(key: key, field: name) }
        return try Value.decode(bytes: bytes, key: key, field: name)
    }

    /// An optional field of a hash or stream entry, decoded; `nil` when it is missing.
    public static func optional<Value: RedisValueCodable>(
        _ fields: [String: [UInt8]], _ name: String, as type: Value.Type, key: String
    ) throws(RedisSchemaError) -> Value? {
        guard let bytes = fields[name] else { return nil }
        return try Value.decode(bytes: bytes, key: key, field: name)
    }

    static func unexpected(_ reply: RESPValue, key: String, command: String) -> RedisSchemaError {
        if case .error(let error) = reply { return .commandFailed(key: key, command: command, error: error) }
        return .unexpectedReply(key: key, command: command, reply: summary(reply))
    }

    private static func summary(_ reply: RESPValue) -> String {
        switch reply {
        case .simpleString, .bulkString, .bigNumber: return "a string"
        case .integer(let value): return "the integer \(value)"
        case .double(let value): return "the number \(value)"
        case .boolean(let value): return "the boolean \(value)"
        case .null: return "null"
        case .error(let error): return error.message
        case .array(let values): return "an array of \(values.count)"
        case .set(let values): return "a set of \(values.count)"
        case .map(let values): return "a map of \(values.count / 2)"
        case .push: return "a push message"
        }
    }
}
