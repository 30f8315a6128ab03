#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes `message` and a newline to standard error, so that standard output keeps only a benchmark's figures
/// (scripts read them). It writes to the descriptor: the C `stderr` global is not concurrency-safe.
public func printError(_ message: String) {
    let bytes = Array((message + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { buffer in
            write(2, buffer.baseAddress! + offset, buffer.count - offset)
        }
        // Nothing more can be done for a message that cannot be written.
        guard written > 0 else { return }
        offset += written
    }
}
