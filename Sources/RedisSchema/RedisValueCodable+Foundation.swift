#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `uuid`: the 36-character text form, written in lower case; either case is read.
extension UUID: RedisValueCodable {
    public static var redisValueDescription: String { "a UUID" }
    public var redisEncoded: [UInt8] { Array(uuidString.lowercased().utf8) }
    public init?(redisEncoded bytes: [UInt8]) {
        guard bytes.count == 36, let value = UUID(uuidString: String(decoding: bytes, as: UTF8.self)) else {
            return nil
        }
        self = value
    }
}

/// `datetime`: ISO 8601 in UTC (`2025-12-12T10:22:00Z`, with milliseconds when there are any);
/// any offset (`+02:00`, `-0500`) and fraction of a second is read.
extension Date: RedisValueCodable {
    public static var redisValueDescription: String { "an ISO 8601 datetime" }
    public var redisEncoded: [UInt8] { Array(ISO8601DateTime.format(self).utf8) }
    public init?(redisEncoded bytes: [UInt8]) {
        guard let date = ISO8601DateTime.parse(bytes) else { return nil }
        self = date
    }
}
