import PigmentCore
import XCTest

/// A smooth map without spots (tone − melanin) is followed by quadratic surfaces:
/// curved light is matched across the holes spots leave, where window medians
/// sit on its convex side.
final class QuadraticBackgroundTests: XCTestCase {
    let (width, height) = (240, 180)

    /// A bowl (a vignette's curvature in density) plus `spot` inside a disc of
    /// radius 15 at (150, 80); `valid` leaves the disc out, `region` is the disc.
    func field(spot: Float = 0) -> (plane: Plane, valid: Mask, region: [Int]) {
        var plane = Plane(width: width, height: height)
        var valid = Mask(width: width, height: height), region: [Int] = []
        for y in 0..<height {
            for x in 0..<width {
                let dx = Float(x - 120), dy = Float(y - 90)
                let inside = (x - 150) * (x - 150) + (y - 80) * (y - 80) < 225
                plane[x, y] = 0.5 + 2e-5 * (dx * dx + dy * dy) + (inside ? spot : 0)
                valid[x, y] = !inside
                if inside { region.append(y * width + x) }
            }
        }
        return (plane, valid, region)
    }

    func testFollowsCurvedLightAcrossAHole() {
        let (plane, valid, region) = field()
        let background = QuadraticBackground(fitting: plane, valid: valid, window: 64, samplesPerSide: 16)
        XCTAssertEqual(background.excessSums(of: plane, over: [region])[0] / Double(region.count), 0, accuracy: 1e-4)
    }

    func testWindowMediansOfTheSameFieldSitOnItsConvexSide() {
        let (plane, valid, region) = field()
        let background = LocalBackground.estimate(plane, valid: valid, window: 64)
        var sum = 0.0
        for i in region { sum += Double(plane.samples[i] - background.samples[i]) }
        XCTAssertLessThan(sum / Double(region.count), -0.005)
    }

    func testReadsAnOffsetInsideTheHoleInFull() {
        let (plane, valid, region) = field(spot: 0.2)
        let background = QuadraticBackground(fitting: plane, valid: valid, window: 64, samplesPerSide: 16)
        XCTAssertEqual(background.excessSums(of: plane, over: [region])[0] / Double(region.count), 0.2, accuracy: 1e-4)
    }

    func testSumsEachRegionOnItsOwn() {
        let (plane, valid, region) = field(spot: 0.2)
        let sums = QuadraticBackground(fitting: plane, valid: valid, window: 64, samplesPerSide: 16)
            .excessSums(of: plane, over: [region, [0, 1, 2], []])
        XCTAssertEqual(sums[0] / Double(region.count), 0.2, accuracy: 1e-4)
        XCTAssertEqual(sums[1] / 3, 0, accuracy: 1e-3)
        XCTAssertEqual(sums[2], 0)
    }

    func testReadsTheExcessOnALatticeInRowOrder() {
        let (plane, valid, region) = field(spot: 0.2)
        let background = QuadraticBackground(fitting: plane, valid: valid, window: 64, samplesPerSide: 16)
        let inside = Set(region)
        var disc = Mask(width: width, height: height, value: false)
        for i in region { disc.bits[i] = true }
        let lattice = background.excess(of: plane, where: disc, spacing: 3)
        let expected = region.filter { ($0 % width) % 3 == 0 && ($0 / width) % 3 == 0 }
        XCTAssertEqual(lattice.count, expected.count)
        for (value, i) in zip(lattice, expected) {
            XCTAssert(inside.contains(i))
            XCTAssertEqual(Double(value), Double(plane.samples[i]) - background.value(x: i % width, y: i / width), accuracy: 1e-6)
            XCTAssertEqual(value, 0.2, accuracy: 1e-3)
        }
    }

    func testFitsADifferenceAsTheDifferencePlaneItself() {
        let (plane, valid, region) = field(spot: 0.2)
        var other = Plane(width: width, height: height)
        for i in other.samples.indices { other.samples[i] = 0.3 + 1e-3 * Float(i % 17) }
        let difference = plane.minus(other)
        let direct = QuadraticBackground(fitting: difference, valid: valid, window: 64, samplesPerSide: 16)
        let read = QuadraticBackground(fitting: plane, less: other, valid: valid, window: 64, samplesPerSide: 16)
        XCTAssertEqual(read.excessSums(of: plane, less: other, over: [region, [0, 1, 2]]),
                       direct.excessSums(of: difference, over: [region, [0, 1, 2]]))
        XCTAssertEqual(read.value(x: 150, y: 80), direct.value(x: 150, y: 80))
    }
}
