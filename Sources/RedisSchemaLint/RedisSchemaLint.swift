// RedisSchemaLint: `validate`'s engine. Scanning a live keyspace (Scan/), classifying each key with
// the compiled matcher and applying the rules (Engine/, Rules/), counting (Stats/), baselines
// (Baseline/), the report model (Report/) and its renderers (Render/: text, JSON, GitHub, SARIF).
// It talks to Redis only through the runtime's `RedisClientProtocol`.
