/// An open-addressing hash table from (trie node, literal segment bytes) to child node.
///
/// One flat table for the whole trie: a lookup hashes the segment once and compares bytes in place,
/// so matching a key allocates nothing and costs the same however many patterns there are.
struct LiteralTable: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64
        var parent: Int32
        var child: Int32
        var offset: Int32
        var length: Int32
    }

    private var entries: [Entry]
    private var arena: [UInt8] = []
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        entries = Array(repeating: Entry(hash: 0, parent: -1, child: -1, offset: 0, length: 0), count: size)
        mask = size - 1
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer, parent: Int32) -> UInt64 {
        // Eight bytes at a time with a multiply-xorshift mix: segments are short, and a byte-wise
        // hash's serial multiplies were the largest cost of a lookup.
        var hash = UInt64(UInt32(bitPattern: parent)) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            // The last 1-7 bytes in at most three loads rather than byte by byte.
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            if bytes.count - offset >= 4 {
                tail = UInt64(bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                shift = 32
                offset += 4
            }
            if bytes.count - offset >= 2 {
                tail |= UInt64(bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) << shift
                shift += 16
                offset += 2
            }
            if offset < bytes.count {
                tail |= UInt64(bytes[offset]) << shift
            }
            hash = mix(hash ^ tail)
        }
        return hash
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value &* 0xBF58_476D_1CE4_E5B9
        value ^= value >> 31
        return value &* 0x94D0_49BB_1331_11EB
    }

    /// The child of `parent` for the segment `bytes`, or -1.
    @inline(__always)
    func child(of parent: Int32, segment bytes: UnsafeRawBufferPointer) -> Int32 {
        let hash = Self.hash(bytes, parent: parent)
        return entries.withUnsafeBufferPointer { entries in
            arena.withUnsafeBufferPointer { arena in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = entries[slot]
                    if entry.parent < 0 { return -1 }
                    if entry.hash == hash, entry.parent == parent, Int(entry.length) == bytes.count,
                        Self.equal(arena, Int(entry.offset), bytes)
                    {
                        return entry.child
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    @inline(__always)
    private static func equal(_ arena: UnsafeBufferPointer<UInt8>, _ offset: Int, _ bytes: UnsafeRawBufferPointer)
        -> Bool
    {
        // Eight bytes at a time, then the rest.
        let stored = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(arena)[offset..<(offset + bytes.count)])
        var index = 0
        while index + 8 <= bytes.count {
            if stored.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                != bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            {
                return false
            }
            index += 8
        }
        while index < bytes.count {
            if stored[index] != bytes[index] { return false }
            index += 1
        }
        return true
    }

    /// Adds an entry; the caller guarantees it is not there yet and the table has room.
    mutating func insert(parent: Int32, segment: [UInt8], child: Int32) {
        let hash = segment.withUnsafeBytes { Self.hash($0, parent: parent) }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while entries[slot].parent >= 0 { slot = (slot + 1) & mask }
        entries[slot] = Entry(
            hash: hash, parent: parent, child: child, offset: Int32(arena.count), length: Int32(segment.count))
        arena.append(contentsOf: segment)
        count += 1
    }
}
