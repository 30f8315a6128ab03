#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The type of a stored property of a generated hash `Fields` struct: a schema value type for a required
/// field, or its optional for an optional field. Per-field operations take key paths to these properties
/// (`session.get(\.device, on: client)`), and ``Stored`` is the value type either way, so reading an optional
/// field returns `String?` rather than `String??`.
///
/// Its metatypes are sendable (`SendableMetatype`, from Swift 6.2), because an operation reads its reply on
/// whichever task runs it, with the field's type.
#if compiler(>=6.2)
    public protocol RedisHashFieldValue: SendableMetatype {
        /// The schema value type the field stores.
        associatedtype Stored: RedisValueCodable
    }
#else
    public protocol RedisHashFieldValue {
        /// The schema value type the field stores.
        associatedtype Stored: RedisValueCodable
    }
#endif

extension RedisHashFieldValue where Self: RedisValueCodable {
    /// A required field stores the property's own type.
    public typealias Stored = Self
}

extension String: RedisHashFieldValue {}
extension Int: RedisHashFieldValue {}
extension Double: RedisHashFieldValue {}
extension Bool: RedisHashFieldValue {}
extension UUID: RedisHashFieldValue {}
extension Date: RedisHashFieldValue {}
extension JSONValue: RedisHashFieldValue {}

/// An optional field stores its wrapped type; a missing one reads as `nil`.
extension Optional: RedisHashFieldValue where Wrapped: RedisValueCodable {
    public typealias Stored = Wrapped
}

/// The values of an `HMGET` reply, decoded in order as the types of the key paths that asked for them.
public struct RedisHashFieldValues {
    private let values: [RESPValue]
    private let fields: [String]
    private let key: String
    private var index = 0

    /// Reads `reply`, which must hold one value per field of `fields`.
    ///
    /// - Throws: ``RedisSchemaError/unexpectedReply(key:command:reply:)`` for any other reply.
    public init(_ reply: RESPValue, fields: [String], key: String, command: String) throws(RedisSchemaError) {
        let values = try RedisReply.array(reply, key: key, command: command)
        guard values.count == fields.count else {
            throw .unexpectedReply(
                key: key, command: command, reply: "\(values.count) values for \(fields.count) fields")
        }
        self.values = values
        self.fields = fields
        self.key = key
    }

    /// The next value, decoded as `type` stores it; `nil` when the field (or the key) is missing.
    ///
    /// - Throws: ``RedisSchemaError/wrongValueType(key:field:expected:value:)`` naming the field.
    public mutating func next<Field: RedisHashFieldValue>(
        _ type: Field.Type
    ) throws(RedisSchemaError) -> Field.Stored? {
        defer { index += 1 }
        return try Field.Stored.decode(values[index], key: key, field: fields[index])
    }
}
