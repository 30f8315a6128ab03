/// How generated code sends the timeout of a blocking command: in seconds with decimals (`BLPOP`, `BRPOP`,
/// `BLMOVE`) or in milliseconds (`XREAD`/`XREADGROUP … BLOCK`). Either way it is rounded up to whole
/// milliseconds, so a timeout under a millisecond still waits rather than reaching the server as 0, which
/// waits forever.
public enum RedisBlockingTimeout {
    /// The longest duration sent: about 31 years, far below what a Redis millisecond count holds.
    static let maximumMilliseconds: Int64 = 1_000_000_000_000

    /// `timeout` in seconds with three decimals, as `BLPOP`, `BRPOP` and `BLMOVE` take it.
    ///
    /// - Throws: ``RedisSchemaError/invalidArgument(key:message:)`` when `timeout` is zero or negative (Redis
    ///   would wait forever, or refuse it; wait a long finite time instead) or too long to send.
    public static func seconds(_ timeout: Duration, key: String) throws(RedisSchemaError) -> String {
        let milliseconds = try milliseconds(timeout, key: key)
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// `timeout` in whole milliseconds, as `BLOCK ms` takes it.
    ///
    /// - Throws: ``RedisSchemaError/invalidArgument(key:message:)`` when `timeout` is zero or negative or too
    ///   long to send.
    public static func milliseconds(_ timeout: Duration, key: String) throws(RedisSchemaError) -> Int64 {
        guard timeout > .zero else {
            throw .invalidArgument(
                key: key,
                message: "the timeout \(timeout) is not positive; Redis would wait forever, so give a finite wait")
        }
        return try wholeMilliseconds(timeout, key: key, what: "the timeout")
    }

    /// `duration` in whole milliseconds, rounded up.
    ///
    /// - Throws: ``RedisSchemaError/invalidArgument(key:message:)`` when it is too long to send.
    static func wholeMilliseconds(_ duration: Duration, key: String, what: String) throws(RedisSchemaError) -> Int64 {
        let (seconds, attoseconds) = duration.components
        guard seconds < maximumMilliseconds / 1000 else {
            throw .invalidArgument(key: key, message: "\(what) of \(duration) is too long to send")
        }
        let attosecondsPerMillisecond: Int64 = 1_000_000_000_000_000
        return seconds * 1000 + (attoseconds + attosecondsPerMillisecond - 1) / attosecondsPerMillisecond
    }
}
