import Foundation
import XCTest

/// Runs the built `pigment` binary and captures what it prints.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary = Bundle.main.bundleURL.appendingPathComponent("pigment")

    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Runs pigment; a run longer than `timeout` seconds is killed and reported
    /// as status -1 (a hang).
    static func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = DispatchTime.now() + timeout
        DispatchQueue.global().asyncAfter(deadline: deadline) { if process.isRunning { process.terminate() } }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let hung = process.terminationReason == .uncaughtSignal
        return Result(status: hung ? -1 : process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The files of one fixture pair: before, after, mask. `name` is a folder of
    /// `Fixtures/pairs`, or a path below `Fixtures` such as `moved/shift-rotate`.
    static func pair(_ name: String) -> [String] {
        let folder = fixtures.appendingPathComponent(name.contains("/") ? name : "pairs/\(name)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        func find(_ prefix: String) -> String {
            folder.appendingPathComponent(names.first { $0.hasPrefix(prefix) } ?? prefix).path
        }
        return [find("before."), find("after."), find("mask.")]
    }
}
