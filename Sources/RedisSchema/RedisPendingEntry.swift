/// One entry a stream's consumer group delivered to a consumer that has not acknowledged it yet: an element
/// of the answer of `XPENDING key group - + count`.
public struct RedisPendingEntry: Sendable, Hashable, Codable {
    /// The entry ID.
    public var id: String
    /// The consumer that holds it.
    public var consumer: String
    /// How long since it was last delivered (or claimed), to the millisecond.
    public var idle: Duration
    /// How many times it was delivered; more than 1 after a claim or a re-read of the consumer's history.
    public var deliveries: Int

    /// Creates a pending entry.
    public init(id: String, consumer: String, idle: Duration, deliveries: Int) {
        self.id = id
        self.consumer = consumer
        self.idle = idle
        self.deliveries = deliveries
    }
}
