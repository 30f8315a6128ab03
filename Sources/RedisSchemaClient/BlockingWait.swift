import RedisSchema

/// How long a command may legitimately wait on the server before it replies, read from its own timeout
/// argument: `BLPOP`, `BRPOP`, `BRPOPLPUSH`, `BLMOVE`, `BLMPOP`, `BZPOPMIN`, `BZPOPMAX`, `BZMPOP`,
/// `XREAD`/`XREADGROUP` with `BLOCK`, `WAIT` and `WAITAOF`.
///
/// The command is the one source of truth for its wait: the connection adds it to the reply deadline, so a
/// `BLPOP` with a 60 s timeout does not trip a 30 s command timeout, and the pool sends blocking commands on a
/// connection of their own.
enum BlockingWait: Equatable {
    /// Replies as soon as the server has run it.
    case none
    /// May wait this long before replying.
    case upTo(Duration)
    /// Waits until data arrives (a timeout of 0).
    case indefinitely

    init(_ command: RedisCommand) {
        let arguments = command.arguments
        // Every blocking command's name starts with B, X or W: the others (nearly all of a pipeline) are
        // told apart without building the upper-cased name.
        switch arguments.first?.first.map({ $0 & 0xDF }) {
        case UInt8(ascii: "B"), UInt8(ascii: "X"), UInt8(ascii: "W"): break
        default:
            self = .none
            return
        }
        switch command.name {
        case "BLPOP", "BRPOP", "BZPOPMIN", "BZPOPMAX", "BRPOPLPUSH", "BLMOVE":
            self = arguments.count >= 3 ? Self.seconds(arguments[arguments.count - 1]) : .none
        case "BLMPOP", "BZMPOP":
            self = arguments.count >= 2 ? Self.seconds(arguments[1]) : .none
        case "XREAD", "XREADGROUP":
            self = Self.streamBlock(arguments)
        case "WAIT":
            self = arguments.count >= 3 ? Self.milliseconds(arguments[2]) : .none
        case "WAITAOF":
            self = arguments.count >= 4 ? Self.milliseconds(arguments[3]) : .none
        default:
            self = .none
        }
    }

    /// Whether any command of `commands` blocks.
    static func anyBlocks(_ commands: [RedisCommand]) -> Bool {
        commands.contains { BlockingWait($0) != .none }
    }

    /// The longest the commands of one pipeline may wait in total (they run one after another); waits without
    /// end count as none, so that the command timeout still detects a dead server under them.
    static func finiteTotal(of commands: [RedisCommand]) -> Duration {
        var total = Duration.zero
        for command in commands {
            if case .upTo(let wait) = BlockingWait(command) {
                total += wait
            }
        }
        return total
    }

    private static func seconds(_ argument: [UInt8]) -> Self {
        guard let seconds = Double(String(decoding: argument, as: UTF8.self)), seconds.isFinite, seconds >= 0,
            seconds < 1e9
        else { return .none }
        return seconds == 0 ? .indefinitely : .upTo(.milliseconds(Int64((seconds * 1000).rounded(.up))))
    }

    private static func milliseconds(_ argument: [UInt8]) -> Self {
        guard let milliseconds = Int64(String(decoding: argument, as: UTF8.self)), milliseconds >= 0,
            milliseconds < 1_000_000_000_000
        else { return .none }
        return milliseconds == 0 ? .indefinitely : .upTo(.milliseconds(milliseconds))
    }

    /// `XREAD [COUNT n] [BLOCK ms] STREAMS ...` and `XREADGROUP GROUP g c [COUNT n] [BLOCK ms] [NOACK] STREAMS ...`:
    /// options end at `STREAMS`, after which keys and ids could themselves be spelled `BLOCK`.
    private static func streamBlock(_ arguments: [[UInt8]]) -> Self {
        var index = 1
        while index < arguments.count - 1 {
            let word = String(decoding: arguments[index], as: UTF8.self).uppercased()
            if word == "STREAMS" { break }
            if word == "BLOCK" { return self.milliseconds(arguments[index + 1]) }
            index += 1
        }
        return .none
    }
}
