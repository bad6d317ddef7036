import PigmentCore
import XCTest

/// The background follows slow tone changes but not spots.
final class LocalBackgroundTests: XCTestCase {
    func testBackgroundFollowsASmoothRampAwayFromTheBorder() {
        var plane = Plane(width: 200, height: 150)
        for y in 0..<150 { for x in 0..<200 { plane[x, y] = 0.5 + 0.001 * Float(x) + 0.0005 * Float(y) } }
        let background = LocalBackground.estimate(plane, valid: Mask(width: 200, height: 150), window: 32)
        var worst: Float = 0
        for y in 32..<118 { for x in 32..<168 { worst = max(worst, abs(plane[x, y] - background[x, y])) } }
        XCTAssertLessThan(worst, 0.001)
    }

    func testBorderBiasIsAtMostAThirdOfAWindowOfSlope() {
        // Windows are cut off at the frame's border, so within one window of it
        // their medians sit inwards: the documented limit of the background.
        var plane = Plane(width: 200, height: 150)
        for y in 0..<150 { for x in 0..<200 { plane[x, y] = 0.001 * Float(x) } }
        let background = LocalBackground.estimate(plane, valid: Mask(width: 200, height: 150), window: 32)
        let worst = zip(plane.samples, background.samples).map { abs($0 - $1) }.max() ?? 1
        XCTAssertLessThanOrEqual(worst, 0.001 * 32 / 3)
    }

    func testBackgroundIgnoresASpotSmallerThanTheWindow() {
        var plane = Plane(width: 200, height: 150, value: 0.8)
        for y in 65..<85 { for x in 90..<110 { plane[x, y] = 1.2 } }
        let background = LocalBackground.estimate(plane, valid: Mask(width: 200, height: 150), window: 64)
        XCTAssertEqual(background[100, 75], 0.8, accuracy: 0.01)
    }

    func testPixelsOutsideTheValidMaskAreIgnored() {
        var plane = Plane(width: 100, height: 100, value: 0.5)
        var valid = Mask(width: 100, height: 100)
        for y in 0..<100 { for x in 50..<100 { plane[x, y] = 9; valid[x, y] = false } }
        let background = LocalBackground.estimate(plane, valid: valid, window: 40)
        XCTAssertEqual(background[75, 50], 0.5, accuracy: 1e-6)
    }

    func testSampledMediansStayCloseToEveryPixelMedians() {
        // A phantom's textured, smoothed melanin map, as the analysis sees it.
        for seed: UInt64 in [131, 132] {
            let generator = PhantomGenerator(spec: PhantomSpec(seed: seed))
            let melanin = generator.melanin(at: .before)
            let skin = Mask(width: melanin.width, height: melanin.height)
            let side = max(melanin.width, melanin.height)
            let smooth = MaskedBlur.apply(melanin, mask: skin, sigma: 0.003 * Double(side))
            let window = Int((0.16 * Double(side)).rounded())
            let sampled = LocalBackground.estimate(smooth, valid: skin, window: window)
            let every = LocalBackground.estimate(smooth, valid: skin, window: window, samplesPerSide: window)
            let worst = zip(sampled.samples, every.samples).map { abs($0 - $1) }.max() ?? 1
            XCTAssertLessThan(worst, 0.002, "seed \(seed): 8 samples a side miss by 0.006; the contrast floor is 0.10")
        }
    }
}
