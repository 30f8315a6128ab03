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
    ///
    /// The command's exact size is computed first and the bytes are written through one raw pointer, so a
    /// pipeline of small commands (`TYPE key`, `PTTL key`) costs one bounds and exclusivity check per
    /// command rather than one per byte written.
    static func encode(_ command: RedisCommand, into buffer: inout ByteBuffer) {
        let arguments = command.arguments
        var size = 3 &+ decimalLength(arguments.count)
        for argument in arguments {
            size &+= 5 &+ decimalLength(argument.count) &+ argument.count
        }
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { output in
            var offset = 0
            output[offset] = UInt8(ascii: "*")
            offset = writeDecimal(arguments.count, into: output, at: offset &+ 1)
            offset = writeCRLF(into: output, at: offset)
            for argument in arguments {
                output[offset] = UInt8(ascii: "$")
                offset = writeDecimal(argument.count, into: output, at: offset &+ 1)
                offset = writeCRLF(into: output, at: offset)
                argument.withUnsafeBytes { bytes in
                    if let source = bytes.baseAddress, let target = output.baseAddress {
                        (target + offset).copyMemory(from: source, byteCount: bytes.count)
                    }
                }
                offset = writeCRLF(into: output, at: offset &+ argument.count)
            }
            return size
        }
    }

    @inline(__always)
    private static func writeCRLF(into output: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        output[offset] = UInt8(ascii: "\r")
        output[offset &+ 1] = UInt8(ascii: "\n")
        return offset &+ 2
    }

    /// How many ASCII digits a non-negative count takes.
    @inline(__always)
    static func decimalLength(_ value: Int) -> Int {
        var digits = 1
        var remaining = value
        while remaining >= 10 {
            remaining /= 10
            digits &+= 1
        }
        return digits
    }

    /// Writes a non-negative count in ASCII decimal at `offset`; returns the offset after it.
    @inline(__always)
    static func writeDecimal(_ value: Int, into output: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        let end = offset &+ decimalLength(value)
        var index = end
        var remaining = value
        repeat {
            index &-= 1
            output[index] = UInt8(truncatingIfNeeded: 48 &+ remaining % 10)
            remaining /= 10
        } while remaining > 0
        return end
    }
}
