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

/// Reads whole files without Foundation, which the build plugin's tool would otherwise pull in.
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
                if ferror(file) != 0 { throw FileReadError(path: path, reason: String(cString: strerror(errno))) }
                return bytes
            }
        }
    }
}
