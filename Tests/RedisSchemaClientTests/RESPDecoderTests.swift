import NIOCore
import RedisSchema
import Testing

@testable import RedisSchemaClient

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Feeds `chunks` to one decoder as successive reads and returns every value decoded.
private func decode(chunks: [[UInt8]], limits: RESPDecodingLimits = RESPDecodingLimits()) throws -> [RESPValue] {
    var decoder = RESPDecoder(limits: limits)
    var buffer = ByteBuffer()
    var values: [RESPValue] = []
    for chunk in chunks {
        buffer.writeBytes(chunk)
        while let value = try decoder.decode(&buffer) {
            values.append(value)
        }
    }
    return values
}

private func decode(_ wire: [UInt8], limits: RESPDecodingLimits = RESPDecodingLimits()) throws -> [RESPValue] {
    try decode(chunks: [wire], limits: limits)
}

/// One example of every RESP2 and RESP3 type, with what it must decode to.
private let examples: [(wire: String, value: RESPValue)] = [
    ("+OK\r\n", .simpleString(bytes("OK"))),
    ("+\r\n", .simpleString([])),
    ("-ERR unknown command 'FOO'\r\n", .error(RedisServerError("ERR unknown command 'FOO'"))),
    (":0\r\n", .integer(0)),
    (":-42\r\n", .integer(-42)),
    (":9223372036854775807\r\n", .integer(.max)),
    (":-9223372036854775808\r\n", .integer(.min)),
    ("$5\r\nhello\r\n", .bulkString(bytes("hello"))),
    ("$0\r\n\r\n", .bulkString([])),
    ("$4\r\na\r\nb\r\n", .bulkString(bytes("a\r\nb"))),
    ("$-1\r\n", .null),
    ("*-1\r\n", .null),
    ("_\r\n", .null),
    (",3.25\r\n", .double(3.25)),
    (",-1.5e10\r\n", .double(-1.5e10)),
    (",inf\r\n", .double(.infinity)),
    (",-inf\r\n", .double(-.infinity)),
    ("#t\r\n", .boolean(true)),
    ("#f\r\n", .boolean(false)),
    (
        "(3492890328409238509324850943850943825024385\r\n",
        .bigNumber(bytes("3492890328409238509324850943850943825024385"))
    ),
    ("!21\r\nSYNTAX invalid syntax\r\n", .error(RedisServerError("SYNTAX invalid syntax"))),
    ("=15\r\ntxt:Some string\r\n", .bulkString(bytes("Some string"))),
    ("=4\r\nmkd:\r\n", .bulkString([])),
    ("*0\r\n", .array([])),
    ("*3\r\n:1\r\n$1\r\na\r\n_\r\n", .array([.integer(1), .bulkString(bytes("a")), .null])),
    ("~2\r\n+a\r\n+b\r\n", .set([.simpleString(bytes("a")), .simpleString(bytes("b"))])),
    ("~0\r\n", .set([])),
    (
        "%2\r\n+k1\r\n:1\r\n+k2\r\n#t\r\n",
        .map([.simpleString(bytes("k1")), .integer(1), .simpleString(bytes("k2")), .boolean(true)])
    ),
    ("%0\r\n", .map([])),
    (
        ">2\r\n$10\r\ninvalidate\r\n*1\r\n$3\r\nkey\r\n",
        .push([.bulkString(bytes("invalidate")), .array([.bulkString(bytes("key"))])])
    ),
    (
        "*2\r\n*1\r\n%1\r\n+a\r\n*2\r\n~1\r\n:7\r\n>0\r\n$-1\r\n",
        .array([.array([.map([.simpleString(bytes("a")), .array([.set([.integer(7)]), .push([])])])]), .null])
    ),
    // Attributes are metadata for the value that follows: dropped, at top level and inside aggregates.
    (
        "|1\r\n+key-popularity\r\n%2\r\n$1\r\na\r\n,0.1923\r\n$1\r\nb\r\n,0.0012\r\n*2\r\n:2039123\r\n:9543892\r\n",
        .array([.integer(2_039_123), .integer(9_543_892)])
    ),
    ("*2\r\n|1\r\n+ttl\r\n:3600\r\n:1\r\n|0\r\n:2\r\n", .array([.integer(1), .integer(2)])),
]

@Suite("RESP decoder")
struct RESPDecoderTests {
    @Test("decodes every RESP2 and RESP3 type", arguments: 0..<examples.count)
    func decodesEveryType(index: Int) throws {
        let example = examples[index]
        #expect(try decode(bytes(example.wire)) == [example.value])
    }

    @Test("decodes nan doubles")
    func decodesNaN() throws {
        let values = try decode(bytes(",nan\r\n"))
        guard case .double(let value) = values.first else {
            Issue.record("expected a double, got \(values)")
            return
        }
        #expect(value.isNaN)
    }

    @Test("decodes the same values whatever the split between two reads")
    func splitAtEveryByteBoundary() throws {
        let wire = examples.flatMap { bytes($0.wire) }
        let expected = examples.map(\.value)
        for split in 0...wire.count {
            let values = try decode(chunks: [Array(wire[..<split]), Array(wire[split...])])
            #expect(values == expected, "split at byte \(split)")
        }
    }

    @Test("decodes a stream delivered one byte per read")
    func oneBytePerRead() throws {
        let wire = examples.flatMap { bytes($0.wire) }
        #expect(try decode(chunks: wire.map { [$0] }) == examples.map(\.value))
    }

    @Test("returns nil and consumes nothing of an incomplete token")
    func incompleteTokenIsNotConsumed() throws {
        var decoder = RESPDecoder()
        var buffer = ByteBuffer(bytes: bytes("$10\r\nhello"))
        #expect(try decoder.decode(&buffer) == nil)
        #expect(buffer.readableBytes == 10)
        buffer.writeBytes(bytes("world\r\n"))
        #expect(try decoder.decode(&buffer) == .bulkString(bytes("helloworld")))
        #expect(buffer.readableBytes == 0)
    }

    @Test("keeps binary and non-UTF-8 payloads byte for byte")
    func binaryPayloads() throws {
        let payload: [UInt8] = [0x00, 0xFF, 0xFE, 0x0D, 0x0A, 0xC3, 0x28, 0x80, 0x00]
        var wire = bytes("*2\r\n$\(payload.count)\r\n")
        wire += payload + bytes("\r\n+")
        wire += [0xFF, 0xC0] + bytes("\r\n")
        let values = try decode(wire)
        #expect(values == [.array([.bulkString(payload), .simpleString([0xFF, 0xC0])])])
        #expect(values.first?.array?.first?.string == nil)
        #expect(values.first?.array?.first?.bytes == payload)
    }

    @Test("turns a non-UTF-8 error line into a readable error")
    func nonUTF8Error() throws {
        let values = try decode(bytes("-ERR ") + [0xFF, 0xFE] + bytes("\r\n"))
        guard case .error(let error) = values.first else {
            Issue.record("expected an error, got \(values)")
            return
        }
        #expect(error.code == "ERR")
        #expect(error.message.hasPrefix("ERR "))
    }

    @Test(
        "rejects invalid input with an error, never a crash",
        arguments: [
            ("?x\r\n", RESPDecodingError.invalidTypeByte(UInt8(ascii: "?"))),
            ("HTTP/1.1 400 Bad Request\r\n", .invalidTypeByte(UInt8(ascii: "H"))),
            (":12a\r\n", .invalidNumber),
            (":\r\n", .invalidNumber),
            (":-\r\n", .invalidNumber),
            (":99999999999999999999\r\n", .invalidNumber),
            ("*99999999999999999999\r\n", .invalidNumber),
            ("$3\r\nabcXY", .missingCRLF),
            ("+OK\rX", .missingCRLF),
            (":1\rX", .missingCRLF),
            ("$-2\r\n", .invalidLength(-2)),
            ("*-5\r\n", .invalidLength(-5)),
            ("%-1\r\n", .invalidLength(-1)),
            ("#x\r\n", .invalidScalar("a RESP3 boolean is not `t` or `f`")),
            ("#tt\r\n", .invalidScalar("a RESP3 boolean is not `t` or `f`")),
            ("_x\r\n", .invalidScalar("a RESP3 null has a body")),
            (",abc\r\n", .invalidScalar("a RESP3 double is not a number")),
            ("=3\r\nabc\r\n", .invalidScalar("a RESP3 verbatim string lacks its format prefix")),
            ("$?\r\n", .streamedTypeUnsupported),
            ("*?\r\n", .streamedTypeUnsupported),
        ]
    )
    func rejectsInvalidInput(wire: String, expected: RESPDecodingError) {
        #expect(throws: expected) {
            _ = try decode(bytes(wire))
        }
    }

    @Test("enforces nesting, size and line limits against hostile servers")
    func limits() throws {
        var limits = RESPDecodingLimits()
        limits.maximumDepth = 4
        limits.maximumBulkLength = 16
        limits.maximumAggregateCount = 8
        limits.maximumLineLength = 32
        #expect(throws: RESPDecodingError.nestingTooDeep(limit: 4)) {
            _ = try decode(bytes(String(repeating: "*1\r\n", count: 5) + ":1\r\n"), limits: limits)
        }
        #expect(try decode(bytes(String(repeating: "*1\r\n", count: 4) + ":1\r\n"), limits: limits).count == 1)
        #expect(throws: RESPDecodingError.bulkTooLarge(length: 17, limit: 16)) {
            _ = try decode(bytes("$17\r\n"), limits: limits)
        }
        #expect(throws: RESPDecodingError.aggregateTooLarge(count: 9, limit: 8)) {
            _ = try decode(bytes("*9\r\n"), limits: limits)
        }
        #expect(throws: RESPDecodingError.aggregateTooLarge(count: 5, limit: 8)) {
            _ = try decode(bytes("%5\r\n"), limits: limits)
        }
        #expect(throws: RESPDecodingError.lineTooLong(limit: 32)) {
            _ = try decode(bytes("+" + String(repeating: "a", count: 40)), limits: limits)
        }
        // A huge announced size is rejected before anything is allocated for it.
        #expect(throws: RESPDecodingError.bulkTooLarge(length: 1 << 40, limit: 512 * 1024 * 1024)) {
            _ = try decode(bytes("$\(1 << 40)\r\n"))
        }
    }

    @Test("a deeply nested hostile reply fails instead of overflowing the stack")
    func deepNestingDefaultLimit() {
        let wire = bytes(String(repeating: "*1\r\n", count: 100_000))
        #expect(throws: RESPDecodingError.nestingTooDeep(limit: 64)) {
            _ = try decode(wire)
        }
    }

    @Test("random bytes never crash the decoder")
    func fuzz() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let alphabet = bytes("+-:$*_,#!=(%~>|\r\n0123456789-?tfx") + [0x00, 0xFF]
        let validWire = examples.flatMap { bytes($0.wire) }
        for round in 0..<3000 {
            var input: [UInt8]
            if round % 2 == 0 {
                input = (0..<Int(next() % 40)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
            } else {
                // Mutate valid traffic so that the decoder gets deep into real structures first.
                input = validWire
                for _ in 0..<3 {
                    input[Int(next() % UInt64(input.count))] = alphabet[Int(next() % UInt64(alphabet.count))]
                }
            }
            _ = try? decode(chunks: [Array(input.prefix(Int(next() % 50))), Array(input.dropFirst(0))])
            _ = try? decode(input)
        }
    }
}
