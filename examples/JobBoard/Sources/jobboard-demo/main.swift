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

    Switches feature flags on, posts seven jobs for one user against a limit of five per minute, lets
    two workers take the jobs under locks and finish them (each finish one MULTI/EXEC), turns the
    finished events into leaderboard points through a consumer group, wakes a waiting worker with a
    new post, hands a stopped consumer's events to another, and prints the queue, the leaderboard, the
    failures and the event stream. The URL defaults to $REDIS_URL, else redis://127.0.0.1:6379; the
    user defaults to alice. Run again within the minute, and the user's posts are refused.

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
    let week = Leaderboard<RedisConnection>.week(containing: now)
    print("Job board on \(configuration.redactedURL):\n")

    // Flags: several at once (SADD, SMISMEMBER), and a bounded SSCAN.
    let switchedOn = try await board.flags.enable(["instant-apply", "dark-mode", "new-search"], in: .staging)
    print("Flags on in staging: \(try await board.flags.enabledFlags(in: .staging).joined(separator: ", "))")
    print("  (\(switchedOn) switched on now, one SADD)")
    let asked = ["instant-apply", "dark-mode"]
    let inProduction = try await board.flags.areEnabled(asked, in: .production)
    print("In production, one SMISMEMBER: " + zip(asked, inProduction).map { "\($0) \($1)" }.joined(separator: ", "))
    let scanned = try await board.flags.enabledFlags(in: .staging, limit: 2, pageSize: 10)
    print("At most 2 by SSCAN: \(scanned.flags.count) found, all of them: \(scanned.isComplete)\n")

    // The leaderboard's consumer group reads only events recorded from here on; BUSYGROUP on a second run.
    try await board.events.createGroup(JobBoard<RedisConnection>.scoringGroup)
    try await board.events.createGroup("billing")

    for attempt in 1...7 {
        switch try await board.postJob(by: user, at: now) {
        case .posted(let jobId, let waiting, let eventID):
            print("post \(attempt) by \(user): queued \(jobId) (event \(eventID)), \(waiting) waiting")
        case .limited(let retryAfter):
            print("post \(attempt) by \(user): refused by the rate limit, retry in \(seconds(retryAfter))")
        }
    }
    let waiting = try await board.queue.waiting()
    print("\njobs:pending holds \(waiting.count), oldest first: \(waiting.prefix(3).joined(separator: ", "))…")

    // Two workers take the waiting jobs (BLMOVE to jobs:processing), each under the job's lock, and finish them.
    print("\nana and ben take the waiting jobs:")
    var turn = 0
    while let jobId = try await board.queue.take(waitingUpTo: .milliseconds(100)) {
        let (worker, other) = turn % 2 == 0 ? ("ana", "ben") : ("ben", "ana")
        turn += 1
        guard let lease = try await board.locks.acquire(jobId) else {
            print("  \(jobId): locked by someone else, left alone")
            continue
        }
        let otherGotIt = try await board.locks.acquire(jobId) != nil
        let held = try await board.locks.holderAndExpiry(of: jobId)
        let left = held.map { lock in
            if case .milliseconds(let ms) = lock.expiry { return "\(ms) ms left" }
            return "\(lock.expiry)"
        }
        let finished = try await board.finishJob(lease, by: worker, at: now)
        print(
            "  \(jobId): \(worker) holds the lock (\(left ?? "free")), \(other) gets it too: \(otherGotIt);"
                + " finished in one MULTI/EXEC (event \(finished.eventID), lock still held: \(finished.heldLock))")
    }

    // The leaderboard's consumer: awards and the acknowledgement of each read in one pipelined round trip.
    try await board.leaderboard.setPoints(
        [LeaderboardEntry(workerId: "ana", points: 30), LeaderboardEntry(workerId: "cy", points: 12)], week: week)
    var scoredEvents = 0
    var scored: [RecordedJobEvent]
    repeat {
        scored = try await board.scoreFinishedJobs(consumer: "scorer-1", waitingUpTo: .milliseconds(100))
        scoredEvents += scored.count
    } while !scored.isEmpty
    print("\nThe scorer handled \(scoredEvents) events (ZINCRBY per finished job + XACK, one pipeline per read)")
    print("Leaderboard, week \(week) (ZRANGE … REV):")
    for entry in try await board.leaderboard.top(3, week: week) {
        let place = try await board.leaderboard.place(of: entry.workerId, week: week).map { "\($0)." } ?? "-"
        print("  \(place) \(entry.workerId)  \(entry.points) points")
    }
    let strong = try await board.leaderboard.workers(withAtLeast: 20, week: week, limit: 10)
    print("With at least 20 points: \(strong.map(\.workerId).joined(separator: ", "))")

    // A worker waits on a connection of its own (BLMOVE blocks it) until support lifts the limit and a post
    // arrives.
    let workerConnection = try await RedisConnection.connect(configuration)
    let clock = ContinuousClock()
    let started = clock.now
    let waitingWorker = Task { try await JobQueue(redis: workerConnection).take(waitingUpTo: .seconds(5)) }
    try await Task.sleep(for: .milliseconds(300))
    let counted = try await board.rateLimiter.reset(userId: user, at: now)
    print("\nSupport lifts \(user)'s limit (GETDEL: \(counted) posts were counted this minute)")
    if case .posted(let late, _, _) = try await board.postJob(by: user, at: now) {
        let taken = try await waitingWorker.value
        print("\(user) posts \(late); dee, waiting in BLMOVE, took \(taken ?? "nothing")", terminator: "")
        print(" \(seconds(clock.now - started)) after it began to wait")
        if let taken, let lease = try await board.locks.acquire(taken) {
            let failed = try await board.failJob(lease, by: "dee", reason: "the attachment is not a PDF", at: now)
            print(
                "dee gives up on it: out of jobs:processing, into jobs:failed, event \(failed.eventID), one MULTI/EXEC")
        }
    } else {
        waitingWorker.cancel()
    }
    await workerConnection.close()

    // Billing's consumer billing-1 reads events and stops; once they are stale, billing-2 claims them.
    let read = try await board.events.read(
        group: "billing", consumer: "billing-1", count: 100, waitingUpTo: .seconds(1))
    print(
        "\nbilling-1 read \(read.count) events and stopped: \(try await board.events.pendingCount(group: "billing")) pending"
    )
    try await Task.sleep(for: .milliseconds(250))
    let claimed = try await board.events.claimStale(
        group: "billing", for: "billing-2", minIdle: .milliseconds(200), count: 100)
    if !claimed.isEmpty { try await board.events.acknowledge(claimed.map(\.id), group: "billing") }
    print(
        "billing-2 claimed \(claimed.count) (XPENDING IDLE + XCLAIM) and acknowledged them: \(try await board.events.pendingCount(group: "billing")) pending"
    )

    let failures = try await board.queue.recentFailures()
    print("\njobs:failed keeps \(failures.count) (at most 50), newest first:")
    for failure in failures.prefix(3) {
        print("  \(failure.jobId): \(failure.reason)")
    }

    let history = try await board.events.history()
    print("\nevents:jobs keeps \(history.count) events (about 10,000 at most); the last five:")
    for recorded in history.suffix(5) {
        let worker = recorded.event.workerId.map { " by \($0)" } ?? ""
        print("  \(recorded.id)  \(recorded.event.kind.rawValue) \(recorded.event.jobId)\(worker)")
    }
    await redis.close()
} catch {
    await redis.close()
    fail("\(error)", exitCode: 1)
}
