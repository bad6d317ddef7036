import Foundation
import XCTest

/// `pigment compare` end to end: formats, exit codes and one-line errors.
final class CompareCommandTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pigment-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func compare(_ pair: String, _ extra: [String] = []) throws -> CLIRunner.Result {
        let files = CLIRunner.pair(pair)
        return try CLIRunner.run(["compare", files[0], files[1], "--mask", files[2]] + extra)
    }

    func assertOneLineError(_ result: CLIRunner.Result, status: Int32, mentioning text: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, status, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("pigment: "), result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(text), result.stderr, file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
    }

    func testTextTableIsTheDefault() throws {
        let result = try compare("fade")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("pigmented area (% of ROI)"))
        XCTAssertTrue(result.stdout.contains("contrast (melanin units)"))
    }

    func testJSONReportsFadeAsContrastLossAtSteadyArea() throws {
        let result = try compare("fade", ["--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let change = try XCTUnwrap(json["change"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(change["pigmented_area_pp"] as? Double), 0, accuracy: 0.5)
        XCTAssertLessThan(try XCTUnwrap(change["contrast_pct"] as? Double), -25)
        XCTAssertNotNil(json["settings"] as? [String: Any])
    }

    func testCSVHasAHeaderAndOneRow() throws {
        let result = try compare("shrink", ["--format", "csv"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix("before_file,after_file,"))
    }

    func testOutputFileIsWrittenWhole() throws {
        let output = folder.appendingPathComponent("report.json").path
        let result = try compare("clear", ["--format", "json", "--output", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: data))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["report.json"], "no temporary file left")
    }

    func testOutputOverAnInputIsRefused() throws {
        let files = CLIRunner.pair("clear")
        let result = try CLIRunner.run(["compare", files[0], files[1], "--output", files[1]])
        assertOneLineError(result, status: 2, mentioning: "would overwrite the input")
    }

    func testCorruptPhotoExitsWithThreeNamingTheFile() throws {
        let broken = folder.appendingPathComponent("broken.jpg")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: CLIRunner.pair("fade")[0]))
        try bytes.prefix(bytes.count / 3).write(to: broken)
        let result = try CLIRunner.run(["compare", broken.path, CLIRunner.pair("fade")[1]])
        assertOneLineError(result, status: 3, mentioning: broken.path)
    }

    func testMissingPhotoExitsWithThree() throws {
        let missing = folder.appendingPathComponent("missing.png").path
        assertOneLineError(try CLIRunner.run(["compare", missing, missing]), status: 3, mentioning: missing)
    }

    func testPhotosOfDifferentSizesWithoutAlignmentExitWithFour() throws {
        let result = try CLIRunner.run(["compare", CLIRunner.pair("png")[0], CLIRunner.pair("fade")[1], "--no-align"])
        assertOneLineError(result, status: 4, mentioning: "differs from")
    }

    func testUnrelatedPhotosAreRefusedWithFourAndAHint() throws {
        let result = try CLIRunner.run(["compare", CLIRunner.pair("mixed")[0], CLIRunner.pair("fade")[1]])
        assertOneLineError(result, status: 4, mentioning: "alignment")
        XCTAssertTrue(result.stderr.contains("--allow-poor-alignment"), result.stderr)
    }

    func testPoorAlignmentIsMeasuredWithAWarningWhenAllowed() throws {
        let result = try CLIRunner.run(["compare", CLIRunner.pair("mixed")[0], CLIRunner.pair("fade")[1],
                                        "--allow-poor-alignment", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("pigment: warning: "), result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((json["warnings"] as? [String])?.count, 1)
    }

    func testMovedPairReportsItsAlignment() throws {
        // After photo: portrait, 0.8× the scale, turned −5°, stored with EXIF orientation 6.
        let result = try compare("moved/portrait-rotated-tag", ["--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let alignment = try XCTUnwrap(json["alignment"] as? [String: Any])
        XCTAssertEqual(alignment["method"] as? String, "similarity")
        XCTAssertEqual(try XCTUnwrap(alignment["rotation_deg"] as? Double), -5, accuracy: 0.1)
        XCTAssertEqual(try XCTUnwrap(alignment["scale"] as? Double), 0.8, accuracy: 0.005)
        XCTAssertEqual(try XCTUnwrap(alignment["dx"] as? Double), 10, accuracy: 0.5)
        XCTAssertEqual(try XCTUnwrap(alignment["dy"] as? Double), 25, accuracy: 0.5)
        XCTAssertGreaterThan(try XCTUnwrap(alignment["quality"] as? Double), 0.2)
        XCTAssertEqual(alignment["after_width"] as? Int, 768)
        XCTAssertEqual(alignment["after_height"] as? Int, 1024)
        XCTAssertEqual(try XCTUnwrap(alignment["overlap_pct"] as? Double), 100, accuracy: 0.5)
    }

    func testSaveAlignedWritesTheAfterPhotoInTheBeforeFrame() throws {
        let output = folder.appendingPathComponent("aligned.png").path
        let result = try compare("moved/portrait-rotated-tag", ["--save-aligned", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
        XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        // IHDR width and height, big-endian, at bytes 16–23: the before photo's 1024×768.
        func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        XCTAssertEqual(word(16), 1024)
        XCTAssertEqual(word(20), 768)
    }

    func testSaveAlignedNeedsAnImageExtension() throws {
        let result = try compare("fade", ["--save-aligned", folder.appendingPathComponent("aligned.tif").path])
        assertOneLineError(result, status: 2, mentioning: "--save-aligned")
    }

    func testMaskOfAnotherSizeExitsWithFour() throws {
        let files = CLIRunner.pair("fade")
        let result = try CLIRunner.run(["compare", files[0], files[1], "--mask", CLIRunner.pair("png")[2]])
        assertOneLineError(result, status: 4, mentioning: "mask size")
    }

    func testUnknownOptionIsAUsageError() throws {
        assertOneLineError(try compare("fade", ["--colour", "blue"]), status: 2, mentioning: "--colour")
    }

    func testMalformedVectorsAreAUsageError() throws {
        assertOneLineError(try compare("fade", ["--vectors", "1,2,3"]), status: 2, mentioning: "--vectors")
    }

    func testATrackingRatioOutsideZeroToOneIsAUsageError() throws {
        assertOneLineError(try compare("fade", ["--tracking-ratio", "1.5"]), status: 2, mentioning: "--tracking-ratio")
    }

    func testTheTrackingRatioIsReportedInSettings() throws {
        let result = try compare("fade", ["--format", "json", "--tracking-ratio", "1"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let settings = try XCTUnwrap(json["settings"] as? [String: Any])
        XCTAssertEqual(settings["tracking_ratio"] as? Double, 1)
    }

    func testCustomVectorsAreReportedInSettings() throws {
        let result = try compare("fade", ["--format", "json", "--vectors", "0.69,1,1.69;0.06,1,0.73"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let settings = try XCTUnwrap(json["settings"] as? [String: Any])
        let melanin = try XCTUnwrap(settings["melanin_vector"] as? [Double])
        XCTAssertEqual(melanin[1], 1 / (0.69 * 0.69 + 1 + 1.69 * 1.69).squareRoot(), accuracy: 1e-5)
    }

    func testHelpExitsWithZero() throws {
        let result = try CLIRunner.run(["compare", "--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("--mask"))
    }
}
