// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "redis-schema",
    products: [
        .library(name: "RedisSchemaCore", targets: ["RedisSchemaCore"]),
        .library(name: "RedisSchemaGenerator", targets: ["RedisSchemaGenerator"]),
        .library(name: "RedisSchema", targets: ["RedisSchema"]),
        .executable(name: "redis-schema", targets: ["redis-schema"]),
        .executable(name: "redis-schema-generator", targets: ["redis-schema-generator"]),
        .plugin(name: "RedisSchemaPlugin", targets: ["RedisSchemaPlugin"]),
        .plugin(name: "GenerateRedisSchemaCode", targets: ["GenerateRedisSchemaCode"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
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
        .target(name: "RedisSchemaGenerator", dependencies: ["RedisSchemaCore"]),
        .executableTarget(
            name: "redis-schema",
            dependencies: [
                "RedisSchemaCore",
                "RedisSchemaGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "redis-schema-bench", dependencies: ["RedisSchemaCore"]),
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
                    .writeToPackageDirectory(reason: "Writes RedisSchemaGenerated.swift next to each redis-schema.yaml")
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
            name: "RedisSchemaGeneratorTests",
            dependencies: ["RedisSchemaGenerator", "RedisSchemaCore"],
            resources: [.copy("Fixtures")]
        ),
        // Its redis-schema.yaml is the seed schema: the build plugin generates `UXKeys` for the tests.
        .testTarget(name: "RedisSchemaTests", dependencies: ["RedisSchema"], plugins: ["RedisSchemaPlugin"]),
        .testTarget(name: "RedisSchemaCLITests", dependencies: ["RedisSchemaCore"]),
    ],
    swiftLanguageModes: [.v6]
)
