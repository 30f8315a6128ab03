/// Bounds that make a hostile or broken file fail fast instead of exhausting memory or the stack.
public struct YAMLLimits: Sendable, Hashable {
    /// The largest file accepted, in bytes.
    public var maxBytes: Int
    /// The deepest nesting of mappings and sequences accepted.
    public var maxDepth: Int
    /// How many nodes aliases may copy in, in total, before the file is rejected ("billion laughs").
    public var maxAliasExpansion: Int

    /// Creates limits.
    public init(maxBytes: Int = 64 << 20, maxDepth: Int = 64, maxAliasExpansion: Int = 100_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }

    /// Generous for any real schema, tight enough that no input can take the loader down.
    public static let `default` = YAMLLimits()
}
