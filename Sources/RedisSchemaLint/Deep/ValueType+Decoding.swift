import RedisSchema
import RedisSchemaCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// Deep checks decide whether stored bytes are of a declared type with the runtime's own decoders,
// the ones generated code reads values with, so the linter and the accessors can never disagree.

extension ValueType {
    /// The runtime type that decodes this value type.
    var codable: any RedisValueCodable.Type {
        switch self {
        case .string: return String.self
        case .int, .timestamp: return Int.self
        case .float: return Double.self
        case .bool: return Bool.self
        case .uuid: return UUID.self
        case .datetime: return Date.self
        case .json: return JSONValue.self
        }
    }
}

extension StringValue {
    /// The runtime type that decodes a string key's value: counters are integers.
    var codable: any RedisValueCodable.Type {
        switch self {
        case .scalar(let type): return type.codable
        case .counter: return Int.self
        }
    }
}

extension ScoreType {
    /// The runtime type a score must decode as: `int` and `timestamp` scores are whole numbers.
    var codable: any RedisValueCodable.Type {
        switch self {
        case .int, .timestamp: return Int.self
        case .float: return Double.self
        }
    }
}

extension RedisValueCodable {
    /// Whether `bytes` decode as this type.
    static func accepts(_ bytes: [UInt8]) -> Bool {
        Self(redisEncoded: bytes) != nil
    }
}
