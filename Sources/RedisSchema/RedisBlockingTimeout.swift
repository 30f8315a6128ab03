/// How generated code sends the timeout of a blocking command (`BLPOP`, `BRPOP`, `BLMOVE`).
public enum RedisBlockingTimeout {
    /// `timeout` in seconds with three decimals, as those commands take it, rounded up to whole milliseconds:
    /// a timeout shorter than a millisecond must not reach the server as 0, which waits forever.
    ///
    /// - Throws: ``RedisSchemaError/invalidArgument(key:message:)`` when `timeout` is zero or negative: Redis
    ///   would wait forever (0) or refuse it; wait a long finite time instead.
    public static func seconds(_ timeout: Duration, key: String) throws(RedisSchemaError) -> String {
        guard timeout > .zero else {
            throw .invalidArgument(
                key: key,
                message: "the timeout \(timeout) is not positive; Redis would wait forever, so give a finite wait")
        }
        let (seconds, attoseconds) = timeout.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
