/// A list key of a schema: what generated list types conform to, so that an element can be moved from one
/// list key to another of the same element type (`move(from:to:at:)`), which then keeps the destination
/// within its own cap and TTL.
public protocol RedisListKey<Element>: RedisSchemaKey {
    /// The type of the list's elements.
    associatedtype Element: RedisValueCodable
    /// The most elements the list keeps (`maxLength:`), or `nil` when it is uncapped.
    static var maxLength: Int? { get }
}

extension RedisListKey {
    /// What keeps this list within its cap and TTL after an element arrived at `end` by a command that could
    /// not run in the type-guard script (`BLMOVE`) or that touched another key first (`LMOVE`): one guarded
    /// step with the `LTRIM` that keeps the `maxLength` elements nearest `end` and the TTL, or no step when the
    /// list has neither.
    ///
    /// The TTL is sent as `PEXPIRE` in milliseconds, exact for every declared TTL: the runtime knows the TTL
    /// only as ``KeyTTL`` (the plans' `EXPIRE` for whole seconds sets the same expiry).
    ///
    /// - Throws: ``RedisSchemaError/invalidArgument(key:message:)`` only for commands too long for the script,
    ///   which these short ones never are.
    public func capAndTTLSteps(afterArrivalAt end: RedisListEnd) throws(RedisSchemaError) -> [RedisOperationStep] {
        var commands: [RedisCommand] = []
        if let maxLength = Self.maxLength {
            commands.append(
                end == .head
                    ? RedisCommand("LTRIM", key, 0, maxLength - 1) : RedisCommand("LTRIM", key, -maxLength, -1))
        }
        if case .milliseconds(let milliseconds) = Self.ttl {
            commands.append(RedisCommand("PEXPIRE", key, milliseconds))
        }
        guard !commands.isEmpty else { return [] }
        return [try .guarded(commands, key: key, type: .list)]
    }
}
