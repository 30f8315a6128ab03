import NIOCore
import RedisSchema

/// Why a byte stream is not valid RESP, or exceeds what this client is willing to buffer.
///
/// Any of these means the connection is out of sync with the server and must be closed.
public enum RESPDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A reply started with a byte that is not a RESP type marker.
    case invalidTypeByte(UInt8)
    /// A length, count or integer field was not a decimal number, or overflowed.
    case invalidNumber
    /// A length or count was negative (other than the `-1` null form).
    case invalidLength(Int64)
    /// A line or a payload was not terminated by CRLF.
    case missingCRLF
    /// A boolean, null or double had an invalid body.
    case invalidScalar(String)
    /// A header line exceeded the limit without a CRLF.
    case lineTooLong(limit: Int)
    /// A bulk payload announced more bytes than the limit.
    case bulkTooLarge(length: Int64, limit: Int)
    /// An aggregate announced more elements than the limit.
    case aggregateTooLarge(count: Int64, limit: Int)
    /// Aggregates were nested deeper than the limit.
    case nestingTooDeep(limit: Int)
    /// A RESP3 streamed string or aggregate, which Redis never sends.
    case streamedTypeUnsupported

    public var description: String {
        switch self {
        case .invalidTypeByte(let byte):
            return "unexpected byte 0x\(String(byte, radix: 16)) where a RESP type marker was expected"
        case .invalidNumber:
            return "a RESP length or integer is not a valid decimal number"
        case .invalidLength(let length):
            return "a RESP length is negative (\(length))"
        case .missingCRLF:
            return "a RESP line or payload is not terminated by CRLF"
        case .invalidScalar(let detail):
            return "invalid RESP value: \(detail)"
        case .lineTooLong(let limit):
            return "a RESP header line is longer than \(limit) bytes"
        case .bulkTooLarge(let length, let limit):
            return "a RESP bulk string of \(length) bytes exceeds the limit of \(limit) bytes"
        case .aggregateTooLarge(let count, let limit):
            return "a RESP aggregate of \(count) elements exceeds the limit of \(limit) elements"
        case .nestingTooDeep(let limit):
            return "RESP aggregates are nested deeper than \(limit) levels"
        case .streamedTypeUnsupported:
            return "RESP3 streamed strings and aggregates are not supported"
        }
    }
}

/// Limits that keep a malicious or broken server from exhausting memory or the stack.
public struct RESPDecodingLimits: Sendable, Hashable {
    /// Largest bulk string accepted; Redis's own `proto-max-bulk-len` default is 512 MiB.
    public var maximumBulkLength: Int = 512 * 1024 * 1024
    /// Largest element count of one aggregate (maps count key and value separately).
    public var maximumAggregateCount: Int = 1 << 28
    /// Deepest nesting of aggregates; real Redis replies nest fewer than ten levels.
    public var maximumDepth: Int = 64
    /// Longest header line (simple strings, errors, numbers) accepted before the CRLF.
    public var maximumLineLength: Int = 1024 * 1024

    /// Creates the default limits.
    public init() {}
}

/// An incremental RESP2/RESP3 decoder.
///
/// Bytes are consumed one token at a time (a scalar or an aggregate header), and partially received
/// aggregates are kept on an explicit stack, so a reply split across many reads is never re-parsed from its
/// start and deep nesting cannot overflow the call stack. A token is consumed only once it is complete.
struct RESPDecoder {
    private enum AggregateKind {
        case array, set, map, push, attribute
    }

    private struct Frame {
        var kind: AggregateKind
        var remaining: Int
        var elements: [RESPValue]
    }

    private enum Token {
        case value(RESPValue)
        case aggregate(AggregateKind, count: Int)
        case skip
    }

    private enum ScanResult {
        case incomplete
        case failure(RESPDecodingError)
        case token(Token, consumed: Int)
    }

    private var stack: [Frame] = []
    let limits: RESPDecodingLimits

    init(limits: RESPDecodingLimits = RESPDecodingLimits()) {
        self.limits = limits
    }

    /// Whether a reply has been started but not finished.
    var hasPartialValue: Bool { !self.stack.isEmpty }

    /// Decodes the next complete top-level value, or returns `nil` if more bytes are needed.
    ///
    /// Attributes (`|`) are consumed and dropped: Redis uses them only for optional metadata.
    mutating func decode(_ buffer: inout ByteBuffer) throws(RESPDecodingError) -> RESPValue? {
        let limits = self.limits
        while true {
            let result = buffer.withUnsafeReadableBytes { Self.scan($0, limits: limits) }
            switch result {
            case .incomplete:
                return nil
            case .failure(let error):
                throw error
            case .token(let token, let consumed):
                buffer.moveReaderIndex(forwardBy: consumed)
                switch token {
                case .skip:
                    continue
                case .value(let value):
                    if let complete = self.append(value) {
                        return complete
                    }
                case .aggregate(let kind, let count):
                    guard self.stack.count < limits.maximumDepth else {
                        throw .nestingTooDeep(limit: limits.maximumDepth)
                    }
                    var elements: [RESPValue] = []
                    if kind != .attribute {
                        // The count is server-controlled: reserve only a bounded amount up front.
                        elements.reserveCapacity(Swift.min(count, 4096))
                    }
                    self.stack.append(Frame(kind: kind, remaining: count, elements: elements))
                }
            }
        }
    }

    /// Attaches a finished value to the innermost open aggregate; returns it once the outermost one closes.
    private mutating func append(_ value: RESPValue) -> RESPValue? {
        var value = value
        while !self.stack.isEmpty {
            let top = self.stack.count - 1
            if self.stack[top].kind != .attribute {
                self.stack[top].elements.append(value)
            }
            self.stack[top].remaining -= 1
            if self.stack[top].remaining > 0 {
                return nil
            }
            let frame = self.stack.removeLast()
            switch frame.kind {
            case .array: value = .array(frame.elements)
            case .set: value = .set(frame.elements)
            case .map: value = .map(frame.elements)
            case .push: value = .push(frame.elements)
            case .attribute:
                // The attributed value follows and belongs to the parent, not to the attribute.
                return nil
            }
        }
        return value
    }

    // MARK: - Token scanning

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Scans one token at the start of `bytes` without consuming anything.
    private static func scan(_ bytes: UnsafeRawBufferPointer, limits: RESPDecodingLimits) -> ScanResult {
        guard bytes.count >= 1 else { return .incomplete }
        let marker = bytes[0]
        switch marker {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: "_"),
            UInt8(ascii: "#"):
            return self.scanLine(bytes, marker: marker, limits: limits)
        case UInt8(ascii: ":"):
            switch self.scanNumber(bytes, limits: limits) {
            case .incomplete: return .incomplete
            case .failure(let error): return .failure(error)
            case .number(let value, let end): return .token(.value(.integer(value)), consumed: end)
            }
        case UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "="):
            return self.scanBulk(bytes, marker: marker, limits: limits)
        case UInt8(ascii: "*"), UInt8(ascii: "~"), UInt8(ascii: "%"), UInt8(ascii: ">"), UInt8(ascii: "|"):
            return self.scanAggregateHeader(bytes, marker: marker, limits: limits)
        default:
            return .failure(.invalidTypeByte(marker))
        }
    }

    private enum NumberResult {
        case incomplete
        case failure(RESPDecodingError)
        /// `end` is the offset just past the CRLF.
        case number(Int64, end: Int)
    }

    /// Parses `<marker><signed decimal>\r\n`.
    private static func scanNumber(_ bytes: UnsafeRawBufferPointer, limits: RESPDecodingLimits) -> NumberResult {
        if bytes.count >= 2, bytes[1] == UInt8(ascii: "?") {
            return .failure(.streamedTypeUnsupported)
        }
        var index = 1
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let digitsStart = index
        var value: Int64 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.cr {
                break
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return .failure(.invalidNumber) }
            let (multiplied, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (added, overflow2) =
                negative
                ? multiplied.subtractingReportingOverflow(Int64(digit))
                : multiplied.addingReportingOverflow(Int64(digit))
            guard !overflow1, !overflow2 else { return .failure(.invalidNumber) }
            value = added
            index += 1
        }
        guard index + 1 < bytes.count else {
            return index > 32 ? .failure(.invalidNumber) : .incomplete
        }
        guard index > digitsStart else { return .failure(.invalidNumber) }
        guard bytes[index + 1] == Self.lf else { return .failure(.missingCRLF) }
        return .number(value, end: index + 2)
    }

    /// Parses line-framed scalars: simple strings, simple errors, doubles, big numbers, nulls and booleans.
    private static func scanLine(
        _ bytes: UnsafeRawBufferPointer,
        marker: UInt8,
        limits: RESPDecodingLimits
    ) -> ScanResult {
        var index = 1
        let end = bytes.count
        while index < end, bytes[index] != Self.cr {
            index += 1
        }
        let lineLength = index - 1
        if lineLength > limits.maximumLineLength {
            return .failure(.lineTooLong(limit: limits.maximumLineLength))
        }
        guard index + 1 < end else { return .incomplete }
        guard bytes[index + 1] == Self.lf else { return .failure(.missingCRLF) }
        let line = UnsafeRawBufferPointer(rebasing: bytes[1..<index])
        let consumed = index + 2
        let value: RESPValue
        switch marker {
        case UInt8(ascii: "+"):
            value = .simpleString(Self.internedSimpleString(line) ?? Array(line))
        case UInt8(ascii: "-"):
            value = .error(RedisServerError(String(decoding: line, as: UTF8.self)))
        case UInt8(ascii: "("):
            value = .bigNumber(Array(line))
        case UInt8(ascii: "_"):
            guard line.isEmpty else { return .failure(.invalidScalar("a RESP3 null has a body")) }
            value = .null
        case UInt8(ascii: "#"):
            guard line.count == 1 else { return .failure(.invalidScalar("a RESP3 boolean is not `t` or `f`")) }
            switch line[0] {
            case UInt8(ascii: "t"): value = .boolean(true)
            case UInt8(ascii: "f"): value = .boolean(false)
            default: return .failure(.invalidScalar("a RESP3 boolean is not `t` or `f`"))
            }
        default:  // ","
            guard let double = Double(String(decoding: line, as: UTF8.self)) else {
                return .failure(.invalidScalar("a RESP3 double is not a number"))
            }
            value = .double(double)
        }
        return .token(.value(value), consumed: consumed)
    }

    /// The simple strings that dominate pipelined traffic (`+OK`, and `TYPE` replies while scanning a
    /// keyspace), shared instead of allocated per reply.
    private static let internedSimpleStrings: [[UInt8]] = [
        "OK", "PONG", "QUEUED", "string", "list", "set", "zset", "hash", "stream", "none",
    ].map { Array($0.utf8) }

    @inline(__always)
    private static func internedSimpleString(_ line: UnsafeRawBufferPointer) -> [UInt8]? {
        guard line.count <= 6 else { return nil }
        for candidate in self.internedSimpleStrings where candidate.count == line.count {
            if candidate.withUnsafeBytes({ $0.elementsEqual(line) }) {
                return candidate
            }
        }
        return nil
    }

    /// Parses length-prefixed payloads: bulk strings, bulk errors and verbatim strings.
    private static func scanBulk(
        _ bytes: UnsafeRawBufferPointer,
        marker: UInt8,
        limits: RESPDecodingLimits
    ) -> ScanResult {
        let length: Int64
        let headerEnd: Int
        switch self.scanNumber(bytes, limits: limits) {
        case .incomplete: return .incomplete
        case .failure(let error): return .failure(error)
        case .number(let value, let end):
            length = value
            headerEnd = end
        }
        if length == -1, marker == UInt8(ascii: "$") {
            return .token(.value(.null), consumed: headerEnd)
        }
        guard length >= 0 else { return .failure(.invalidLength(length)) }
        guard length <= limits.maximumBulkLength else {
            return .failure(.bulkTooLarge(length: length, limit: limits.maximumBulkLength))
        }
        let payloadEnd = headerEnd + Int(length)
        guard payloadEnd + 2 <= bytes.count else { return .incomplete }
        guard bytes[payloadEnd] == Self.cr, bytes[payloadEnd + 1] == Self.lf else {
            return .failure(.missingCRLF)
        }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[headerEnd..<payloadEnd])
        let value: RESPValue
        switch marker {
        case UInt8(ascii: "$"):
            value = .bulkString(Array(payload))
        case UInt8(ascii: "!"):
            value = .error(RedisServerError(String(decoding: payload, as: UTF8.self)))
        default:  // "=": a three-letter format and a colon precede the text
            guard payload.count >= 4, payload[3] == UInt8(ascii: ":") else {
                return .failure(.invalidScalar("a RESP3 verbatim string lacks its format prefix"))
            }
            value = .bulkString(Array(UnsafeRawBufferPointer(rebasing: payload[4...])))
        }
        return .token(.value(value), consumed: payloadEnd + 2)
    }

    /// Parses aggregate headers; empty aggregates complete immediately.
    private static func scanAggregateHeader(
        _ bytes: UnsafeRawBufferPointer,
        marker: UInt8,
        limits: RESPDecodingLimits
    ) -> ScanResult {
        let count: Int64
        let headerEnd: Int
        switch self.scanNumber(bytes, limits: limits) {
        case .incomplete: return .incomplete
        case .failure(let error): return .failure(error)
        case .number(let value, let end):
            count = value
            headerEnd = end
        }
        if count == -1, marker == UInt8(ascii: "*") {
            return .token(.value(.null), consumed: headerEnd)
        }
        guard count >= 0 else { return .failure(.invalidLength(count)) }
        let isPaired = marker == UInt8(ascii: "%") || marker == UInt8(ascii: "|")
        let elements = isPaired ? count.multipliedReportingOverflow(by: 2).partialValue : count
        guard count <= limits.maximumAggregateCount / (isPaired ? 2 : 1) else {
            return .failure(.aggregateTooLarge(count: count, limit: limits.maximumAggregateCount))
        }
        let kind: AggregateKind
        switch marker {
        case UInt8(ascii: "*"): kind = .array
        case UInt8(ascii: "~"): kind = .set
        case UInt8(ascii: "%"): kind = .map
        case UInt8(ascii: ">"): kind = .push
        default: kind = .attribute
        }
        guard elements > 0 else {
            switch kind {
            case .array: return .token(.value(.array([])), consumed: headerEnd)
            case .set: return .token(.value(.set([])), consumed: headerEnd)
            case .map: return .token(.value(.map([])), consumed: headerEnd)
            case .push: return .token(.value(.push([])), consumed: headerEnd)
            case .attribute: return .token(.skip, consumed: headerEnd)
            }
        }
        return .token(.aggregate(kind, count: Int(elements)), consumed: headerEnd)
    }
}
