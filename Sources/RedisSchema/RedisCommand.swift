/// A value that can be sent as one argument of a Redis command.
///
/// Redis arguments are byte strings; numbers are sent in the decimal form Redis itself parses.
public protocol RedisArgumentConvertible: Sendable {
    /// The bytes sent to the server for this argument.
    var redisArgument: [UInt8] { get }
}

extension String: RedisArgumentConvertible {
    /// The UTF-8 bytes of the string.
    public var redisArgument: [UInt8] { Array(self.utf8) }
}

extension Substring: RedisArgumentConvertible {
    /// The UTF-8 bytes of the substring.
    public var redisArgument: [UInt8] { Array(self.utf8) }
}

extension Array: RedisArgumentConvertible where Element == UInt8 {
    /// The bytes themselves, sent unchanged: keys and values are binary-safe.
    public var redisArgument: [UInt8] { self }
}

extension Int: RedisArgumentConvertible {
    /// The decimal representation.
    public var redisArgument: [UInt8] { Array(String(self).utf8) }
}

extension Int64: RedisArgumentConvertible {
    /// The decimal representation.
    public var redisArgument: [UInt8] { Array(String(self).utf8) }
}

extension UInt64: RedisArgumentConvertible {
    /// The decimal representation (used for `SCAN` cursors, which are unsigned 64-bit).
    public var redisArgument: [UInt8] { Array(String(self).utf8) }
}

extension Double: RedisArgumentConvertible {
    /// The shortest decimal that round-trips; infinities as `inf` / `-inf`, which Redis accepts for scores.
    public var redisArgument: [UInt8] {
        if self == .infinity { return Array("inf".utf8) }
        if self == -.infinity { return Array("-inf".utf8) }
        return Array(String(self).utf8)
    }
}

/// One Redis command: its name followed by its arguments, each a byte string.
public struct RedisCommand: Sendable, Hashable, CustomStringConvertible {
    /// The command name and its arguments, in order.
    public var arguments: [[UInt8]]

    /// Creates a command from raw arguments, the first being the command name.
    public init(arguments: [[UInt8]]) {
        self.arguments = arguments
    }

    /// Creates a command such as `RedisCommand("SET", key, value)`.
    public init(_ name: String, _ arguments: any RedisArgumentConvertible...) {
        self.init(name, arguments: arguments)
    }

    /// Creates a command whose arguments are built at run time.
    public init(_ name: String, arguments: [any RedisArgumentConvertible]) {
        var all: [[UInt8]] = []
        all.reserveCapacity(arguments.count + 1)
        all.append(Array(name.utf8))
        for argument in arguments {
            all.append(argument.redisArgument)
        }
        self.arguments = all
    }

    /// The command name, upper-cased, for logs and error messages.
    public var name: String {
        guard let first = self.arguments.first else { return "" }
        return String(decoding: first, as: UTF8.self).uppercased()
    }

    /// The command name only: arguments may hold secrets (`AUTH`) or large values, so they are never printed.
    public var description: String {
        "RedisCommand(\(self.name), \(self.arguments.count - 1) arguments)"
    }
}
