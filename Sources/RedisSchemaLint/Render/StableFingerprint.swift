/// A 64-bit FNV-1a hash as 16 hex digits: the same on every run, machine and Swift version.
///
/// Swift's `Hasher` is seeded per process, so it cannot identify a violation across runs.
/// Fingerprints only need to tell violations apart, not resist an attacker.
enum StableFingerprint {
    /// The hash of `parts`, each followed by a NUL so that (`ab`, `c`) and (`a`, `bc`) differ.
    static func of(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 + [0] {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
