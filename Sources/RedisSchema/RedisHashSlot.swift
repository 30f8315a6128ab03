/// The Redis Cluster hash slot of a key: CRC16 (XMODEM) of the key, or of its hash tag, modulo 16384.
///
/// A hash tag is the text between the first `{` and the first `}` after it, when that text is not empty:
/// `session:{s1}:events` and `session:{s1}` hash only `s1`, so they land in one slot and one command or
/// transaction may touch both. Without a tag (`a{}b`, `a{b`) the whole key is hashed. This is the one
/// definition of the slot in the package; the generator, the docs and cluster scans all read it from here.
public enum RedisHashSlot {
    /// The number of hash slots of a Redis Cluster.
    public static let count = 16384

    /// The slot `key` maps to, in `0..<count`.
    public static func slot(of key: some Collection<UInt8>) -> Int {
        let hashed = hashTag(of: key) ?? key[...]
        var crc: UInt16 = 0
        for byte in hashed {
            crc = (crc << 8) ^ table[Int(UInt8(truncatingIfNeeded: crc >> 8) ^ byte)]
        }
        return Int(crc) & (count - 1)
    }

    /// The slot of `key`'s UTF-8 bytes.
    public static func slot(of key: String) -> Int {
        slot(of: key.utf8)
    }

    /// The bytes that decide `key`'s slot when it has a hash tag: those between the first `{` and the
    /// first `}` after it, when there is at least one; `nil` when the whole key is hashed.
    public static func hashTag<Key: Collection<UInt8>>(of key: Key) -> Key.SubSequence? {
        guard let open = key.firstIndex(of: UInt8(ascii: "{")) else { return nil }
        let start = key.index(after: open)
        guard let close = key[start...].firstIndex(of: UInt8(ascii: "}")), close != start else { return nil }
        return key[start..<close]
    }

    /// Refuses, before anything is sent, a command of a cluster schema whose keys are in different slots.
    ///
    /// - Throws: ``RedisSchemaError/crossSlot(command:keys:slots:)`` naming every key and its slot.
    public static func requireOneSlot(_ keys: String..., command: String) throws(RedisSchemaError) {
        let slots = keys.map { slot(of: $0) }
        guard let first = slots.first, slots.contains(where: { $0 != first }) else { return }
        throw .crossSlot(command: command, keys: keys, slots: slots)
    }

    /// CRC16-XMODEM (polynomial 0x1021, initial value 0), a byte at a time.
    private static let table: [UInt16] = (0..<256).map { byte in
        var crc = UInt16(byte) << 8
        for _ in 0..<8 {
            crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1
        }
        return crc
    }
}
