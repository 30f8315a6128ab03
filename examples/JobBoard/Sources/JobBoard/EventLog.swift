import Foundation
import RedisSchema

/// What happened to each job, `events:jobs`: a stream capped at 10,000 entries that other services (notifications,
/// billing) follow, each as a consumer group whose workers acknowledge what they handled.
///
/// The consumer-group operations (`XGROUP CREATE`, `XREADGROUP`, `XACK`, `XPENDING`, `XCLAIM`) and the blocking
/// live tail are in `EventLog+ConsumerGroup.swift`. What is here records events and reads them back.
public struct EventLog<Client: RedisClientProtocol>: Sendable {
    /// The connection every operation uses.
    public let redis: Client

    public init(redis: Client) {
        self.redis = redis
    }

    /// Appends `event` (`XADD events:jobs MAXLEN ~ 10000 * …`: the schema's `trim: approximate`); returns the entry
    /// ID Redis gave it.
    @discardableResult
    public func record(_ event: JobEvent) async throws -> String {
        try await JobKeys.JobEvents().add(event.fields, on: redis)
    }

    /// The oldest `count` events still kept (`XRANGE - + [COUNT n]`), or all of them when `count` is `nil`.
    public func history(count: Int? = nil) async throws -> [RecordedJobEvent] {
        try await JobKeys.JobEvents().range(count: count, on: redis).map(RecordedJobEvent.init(entry:))
    }

    /// The events after the entry `id` (`XREAD [COUNT n] STREAMS events:jobs <id>`, without waiting); `0` reads
    /// from the start. A reader that remembers the last ID it saw reads each event once.
    public func events(after id: String = "0", count: Int? = nil) async throws -> [RecordedJobEvent] {
        try await JobKeys.JobEvents().read(after: id, count: count, on: redis).map(RecordedJobEvent.init(entry:))
    }

    /// How many events the stream keeps (`XLEN`).
    public func count() async throws -> Int {
        try await JobKeys.JobEvents().length(on: redis)
    }
}

/// What can happen to a job.
public enum JobEventKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A user posted it and it joined the queue.
    case posted
    /// A worker took it.
    case started
    /// A worker finished it.
    case finished
    /// A worker gave up on it.
    case failed
}

/// One thing that happened to a job.
public struct JobEvent: Sendable, Hashable {
    /// What happened.
    public var kind: JobEventKind
    /// The job it happened to.
    public var jobId: String
    /// The worker involved; `nil` for a posting.
    public var workerId: String?
    /// When, in Unix seconds.
    public var at: Int

    public init(_ kind: JobEventKind, jobId: String, workerId: String? = nil, at: Int) {
        self.kind = kind
        self.jobId = jobId
        self.workerId = workerId
        self.at = at
    }

    /// The entry's fields as the schema declares them; the kind is stored as its raw value.
    var fields: JobKeys.JobEvents.Fields {
        .init(type: kind.rawValue, jobId: jobId, workerId: workerId, at: at)
    }
}

/// An event as the stream keeps it, with the entry ID that orders it.
public struct RecordedJobEvent: Sendable, Hashable {
    /// The entry ID, e.g. `1700000000000-0`.
    public var id: String
    /// The event.
    public var event: JobEvent

    /// Reads an entry of `events:jobs`.
    ///
    /// - Throws: `RedisSchemaError.wrongValueType` for a `type` that is not a ``JobEventKind`` (another service
    ///   wrote a kind this version does not know), naming the entry's field and value.
    init(entry: JobKeys.JobEvents.Entry) throws {
        guard let kind = JobEventKind(rawValue: entry.fields.type) else {
            throw RedisSchemaError.wrongValueType(
                key: JobKeys.JobEvents.pattern, field: "type",
                expected: "one of " + JobEventKind.allCases.map(\.rawValue).joined(separator: ", "),
                value: entry.fields.type)
        }
        self.id = entry.id
        self.event = JobEvent(kind, jobId: entry.fields.jobId, workerId: entry.fields.workerId, at: entry.fields.at)
    }
}
