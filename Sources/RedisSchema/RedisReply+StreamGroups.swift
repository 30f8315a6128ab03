/// Readers of the replies of stream consumer-group commands. `XPENDING` answers arrays in RESP2 and RESP3
/// alike; counts come as integers, and as decimal strings where RESP2 sends text (the per-consumer counts).
extension RedisReply {
    /// The `XPENDING key group` summary: `[count, smallest, largest, [[consumer, count], …]]`, the last three
    /// null when nothing is pending.
    public static func pendingSummary(
        _ reply: RESPValue, key: String, command: String
    ) throws(RedisSchemaError) -> RedisPendingSummary {
        let parts = try array(reply, key: key, command: command)
        guard parts.count == 4 else { throw unexpected(reply, key: key, command: command) }
        var consumers: [String: Int] = [:]
        if !parts[3].isNull {
            for consumer in try array(parts[3], key: key, command: command) {
                guard let pair = consumer.array, pair.count == 2, let name = pair[0].bytes, let count = pair[1].int
                else { throw unexpected(consumer, key: key, command: command) }
                consumers[String(decoding: name, as: UTF8.self), default: 0] += Int(count)
            }
        }
        return RedisPendingSummary(
            count: try integer(parts[0], key: key, command: command),
            smallestID: try optionalText(parts[1], key: key, command: command),
            largestID: try optionalText(parts[2], key: key, command: command), consumers: consumers)
    }

    /// The entries of `XPENDING key group [IDLE ms] start end count [consumer]`:
    /// `[[id, consumer, idle ms, deliveries], …]`, oldest first.
    public static func pendingEntries(
        _ reply: RESPValue, key: String, command: String
    ) throws(RedisSchemaError) -> [RedisPendingEntry] {
        try array(reply, key: key, command: command).map { (entry: RESPValue) throws(RedisSchemaError) in
            guard let parts = entry.array, parts.count == 4, let id = parts[0].bytes, let consumer = parts[1].bytes,
                let idle = parts[2].int, let deliveries = parts[3].int
            else { throw unexpected(entry, key: key, command: command) }
            return RedisPendingEntry(
                id: String(decoding: id, as: UTF8.self), consumer: String(decoding: consumer, as: UTF8.self),
                idle: .milliseconds(idle), deliveries: Int(deliveries))
        }
    }

    /// A string, or `nil` for a null reply.
    private static func optionalText(
        _ reply: RESPValue, key: String, command: String
    ) throws(RedisSchemaError) -> String? {
        if reply.isNull { return nil }
        return String(decoding: try bytes(reply, key: key, command: command), as: UTF8.self)
    }
}
