#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes all of `bytes` to `descriptor`, retrying writes a signal interrupted (`EINTR`); `false` with
/// `errno` set on any other error.
func writeAll(_ bytes: some Collection<UInt8>, to descriptor: Int32) -> Bool {
    let result = bytes.withContiguousStorageIfAvailable { buffer -> Bool in
        guard let base = buffer.baseAddress else { return true }
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, base + offset, buffer.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
    return result ?? writeAll(Array(bytes), to: descriptor)
}

/// Why the output could not be written.
struct WriteError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write `\(path)`: \(reason)" }
}

/// File handling without Foundation, which would add seconds to every cold build that uses the plugin.
enum GeneratorFiles {
    /// `path` made absolute against the working directory.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        return String(cString: cwd) + "/" + path
    }

    /// Writes `text` through a temporary file and a rename, so a failed run never leaves a partial file.
    /// It always writes, even unchanged text: the build system expects a fresh output after each run.
    static func write(_ text: String, to path: String) throws(WriteError) {
        let bytes = Array(text.utf8)
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: systemError()) }
        var failure = writeAll(bytes, to: descriptor) ? nil : systemError()
        if close(descriptor) != 0 && failure == nil { failure = systemError() }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw WriteError(path: path, reason: systemError())
        }
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }
}
