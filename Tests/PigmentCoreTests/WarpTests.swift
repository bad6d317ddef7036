import PigmentCore
import XCTest

final class WarpTests: XCTestCase {
    private let map = AffineTransform(a: 0.93, b: -0.21, c: 0.19, d: 0.95, tx: 6.3, ty: -2.7)

    private func randomPlane(width: Int, height: Int) -> Plane {
        var random = SystemRandomNumberGenerator()
        return Plane(width: width, height: height, samples: (0..<width * height).map { _ in Float.random(in: 0...1, using: &random) })
    }

    func testEachPlaneIsWarpedAsIfAlone() {
        let planes = (0..<3).map { _ in randomPlane(width: 41, height: 33) }
        let together = Warp.apply(planes, width: 45, height: 29, sourcePoint: map)
        for (k, plane) in planes.enumerated() {
            let alone = Warp.apply([plane], width: 45, height: 29, sourcePoint: map)
            XCTAssertEqual(together.planes[k], alone.planes[0], "plane \(k)")
            XCTAssertEqual(together.inside, alone.inside)
        }
    }

    func testThreadsDoNotChangeTheResult() {
        let planes = (0..<2).map { _ in randomPlane(width: 41, height: 33) }
        let one = Warp.apply(planes, width: 45, height: 29, sourcePoint: map, threads: 1)
        for threads in [2, 3, 64] {
            let many = Warp.apply(planes, width: 45, height: 29, sourcePoint: map, threads: threads)
            XCTAssertEqual(many.planes, one.planes, "\(threads) threads")
            XCTAssertEqual(many.inside, one.inside, "\(threads) threads")
        }
    }

    func testPixelsWhoseSourceLiesOutsideAreZeroAndUnset() {
        let plane = Plane(width: 10, height: 10, value: 1)
        let shifted = AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: 5, ty: 0)
        let warped = Warp.apply([plane], width: 10, height: 10, sourcePoint: shifted, threads: 2)
        for y in 0..<10 {
            for x in 0..<10 {
                // Pixel centre x + 0.5 maps to x + 5.5; the last source centre is 9.5.
                let inside = x + 5 <= 9
                XCTAssertEqual(warped.inside[x, y], inside, "(\(x), \(y))")
                XCTAssertEqual(warped.planes[0][x, y], inside ? 1 : 0, accuracy: 1e-6, "(\(x), \(y))")
            }
        }
    }
}
