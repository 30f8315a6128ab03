/// What `validate --memory` measures: `MEMORY USAGE` of a sample of the scanned keys.
public struct MemoryOptions: Sendable, Hashable {
    /// The fraction of scanned keys (all but ignored ones) whose `MEMORY USAGE` is read, in (0, 1].
    public var sampleRate = 0.01

    /// The defaults: 1% of keys.
    public init() {}
}
