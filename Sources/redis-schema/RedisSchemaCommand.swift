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
            3 connection or authentication error (validate), 4 incomplete scan (validate),
            130 interrupted by Ctrl-C (validate), 143 stopped by SIGTERM (validate).
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
        } catch let failure as CommandFailure {
            if let message = failure.message {
                FileHandleOutput.standardError.write("error: \(message)\n")
            }
            exit(withError: failure.errorClass.exitCode)
        } catch {
            if exitCode(for: error) == .validationFailure {
                // ArgumentParser's usage errors exit 64; ours exit with the usage class, as documented.
                FileHandleOutput.standardError.write(fullMessage(for: error) + "\n")
                exit(withError: ErrorClass.usage.exitCode)
            }
            if let errorClass = ErrorClass(classifying: error) {
                FileHandleOutput.standardError.write("error: \(CommandFailure.message(for: error))\n")
                exit(withError: errorClass.exitCode)
            }
            exit(withError: error)
        }
    }
}
