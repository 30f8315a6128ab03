/// An operation of a batch failed: which one, about which key, and why.
///
/// In a pipelined batch the other operations ran, and those before it returned results that are lost with
/// the throw; in a transaction the others ran too (Redis does not roll back), except when the server refused
/// to queue a command, when none ran. Connection errors are thrown as they are: they concern the whole batch.
public struct RedisBatchError: Error, CustomStringConvertible {
    /// The position of the operation in the batch, from 0.
    public let index: Int
    /// The operation's key.
    public let key: String
    /// What went wrong, usually a ``RedisSchemaError``.
    public let error: any Error

    /// Creates the error for the operation at `index`.
    public init(index: Int, key: String, error: any Error) {
        self.index = index
        self.key = key
        self.error = error
    }

    public var description: String {
        "operation \(index + 1) of the batch (\(key)) failed: \(error)"
    }
}
