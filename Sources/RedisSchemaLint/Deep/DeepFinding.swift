/// One rule a deep read found broken in one key's value, with the sentence explaining it.
struct DeepFinding: Sendable, Hashable {
    var rule: LintRule
    var message: String
}

/// What one key's deep read concluded.
enum DeepOutcome: Sendable, Hashable {
    /// The key expired, was deleted or changed type between the scan and the read: nothing to say.
    case skipped
    /// The value was read; `findings` lists what it breaks (may be empty).
    case checked([DeepFinding])
}
