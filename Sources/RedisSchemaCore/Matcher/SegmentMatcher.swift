/// A segment that mixes literal text and placeholders (`v<n:int>`, `<x>_<y>`), compiled to bytes.
///
/// Matching is the classic wildcard algorithm: only the most recent placeholder is ever extended
/// on a mismatch, so a segment of n bytes costs O(n × pieces) at worst and never backtracks
/// exponentially. Each placeholder takes at least one byte and, but for the last one, ends at the
/// first place that lets the rest match.
struct SegmentMatcher: Sendable, Hashable {
    enum Piece: Sendable, Hashable {
        case literal([UInt8])
        case hole
    }

    let pieces: [Piece]
    /// The pattern's placeholder index for each hole, in order.
    let placeholderIndices: [Int]

    init(_ parts: [PatternPart]) {
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
    }

    /// The shape ignoring placeholder names and types: two segments with equal shapes split every
    /// input identically.
    var shape: [Piece] { pieces }

    /// Whether `bytes` has this segment's shape (placeholder types are not checked). When
    /// `captures` is given, it receives each hole's byte range, in order.
    func matches(_ bytes: UnsafeRawBufferPointer, captures: UnsafeMutableBufferPointer<Range<Int>>? = nil) -> Bool {
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
    func split(_ bytes: UnsafeRawBufferPointer) -> [Range<Int>]? {
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
