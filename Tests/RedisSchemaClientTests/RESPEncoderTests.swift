import NIOCore
import RedisSchema
import Testing

@testable import RedisSchemaClient

@Suite("RESP encoder and commands")
struct RESPEncoderTests {
    private func encoded(_ commands: [RedisCommand]) -> [UInt8] {
        var buffer = ByteBuffer()
        RESPEncoder.encode(commands, into: &buffer)
        return Array(buffer.readableBytesView)
    }

    @Test("encodes a command as an array of bulk strings")
    func encodesCommand() {
        let command = RedisCommand("SET", "key", [0x00, 0xFF, 0x0D, 0x0A] as [UInt8])
        #expect(encoded([command]) == Array("*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$4\r\n".utf8) + [0, 0xFF, 13, 10, 13, 10])
    }

    @Test("encodes a pipeline back to back, with empty arguments and multi-digit lengths")
    func encodesPipeline() {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 1234)
        let commands = [RedisCommand("PING"), RedisCommand("ECHO", ""), RedisCommand("SET", "k", long)]
        let expected =
            Array("*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$0\r\n\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1234\r\n".utf8)
            + long + Array("\r\n".utf8)
        #expect(encoded(commands) == expected)
        #expect(RESPEncoder.encodedSize(of: commands) == expected.count)
    }

    @Test("writes counts in decimal without String", arguments: [0, 7, 9, 10, 99, 100, 12345, Int.max])
    func writesDecimal(value: Int) {
        var bytes = [UInt8](repeating: 0, count: 24)
        let end = bytes.withUnsafeMutableBytes { RESPEncoder.writeDecimal(value, into: $0, at: 2) }
        #expect(end - 2 == RESPEncoder.decimalLength(value))
        #expect(String(decoding: bytes[2..<end], as: UTF8.self) == String(value))
    }

    @Test("encodes a large pipeline of small commands exactly")
    func encodesManySmallCommands() {
        let keys = (0..<2000).map { Array("session:\($0)".utf8) }
        let commands = keys.flatMap {
            [RedisCommand(arguments: [Array("TYPE".utf8), $0]), RedisCommand(arguments: [Array("PTTL".utf8), $0])]
        }
        var expected: [UInt8] = []
        for key in keys {
            for name in ["TYPE", "PTTL"] {
                expected += Array("*2\r\n$4\r\n\(name)\r\n$\(key.count)\r\n".utf8) + key + Array("\r\n".utf8)
            }
        }
        #expect(encoded(commands) == expected)
    }

    @Test("converts argument types to the bytes Redis parses")
    func argumentConversions() {
        let command = RedisCommand("ZADD", "key", 1.5, Int64(-3), 42, UInt64.max, Double.infinity, -Double.infinity)
        #expect(
            command.arguments.map { String(decoding: $0, as: UTF8.self) } == [
                "ZADD", "key", "1.5", "-3", "42", "18446744073709551615", "inf", "-inf",
            ]
        )
        #expect(RedisCommand(arguments: [Array("get".utf8)]).name == "GET")
        #expect(!RedisCommand("AUTH", "user", "secret").description.contains("secret"))
    }
}
