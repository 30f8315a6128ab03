/// Why generated schema code refused a value or could not use a reply.
///
/// Every case names the key (or key pattern) involved, so a log line says where to look.
public enum RedisSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A placeholder value breaks its rule, so the key (or member, or field) would leave the schema.
    case invalidParam(pattern: String, param: String, value: String, violation: KeyParamViolation)
    /// The rendered key belongs to a more specific pattern of the schema (`lock:admin` under `lock:<resource>`
    /// when `lock:admin` is declared too), so writing it would touch another spec's key.
    case ownedByAnotherPattern(key: String, pattern: String, owner: String)
    /// A stored value does not have the type the schema declares.
    case wrongValueType(key: String, field: String?, expected: String, value: String)
    /// A hash or stream entry lacks a field the schema requires.
    case missingField(key: String, field: String)
    /// A stored member or field name does not follow its pattern.
    case patternMismatch(key: String, pattern: String, value: String)
    /// The server answered with a reply of a shape the command never returns.
    case unexpectedReply(key: String, command: String, reply: String)
    /// The server refused a command, inside a transaction or not.
    case commandFailed(key: String, command: String, error: RedisServerError)
    /// `EXEC` returned null: a watched key changed, so nothing ran.
    case transactionAborted(key: String)
    /// An argument breaks a rule of the schema, such as a negative amount for an increment-only counter.
    case invalidArgument(key: String, message: String)
    /// A write found the key holding another Redis type (`actual`; `nil` for a type outside
    /// ``RedisKeyType``, such as a module's), so it changed nothing: neither the value nor the TTL.
    case wrongType(key: String, expected: RedisKeyType, actual: RedisKeyType?)
    /// A command of a schema that targets Redis Cluster (`cluster: true`) would touch keys of different
    /// hash slots (`slots`, in the order of `keys`), which a cluster refuses (`CROSSSLOT`); nothing was sent.
    case crossSlot(command: String, keys: [String], slots: [Int])

    public var description: String {
        switch self {
        case .invalidParam(let pattern, let param, let value, let violation):
            return "`\(param)` value \(quoted(value)) \(violation), so it cannot be used in `\(pattern)`"
        case .ownedByAnotherPattern(let key, let pattern, let owner):
            return "`\(key)` matches `\(owner)`, a more specific pattern of the schema that owns it, so it cannot "
                + "be written as `\(pattern)`"
        case .wrongValueType(let key, let field, let expected, let value):
            let place = field.map { "field `\($0)` of `\(key)`" } ?? "`\(key)`"
            return "\(place) holds \(quoted(value)), which is not \(expected)"
        case .missingField(let key, let field):
            return "`\(key)` has no field `\(field)`, which the schema requires"
        case .patternMismatch(let key, let pattern, let value):
            return "`\(key)` holds \(quoted(value)), which does not follow `\(pattern)`"
        case .unexpectedReply(let key, let command, let reply):
            return "\(command) on `\(key)` returned an unexpected reply: \(reply)"
        case .commandFailed(let key, let command, let error):
            return "\(command) on `\(key)` failed: \(error.message)"
        case .transactionAborted(let key):
            return "the transaction on `\(key)` was aborted because a watched key changed"
        case .invalidArgument(let key, let message):
            return "cannot write `\(key)`: \(message)"
        case .crossSlot(let command, let keys, let slots):
            let listed = zip(keys, slots).map { "`\($0)` (slot \($1))" }.joined(separator: " and ")
            return "\(command) would touch \(listed), which a Redis Cluster refuses (CROSSSLOT), so nothing was "
                + "sent; use keys whose hash tags `{…}` hold the same text"
        case .wrongType(let key, let expected, let actual):
            let holds = actual.map { "a \($0.displayName)" } ?? "a value of a type outside the core Redis types"
            return "`\(key)` holds \(holds), but the schema declares a \(expected.displayName), so the write "
                + "changed nothing; another writer uses this key: rename one of the patterns or delete the key"
        }
    }
}

/// A value shown in an error message: quoted, and cut short so a large value cannot flood a log.
private func quoted(_ value: String) -> String {
    let limit = 64
    let shown = value.count > limit ? String(value.prefix(limit)) + "…" : value
    return "\"\(shown)\""
}
