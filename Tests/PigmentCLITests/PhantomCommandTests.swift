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

    func testSkinMelaninDarkensTheSkinByThatMuchMelanin() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pigment-phantom-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let baselines = try [1.0, 2.8].map { melanin -> Double in
            let pair = folder.appendingPathComponent("\(melanin)")
            let made = try CLIRunner.run(["phantom", pair.path, "--seed", "152", "--size", "256x192", "--format", "png",
                                          "--skin-melanin", "\(melanin)"])
            XCTAssertEqual(made.status, 0, made.stderr)
            let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: pair.appendingPathComponent("truth.json"))) as? [String: Any]
            XCTAssertEqual((truth?["spec"] as? [String: Any])?["skin_melanin"] as? Double, melanin)
            let path = { (name: String) in pair.appendingPathComponent(name).path }
            let compared = try CLIRunner.run(["compare", path("before.png"), path("after.png"), "--mask", path("mask.png"),
                                              "--format", "json", "--no-align"])
            XCTAssertEqual(compared.status, 0, compared.stderr)
            let report = try JSONSerialization.jsonObject(with: Data(compared.stdout.utf8)) as? [String: Any]
            return try XCTUnwrap((report?["before"] as? [String: Any])?["baseline_melanin"] as? Double)
        }
        XCTAssertEqual(baselines[1] - baselines[0], 1.8, accuracy: 0.05)
    }

    func testSkinMelaninOutOfRangeIsAUsageError() throws {
        let result = try CLIRunner.run(["phantom", "/tmp/unused", "--skin-melanin", "9"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--skin-melanin"), result.stderr)
    }

    func testBadSizeIsAUsageError() throws {
        let result = try CLIRunner.run(["phantom", "/tmp/unused", "--size", "big"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--size"))
    }
}
