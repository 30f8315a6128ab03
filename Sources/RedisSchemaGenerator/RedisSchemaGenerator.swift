// RedisSchemaGenerator: what the schema renders to. Swift accessors (Swift/) and Markdown
// documentation (Docs/), both from the checked model of RedisSchemaCore; no I/O beyond reading the
// generator's configuration file (`SwiftGeneratorConfig`) through the core's YAML loader.
