// jobboard-demo: runs a short job-board scenario against a Redis server through the accessors generated from
// Sources/JobBoard/redis-schema.yaml, and prints what happens at each step.
//
//   jobboard-demo [--url redis://host:port[/db]] [--user USER]
//
// The URL defaults to $REDIS_URL, else redis://127.0.0.1:6379.
import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient

let usage = """
    usage: jobboard-demo [--url redis://[user[:password]@]host[:port][/db]] [--user USER]

    Switches feature flags on, posts seven jobs for one user against a limit of five per minute,
    sets this week's leaderboard, records a failed job, and prints the queue, the leaderboard, the
    failures and the event stream. The URL defaults to $REDIS_URL, else redis://127.0.0.1:6379;
    the user defaults to alice. Run again within the minute, and the user's posts are refused.

    """

func fail(_ message: String, exitCode: Int32) -> Never {
    FileHandle.standardError.write(Data("jobboard-demo: \(message)\n".utf8))
    exit(exitCode)
}

func seconds(_ duration: Duration) -> String {
    String(format: "%.1f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
}

let environment = ProcessInfo.processInfo.environment
var url = environment["REDIS_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? RedisConnectionConfiguration.defaultURL
var user = "alice"
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--url", "--user":
        guard let value = arguments.popFirst() else { fail("\(argument) needs a value\n\n\(usage)", exitCode: 2) }
        if argument == "--url" { url = value } else { user = value }
    case "-h", "--help":
        print(usage, terminator: "")
        exit(0)
    default:
        fail("unknown argument `\(argument)`\n\n\(usage)", exitCode: 2)
    }
}

let configuration: RedisConnectionConfiguration
do {
    configuration = try RedisConnectionConfiguration(url: url, environment: environment)
} catch {
    fail("\(error)", exitCode: 2)
}

let redis: RedisConnection
do {
    redis = try await RedisConnection.connect(configuration)
} catch {
    fail("\(error)", exitCode: 3)
}

do {
    let board = JobBoard(redis: redis, postsPerWindow: 5)
    let now = Date()
    print("Job board on \(configuration.redactedURL):\n")

    try await board.flags.enable("instant-apply", in: .staging)
    try await board.flags.enable("dark-mode", in: .staging)
    let staging = try await board.flags.enabledFlags(in: .staging)
    print("Flags on in staging: \(staging.joined(separator: ", "))")
    print("instant-apply in production: \(try await board.flags.isEnabled("instant-apply", in: .production))\n")

    var posted: [String] = []
    for attempt in 1...7 {
        switch try await board.postJob(by: user, at: now) {
        case .posted(let jobId, let waiting, let eventID):
            posted.append(jobId)
            print("post \(attempt) by \(user): queued \(jobId) (event \(eventID)), \(waiting) waiting")
        case .limited(let retryAfter):
            print("post \(attempt) by \(user): refused by the rate limit, retry in \(seconds(retryAfter))")
        }
    }
    let waiting = try await board.queue.waiting()
    print("\njobs:pending holds \(waiting.count), oldest first: \(waiting.prefix(3).joined(separator: ", "))…")

    let week = Leaderboard<RedisConnection>.week(containing: now)
    for (worker, points) in [("ana", 30), ("ben", 45), ("cy", 12)] {
        try await board.leaderboard.setPoints(points, for: worker, week: week)
    }
    print("\nLeaderboard, week \(week):")
    for (place, entry) in try await board.leaderboard.top(3, week: week).enumerated() {
        print("  \(place + 1). \(entry.workerId)  \(entry.points) points")
    }

    if let first = posted.first {
        try await board.reportFailure(of: first, by: "ben", reason: "the attachment is not a PDF", at: now)
        let holder = try await board.locks.holder(of: first)
        print("\nLock on \(first): \(holder ?? "free")")
    }
    let failures = try await board.queue.recentFailures()
    print("\njobs:failed keeps \(failures.count) (at most 50), newest first:")
    for failure in failures.prefix(3) {
        print("  \(failure.jobId): \(failure.reason)")
    }

    let history = try await board.events.history()
    print("\nevents:jobs keeps \(history.count) events (at most 10,000); the last five:")
    for recorded in history.suffix(5) {
        let worker = recorded.event.workerId.map { " by \($0)" } ?? ""
        print("  \(recorded.id)  \(recorded.event.kind.rawValue) \(recorded.event.jobId)\(worker)")
    }
    await redis.close()
} catch {
    await redis.close()
    fail("\(error)", exitCode: 1)
}
