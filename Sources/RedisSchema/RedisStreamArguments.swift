/// Checks and conversions of the arguments of generated stream operations, run when an operation is built so
/// that a bad argument throws before anything is sent.
public enum RedisStreamArguments {
    /// The least idle time of the pending entries an operation considers (`XCLAIM`'s min-idle-time, `XPENDING`'s
    /// `IDLE`), in whole milliseconds rounded up; zero considers every entry.
    ///
    /// - Throws: ``RedisSchemaError/invalidArgument(key:message:)`` for a negative duration or one too long to
    ///   send.
    public static func idleMilliseconds(_ minIdle: Duration, key: String) throws(RedisSchemaError) -> Int64 {
        guard minIdle >= .zero else {
            throw .invalidArgument(key: key, message: "a minimum idle time cannot be negative, but it is \(minIdle)")
        }
        return try RedisBlockingTimeout.wholeMilliseconds(minIdle, key: key, what: "a minimum idle time")
    }
}
