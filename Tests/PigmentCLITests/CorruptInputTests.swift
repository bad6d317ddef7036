import Foundation
import XCTest

/// Every broken file of Fixtures/corrupt/ makes `pigment compare` exit with 3 and
/// one line naming the file, quickly, never crashing or hanging.
final class CorruptInputTests: XCTestCase {
    func testEveryBrokenFileExitsWithThreeAndOneLine() throws {
        let folder = CLIRunner.fixtures.appendingPathComponent("corrupt")
        let rows = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t") }
        XCTAssertGreaterThan(rows.count, 20)
        for row in rows where row[1] != "ok" {
            let path = folder.appendingPathComponent(String(row[0])).path
            let result = try CLIRunner.run(["compare", path, path, "--format", "json"], timeout: 20)
            XCTAssertEqual(result.status, 3, "\(row[0]): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "\(row[0]): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(path), "\(row[0]): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(row[0]): no half-written report")
        }
    }
}
