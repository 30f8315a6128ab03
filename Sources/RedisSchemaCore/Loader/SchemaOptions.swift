import RedisSchema

/// The option names a schema may use, in one place so validation and suggestions agree.
enum SchemaOptions {
    static let topLevel = ["version", "namespace", "database", "separator", "description", "keys", "ignore", "cluster"]

    static let common = ["pattern", "type", "ttl", "purpose", "params"]

    /// Options that only some Redis types take.
    static let typeSpecific: [(option: String, types: [RedisKeyType])] = [
        ("fields", [.hash, .stream]),
        ("maxLength", [.list, .stream]),
        ("trim", [.stream]),
        ("element", [.list]),
        ("member", [.set, .zset]),
        ("score", [.zset]),
        ("value", [.string]),
    ]

    static var allKeyOptions: [String] { common + typeSpecific.map(\.option) }

    static func types(taking option: String) -> [RedisKeyType]? {
        typeSpecific.first { $0.option == option }?.types
    }

    static let paramOptions = ["type", "enum", "regex", "maxLength"]
}
