import PigmentCore
import XCTest

final class MaskTests: XCTestCase {
    /// A pixel is set after dilation by r exactly when some set pixel lies within r rows and r columns.
    func testDilationSetsEveryPixelWithinTheSquareOfASetPixel() {
        var random = SystemRandomNumberGenerator()
        for (width, height, radius) in [(17, 11, 1), (23, 19, 3), (9, 30, 4), (6, 5, 12), (1, 1, 2)] {
            let mask = Mask(width: width, height: height,
                            bits: (0..<(width * height)).map { _ in Int.random(in: 0..<25, using: &random) == 0 })
            let dilated = mask.dilated(by: radius)
            for y in 0..<height {
                for x in 0..<width {
                    var expected = false
                    for yy in max(0, y - radius)...min(height - 1, y + radius) {
                        for xx in max(0, x - radius)...min(width - 1, x + radius) where mask[xx, yy] { expected = true }
                    }
                    XCTAssertEqual(dilated[x, y], expected, "\(width)x\(height) r \(radius) at (\(x), \(y))")
                }
            }
        }
    }

    func testDilationByZeroChangesNothing() {
        let mask = Mask(width: 4, height: 3, bits: [false, true, false, false, false, false, false, true, true, false, false, false])
        XCTAssertEqual(mask.dilated(by: 0), mask)
    }

    func testAPlaneRuleSetsExactlyThePixelsWhereItHolds() {
        var random = SystemRandomNumberGenerator()
        // An odd size, so that no pixel is left to whole vectors alone.
        let plane = Plane(width: 37, height: 29, samples: (0..<37 * 29).map { _ in Float.random(in: -1...1, using: &random) })
        XCTAssertEqual(Mask(plane: plane) { abs($0) > 0.4 }.bits, plane.samples.map { abs($0) > 0.4 })
        XCTAssertEqual(Mask(plane: plane, threshold: 0.25).bits, plane.samples.map { $0 >= 0.25 })
    }

    func testLogicAndPopulationFollowThePixels() {
        var random = SystemRandomNumberGenerator()
        // Odd sizes, so no operation can rely on whole vectors.
        let (width, height) = (37, 29)
        let a = Mask(width: width, height: height, bits: (0..<width * height).map { _ in Bool.random(using: &random) })
        let b = Mask(width: width, height: height, bits: (0..<width * height).map { _ in Bool.random(using: &random) })
        XCTAssertEqual(a.intersection(b).bits, zip(a.bits, b.bits).map { $0 && $1 })
        XCTAssertEqual(a.union(b).bits, zip(a.bits, b.bits).map { $0 || $1 })
        XCTAssertEqual(a.subtracting(b).bits, zip(a.bits, b.bits).map { $0 && !$1 })
        XCTAssertEqual(a.inverted.bits, a.bits.map { !$0 })
        XCTAssertEqual(a.population, a.bits.filter { $0 }.count)
        XCTAssertEqual(Mask(width: width, height: height).population, width * height)
        XCTAssertEqual(Mask(width: width, height: height, value: false).population, 0)
    }
}
