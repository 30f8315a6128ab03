/// How long keys of a pattern live, as the schema declares it.
public enum KeyTTL: Sendable, Hashable, CustomStringConvertible {
    /// The keys never expire.
    case none
    /// The keys expire this many milliseconds after each write.
    case milliseconds(Int64)

    public var description: String {
        guard case .milliseconds(let ms) = self else { return "none" }
        return ms % 1000 == 0 ? "\(ms / 1000) s" : "\(ms) ms"
    }
}

/// How long a key has left, as `PTTL` reports it.
public enum KeyExpiry: Sendable, Hashable {
    /// The key does not exist.
    case missing
    /// The key exists and never expires.
    case never
    /// The key expires after this many milliseconds.
    case milliseconds(Int64)
}

extension KeyExpiry {
    /// The expiry a `PTTL` reply stands for: -2 when the key is missing, -1 when it never expires.
    public init(pttl: Int) {
        switch pttl {
        case -2: self = .missing
        case -1: self = .never
        default: self = .milliseconds(Int64(pttl))
        }
    }
}
