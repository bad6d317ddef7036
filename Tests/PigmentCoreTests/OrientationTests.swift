import PigmentCore
import XCTest

/// EXIF orientations turn a 3×2 picture `0 1 2 / 3 4 5` into its displayed form.
final class OrientationTests: XCTestCase {
    let stored = Plane(width: 3, height: 2, samples: [0, 1, 2, 3, 4, 5])

    func check(_ orientation: Orientation, width: Int, _ expected: [Float], file: StaticString = #filePath, line: UInt = #line) {
        let shown = orientation.apply(to: stored)
        XCTAssertEqual(shown.width, width, file: file, line: line)
        XCTAssertEqual(shown.samples, expected, file: file, line: line)
    }

    func testUp() { check(.up, width: 3, [0, 1, 2, 3, 4, 5]) }
    func testUpMirrored() { check(.upMirrored, width: 3, [2, 1, 0, 5, 4, 3]) }
    func testDown() { check(.down, width: 3, [5, 4, 3, 2, 1, 0]) }
    func testDownMirrored() { check(.downMirrored, width: 3, [3, 4, 5, 0, 1, 2]) }
    func testLeftMirroredIsATranspose() { check(.leftMirrored, width: 2, [0, 3, 1, 4, 2, 5]) }
    func testRightRotatesClockwise() { check(.right, width: 2, [3, 0, 4, 1, 5, 2]) }
    func testRightMirroredIsATransverse() { check(.rightMirrored, width: 2, [5, 2, 4, 1, 3, 0]) }
    func testLeftRotatesCounterclockwise() { check(.left, width: 2, [2, 5, 1, 4, 0, 3]) }
}
