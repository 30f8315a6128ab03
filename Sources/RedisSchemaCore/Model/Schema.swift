/// A loaded, validated `schema.yaml`: the keys a Redis database may hold.
public struct Schema: Sendable {
    /// The file it was loaded from, as the user named it.
    public var file: String
    /// The schema format version (always 1 for now).
    public var version: Int
    /// The Swift namespace (an enum) generated code lives in, when the schema names one.
    public var namespace: String?
    /// The Redis database number (`SELECT`), 0 unless stated.
    public var database: Int
    /// The separator between key segments, `:` unless stated.
    public var separator: String
    /// What the keyspace is for.
    public var description: String?
    /// The key specs, in file order.
    public var keys: [KeySpec]
    /// Globs of keys that belong to other software; `validate` skips them.
    public var ignore: [IgnoreRule]
    /// Where `keys:` is written, for reports about keys that match no spec.
    public var keysLocation: SourceLocation
    /// Whether the keyspace lives on a Redis Cluster (`cluster: true`), where a command or transaction may
    /// only touch keys of one hash slot: the generator then checks, and warns, that keys generated code
    /// sends together share one. `false` unless stated.
    public var cluster = false

    /// Creates a schema.
    public init(
        file: String, version: Int = 1, namespace: String? = nil, database: Int = 0, separator: String = ":",
        description: String? = nil, keys: [KeySpec] = [], ignore: [IgnoreRule] = [],
        keysLocation: SourceLocation? = nil
    ) {
        self.file = file
        self.version = version
        self.namespace = namespace
        self.database = database
        self.separator = separator
        self.description = description
        self.keys = keys
        self.ignore = ignore
        self.keysLocation = keysLocation ?? SourceLocation(file: file, line: 1, column: 1)
    }

    /// The key spec called `name`.
    public func key(named name: String) -> KeySpec? {
        keys.first { $0.name == name }
    }

    /// A matcher for all key patterns; ``KeyMatch`` indices are indices into ``keys``.
    public func makeMatcher() -> KeyMatcher {
        KeyMatcher(patterns: keys.map(\.pattern), separator: separator.utf8.first ?? UInt8(ascii: ":"))
    }
}

/// A glob of keys that belong to someone else (`bull:*`), in Redis' `MATCH` syntax.
public struct IgnoreRule: Sendable, Hashable {
    /// The glob.
    public var glob: KeyGlob
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a rule.
    public init(glob: KeyGlob, location: SourceLocation) {
        self.glob = glob
        self.location = location
    }
}
