/// The Redis data type of a key, as `TYPE` names it: the one definition the schema model, generated
/// code and `validate`'s reports share.
public enum RedisKeyType: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// A string (also integers and counters, which Redis stores as strings).
    case string
    /// A hash of fields to values.
    case hash
    /// A list.
    case list
    /// A set.
    case set
    /// A sorted set.
    case zset
    /// A stream.
    case stream

    /// Parses a type name, in any letter case (`hash`, `HASH`).
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// The name as Redis' documentation writes it: `HASH`, `ZSET`.
    public var displayName: String { rawValue.uppercased() }

    /// The name as `TYPE` answers it (`zset`), so that interpolation never shows a Swift case name.
    public var description: String { rawValue }
}
