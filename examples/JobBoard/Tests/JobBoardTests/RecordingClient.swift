import RedisSchema
import RedisSchemaClient

/// A client that sends through a real connection and records the command names of every pipeline it sends: one
/// entry per round trip, which is how the tests prove that a batch is one.
struct RecordingClient: RedisClientProtocol {
    /// The connection that does the sending.
    let connection: RedisConnection
    /// What was sent so far.
    let log = RoundTripLog()

    func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        await log.record(commands.map(\.name))
        return try await connection.pipeline(commands)
    }
}

/// The command names of each round trip a ``RecordingClient`` made, in order.
actor RoundTripLog {
    private(set) var roundTrips: [[String]] = []

    func record(_ names: [String]) {
        roundTrips.append(names)
    }

    /// Forgets what was recorded, so a test can look at one call alone.
    func reset() {
        roundTrips = []
    }
}
