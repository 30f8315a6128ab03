// Measures the pipelined hot path of a keyspace scan: SCAN COUNT 1000, then TYPE + PTTL for every key of
// the batch in one pipeline, with 1 and with 4 batches in flight on one connection.
//
//   redis-client-bench --port 6379 [--host 127.0.0.1] [--populate 1000000] [--repeat 3]

import BenchSupport
import Logging
import NIOCore
import NIOPosix
import RedisSchema
import RedisSchemaClient

struct Options {
    var host: String
    var port: Int
    var populate: Int?
    var repeats: Int
    var scanCount: Int

    init?(_ arguments: [String]) {
        guard
            let arguments = BenchArguments(
                arguments, options: ["--host", "--port", "--populate", "--repeat", "--count"]),
            let port = arguments.positiveInt("--port", default: 6379),
            let populate = arguments.positiveInt("--populate", default: 1),
            let repeats = arguments.positiveInt("--repeat", default: 3),
            let scanCount = arguments.positiveInt("--count", default: 1000)
        else { return nil }
        self.host = arguments.string("--host", default: "127.0.0.1")
        self.populate = arguments.contains("--populate") ? populate : nil
        (self.port, self.repeats, self.scanCount) = (port, repeats, scanCount)
    }
}

/// Scans the whole keyspace once; returns the number of keys whose TYPE and PTTL were fetched.
func scanKeyspace(_ connection: RedisConnection, inFlight: Int, count: Int) async throws -> Int {
    try await withThrowingTaskGroup(of: Int.self) { group in
        var cursor: [UInt8] = Array("0".utf8)
        var running = 0
        var total = 0
        repeat {
            let reply = try await connection.send(RedisCommand("SCAN", cursor, "COUNT", count))
            guard let parts = reply.array, parts.count == 2, let next = parts[0].bytes, let keys = parts[1].array
            else {
                fatalError("unexpected SCAN reply \(reply)")
            }
            cursor = next
            var commands: [RedisCommand] = []
            commands.reserveCapacity(keys.count * 2)
            for key in keys {
                guard let bytes = key.bytes else { continue }
                commands.append(RedisCommand(arguments: [typeName, bytes]))
                commands.append(RedisCommand(arguments: [pttlName, bytes]))
            }
            if running == inFlight, let done = try await group.next() {
                total += done
                running -= 1
            }
            group.addTask {
                let replies = try await connection.pipeline(commands)
                return replies.count / 2
            }
            running += 1
        } while cursor != Array("0".utf8)
        for try await done in group {
            total += done
        }
        return total
    }
}

let typeName = Array("TYPE".utf8)
let pttlName = Array("PTTL".utf8)

guard let options = Options(Array(CommandLine.arguments.dropFirst())) else {
    print("usage: redis-client-bench --port PORT [--host HOST] [--populate KEYS] [--repeat N] [--count 1000]")
    exit(2)
}

let configuration = RedisConnectionConfiguration(host: options.host, port: options.port, commandTimeout: .seconds(120))
let connection = try await RedisConnection.connect(configuration, logger: Logger(label: "bench"))
print("connected to \(configuration.redactedURL) (RESP\(connection.protocolVersion))")

if let populate = options.populate {
    let size = try await connection.send("DBSIZE").int ?? 0
    if size < populate {
        print("populating \(populate) keys with DEBUG POPULATE ...")
        _ = try await connection.send("DEBUG", "POPULATE", populate)
    }
}
let keys = try await connection.send("DBSIZE").int ?? 0
print("keys in database: \(keys)")

for inFlight in [1, 4] {
    var best = Double.infinity
    for run in 1...options.repeats {
        let start = ContinuousClock.now
        let scanned = try await scanKeyspace(connection, inFlight: inFlight, count: options.scanCount)
        let seconds = (ContinuousClock.now - start).inSeconds
        best = min(best, seconds)
        let rate = Double(scanned) / seconds
        print(
            "in flight \(inFlight), run \(run): \(scanned) keys (TYPE+PTTL) in "
                + "\(fixed(seconds, 2)) s = \(Int(rate)) keys/s"
        )
    }
    print("in flight \(inFlight): best \(Int(Double(keys) / best)) keys/s")
}
await connection.close()
