#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// `write(2)` under a name that does not collide with ``FileHandleOutput/write(_:)``; every platform
// module exports it, so no module name needs to be spelled here.
private let systemWrite: @Sendable (Int32, UnsafeRawPointer?, Int) -> Int = { descriptor, bytes, count in
    write(descriptor, bytes, count)
}

/// Writes text to standard output or error without buffering surprises between the two.
struct FileHandleOutput: Sendable {
    let descriptor: Int32

    static let standardOutput = FileHandleOutput(descriptor: 1)
    static let standardError = FileHandleOutput(descriptor: 2)

    /// Writes all of `text`, retrying writes a signal interrupted (`EINTR`, e.g. the Ctrl-C handler of
    /// `validate`); gives up silently on other errors such as a closed pipe, as there is nowhere to report them.
    func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Whether this stream is a terminal (so colour and progress lines make sense).
    var isTerminal: Bool { isatty(descriptor) == 1 }
}
