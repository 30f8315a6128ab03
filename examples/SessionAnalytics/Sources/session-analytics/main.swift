// session-analytics: performs every usage example of the seed schema document against a Redis server,
// through the accessors generated from Sources/SessionAnalytics/redis-schema.yaml, and prints each key.
//
//   session-analytics [--url redis://host:port[/db]] [--sid SID]
//
// The URL defaults to $REDIS_URL, else redis://127.0.0.1:6379.
import Foundation
import RedisSchema
import RedisSchemaClient
import SessionAnalytics

let usage = """
    usage: session-analytics [--url redis://[user[:password]@]host[:port][/db]] [--sid SID]

    Writes the seed document's usage examples (session hash, live event stream, active users,
    rage counter, heatmap, latency list, cached score, replay queue) with their schema TTLs
    and caps, then reads every key back. The URL defaults to $REDIS_URL, else
    redis://127.0.0.1:6379; the session ID defaults to 12345.

    """

func fail(_ message: String, exitCode: Int32) -> Never {
    FileHandle.standardError.write(Data("session-analytics: \(message)\n".utf8))
    exit(exitCode)
}

/// `text` followed by spaces up to `width`; longer text is kept whole.
func padded(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
}

func describe(_ expiry: KeyExpiry) -> String {
    switch expiry {
    case .missing: return "missing"
    case .never: return "no TTL"
    case .milliseconds(let ms): return "\((ms + 999) / 1000) s left"
    }
}

let environment = ProcessInfo.processInfo.environment
var url = environment["REDIS_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? RedisConnectionConfiguration.defaultURL
var sid = "12345"
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--url", "--sid":
        guard let value = arguments.popFirst() else { fail("\(argument) needs a value\n\n\(usage)", exitCode: 2) }
        if argument == "--url" { url = value } else { sid = value }
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
    let analytics = SessionAnalytics(redis: redis)
    let reports = try await analytics.runUsageExamples(sid: sid)
    print("Wrote the seed usage examples to \(configuration.redactedURL):\n")
    let ttls = reports.map { "TTL \($0.declaredTTL) (\(describe($0.remainingTTL)))" }
    let keyWidth = reports.map(\.key.count).max() ?? 0
    let ttlWidth = ttls.map(\.count).max() ?? 0
    for (report, ttl) in zip(reports, ttls) {
        let type = report.type.rawValue.uppercased()
        print("  \(padded(report.key, keyWidth))  \(padded(type, 6))  \(padded(ttl, ttlWidth))  \(report.contents)")
    }
    if let chunk = try await analytics.nextReplayChunk() {
        print("\nA replay worker took `\(chunk)`; \(try await analytics.replayQueueLength()) left in replay_queue.")
    }
    await redis.close()
} catch {
    await redis.close()
    fail("\(error)", exitCode: 1)
}
