// swift-tools-version:6.1
// The second example application of redis-schema: a job board's Redis side (a rate limiter, job locks, a job
// queue, a weekly leaderboard, an event stream and feature flags). The keyspace sits in the JobBoard target as
// redis-schema.yaml, the build plugin turns it into typed accessors, and the jobboard-demo executable runs a
// short scenario against a real Redis with the project's SwiftNIO client.
import PackageDescription

// A path dependency is identified by its folder's name, which differs between checkouts (a worktree, CI's
// clone), so `name:` gives it the name the products below refer to.
let package = Package(
    name: "JobBoard",
    products: [
        .library(name: "JobBoard", targets: ["JobBoard"]),
        .executable(name: "jobboard-demo", targets: ["jobboard-demo"]),
    ],
    dependencies: [.package(name: "redis-schema", path: "../..")],
    targets: [
        // The components over the generated (internal) JobKeys types. Needs only the light runtime: the client
        // is chosen by whoever calls it.
        .target(
            name: "JobBoard",
            dependencies: [.product(name: "RedisSchema", package: "redis-schema")],
            plugins: [.plugin(name: "RedisSchemaPlugin", package: "redis-schema")]
        ),
        .executableTarget(
            name: "jobboard-demo",
            dependencies: [
                "JobBoard",
                .product(name: "RedisSchema", package: "redis-schema"),
                .product(name: "RedisSchemaClient", package: "redis-schema"),
            ]
        ),
        .testTarget(
            name: "JobBoardTests",
            dependencies: [
                "JobBoard",
                .product(name: "RedisSchema", package: "redis-schema"),
                .product(name: "RedisSchemaClient", package: "redis-schema"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
