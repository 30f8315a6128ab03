/// What a stream's consumer group has delivered but not yet had acknowledged, in summary: the answer of
/// `XPENDING key group`.
public struct RedisPendingSummary: Sendable, Hashable, Codable {
    /// How many entries are pending, over all consumers.
    public var count: Int
    /// The smallest pending entry ID; `nil` when nothing is pending.
    public var smallestID: String?
    /// The largest pending entry ID; `nil` when nothing is pending.
    public var largestID: String?
    /// How many entries each consumer holds, by consumer name; consumers holding none are left out.
    public var consumers: [String: Int]

    /// Creates a summary.
    public init(count: Int, smallestID: String?, largestID: String?, consumers: [String: Int]) {
        self.count = count
        self.smallestID = smallestID
        self.largestID = largestID
        self.consumers = consumers
    }
}
