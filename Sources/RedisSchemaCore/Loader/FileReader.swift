#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a schema file could not be read.
public struct FileReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path that was asked for.
    public var path: String
    /// What went wrong, as the system says it.
    public var reason: String

    public var description: String { "cannot read `\(path)`: \(reason)" }
}

/// Reads whole files with stdio rather than FoundationEssentials' `Data(contentsOf:)`, which refuses
/// anything but regular files ("Permission denied" for `check <(git show main:schema.yaml)` or
/// `/dev/stdin`, Swift 6.3). Foundation would cost the plugin's tool nothing (the runtime links
/// FoundationEssentials already; a cold `swift build --product redis-schema-generator` took 28.2 s
/// either way), so this is about pipes only; `readsSchemasFromPipes` holds it.
enum FileReader {
    static func read(_ path: String, maxBytes: Int) throws(FileReadError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw FileReadError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if bytes.count > maxBytes {
                throw FileReadError(
                    path: path, reason: "it is larger than \(maxBytes) bytes; a schema should be far smaller")
            }
            if count < chunk.count {
                if ferror(file) != 0 {
                    // A signal interrupted the read (a pipe's writer may be slow): go on where it stopped.
                    if errno == EINTR {
                        clearerr(file)
                        continue
                    }
                    throw FileReadError(path: path, reason: String(cString: strerror(errno)))
                }
                return bytes
            }
        }
    }
}
