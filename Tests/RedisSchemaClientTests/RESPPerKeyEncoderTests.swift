import NIOCore
import RedisSchema
import Testing

@testable import RedisSchemaClient

/// The per-key fast path (``RESPEncoder/encode(_:into:)-(RedisPerKeyPipeline,_)``) against the general
/// encoder, which is the one definition of the wire format: both must write the same bytes.
@Suite("RESP encoder: per-key pipelines")
struct RESPPerKeyEncoderTests {
    private func encoded(_ pipeline: RedisPerKeyPipeline) -> [UInt8] {
        var buffer = ByteBuffer()
        RESPEncoder.encode(pipeline, into: &buffer)
        #expect(buffer.readableBytes == RESPEncoder.encodedSize(of: pipeline))
        return Array(buffer.readableBytesView)
    }

    private func encoded(_ commands: [RedisCommand]) -> [UInt8] {
        var buffer = ByteBuffer()
        RESPEncoder.encode(commands, into: &buffer)
        #expect(buffer.readableBytes == RESPEncoder.encodedSize(of: commands))
        return Array(buffer.readableBytesView)
    }

    @Test("TYPE and PTTL per key, byte for byte as the commands one by one")
    func typeAndPTTL() {
        let pipeline = RedisPerKeyPipeline(names: ["TYPE", "PTTL"], keys: [Array("a".utf8), Array("session:42".utf8)])
        let expected = Array(
            ("*2\r\n$4\r\nTYPE\r\n$1\r\na\r\n*2\r\n$4\r\nPTTL\r\n$1\r\na\r\n"
                + "*2\r\n$4\r\nTYPE\r\n$10\r\nsession:42\r\n*2\r\n$4\r\nPTTL\r\n$10\r\nsession:42\r\n").utf8)
        #expect(encoded(pipeline) == expected)
        #expect(encoded(pipeline.commands) == expected)
        #expect(pipeline.count == 4)
        #expect(pipeline.commands.map(\.name) == ["TYPE", "PTTL", "TYPE", "PTTL"])
    }

    @Test("no keys or no names encode nothing")
    func empty() {
        #expect(encoded(RedisPerKeyPipeline(names: ["TYPE"], keys: [])).isEmpty)
        #expect(encoded(RedisPerKeyPipeline(names: [], keys: [[1, 2]])).isEmpty)
        #expect(RedisPerKeyPipeline(names: [], keys: [[1, 2]]).count == 0)
    }

    @Test("random binary keys, empty and 1 MB keys, one to three names: same bytes as the general encoder")
    func randomKeys() {
        var generator = SplitMix64(seed: 0x5EED)
        let names = ["TYPE", "PTTL", "OBJECT-ENCODING-LONG-NAME"]
        for round in 0..<200 {
            var keys: [[UInt8]] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let length = [0, 1, 9, 10, 99, 100, Int.random(in: 0...300, using: &generator)].randomElement(
                    using: &generator)!
                keys.append((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            }
            if round % 50 == 0 {
                keys.append((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
                keys.append([])
            }
            let pipeline = RedisPerKeyPipeline(
                names: Array(names.prefix(1 + round % names.count)), keys: keys.shuffled(using: &generator))
            #expect(encoded(pipeline) == encoded(pipeline.commands), "round \(round)")
        }
    }

    @Test("appends after what the buffer holds")
    func appends() {
        var buffer = ByteBuffer(string: "*1\r\n$4\r\nPING\r\n")
        RESPEncoder.encode(RedisPerKeyPipeline(names: ["TYPE"], keys: [Array("k".utf8)]), into: &buffer)
        #expect(String(buffer: buffer) == "*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nTYPE\r\n$1\r\nk\r\n")
    }
}

/// A small seeded generator, so that a failure is reproducible.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
