import Foundation
import PigmentIO
import XCTest

/// Damaged, empty, foreign and oversized files come back as typed errors naming
/// the file, never as a crash.
final class BadInputTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try FixturePaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func fixtureBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: FixturePaths.decoding(name))))
    }

    /// Decodes `path` and returns the error, failing when it decodes.
    func decodeError(_ path: String, maxPixels: Int = ImageDecoder.defaultMaxPixels,
                     file: StaticString = #filePath, line: UInt = #line) -> ImageFileError? {
        do {
            _ = try ImageDecoder(maxPixels: maxPixels).decode(path)
            XCTFail("\(path) decoded", file: file, line: line)
            return nil
        } catch {
            XCTAssertEqual(error.path, path, "the error names the file", file: file, line: line)
            XCTAssertFalse(error.description.contains("\n"), "one line", file: file, line: line)
            return error
        }
    }

    func testMissingFileIsUnreadable() {
        guard case .unreadable? = decodeError(folder.appendingPathComponent("nope.jpg").path) else { return XCTFail() }
    }

    func testDirectoryIsUnreadable() {
        guard case .unreadable(_, let reason)? = decodeError(folder.path) else { return XCTFail() }
        XCTAssertEqual(reason, "is a directory")
    }

    func testEmptyFileIsNotAnImage() throws {
        guard case .notAnImage(_, let reason)? = decodeError(try file("empty.png", [])) else { return XCTFail() }
        XCTAssertEqual(reason, "empty file")
    }

    func testTextAndPDFAreNotImages() throws {
        guard case .notAnImage? = decodeError(try file("notes.jpg", Array("hello, skin\n".utf8))) else { return XCTFail() }
        guard case .notAnImage? = decodeError(try file("doc.png", Array("%PDF-1.4\n%âãÏÓ\n".utf8))) else { return XCTFail() }
    }

    func testTruncatedPNGIsCorrupt() throws {
        let bytes = try fixtureBytes("png/type2-16bit.png")
        for fraction in [0.1, 0.5, 0.9] {
            let path = try file("cut-\(fraction).png", Array(bytes.prefix(Int(Double(bytes.count) * fraction))))
            guard case .corrupt(_, .png, _)? = decodeError(path) else { return XCTFail("fraction \(fraction)") }
        }
    }

    func testPNGWithBadChecksumIsCorrupt() throws {
        var bytes = try fixtureBytes("png/type2-08bit.png")
        bytes[bytes.count - 20] ^= 0xFF  // inside the IDAT chunk: its CRC no longer matches
        guard case .corrupt(_, .png, _)? = decodeError(try file("crc.png", bytes)) else { return XCTFail() }
    }

    func testTruncatedJPEGIsCorrupt() throws {
        let bytes = try fixtureBytes("jpeg/baseline.jpg")
        for fraction in [0.05, 0.5, 0.95] {
            let path = try file("cut-\(fraction).jpg", Array(bytes.prefix(Int(Double(bytes.count) * fraction))))
            guard case .corrupt(_, .jpeg, _)? = decodeError(path) else { return XCTFail("fraction \(fraction)") }
        }
    }

    func testJPEGWithGarbledScanDataIsCorrupt() throws {
        var bytes = try fixtureBytes("jpeg/baseline.jpg")
        var random = UInt32(12345)
        for i in (bytes.count / 2)..<(bytes.count / 2 + 200) {
            random = random &* 1_103_515_245 &+ 12345
            bytes[i] = UInt8(truncatingIfNeeded: random >> 16)
        }
        guard case .corrupt(_, .jpeg, _)? = decodeError(try file("garbled.jpg", bytes)) else { return XCTFail() }
    }

    func testZeroWidthPNGIsCorrupt() throws {
        var bytes = try fixtureBytes("png/type0-08bit.png")
        bytes.replaceSubrange(16..<20, with: [0, 0, 0, 0])  // IHDR width
        guard case .corrupt(_, .png, _)? = decodeError(try file("zero.png", bytes)) else { return XCTFail() }
    }

    func testImageOverThePixelLimitIsRefusedFromItsHeader() {
        let path = FixturePaths.decoding("jpeg/baseline.jpg")
        guard case .tooLarge(_, let reason)? = decodeError(path, maxPixels: 1000) else { return XCTFail() }
        XCTAssertTrue(reason.contains("64x48"))
    }
}
