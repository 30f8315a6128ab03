/// One page of an `SSCAN`: the members it returned and the cursor to ask for the next page with.
///
/// A scan returns every member that is in the set for the whole scan at least once; members added or removed
/// meanwhile may or may not be returned, and a member may come twice when the set is resized during the scan.
/// Pages may be empty before the scan is complete.
public struct RedisScanPage<Element: Sendable>: Sendable {
    /// The cursor for the next page; `"0"` when the scan is complete.
    public var cursor: String
    /// The members of this page.
    public var elements: [Element]

    /// Creates a page.
    public init(cursor: String, elements: [Element]) {
        self.cursor = cursor
        self.elements = elements
    }

    /// Whether this was the last page: the server returned cursor `0`.
    public var isComplete: Bool { cursor == "0" }
}

extension RedisReply {
    /// An `SSCAN` reply, `[cursor, [member, …]]`, with each member decoded.
    public static func scanPage<Element: RedisValueCodable>(
        _ reply: RESPValue, of type: Element.Type, key: String, command: String
    ) throws(RedisSchemaError) -> RedisScanPage<Element> {
        let parts = try array(reply, key: key, command: command)
        guard parts.count == 2 else { throw unexpected(reply, key: key, command: command) }
        let cursor = String(decoding: try bytes(parts[0], key: key, command: command), as: UTF8.self)
        var elements: [Element] = []
        for element in try array(parts[1], key: key, command: command) {
            elements.append(try Element.decode(bytes: try bytes(element, key: key, command: command), key: key))
        }
        return RedisScanPage(cursor: cursor, elements: elements)
    }
}
