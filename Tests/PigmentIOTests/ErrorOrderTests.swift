import Foundation
import PigmentIO
import XCTest

/// When several inputs of a pair are bad, the error names the first of the
/// before photo, the mask and the after photo, on one thread or two.
final class ErrorOrderTests: XCTestCase {
    var folder: URL!
    let pair = FixturePaths.root.appendingPathComponent("pairs/fade")

    override func setUpWithError() throws { folder = try FixturePaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    var good: (before: String, after: String, mask: String) {
        (pair.appendingPathComponent("before.jpg").path, pair.appendingPathComponent("after.jpg").path,
         pair.appendingPathComponent("mask.png").path)
    }

    func broken(_ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data("not an image".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The file the comparison's error names, with `threads` threads.
    func failingFile(before: String, after: String, mask: String, threads: Int) throws -> String? {
        do {
            _ = try PairComparison(threads: threads).measure(before: before, after: after, mask: mask)
            XCTFail("measured")
            return nil
        } catch {
            guard case .image(let image) = error else { XCTFail("\(error)"); return nil }
            return image.path
        }
    }

    func testABrokenMaskIsReportedBeforeABrokenAfterPhoto() throws {
        let (mask, after) = (try broken("mask.png"), try broken("after.jpg"))
        for threads in [1, 2] {
            XCTAssertEqual(try failingFile(before: good.before, after: after, mask: mask, threads: threads), mask)
        }
    }

    func testABrokenBeforePhotoIsReportedBeforeABrokenMask() throws {
        let (before, mask) = (try broken("before.jpg"), try broken("mask.png"))
        for threads in [1, 2] {
            XCTAssertEqual(try failingFile(before: before, after: good.after, mask: mask, threads: threads), before)
        }
    }

    func testABrokenMaskIsReportedWhenBothPhotosAreGood() throws {
        let mask = try broken("mask.png")
        for threads in [1, 2] {
            XCTAssertEqual(try failingFile(before: good.before, after: good.after, mask: mask, threads: threads), mask)
        }
    }
}
