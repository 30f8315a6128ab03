/// Checks and conversions of the arguments of generated stream operations, run when an operation is built so
/// that a bad argument throws before anything is sent.
public enum RedisStreamArguments {
    /// The longest wait or idle time sent: about 31 years, far below what a Redis millisecond count holds.
    static let maximumMilliseconds: Int64 = 1_000_000_000_000

    /// How long a blocking read waits, as the whole milliseconds of `BLOCK ms`, rounded up so that a wait under
    /// a millisecond still waits.
    ///
    /// - Throws: ``RedisSchemaError/invalidArgument(key:message:)`` for a zero or negative duration (Redis reads
    ///   `BLOCK 0` as waiting forever, which a `Duration` should never mean) or one too long to send.
    public static func blockMilliseconds(_ timeout: Duration, key: String) throws(RedisSchemaError) -> Int64 {
        guard timeout > .zero else {
            throw .invalidArgument(
                key: key,
                message: "a blocking read waits for a positive duration, not \(timeout) (BLOCK 0 waits forever)")
        }
        return try milliseconds(timeout, key: key, what: "a blocking read's timeout")
    }

    /// The least idle time of the pending entries an operation considers (`XCLAIM`'s min-idle-time, `XPENDING`'s
    /// `IDLE`), in whole milliseconds rounded up; zero considers every entry.
    ///
    /// - Throws: ``RedisSchemaError/invalidArgument(key:message:)`` for a negative duration or one too long to
    ///   send.
    public static func idleMilliseconds(_ minIdle: Duration, key: String) throws(RedisSchemaError) -> Int64 {
        guard minIdle >= .zero else {
            throw .invalidArgument(key: key, message: "a minimum idle time is not negative: \(minIdle)")
        }
        return try milliseconds(minIdle, key: key, what: "a minimum idle time")
    }

    /// Checks the entry IDs of an `XACK` or `XCLAIM`, which Redis requires at least one of: an empty list is
    /// more likely a mistake than a request to do nothing, and the server would refuse it anyway.
    ///
    /// - Throws: ``RedisSchemaError/invalidArgument(key:message:)`` for an empty list.
    public static func requireEntryIDs(_ ids: [String], key: String, command: String) throws(RedisSchemaError) {
        guard !ids.isEmpty else {
            throw .invalidArgument(key: key, message: "\(command) needs at least one entry ID")
        }
    }

    private static func milliseconds(
        _ duration: Duration, key: String, what: String
    ) throws(RedisSchemaError) -> Int64 {
        let (seconds, attoseconds) = duration.components
        guard seconds < maximumMilliseconds / 1000 else {
            throw .invalidArgument(key: key, message: "\(what) of \(duration) is too long to send")
        }
        let attosecondsPerMillisecond: Int64 = 1_000_000_000_000_000
        let partial = (attoseconds + attosecondsPerMillisecond - 1) / attosecondsPerMillisecond
        return seconds * 1000 + partial
    }
}
