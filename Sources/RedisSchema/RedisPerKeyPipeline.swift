/// The same one-key commands sent for each of many keys, as one pipeline.
///
/// For the names `TYPE`, `PTTL` and the keys `a`, `b`, the pipeline is `TYPE a`, `PTTL a`, `TYPE b`,
/// `PTTL b`, and the replies come back in that order, one per command. It means exactly ``commands``;
/// it exists so that a client can put it on the wire straight from the keys, without building a
/// ``RedisCommand`` (two arrays) per command. That is the hot loop of a keyspace scan, which asks the
/// same questions of every key.
public struct RedisPerKeyPipeline: Sendable, Hashable {
    /// The command names, each sent with one key as its only argument, in this order for every key.
    public let names: [[UInt8]]
    /// The keys, in pipeline order.
    public let keys: [[UInt8]]

    /// Creates the pipeline that sends each of `names` with each of `keys`, key by key.
    public init(names: [String], keys: [[UInt8]]) {
        self.names = names.map { Array($0.utf8) }
        self.keys = keys
    }

    /// How many commands the pipeline sends, and so how many replies it gets.
    public var count: Int {
        self.names.count * self.keys.count
    }

    /// The same commands one by one, in pipeline order.
    public var commands: [RedisCommand] {
        var commands: [RedisCommand] = []
        commands.reserveCapacity(self.count)
        for key in self.keys {
            for name in self.names {
                commands.append(RedisCommand(arguments: [name, key]))
            }
        }
        return commands
    }
}
