/// A segment that mixes literal text and placeholders (`v<n:int>`, `<x>_<y>`), compiled to bytes.
///
/// Matching is the classic wildcard algorithm: only the most recent placeholder is ever extended on a
/// mismatch, so a segment of n bytes costs O(n × pieces) at worst and never backtracks exponentially.
/// Each placeholder takes at least one byte and, but for the last one, ends at the first place that
/// lets the rest match. This is the one definition of how such a segment splits; rendering checks
/// its values against it, and the linter's trie calls it.
public struct SegmentShape: Sendable, Hashable {
    /// One piece of the segment.
    public enum Piece: Sendable, Hashable {
        /// Bytes that appear as written.
        case literal([UInt8])
        /// A placeholder's value: one or more bytes.
        case hole
    }

    /// The pieces, in order. Two segments with equal pieces split every input identically.
    public let pieces: [Piece]
    /// The pattern's placeholder index for each hole, in order.
    public let placeholderIndices: [Int]
    /// How many literal bytes the segment has: at one position, a segment with more literal bytes
    /// takes precedence over one with fewer.
    public let literalByteCount: Int

    init(_ parts: some Sequence<PatternPart>) {
        var pieces: [Piece] = []
        var indices: [Int] = []
        for part in parts {
            switch part {
            case .literal(let text): pieces.append(.literal(Array(text.utf8)))
            case .placeholder(let index):
                pieces.append(.hole)
                indices.append(index)
            }
        }
        self.pieces = pieces
        self.placeholderIndices = indices
        self.literalByteCount = pieces.reduce(0) { total, piece in
            if case .literal(let bytes) = piece { return total + bytes.count }
            return total
        }
    }

    /// Whether `bytes` has this segment's shape (placeholder rules are not checked). When `captures`
    /// is given, it receives each hole's byte range, in order.
    public func matches(_ bytes: UnsafeRawBufferPointer, captures: UnsafeMutableBufferPointer<Range<Int>>? = nil)
        -> Bool
    {
        let count = bytes.count
        var piece = 0
        var position = 0
        var hole = 0
        // The last hole seen: where its piece is, which hole it is, where it starts and ends now.
        var lastHolePiece = -1
        var lastHoleNumber = 0
        var lastHoleStart = 0
        var lastHoleEnd = 0
        while true {
            if piece == pieces.count {
                if position == count { return true }
            } else {
                switch pieces[piece] {
                case .hole:
                    if position < count {
                        lastHolePiece = piece
                        lastHoleNumber = hole
                        lastHoleStart = position
                        lastHoleEnd = position + 1
                        captures?[hole] = position..<lastHoleEnd
                        hole += 1
                        position = lastHoleEnd
                        piece += 1
                        continue
                    }
                case .literal(let literal):
                    if Self.hasPrefix(bytes, at: position, literal) {
                        position += literal.count
                        piece += 1
                        continue
                    }
                }
            }
            // Mismatch: give the last hole one more byte and retry what follows it.
            guard lastHolePiece >= 0, lastHoleEnd < count else { return false }
            lastHoleEnd += 1
            captures?[lastHoleNumber] = lastHoleStart..<lastHoleEnd
            hole = lastHoleNumber + 1
            position = lastHoleEnd
            piece = lastHolePiece + 1
        }
    }

    /// Each hole's byte range in `bytes`, or `nil` when the shape does not match.
    public func split(_ bytes: UnsafeRawBufferPointer) -> [Range<Int>]? {
        var ranges = [Range<Int>](repeating: 0..<0, count: placeholderIndices.count)
        let matched = ranges.withUnsafeMutableBufferPointer { matches(bytes, captures: $0) }
        return matched ? ranges : nil
    }

    @inline(__always)
    static func hasPrefix(_ bytes: UnsafeRawBufferPointer, at position: Int, _ literal: [UInt8]) -> Bool {
        guard bytes.count - position >= literal.count else { return false }
        var offset = 0
        for byte in literal {
            if bytes[position + offset] != byte { return false }
            offset += 1
        }
        return true
    }
}
