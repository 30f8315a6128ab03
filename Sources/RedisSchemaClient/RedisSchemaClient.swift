// RedisSchemaClient: the SwiftNIO Redis client. RESP2/RESP3 decoding and encoding, connections with
// TLS, authentication and pipelining, and connection URLs (parsed here and nowhere else). It conforms
// to the runtime's `RedisClientProtocol`, so generated code and the linter can use it.
