// The `redis-schema` command-line tool: one file per subcommand, which parses options, calls a library
// and maps its errors to exit codes. It holds no schema or Redis logic of its own.

import ArgumentParser

/// The `redis-schema` command: schema-as-code for Redis keyspaces.
@main
struct RedisSchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redis-schema",
        abstract: "Schema-as-code for Redis keyspaces: check a schema, document it, generate code, lint a live Redis.",
        discussion: """
            Exit codes: 0 success, 1 the schema (or the keyspace) breaks the rules, 2 usage or I/O error,
            3 connection or authentication error (validate).
            """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, DocsCommand.self, GenerateCommand.self, ValidateCommand.self]
    )

    /// Runs the command, with usage errors exiting 2 (not ArgumentParser's 64) as documented.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandleOutput.standardError.write(fullMessage(for: error) + "\n")
                exit(withError: ExitCode.usageError)
            }
            exit(withError: error)
        }
    }
}

extension ExitCode {
    /// The schema (or keyspace) breaks the rules.
    static let violations = ExitCode(1)
    /// Bad options, or a file that cannot be read or written.
    static let usageError = ExitCode(2)
}
