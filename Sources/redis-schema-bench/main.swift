// Benchmarks for the schema loader and the key matcher; run through `scripts/bench-matcher`.
//
// Prints figures only: targets are judged by a person reading them, never by a timed test.

import BenchSupport
import RedisSchemaCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// A schema of `count` patterns shaped like real ones: a literal prefix, then placeholders and
/// literals, some typed.
func generatedSchema(patterns count: Int) -> String {
    var text = "version: 1\nnamespace: Bench\nkeys:\n"
    for index in 0..<count {
        let pattern: String
        switch index % 5 {
        case 0: pattern = "svc\(index):<id>"
        case 1: pattern = "svc\(index):<id:int>:events"
        case 2: pattern = "svc\(index):<tenant>:<user:uuid>"
        case 3: pattern = "svc\(index):cache:<hash:hex>"
        default: pattern = "svc\(index):<kind>:v<version:int>:<id>"
        }
        text += "  key\(index):\n    pattern: \"\(pattern)\"\n    type: hash\n    ttl: 1 hour\n"
    }
    return text
}

func generatedKeys(count: Int, patterns: Int) -> [[UInt8]] {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next() -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % 1_000_000_007)
    }
    return (0..<count).map { _ in
        let index = next() % patterns
        let id = next()
        let key: String
        switch (index % 5, id % 50) {
        case (_, 0): key = "unknown\(id):\(index)"
        case (0, _): key = "svc\(index):\(id)"
        case (1, _): key = "svc\(index):\(id):events"
        case (2, _): key = "svc\(index):tenant\(id % 100):9b2c7a1e-4f0d-4c55-8a7e-\(String(100_000_000_000 + id))"
        case (3, _): key = "svc\(index):cache:\(String(id, radix: 16))"
        default: key = "svc\(index):kind\(id % 7):v\(id % 9):\(id)"
        }
        return Array(key.utf8)
    }
}

let arguments = CommandLine.arguments
let patternCount = arguments.count > 1 ? Int(arguments[1]) ?? 1000 : 1000
let keyCount = arguments.count > 2 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000
let rounds = 5

let yaml = Array(generatedSchema(patterns: patternCount).utf8)
var loadTimes: [Double] = []
var schema: Schema?
for _ in 0..<rounds {
    let start = now()
    let result = SchemaLoader.load(bytes: yaml, file: "bench.yaml")
    loadTimes.append(now() - start)
    precondition(!result.diagnostics.containsErrors, "\(result.diagnostics.prefix(3))")
    schema = result.schema
}
let matcher = schema!.makeMatcher()
let keys = generatedKeys(count: keyCount, patterns: patternCount)

var matchTimes: [Double] = []
var matched = 0
var badParams = 0
var unmatched = 0
var scratch = KeyMatcher.Scratch()
for _ in 0..<rounds {
    (matched, badParams, unmatched) = (0, 0, 0)
    let start = now()
    for key in keys {
        let outcome = key.withUnsafeBytes { matcher.match($0, scratch: &scratch) }
        switch outcome {
        case .matched: matched += 1
        case .badParam: badParams += 1
        case .unmatched: unmatched += 1
        }
    }
    matchTimes.append(now() - start)
}

let loadMedian = median(loadTimes)!
let matchMedian = median(matchTimes)!
let keysPerSecond = Double(keyCount) / matchMedian
print("schema: \(patternCount) patterns, \(yaml.count) bytes")
print(
    "load + check: median \(fixed(loadMedian * 1000, 1)) ms, best \(fixed(loadTimes.min()! * 1000, 1)) ms (\(rounds) rounds)"
)
print("keys: \(keyCount) (matched \(matched), bad-param \(badParams), unmatched \(unmatched))")
print(
    "match: median \(fixed(matchMedian, 3)) s, best \(fixed(matchTimes.min()!, 3)) s, "
        + "\(fixed(keysPerSecond / 1e6, 2)) M keys/s, \(fixed(1e9 / keysPerSecond, 0)) ns/key on one core")
