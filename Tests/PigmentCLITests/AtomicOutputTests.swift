import Foundation
import XCTest

/// Killing pigment at any moment leaves either the old report or the complete new one.
final class AtomicOutputTests: XCTestCase {
    func testKilledRunLeavesOldOrCompleteNewReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pigment-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report.json")
        let old = Data("{\"old\": true}\n".utf8)
        let files = CLIRunner.pair("mixed")
        let complete = try CLIRunner.run(["compare", files[0], files[1], "--mask", files[2], "--format", "json"]).stdout
        var random = SystemRandomNumberGenerator()
        for attempt in 0..<8 {
            try old.write(to: output)
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["compare", files[0], files[1], "--mask", files[2], "--format", "json", "-o", output.path]
            try process.run()
            usleep(UInt32.random(in: 0...600_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Data(contentsOf: output)
            XCTAssertTrue(now == old || String(decoding: now, as: UTF8.self) == complete, "attempt \(attempt): torn report")
        }
    }
}
