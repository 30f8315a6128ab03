#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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
        guard let file = fopen(temporary, "wb") else { throw WriteError(path: path, reason: systemError()) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        guard written == bytes.count, closed == 0 else {
            unlink(temporary)
            throw WriteError(path: path, reason: systemError())
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw WriteError(path: path, reason: systemError())
        }
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }
}
