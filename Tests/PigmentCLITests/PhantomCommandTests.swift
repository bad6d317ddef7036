import Foundation
import XCTest

/// `pigment phantom` writes a measurable pair with its truth.
final class PhantomCommandTests: XCTestCase {
    func testPhantomWritesPhotosMaskAndTruthThatCompareCanRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pigment-phantom-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try CLIRunner.run(["phantom", folder.path, "--seed", "151", "--size", "256x192", "--format", "png"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(files, ["after.png", "before.png", "mask.png", "truth.json"])
        let truth = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("truth.json"))) as? [String: Any])
        XCTAssertNotNil((truth["before"] as? [String: Any])?["pigmented_area_pct"])
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        let compared = try CLIRunner.run(["compare", path("before.png"), path("after.png"), "--mask", path("mask.png")])
        XCTAssertEqual(compared.status, 0, compared.stderr)
    }

    func testBadSizeIsAUsageError() throws {
        let result = try CLIRunner.run(["phantom", "/tmp/unused", "--size", "big"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--size"))
    }
}
