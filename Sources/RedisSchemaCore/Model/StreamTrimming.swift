/// How a capped stream's `XADD` trims it to `maxLength` (`trim:`; default `approximate`).
public enum StreamTrimming: String, Sendable, Hashable, CaseIterable {
    /// `MAXLEN = n`: the stream never holds more than `n` entries, at the cost of removing entries from inside
    /// a radix-tree node on every add once it is full. For readers that rely on the bound.
    case exact
    /// `MAXLEN ~ n`: Redis drops only whole radix-tree nodes, so the stream may hold up to
    /// `stream-node-max-entries` (100 by default) more than `n`; much cheaper, and the default because a cap
    /// is usually there to bound memory, not to count entries.
    case approximate
}
