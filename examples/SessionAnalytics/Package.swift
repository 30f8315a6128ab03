// swift-tools-version:6.1
// An application package that uses redis-schema the way a team would: the seed schema sits in the
// SessionAnalytics target as redis-schema.yaml, the build plugin turns it into typed accessors, and the
// session-analytics executable talks to Redis through them with the project's SwiftNIO client.
import Foundation
import PackageDescription

// A path dependency is named after its directory, which differs between checkouts (`redis-schema`, a
// worktree's name, CI's clone), so the name is read from the path rather than spelled out.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
let redisSchema = root.lastPathComponent

let package = Package(
    name: "SessionAnalytics",
    products: [
        .executable(name: "session-analytics", targets: ["session-analytics"])
    ],
    dependencies: [.package(path: root.path)],
    targets: [
        // The keys and the application's Redis operations. Needs only the light runtime: the client is
        // chosen by whoever calls it.
        .target(
            name: "SessionAnalytics",
            dependencies: [.product(name: "RedisSchema", package: redisSchema)],
            plugins: [.plugin(name: "RedisSchemaPlugin", package: redisSchema)]
        ),
        .executableTarget(
            name: "session-analytics",
            dependencies: [
                "SessionAnalytics",
                .product(name: "RedisSchema", package: redisSchema),
                .product(name: "RedisSchemaClient", package: redisSchema),
            ]
        ),
        .testTarget(
            name: "SessionAnalyticsTests",
            dependencies: [
                "SessionAnalytics",
                .product(name: "RedisSchema", package: redisSchema),
                .product(name: "RedisSchemaClient", package: redisSchema),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
