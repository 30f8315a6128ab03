/// How long keys of a pattern live, as the schema declares it.
public enum KeyTTL: Sendable, Hashable, CustomStringConvertible {
    /// The keys never expire.
    case none
    /// The keys expire this many milliseconds after each write.
    case milliseconds(Int64)

    /// The command that applies this TTL to `key`: `EXPIRE` for whole seconds, else `PEXPIRE`;
    /// `nil` for ``none``.
    public func expireCommand(for key: String) -> RedisCommand? {
        guard case .milliseconds(let ms) = self else { return nil }
        if ms % 1000 == 0 { return RedisCommand("EXPIRE", key, ms / 1000) }
        return RedisCommand("PEXPIRE", key, ms)
    }

    /// The `SET` options that apply this TTL in the same command: `EX n` or `PX n`; empty for ``none``.
    public var setOptions: [any RedisArgumentConvertible] {
        guard case .milliseconds(let ms) = self else { return [] }
        if ms % 1000 == 0 { return ["EX", ms / 1000] }
        return ["PX", ms]
    }

    public var description: String {
        guard case .milliseconds(let ms) = self else { return "none" }
        return ms % 1000 == 0 ? "\(ms / 1000) s" : "\(ms) ms"
    }
}

/// How long a key has left, as `PTTL` reports it.
public enum KeyExpiry: Sendable, Hashable {
    /// The key does not exist.
    case missing
    /// The key exists and never expires.
    case never
    /// The key expires after this many milliseconds.
    case milliseconds(Int64)
}
