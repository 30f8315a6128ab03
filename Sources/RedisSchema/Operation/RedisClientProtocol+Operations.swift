/// Running ``RedisOperation``s: one at a time, or several in one round trip.
extension RedisClientProtocol {
    /// Sends one operation and returns its result.
    ///
    /// - Throws: the operation's ``RedisSchemaError`` (e.g. ``RedisSchemaError/wrongType(key:expected:actual:)``)
    ///   or the client's connection error.
    @discardableResult
    public func execute<Result>(_ operation: RedisOperation<Result>) async throws -> Result {
        var batch = RedisBatch(isTransaction: false)
        batch.append(key: operation.key, steps: operation.steps, alone: true)
        let replies = try await batch.send(on: self)
        return try operation.result(from: replies[0])
    }

    /// Sends several operations in one pipeline, one round trip, and returns their results in order:
    /// `let (a, b) = try await redis.execute(x.get(), y.increment(by: 1))`. The server runs them in order, but
    /// other clients' commands may run in between; use ``transaction(_:)-(RedisOperation<each Result>...)``
    /// when they must run together.
    ///
    /// - Throws: ``RedisBatchError`` naming the first operation that failed (the others ran), or the client's
    ///   connection error.
    @discardableResult
    public func execute<each Result>(
        _ operations: repeat RedisOperation<each Result>
    ) async throws -> (repeat each Result) {
        try await Self.run(repeat each operations, isTransaction: false, on: self)
    }

    /// Sends operations of one result type in one pipeline, one round trip, e.g. a hundred increments, and
    /// returns their results in order.
    ///
    /// - Throws: ``RedisBatchError`` naming the first operation that failed (the others ran), or the client's
    ///   connection error.
    @discardableResult
    public func execute<Result>(_ operations: [RedisOperation<Result>]) async throws -> [Result] {
        try await Self.run(operations, isTransaction: false, on: self)
    }

    /// Sends several operations in one `MULTI`…`EXEC`, one round trip, so that no other client's command runs
    /// in between, and returns their results in order.
    ///
    /// Redis does not roll back: when one operation fails while running (a key of another type, which a
    /// write's type guard refuses before changing anything, or a command error), the others still run. When
    /// the server refuses to queue a command, none runs.
    ///
    /// - Throws: ``RedisBatchError`` naming the first operation that failed, or the client's connection error.
    @discardableResult
    public func transaction<each Result>(
        _ operations: repeat RedisOperation<each Result>
    ) async throws -> (repeat each Result) {
        try await Self.run(repeat each operations, isTransaction: true, on: self)
    }

    /// Sends operations of one result type in one `MULTI`…`EXEC`; see ``transaction(_:)-(RedisOperation<each Result>...)``.
    ///
    /// - Throws: ``RedisBatchError`` naming the first operation that failed, or the client's connection error.
    @discardableResult
    public func transaction<Result>(_ operations: [RedisOperation<Result>]) async throws -> [Result] {
        try await Self.run(operations, isTransaction: true, on: self)
    }

    private static func run<each Result>(
        _ operations: repeat RedisOperation<each Result>, isTransaction: Bool, on client: Self
    ) async throws -> (repeat each Result) {
        var batch = RedisBatch(isTransaction: isTransaction)
        for operation in repeat each operations {
            batch.append(key: operation.key, steps: operation.steps, alone: false)
        }
        let replies = try await batch.send(on: client)
        var index = 0
        func result<R>(_ operation: RedisOperation<R>) throws -> R {
            defer { index += 1 }
            return try decode(operation, replies[index], index: index)
        }
        return (repeat try result(each operations))
    }

    private static func run<Result>(
        _ operations: [RedisOperation<Result>], isTransaction: Bool, on client: Self
    ) async throws -> [Result] {
        guard !operations.isEmpty else { return [] }
        var batch = RedisBatch(isTransaction: isTransaction)
        for operation in operations {
            batch.append(key: operation.key, steps: operation.steps, alone: false)
        }
        let replies = try await batch.send(on: client)
        return try operations.indices.map { index in try decode(operations[index], replies[index], index: index) }
    }

    private static func decode<R>(
        _ operation: RedisOperation<R>, _ replies: Swift.Result<[RESPValue], RedisSchemaError>, index: Int
    ) throws(RedisBatchError) -> R {
        do {
            return try operation.result(from: replies)
        } catch {
            throw RedisBatchError(index: index, key: operation.key, error: error)
        }
    }
}
