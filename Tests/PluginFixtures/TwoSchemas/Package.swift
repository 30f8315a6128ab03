// swift-tools-version:6.1
// A package that uses RedisSchemaPlugin the way applications do; scripts/test-plugin builds it.
//
// - Analytics and Billing each have their own redis-schema.yaml.
// - SharedKeys' redis-schema-config.yaml says `accessLevel: public`, so App, another module, uses its keys.
// - Committed holds the command plugin's output (`accessLevel: package` from its config) instead of the plugin.
// - The misuse targets must fail to build, each with a message that says what to change: Broken (a schema
//   error, located at Broken/redis-schema.yaml:line:col), BadConfig (an unknown setting in its config), NoSchema
//   (its schema is called schema.yaml) and BothPlugins (the build plugin plus a committed copy of its output).
//   The last two fail while SwiftPM plans the build, which stops the whole package, so the manifest declares
//   each only when REDIS_SCHEMA_FIXTURE_MISUSE names it (NoSchemaCommand: NoSchema without the build plugin).
import PackageDescription

let misuse = Context.environment["REDIS_SCHEMA_FIXTURE_MISUSE"]

// The path form of the dependency, as docs/generated-code.md documents it: a path dependency is identified by its
// folder's name (here the checkout's, which varies), so `name:` gives it the name the products refer to.
let package = Package(
    name: "TwoSchemas",
    dependencies: [.package(name: "redis-schema", path: "../../..")],
    targets: [
        .target(
            name: "Analytics",
            dependencies: [.product(name: "RedisSchema", package: "redis-schema")],
            plugins: [.plugin(name: "RedisSchemaPlugin", package: "redis-schema")]
        ),
        .target(
            name: "Billing",
            dependencies: [.product(name: "RedisSchema", package: "redis-schema")],
            plugins: [.plugin(name: "RedisSchemaPlugin", package: "redis-schema")]
        ),
        .target(
            name: "SharedKeys",
            dependencies: [.product(name: "RedisSchema", package: "redis-schema")],
            plugins: [.plugin(name: "RedisSchemaPlugin", package: "redis-schema")]
        ),
        // Without the build plugin, nothing reads the schema and its config during the build: exclude them.
        .target(
            name: "Committed",
            dependencies: [.product(name: "RedisSchema", package: "redis-schema")],
            exclude: ["redis-schema.yaml", "redis-schema-config.yaml"]
        ),
        .executableTarget(
            name: "App",
            dependencies: [
                "Analytics", "Billing", "SharedKeys", "Committed",
                .product(name: "RedisSchema", package: "redis-schema"),
            ]
        ),
        .target(
            name: "Broken",
            dependencies: [.product(name: "RedisSchema", package: "redis-schema")],
            plugins: [.plugin(name: "RedisSchemaPlugin", package: "redis-schema")]
        ),
        .target(
            name: "BadConfig",
            dependencies: [.product(name: "RedisSchema", package: "redis-schema")],
            plugins: [.plugin(name: "RedisSchemaPlugin", package: "redis-schema")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

if let misuse, ["NoSchema", "BothPlugins"].contains(misuse) {
    package.targets.append(
        .target(
            name: misuse,
            dependencies: [.product(name: "RedisSchema", package: "redis-schema")],
            plugins: [.plugin(name: "RedisSchemaPlugin", package: "redis-schema")]
        ))
}
// NoSchema for the command plugin, which must refuse it too: without the build plugin, which would stop first.
if misuse == "NoSchemaCommand" {
    package.targets.append(
        .target(
            name: "NoSchema",
            dependencies: [.product(name: "RedisSchema", package: "redis-schema")],
            exclude: ["schema.yaml"]
        ))
}
