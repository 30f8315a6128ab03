/// A Redis URL that could not be parsed. Messages quote the URL with its password redacted.
public struct RedisURLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL as given, with any password replaced by `***`.
    public var redactedURL: String
    /// What is wrong and how to fix it.
    public var reason: String

    public var description: String {
        "`\(self.redactedURL)` \(self.reason)"
    }
}

/// The parts of a `redis://` or `rediss://` URL.
struct RedisURL: Hashable {
    var tls: Bool
    var username: String?
    var password: String?
    var host: String
    var port: Int
    /// The database of the `/db` path; `nil` when the URL names none (no path, or a bare `/`), so that the
    /// caller's default applies.
    var database: Int?

    static func parse(_ url: String) throws(RedisURLError) -> RedisURL {
        let redacted = self.redact(url)
        func fail(_ reason: String) -> RedisURLError {
            RedisURLError(redactedURL: redacted, reason: reason)
        }

        guard let schemeEnd = url.firstRange(of: "://") else {
            throw fail("is not a Redis URL; use the form redis://[user[:password]@]host[:port][/db]")
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        let tls: Bool
        switch scheme {
        case "redis": tls = false
        case "rediss": tls = true
        default:
            throw fail("has the unsupported scheme `\(scheme)`; use redis:// or rediss:// (TLS)")
        }

        let rest = url[schemeEnd.upperBound...]
        // Everything up to the last "@" is the user info, so a password may contain "/", "?", "#", ":" and
        // "@" unencoded (as cloud consoles print them): a Redis URL's host, port and database never contain
        // "@", so the split is unambiguous. Only "%" must be encoded (as %25), since it starts an escape.
        let atIndex = rest.lastIndex(of: "@")
        let hostStart = atIndex.map { rest.index(after: $0) } ?? rest.startIndex
        let afterUserinfo = rest[hostStart...]
        if afterUserinfo.contains("?") {
            throw fail("has a query string, which is not supported; put the database in the path (/db)")
        }
        if afterUserinfo.contains("#") {
            throw fail("has a fragment (`#…`), which is not supported; end the URL with the host, port or /db")
        }
        let authorityEnd = afterUserinfo.firstIndex(of: "/") ?? afterUserinfo.endIndex
        // Without "@", `redis://user:PASSWORD` (the host forgotten) reads as host and port: what follows the
        // ":" is then not shown, in the URL (see ``redact(_:)``) or in the reason.
        let mayBePassword = self.colonBeforeSuspectedPassword(rest) != nil
        let hidden = "(not shown: without `@host` it could be a password)"

        var username: String?
        var password: String?
        if let atIndex {
            let userinfo = rest[rest.startIndex..<atIndex]
            let rawUser: Substring
            var rawPassword: Substring?
            if let colon = userinfo.firstIndex(of: ":") {
                rawUser = userinfo[..<colon]
                rawPassword = userinfo[userinfo.index(after: colon)...]
            } else {
                rawUser = userinfo
            }
            guard let user = self.percentDecode(rawUser) else {
                throw fail("has an invalid percent-escape in the user name; write a literal % as %25")
            }
            username = user.isEmpty ? nil : user
            if let rawPassword {
                guard let decoded = self.percentDecode(rawPassword) else {
                    throw fail("has an invalid percent-escape in the password; write a literal % as %25")
                }
                password = decoded.isEmpty ? nil : decoded
            }
        }

        let hostPort = rest[hostStart..<authorityEnd]
        var host: String
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else {
                throw fail("has an IPv6 host without its closing `]`")
            }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let afterHost = hostPort[hostPort.index(after: close)...]
            if afterHost.hasPrefix(":") {
                portText = afterHost.dropFirst()
            } else if !afterHost.isEmpty {
                throw fail("has unexpected text `\(afterHost)` after the IPv6 host")
            }
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." || $0 == "%" }) else {
                throw fail("has an invalid IPv6 host `[\(host)]`")
            }
        } else {
            if let colon = hostPort.firstIndex(of: ":") {
                host = String(hostPort[..<colon])
                portText = hostPort[hostPort.index(after: colon)...]
            } else {
                host = String(hostPort)
            }
            if let bad = host.first(where: { $0 == " " || $0 == "[" || $0 == "]" || $0 == "%" }) {
                throw fail("has an invalid character `\(bad)` in the host `\(host)`")
            }
        }
        if host.isEmpty {
            host = "127.0.0.1"
        }

        var port = RedisConnectionConfiguration.defaultPort
        if let portText {
            guard let value = Int(portText), portText.allSatisfy(\.isASCIIDigit), (1...65535).contains(value)
            else {
                throw fail(
                    "has an invalid port \(mayBePassword ? hidden : "`\(portText)`"); the port must be a number "
                        + "from 1 to 65535")
            }
            port = value
        }

        var database: Int?
        let path = rest[authorityEnd...].dropFirst()
        if !path.isEmpty {
            guard let value = Int(path), path.allSatisfy(\.isASCIIDigit) else {
                throw fail(
                    "has an invalid database \(mayBePassword ? hidden : "`\(path)`"); the path must be a database "
                        + "number such as /0")
            }
            database = value
        }

        return RedisURL(
            tls: tls,
            username: username,
            password: password,
            host: host,
            port: port,
            database: database
        )
    }

    /// Replaces the password of a URL-like string with `***`, even when the rest of it does not parse.
    static func redact(_ url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else {
            // Without a scheme we cannot tell a password from a host; show no part after "@" or ":".
            if let at = url.lastIndex(of: "@") {
                return "***" + url[at...]
            }
            return url
        }
        let rest = url[schemeEnd.upperBound...]
        if let colon = self.colonBeforeSuspectedPassword(rest) {
            return String(url[...colon]) + "***"
        }
        guard let at = rest.lastIndex(of: "@") else { return url }
        let userinfo = rest[..<at]
        guard let colon = userinfo.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }

    /// In a URL without `@`, the `:` after the host (past an IPv6 literal's brackets): `redis://user:PASSWORD`
    /// with the host forgotten reads as host and port, so what follows it may be a password.
    private static func colonBeforeSuspectedPassword(_ rest: Substring) -> Substring.Index? {
        guard !rest.contains("@") else { return nil }
        let hostEnd = rest.hasPrefix("[") ? rest.firstIndex(of: "]") ?? rest.endIndex : rest.startIndex
        return rest[hostEnd...].firstIndex(of: ":")
    }

    static func bracketedHost(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }

    /// Decodes `%XX` escapes as UTF-8 bytes; `nil` if an escape is malformed or the result is not UTF-8.
    static func percentDecode(_ text: Substring) -> String? {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Encodes everything but unreserved characters, so a user name round-trips through ``parse(_:)``.
    static func percentEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.properties.isAlphabetic && byte < 0x80 || (0x30...0x39).contains(byte)
                || "-._~".unicodeScalars.contains(scalar)
            {
                result.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += byte < 0x10 ? "%0\(hex)" : "%\(hex)"
            }
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool {
        self.isASCII && self.isNumber
    }
}
