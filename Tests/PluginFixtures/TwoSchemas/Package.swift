// swift-tools-version:6.1
// A package that uses RedisSchemaPlugin the way applications do; scripts/test-plugin builds it.
// Analytics and Billing each have their own redis-schema.yaml; Broken's schema has an error, so building
// it must fail with the error located at Broken/redis-schema.yaml:line:col.
import Foundation
import PackageDescription

// A path dependency is named after its directory, which differs between checkouts.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized
let redisSchema = root.lastPathComponent

let package = Package(
    name: "TwoSchemas",
    dependencies: [.package(path: root.path)],
    targets: [
        .target(
            name: "Analytics",
            dependencies: [.product(name: "RedisSchema", package: redisSchema)],
            plugins: [.plugin(name: "RedisSchemaPlugin", package: redisSchema)]
        ),
        .target(
            name: "Billing",
            dependencies: [.product(name: "RedisSchema", package: redisSchema)],
            plugins: [.plugin(name: "RedisSchemaPlugin", package: redisSchema)]
        ),
        .target(
            name: "Broken",
            dependencies: [.product(name: "RedisSchema", package: redisSchema)],
            plugins: [.plugin(name: "RedisSchemaPlugin", package: redisSchema)]
        ),
        .executableTarget(
            name: "App", dependencies: ["Analytics", "Billing", .product(name: "RedisSchema", package: redisSchema)]),
    ],
    swiftLanguageModes: [.v6]
)
