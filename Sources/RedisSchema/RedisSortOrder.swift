/// The order of a sorted-set read: lowest score (rank 0) first, or highest first (`REV`, `ZREVRANK`).
public enum RedisSortOrder: Sendable, Hashable {
    /// Lowest score first, as Redis ranks by default.
    case ascending
    /// Highest score first.
    case descending
}
