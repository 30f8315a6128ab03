extension RedisReply {
    /// The element of a `BLPOP` or `BRPOP` reply (`[key, element]`), or a null reply when the wait timed out.
    ///
    /// - Throws: ``RedisSchemaError/unexpectedReply(key:command:reply:)`` for any other reply.
    public static func poppedElement(_ reply: RESPValue, key: String, command: String) throws(RedisSchemaError)
        -> RESPValue
    {
        if reply.isNull { return .null }
        let pair = try array(reply, key: key, command: command)
        guard pair.count == 2 else { throw unexpected(reply, key: key, command: command) }
        return pair[1]
    }
}
