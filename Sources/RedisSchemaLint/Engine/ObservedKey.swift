import RedisSchema

/// What `TYPE` said about a key.
enum ObservedType: Sendable, Hashable {
    /// One of the core Redis types.
    case redis(RedisKeyType)
    /// `none`: the key no longer exists.
    case missing
    /// A module type (`ReJSON-RL`) or anything else unexpected.
    case other(String)

    init(reply: [UInt8]) {
        switch reply.count {
        case 3 where reply == Self.set: self = .redis(.set)
        case 4 where reply == Self.hash: self = .redis(.hash)
        case 4 where reply == Self.list: self = .redis(.list)
        case 4 where reply == Self.zset: self = .redis(.zset)
        case 4 where reply == Self.none: self = .missing
        case 6 where reply == Self.string: self = .redis(.string)
        case 6 where reply == Self.stream: self = .redis(.stream)
        default: self = .other(String(decoding: reply, as: UTF8.self))
        }
    }

    private static let string = Array("string".utf8)
    private static let hash = Array("hash".utf8)
    private static let list = Array("list".utf8)
    private static let set = Array("set".utf8)
    private static let zset = Array("zset".utf8)
    private static let stream = Array("stream".utf8)
    private static let none = Array("none".utf8)

    var name: String {
        switch self {
        case .redis(let type): return type.rawValue
        case .missing: return "none"
        case .other(let name): return name
        }
    }
}
