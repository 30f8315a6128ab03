import NIOCore
import RedisSchema

/// Encodes commands as RESP arrays of bulk strings, the only request form Redis accepts from clients.
enum RESPEncoder {
    /// An upper bound on the encoded size, so a whole pipeline is written into one allocation.
    static func estimatedSize(of commands: [RedisCommand]) -> Int {
        var size = 0
        for command in commands {
            size &+= 16 &+ command.arguments.count &* 16
            for argument in command.arguments {
                size &+= argument.count
            }
        }
        return size
    }

    /// Appends `commands` to `buffer`, in order, with no separators: the server reads them back to back.
    static func encode(_ commands: [RedisCommand], into buffer: inout ByteBuffer) {
        for command in commands {
            self.encode(command, into: &buffer)
        }
    }

    /// Appends one command to `buffer`.
    static func encode(_ command: RedisCommand, into buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt8(ascii: "*"))
        self.writeDecimal(command.arguments.count, into: &buffer)
        buffer.writeInteger(crlf)
        for argument in command.arguments {
            buffer.writeInteger(UInt8(ascii: "$"))
            self.writeDecimal(argument.count, into: &buffer)
            buffer.writeInteger(crlf)
            buffer.writeBytes(argument)
            buffer.writeInteger(crlf)
        }
    }

    /// `\r\n` as one big-endian 16-bit write.
    private static let crlf: UInt16 = 0x0D0A

    /// Writes a non-negative integer in ASCII decimal without creating a `String`.
    @inline(__always)
    static func writeDecimal(_ value: Int, into buffer: inout ByteBuffer) {
        if value >= 0, value < 10 {
            buffer.writeInteger(UInt8(truncatingIfNeeded: 48 &+ value))
            return
        }
        var digits = 0
        var remaining = value.magnitude
        while remaining > 0 {
            remaining /= 10
            digits += 1
        }
        if value < 0 {
            buffer.writeInteger(UInt8(ascii: "-"))
        }
        var magnitude = value.magnitude
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: digits) { pointer in
            var index = digits
            while index > 0 {
                index -= 1
                pointer[index] = UInt8(truncatingIfNeeded: 48 &+ magnitude % 10)
                magnitude /= 10
            }
            return digits
        }
    }
}
