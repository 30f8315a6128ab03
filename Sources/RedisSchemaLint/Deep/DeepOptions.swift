/// What `validate --deep` and `--max-key-bytes` read inside values, and how much.
///
/// Every read is bounded per key, whatever the value's size, so a sampled key never costs the server
/// more than a fixed amount of work: see ``itemsPerKey`` and ``stringBytes``.
public struct DeepOptions: Sendable, Hashable {
    /// Items one deep read looks at per key: `HSCAN`/`SSCAN`/`ZSCAN … COUNT`, `LRANGE 0 N-1`,
    /// `XREVRANGE … COUNT`. Small hashes, sets and sorted sets (listpack-encoded) answer a scan with all
    /// their items at once, so for them the check is exact.
    public static let itemsPerKey = 100
    /// A string's value is type-checked when `STRLEN` is at most this; it is read with `GETRANGE`, so
    /// even a larger string never crosses the wire in full.
    public static let stringBytes = 4096
    /// `MEMORY USAGE … SAMPLES`: nested values sampled to estimate a key's size.
    public static let memorySamples = 5

    /// The fraction of checked keys (of their declared type) whose values are read, in (0, 1].
    public var sampleRate = 0.01
    /// Whether to check values against the schema (`--deep`); `false` reads only `MEMORY USAGE`.
    public var checksValues = true
    /// Keys whose `MEMORY USAGE` is above this many bytes break `big-key`; `nil` does not ask.
    public var maxKeyBytes: Int?

    /// The defaults: value checks on 1% of keys, no size limit.
    public init() {}
}
