import RedisSchema

/// One declared kind of key: its pattern, TTL and, by Redis type, what its value holds.
public struct KeySpec: Sendable, Hashable {
    /// The name under `keys:`; generated code turns it into a type name (`sessionLive` → `SessionLive`).
    public var name: String
    /// Where the name is written.
    public var location: SourceLocation
    /// The key pattern.
    public var pattern: KeyPattern
    /// Where the pattern is written.
    public var patternLocation: SourceLocation
    /// How long such keys live.
    public var ttl: TTL
    /// The TTL as the schema writes it (`24 hours`), for documentation.
    public var ttlText: String
    /// What the keys are for.
    public var purpose: String?
    /// The Redis type and what the value holds: one case per type, each with only the options that
    /// type can declare.
    public var value: Value

    /// Creates a key spec.
    public init(
        name: String, location: SourceLocation, pattern: KeyPattern, patternLocation: SourceLocation, ttl: TTL,
        ttlText: String? = nil, purpose: String? = nil, value: Value
    ) {
        self.name = name
        self.location = location
        self.pattern = pattern
        self.patternLocation = patternLocation
        self.ttl = ttl
        self.ttlText = ttlText ?? ttl.description
        self.purpose = purpose
        self.value = value
    }

    /// The Redis type every such key must have; follows from ``value``, so the two cannot disagree.
    public var type: RedisKeyType { value.type }

    /// The Swift type name generated code uses for this key.
    public var typeName: String { Identifier.upperCamelCase(name) }
}
