/// One typed operation on one key, built but not yet sent: what generated code's methods return when they are
/// called without `on:`. Run it alone with ``RedisClientProtocol/execute(_:)``, or several in one round trip
/// with ``RedisClientProtocol/execute(_:)-(RedisOperation<each Result>...)`` (pipelined) or
/// ``RedisClientProtocol/transaction(_:)-(RedisOperation<each Result>...)`` (`MULTI`…`EXEC`):
///
/// ```swift
/// let (visits, _) = try await redis.execute(
///     profile.increment(\.visits, by: 1),
///     recent.push("page-7"))
/// ```
///
/// An operation keeps the commands of its steps and how their replies become its result; it owns no
/// connection and can be built on any task and sent later.
public struct RedisOperation<Result: Sendable>: Sendable {
    /// The key the operation is about, as errors name it.
    public let key: String
    let steps: [RedisOperationStep]
    let decode: @Sendable ([RESPValue]) throws -> Result
    /// What stands for a failure instead of the error, when something does; see ``answering(_:with:)``.
    var recovery: (@Sendable (RedisSchemaError) throws -> Result)?

    /// An operation that sends `steps` and reads their replies, in order, with `decode`.
    public init(
        key: String, steps: [RedisOperationStep],
        decode: @escaping @Sendable (_ replies: [RESPValue]) throws -> Result
    ) {
        self.key = key
        self.steps = steps
        self.decode = decode
    }

    /// An operation that sends one command as it is, e.g. a read, and reads its reply with `decode`.
    public init(
        key: String, command: RedisCommand, decode: @escaping @Sendable (_ reply: RESPValue) throws -> Result
    ) {
        self.init(key: key, steps: [.command(command)]) { replies in try decode(replies[0]) }
    }

    /// A write: `commands` run in one call of the type-guard script, only when `key` holds `type` or does not
    /// exist (see ``RedisGuardedWrite``); `decode` reads the replies of the commands.
    ///
    /// - Throws: ``RedisSchemaError/invalidArgument(key:message:)`` for a command with more arguments than
    ///   a script can pass on.
    public init(
        key: String, guarding type: RedisKeyType, commands: [RedisCommand],
        decode: @escaping @Sendable (_ replies: [RESPValue]) throws -> Result
    ) throws(RedisSchemaError) {
        self.init(key: key, steps: [try .guarded(commands, key: key, type: type)], decode: decode)
    }
}

extension RedisOperation {
    /// The operation, answering `result` instead of failing when the server refuses one of its commands with
    /// the error code `code`: a refusal that is an answer, such as `BUSYGROUP` for a consumer group that
    /// already exists. Other failures, and a wrong type refused by the type guard, still throw.
    public func answering(_ code: String, with result: Result) -> Self {
        var operation = self
        let earlier = recovery
        operation.recovery = { error in
            if case .commandFailed(_, _, let serverError) = error, serverError.code == code { return result }
            guard let earlier else { throw error }
            return try earlier(error)
        }
        return operation
    }

    /// The result from the replies of the operation's steps, or from the error that stands for them.
    func result(from replies: Swift.Result<[RESPValue], RedisSchemaError>) throws -> Result {
        switch replies {
        case .success(let replies): return try decode(replies)
        case .failure(let error):
            guard let recovery else { throw error }
            return try recovery(error)
        }
    }
}

extension RedisOperation {
    /// The same operation, its result passed through `transform`: the same commands, one result type for a
    /// batch of operations whose own results differ, e.g.
    /// `redis.execute(jobs.map { try queue.push($0).map { _ in () } } + [try done.add(id).map { _ in () }])`.
    public func map<Transformed: Sendable>(
        _ transform: @escaping @Sendable (Result) throws -> Transformed
    ) -> RedisOperation<Transformed> {
        let decode = self.decode
        var mapped = RedisOperation<Transformed>(key: key, steps: steps) { replies in try transform(decode(replies)) }
        if let recover = recovery {
            mapped.recovery = { error in try transform(recover(error)) }
        }
        return mapped
    }
}
