import RedisSchema

extension EventLog {
    /// The events after the entry `id`, waiting up to `timeout` for one when there are none yet
    /// (`XREAD COUNT <count> BLOCK <ms> STREAMS events:jobs <id>`): a dashboard's live tail, without a group.
    public func events(after id: String, count: Int = 100, waitingUpTo timeout: Duration) async throws
        -> [RecordedJobEvent]
    {
        try await JobKeys.JobEvents().read(after: id, count: count, waitingUpTo: timeout, on: redis)
            .map(RecordedJobEvent.init(entry:))
    }

    /// Creates the consumer group `group`, which reads the events recorded from now on (`$`) unless `id` says
    /// otherwise (`0`: every event kept): `XGROUP CREATE events:jobs <group> <id> MKSTREAM`.
    ///
    /// - Returns: `false` when the group exists already (`BUSYGROUP`), so every instance can call it at start.
    @discardableResult
    public func createGroup(_ group: String, startingAt id: String = "$") async throws -> Bool {
        try await JobKeys.JobEvents().createGroup(group, startingAt: id, on: redis)
    }

    /// Up to `count` events no consumer of `group` has been given yet, for `consumer`, waiting up to `timeout` for
    /// one: `XREADGROUP GROUP <group> <consumer> COUNT <count> BLOCK <ms> STREAMS events:jobs >`. They stay pending
    /// for `consumer` until acknowledged.
    public func read(
        group: String, consumer: String, count: Int = 10, waitingUpTo timeout: Duration
    ) async throws -> [RecordedJobEvent] {
        try await JobKeys.JobEvents().read(
            group: group, consumer: consumer, count: count, waitingUpTo: timeout, on: redis
        ).map(RecordedJobEvent.init(entry:))
    }

    /// Marks events as handled by `group` (`XACK`); returns how many were pending.
    @discardableResult
    public func acknowledge(_ ids: [String], group: String) async throws -> Int {
        try await redis.execute(acknowledgeOperation(ids, group: group))
    }

    /// ``acknowledge(_:group:)`` as an operation, for a batch.
    func acknowledgeOperation(_ ids: [String], group: String) throws -> RedisOperation<Int> {
        try JobKeys.JobEvents().acknowledge(ids, group: group)
    }

    /// How many events consumers of `group` were given and have not acknowledged (`XPENDING`).
    public func pendingCount(group: String) async throws -> Int {
        try await JobKeys.JobEvents().pending(group: group, on: redis).count
    }

    /// Takes over, for `consumer`, up to `count` events that another consumer of `group` was given at least
    /// `minIdle` ago and never acknowledged (it crashed or hangs): `XPENDING … IDLE <ms> - + <count>`, then `XCLAIM`.
    /// An event another consumer claimed in between is not returned: `XCLAIM` checks the idle time again.
    public func claimStale(
        group: String, for consumer: String, minIdle: Duration, count: Int = 10
    ) async throws -> [RecordedJobEvent] {
        let events = JobKeys.JobEvents()
        let stale = try await events.pending(group: group, count: count, minIdle: minIdle, on: redis)
        guard !stale.isEmpty else { return [] }
        return try await events.claim(stale.map(\.id), group: group, for: consumer, minIdle: minIdle, on: redis)
            .map(RecordedJobEvent.init(entry:))
    }
}
