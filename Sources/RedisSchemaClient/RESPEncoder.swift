import NIOCore
import RedisSchema

/// Encodes commands as RESP arrays of bulk strings, the only request form Redis accepts from clients.
///
/// A pipeline's exact size is computed first and all of it is written through one raw pointer, so a
/// pipeline of thousands of small commands (`TYPE key`, `PTTL key`) costs one bounds and exclusivity
/// check in total rather than one per command or per byte written.
enum RESPEncoder {
    /// The exact number of bytes ``encode(_:into:)-([RedisCommand],_)`` appends for `commands`.
    static func encodedSize(of commands: [RedisCommand]) -> Int {
        var size = 0
        for command in commands {
            size &+= 3 &+ decimalLength(command.arguments.count)
            for argument in command.arguments {
                size &+= bulkStringSize(argument.count)
            }
        }
        return size
    }

    /// The exact number of bytes ``encode(_:into:)-(RedisPerKeyPipeline,_)`` appends for `pipeline`.
    static func encodedSize(of pipeline: RedisPerKeyPipeline) -> Int {
        var perKeyHeaders = 0
        for name in pipeline.names {
            perKeyHeaders &+= twoArgumentHeader.count &+ bulkStringSize(name.count)
        }
        var size = perKeyHeaders &* pipeline.keys.count
        let names = pipeline.names.count
        for key in pipeline.keys {
            size &+= names &* bulkStringSize(key.count)
        }
        return size
    }

    /// Appends `commands` to `buffer`, in order, with no separators: the server reads them back to back.
    static func encode(_ commands: [RedisCommand], into buffer: inout ByteBuffer) {
        let size = encodedSize(of: commands)
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { output in
            guard let start = output.baseAddress else { return 0 }
            var cursor = start
            for command in commands {
                cursor.storeBytes(of: UInt8(ascii: "*"), as: UInt8.self)
                cursor = writeDecimal(command.arguments.count, at: cursor + 1)
                cursor = writeCRLF(at: cursor)
                for argument in command.arguments {
                    cursor = writeBulkString(argument, at: cursor)
                }
            }
            assert(cursor - start == size, "the RESP encoder wrote a size other than it computed")
            return size
        }
    }

    /// Appends every command of `pipeline` to `buffer`, key by key.
    ///
    /// Each name's `*2\r\n$4\r\nTYPE\r\n` header is rendered once per pipeline and copied in front of each
    /// key, so a command costs two copies, a decimal length and two CRLFs.
    static func encode(_ pipeline: RedisPerKeyPipeline, into buffer: inout ByteBuffer) {
        let size = encodedSize(of: pipeline)
        var headers: [UInt8] = []
        var headerEnds: [Int] = []
        for name in pipeline.names {
            headers += twoArgumentHeader
            headers.append(UInt8(ascii: "$"))
            headers += Array(String(name.count).utf8)
            headers += crlf
            headers += name
            headers += crlf
            headerEnds.append(headers.count)
        }
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { output in
            guard let start = output.baseAddress else { return 0 }
            var cursor = start
            headers.withUnsafeBytes { headers in
                guard let headerBytes = headers.baseAddress else { return }
                for key in pipeline.keys {
                    key.withUnsafeBytes { key in
                        var headerStart = 0
                        for headerEnd in headerEnds {
                            let length = headerEnd &- headerStart
                            cursor.copyMemory(from: headerBytes + headerStart, byteCount: length)
                            cursor = writeBulkString(key, at: cursor + length)
                            headerStart = headerEnd
                        }
                    }
                }
            }
            assert(cursor - start == size, "the RESP encoder wrote a size other than it computed")
            return size
        }
    }

    /// `*2\r\n`: the array header of a command name and one argument.
    private static let twoArgumentHeader = Array("*2\r\n".utf8)
    private static let crlf = Array("\r\n".utf8)

    /// `$<count>\r\n<bytes>\r\n`.
    @inline(__always)
    private static func bulkStringSize(_ count: Int) -> Int {
        5 &+ decimalLength(count) &+ count
    }

    @inline(__always)
    private static func writeBulkString(_ bytes: [UInt8], at cursor: UnsafeMutableRawPointer)
        -> UnsafeMutableRawPointer
    {
        bytes.withUnsafeBytes { writeBulkString($0, at: cursor) }
    }

    @inline(__always)
    private static func writeBulkString(_ bytes: UnsafeRawBufferPointer, at cursor: UnsafeMutableRawPointer)
        -> UnsafeMutableRawPointer
    {
        cursor.storeBytes(of: UInt8(ascii: "$"), as: UInt8.self)
        var cursor = writeCRLF(at: writeDecimal(bytes.count, at: cursor + 1))
        if let source = bytes.baseAddress {
            cursor.copyMemory(from: source, byteCount: bytes.count)
        }
        cursor += bytes.count
        return writeCRLF(at: cursor)
    }

    @inline(__always)
    private static func writeCRLF(at cursor: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        cursor.storeBytes(of: UInt8(ascii: "\r"), as: UInt8.self)
        (cursor + 1).storeBytes(of: UInt8(ascii: "\n"), as: UInt8.self)
        return cursor + 2
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
    static func writeDecimal(_ value: Int, into output: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        precondition(offset &+ decimalLength(value) <= output.count, "no room for the decimal")
        guard let start = output.baseAddress else { return offset }
        return writeDecimal(value, at: start + offset) - start
    }

    /// Writes a non-negative count in ASCII decimal at `cursor`; returns the address after it.
    @inline(__always)
    static func writeDecimal(_ value: Int, at cursor: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        let end = cursor + decimalLength(value)
        var digit = end
        var remaining = value
        repeat {
            digit -= 1
            digit.storeBytes(of: UInt8(truncatingIfNeeded: 48 &+ remaining % 10), as: UInt8.self)
            remaining /= 10
        } while remaining > 0
        return end
    }
}
