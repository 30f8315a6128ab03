// RedisSchemaClient: the SwiftNIO Redis client. RESP2/RESP3 decoding and encoding, connections with
// TLS, authentication, pipelining and reconnection, a pool that keeps blocking commands off the
// connections other callers use, and connection URLs (parsed here and nowhere else). Connections and
// the pool conform to the runtime's `RedisClientProtocol`, so generated code and the linter can use them.
