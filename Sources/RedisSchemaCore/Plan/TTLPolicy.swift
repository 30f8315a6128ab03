import RedisSchema

/// How a write keeps its key's TTL: the one place that decides between `EXPIRE` and `PEXPIRE` (and
/// between `SET … EX` and `SET … PX`), so generated code, `docs` and the command tables agree.
public enum TTLPolicy: Sendable, Hashable {
    /// The key never expires; writes send no TTL command.
    case none
    /// The TTL is whole seconds: `EXPIRE key n`, `SET … EX n`.
    case seconds(Int64)
    /// The TTL has a millisecond part: `PEXPIRE key n`, `SET … PX n`. Rounding it to seconds would change it.
    case milliseconds(Int64)

    /// The policy for a declared TTL: seconds when that loses nothing, milliseconds otherwise.
    public init(_ ttl: TTL) {
        switch ttl {
        case .none: self = .none
        case .milliseconds(let ms) where ms % 1000 == 0: self = .seconds(ms / 1000)
        case .milliseconds(let ms): self = .milliseconds(ms)
        }
    }

    /// The command that sets the TTL after a write that may create the key; `nil` for ``none``.
    public var expireCommand: PlannedCommand? {
        switch self {
        case .none: return nil
        case .seconds(let seconds): return PlannedCommand("EXPIRE", [.key, .ttlSeconds(seconds)])
        case .milliseconds(let ms): return PlannedCommand("PEXPIRE", [.key, .ttlMilliseconds(ms)])
        }
    }

    /// The `SET` options that set the TTL in the same command (`EX n`, `PX n`); empty for ``none``.
    public var setOptions: [CommandArgument] {
        switch self {
        case .none: return []
        case .seconds(let seconds): return [.literal("EX"), .ttlSeconds(seconds)]
        case .milliseconds(let ms): return [.literal("PX"), .ttlMilliseconds(ms)]
        }
    }
}
