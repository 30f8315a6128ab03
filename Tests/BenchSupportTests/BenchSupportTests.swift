import BenchSupport
import Testing

/// The pieces the benchmark executables share: a wrong option must stop a run rather than measure something
/// else, and the figures they print must be the numbers they computed.
@Suite struct BenchSupportTests {
    private let options: Set<String> = ["--port", "--runs", "--host"]

    @Test func readsOptionsWithTheirDefaults() throws {
        let arguments = try #require(BenchArguments(["--port", "6380", "--host", "::1"], options: options))
        #expect(arguments.positiveInt("--port", default: 6379) == 6380)
        #expect(arguments.positiveInt("--runs", default: 5) == 5)
        #expect(arguments.string("--host", default: "127.0.0.1") == "::1")
        #expect(arguments.contains("--port"))
        #expect(!arguments.contains("--runs"))
    }

    @Test func refusesUnknownRepeatedAndValuelessOptions() {
        #expect(BenchArguments(["--prot", "6380"], options: options) == nil)
        #expect(BenchArguments(["--port", "1", "--port", "2"], options: options) == nil)
        #expect(BenchArguments(["--port"], options: options) == nil)
        #expect(BenchArguments([], options: options) != nil)
    }

    @Test func refusesCountsThatAreNotPositiveIntegers() throws {
        for text in ["0", "-3", "ten", "1.5", ""] {
            let arguments = try #require(BenchArguments(["--runs", text], options: options))
            #expect(arguments.positiveInt("--runs", default: 5) == nil, "\(text)")
        }
    }

    @Test func formatsFixedDecimals() {
        #expect(fixed(12.345, 1) == "12.3")
        #expect(fixed(0.05, 2) == "0.05")
        #expect(fixed(1_234.5, 0) == "1235")
        #expect(fixed(-2.25, 1) == "-2.3")
        #expect(fixed(-0.04, 1) == "0.0")
        #expect(fixed(7, 3) == "7.000")
    }

    @Test func medianIgnoresOneOutlier() {
        #expect(median([3, 1, 200]) == 3)
        #expect(median([4, 1, 3, 2]) == 3)
        #expect(median([]) == nil)
    }

    @Test func serverCPUAddsUserAndSystemTimeOfTheMainProcess() {
        let info = """
            # CPU\r
            used_cpu_sys:1.250000\r
            used_cpu_user:2.500000\r
            used_cpu_sys_children:9.000000\r
            used_cpu_user_children:9.000000\r
            used_cpu_sys_main_thread:1.000000\r
            """
        #expect(CPUTime.ofServer(info: info) == 3.75)
    }

    @Test func processCPUGrowsWithWork() {
        let before = CPUTime.ofThisProcess()
        var total = 0.0
        var index = 0
        while CPUTime.ofThisProcess() - before < 0.02, index < 1_000_000_000 {
            for value in 0..<100_000 { total += Double(value) }
            index += 1
        }
        #expect(total > 0)
        #expect(CPUTime.ofThisProcess() - before >= 0.02)
    }
}
