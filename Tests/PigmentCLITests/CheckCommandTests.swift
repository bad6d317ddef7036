import Foundation
import XCTest

/// `pigment check` end to end on a copy of two committed fixture pairs.
final class CheckCommandTests: XCTestCase {
    var root: URL!
    var baseline: String { root.appendingPathComponent("baseline.json").path }
    var fixtures: String { root.appendingPathComponent("fixtures").path }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pigment-check-\(UUID().uuidString)")
        for pair in ["png", "shrink"] {
            let target = root.appendingPathComponent("fixtures/\(pair)")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CLIRunner.fixtures.appendingPathComponent("pairs/\(pair)"), to: target)
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func testUpdateThenCheckPasses() throws {
        let update = try CLIRunner.run(["check", fixtures, "--baseline", baseline, "--update"])
        XCTAssertEqual(update.status, 0, update.stderr)
        let check = try CLIRunner.run(["check", fixtures, "--baseline", baseline])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("all 2 fixtures within tolerance"))
        XCTAssertTrue(check.stdout.hasSuffix("check: 42 passed, 0 failed\n"))
    }

    func testDriftExitsWithOneAndNamesFixtureAndMetric() throws {
        XCTAssertEqual(try CLIRunner.run(["check", fixtures, "--baseline", baseline, "--update"]).status, 0)
        var json = try String(contentsOfFile: baseline, encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: "\"after.contrast\" : [0-9.]+")
        json = pattern.stringByReplacingMatches(in: json, range: NSRange(json.startIndex..., in: json),
                                                withTemplate: "\"after.contrast\" : 9.5")
        try json.write(toFile: baseline, atomically: true, encoding: .utf8)
        let markdown = root.appendingPathComponent("summary.md").path
        let check = try CLIRunner.run(["check", fixtures, "--baseline", baseline, "--markdown", markdown])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("png"))
        XCTAssertTrue(check.stdout.contains("after.contrast"))
        XCTAssertTrue(try String(contentsOfFile: markdown, encoding: .utf8).contains("| png | after.contrast |"))
    }

    func testMissingBaselineIsAUsageError() throws {
        let check = try CLIRunner.run(["check", fixtures, "--baseline", baseline])
        XCTAssertEqual(check.status, 2)
        XCTAssertTrue(check.stderr.contains("--update"))
    }

    func testUnreadableFixtureExitsWithThree() throws {
        XCTAssertEqual(try CLIRunner.run(["check", fixtures, "--baseline", baseline, "--update"]).status, 0)
        try Data().write(to: root.appendingPathComponent("fixtures/png/after.png"))
        let check = try CLIRunner.run(["check", fixtures, "--baseline", baseline, "--format", "json"])
        XCTAssertEqual(check.status, 3)
        XCTAssertTrue(check.stdout.contains("\"unreadable\""))
    }
}
