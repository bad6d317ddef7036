import Foundation
import PigmentCore
import PigmentIO
import XCTest

/// A measurement keeps the photos (for pictures and `--save-aligned`) only when
/// asked, and they do not change its numbers.
final class PairPhotosTests: XCTestCase {
    func pair() -> (String, String, String) {
        let folder = FixturePaths.root.appendingPathComponent("pairs/fade")
        return (folder.appendingPathComponent("before.jpg").path, folder.appendingPathComponent("after.jpg").path,
                folder.appendingPathComponent("mask.png").path)
    }

    func testPhotosAreFreedUnlessAsked() throws {
        let (before, after, mask) = pair()
        let measured = try PairComparison().measure(before: before, after: after, mask: mask)
        XCTAssertNil(measured.photos)
        XCTAssertNil(measured.pictures(settings: .standard))
    }

    func testKeptPhotosAreInTheBeforeFrameAndLeaveTheNumbersAlone() throws {
        let (before, after, mask) = pair()
        let comparison = try PairComparison()
        let plain = try comparison.measure(before: before, after: after, mask: mask)
        let kept = try comparison.measure(before: before, after: after, mask: mask, keepingPhotos: true)
        let photos = try XCTUnwrap(kept.photos)
        XCTAssertEqual(photos.before.width, kept.region.width)
        XCTAssertEqual(photos.alignedAfter.height, kept.region.height)
        XCTAssertNotNil(kept.pictures(settings: .standard))
        XCTAssertEqual(kept.before, plain.before)
        XCTAssertEqual(kept.after, plain.after)
    }
}
