import NIOCore
import NIOSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension TLSOptions {
    /// Builds the TLS context; file problems are reported by path, since NIOSSL's own errors do not name it.
    func makeContext() throws(RedisConnectionError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if self.insecure {
            configuration.certificateVerification = .none
        }
        do {
            if let caFile = self.caFile {
                try Self.checkReadable(caFile, role: "CA file")
                let certificates = try NIOSSLCertificate.fromPEMFile(caFile)
                guard !certificates.isEmpty else {
                    throw RedisConnectionError.tlsConfigurationInvalid(
                        reason: "the CA file `\(caFile)` contains no PEM certificate"
                    )
                }
                configuration.trustRoots = .certificates(certificates)
            }
            switch (self.certFile, self.keyFile) {
            case (let certFile?, let keyFile?):
                try Self.checkReadable(certFile, role: "client certificate")
                try Self.checkReadable(keyFile, role: "client key")
                configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(certFile).map { .certificate($0) }
                configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: keyFile, format: .pem))
            case (nil, nil):
                break
            case (_?, nil):
                throw RedisConnectionError.tlsConfigurationInvalid(
                    reason: "a client certificate was given without its private key"
                )
            case (nil, _?):
                throw RedisConnectionError.tlsConfigurationInvalid(
                    reason: "a client private key was given without its certificate"
                )
            }
            return try NIOSSLContext(configuration: configuration)
        } catch let error as RedisConnectionError {
            throw error
        } catch {
            throw .tlsConfigurationInvalid(reason: "could not load the TLS certificates or key: \(error)")
        }
    }

    /// The SNI name: certificates for IP addresses are verified against the peer address instead.
    func serverHostname(for host: String) -> String? {
        if let serverName = self.serverName {
            return serverName
        }
        return isIPAddress(host) ? nil : host
    }

    private static func checkReadable(_ path: String, role: String) throws(RedisConnectionError) {
        guard access(path, R_OK) == 0 else {
            throw .tlsConfigurationInvalid(reason: "the \(role) `\(path)` does not exist or is not readable")
        }
    }
}

/// Whether `host` is an IPv4 or IPv6 literal, which must not be sent as SNI.
func isIPAddress(_ host: String) -> Bool {
    if host.contains(":") {
        return true
    }
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4
        && parts.allSatisfy { part in !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isNumber) }
}
