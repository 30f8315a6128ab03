/// The Redis data types a key can have, named as `TYPE` answers.
public enum RedisType: String, Sendable, Hashable, CaseIterable {
    case string, hash, list, set, zset, stream

    /// Parses a type name, in any letter case (`hash`, `HASH`).
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// The name as the seed document and Redis' documentation write it: `HASH`, `ZSET`.
    public var displayName: String { rawValue.uppercased() }
}
