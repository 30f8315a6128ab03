// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "redis-schema",
    products: [
        .library(name: "RedisSchemaCore", targets: ["RedisSchemaCore"]),
        .library(name: "RedisSchemaGenerator", targets: ["RedisSchemaGenerator"]),
        .library(name: "RedisSchema", targets: ["RedisSchema"]),
        .executable(name: "redis-schema", targets: ["redis-schema"]),
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
        .testTarget(
            name: "RedisSchemaCoreTests",
            dependencies: ["RedisSchemaCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "RedisSchemaGeneratorTests", dependencies: ["RedisSchemaGenerator"]),
        .testTarget(name: "RedisSchemaCLITests", dependencies: ["RedisSchemaCore"]),
    ],
    swiftLanguageModes: [.v6]
)
