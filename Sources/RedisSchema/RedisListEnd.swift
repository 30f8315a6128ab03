/// An end of a list: where `move(from:to:at:)` takes an element and where it puts it.
public enum RedisListEnd: Sendable, Hashable, RedisArgumentConvertible {
    /// The first element, where `push` adds: `LEFT`.
    case head
    /// The last element, where `append` adds: `RIGHT`.
    case tail

    /// `LEFT` or `RIGHT`, as `LMOVE` and `BLMOVE` name the ends.
    public var redisArgument: [UInt8] {
        switch self {
        case .head: return Array("LEFT".utf8)
        case .tail: return Array("RIGHT".utf8)
        }
    }
}
