// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "redis-schema",
    products: [
        .library(name: "RedisSchemaCore", targets: ["RedisSchemaCore"]),
        .library(name: "RedisSchemaGenerator", targets: ["RedisSchemaGenerator"]),
        .library(name: "RedisSchema", targets: ["RedisSchema"]),
        .library(name: "RedisSchemaClient", targets: ["RedisSchemaClient"]),
        .library(name: "RedisSchemaLint", targets: ["RedisSchemaLint"]),
        .executable(name: "redis-schema", targets: ["redis-schema"]),
        .executable(name: "redis-schema-generator", targets: ["redis-schema-generator"]),
        .plugin(name: "RedisSchemaPlugin", targets: ["RedisSchemaPlugin"]),
        .plugin(name: "GenerateRedisSchemaCode", targets: ["GenerateRedisSchemaCode"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.29.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // What generated code imports: deliberately free of NIO and libyaml.
        .target(name: "RedisSchema"),
        .target(name: "RedisSchemaCore", dependencies: ["CYaml", "RedisSchema"]),
        // The SwiftNIO RESP client; conforms to the runtime's `RedisClientProtocol`.
        .target(
            name: "RedisSchemaClient",
            dependencies: [
                "RedisSchema",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "RedisSchemaGenerator", dependencies: ["RedisSchemaCore"]),
        // The linter: scanning, rules, reports. Talks to Redis only through `RedisClientProtocol`.
        .target(name: "RedisSchemaLint", dependencies: ["RedisSchemaCore", "RedisSchema"]),
        .executableTarget(
            name: "redis-schema",
            dependencies: [
                "RedisSchemaCore",
                "RedisSchemaGenerator",
                "RedisSchemaLint",
                "RedisSchemaClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the benchmark executables share: option parsing, CPU readings, number formatting.
        .target(name: "BenchSupport", dependencies: ["RedisSchema"]),
        .executableTarget(name: "redis-schema-bench", dependencies: ["RedisSchemaCore", "BenchSupport"]),
        .executableTarget(
            name: "redis-client-bench",
            dependencies: [
                "BenchSupport",
                "RedisSchema",
                "RedisSchemaClient",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "redis-write-bench",
            dependencies: [
                "BenchSupport", "RedisSchema", "RedisSchemaClient", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Generated operations one at a time, in batches and in transactions; its redis-schema.yaml is one counter.
        .executableTarget(
            name: "redis-batch-bench",
            dependencies: [
                "BenchSupport", "RedisSchema", "RedisSchemaClient", .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["RedisSchemaPlugin"]
        ),
        // The build plugin's tool: core and generator only, so plugin users never build ArgumentParser or NIO.
        .executableTarget(name: "redis-schema-generator", dependencies: ["RedisSchemaCore", "RedisSchemaGenerator"]),
        .plugin(
            name: "RedisSchemaPlugin",
            capability: .buildTool(),
            dependencies: ["redis-schema-generator"]
        ),
        .plugin(
            name: "GenerateRedisSchemaCode",
            capability: .command(
                intent: .custom(
                    verb: "generate-redis-schema-code",
                    description: "Generate Swift accessors from each target's redis-schema.yaml into the target"
                ),
                permissions: [
                    .writeToPackageDirectory(reason: "Writes RedisSchema+Generated.swift next to each redis-schema.yaml")
                ]
            ),
            dependencies: ["redis-schema-generator"]
        ),
        .testTarget(
            name: "RedisSchemaCoreTests",
            dependencies: ["RedisSchemaCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RedisSchemaClientTests",
            dependencies: [
                "RedisSchema",
                "RedisSchemaClient",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "RedisSchemaLintTests",
            dependencies: ["RedisSchemaLint", "RedisSchemaClient", "RedisSchemaCore", "RedisSchema"]
        ),
        // RedisSchema for `RedisHashSlot` (the cluster tests load each key on the primary that owns its slot),
        // RedisSchemaClient to read a live cluster's topology in both protocols.
        .testTarget(
            name: "RedisSchemaCLITests", dependencies: ["redis-schema", "RedisSchema", "RedisSchemaClient"]
        ),
        .testTarget(name: "BenchSupportTests", dependencies: ["BenchSupport"]),
        .testTarget(
            name: "RedisSchemaGeneratorTests",
            dependencies: ["RedisSchemaGenerator", "RedisSchemaCore"],
            resources: [.copy("Fixtures")]
        ),
        // Its redis-schema.yaml is the seed schema: the build plugin generates `UXKeys` for the tests.
        .testTarget(name: "RedisSchemaTests", dependencies: ["RedisSchema"], plugins: ["RedisSchemaPlugin"]),
        // Runs generated operations against the real redis-server of $REDIS_SCHEMA_TEST_PORT. Its redis-schema.yaml
        // is the seed schema plus a key of every Redis type with a TTL, and capped lists and streams.
        .testTarget(
            name: "RedisSchemaLiveTests",
            dependencies: ["RedisSchema", "RedisSchemaClient"],
            plugins: ["RedisSchemaPlugin"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer entry point is built only for `scripts/fuzz`, which links it with libFuzzer's own
// `main`; an ordinary build neither needs nor sees it.
if Context.environment["REDIS_SCHEMA_FUZZ"] != nil {
    package.targets.append(
        .target(name: "RedisSchemaFuzz", dependencies: ["RedisSchemaCore"], path: "Fuzz", exclude: ["corpus"]))
}
