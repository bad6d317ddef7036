import PigmentCore
import XCTest

/// Masked smoothing mixes only pixels inside the mask, the same way for every plane.
final class MaskedBlurTests: XCTestCase {
    /// A 40×30 ramp with a bright square, and a mask with a hole in it.
    private let plane = Plane(width: 40, height: 30, samples: (0..<1200).map { (i: Int) -> Float in
        let (x, y) = (i % 40, i / 40)
        let square: Float = x > 20 && y > 10 && y < 20 ? 1 : 0
        return Float(x) * 0.01 + square
    })
    private let mask = Mask(width: 40, height: 30, bits: (0..<1200).map { (i: Int) -> Bool in
        let (x, y) = (i % 40, i / 40)
        return !(x > 5 && x < 12 && y > 4)
    })

    func testPixelsOutsideTheMaskKeepTheirValue() {
        let smooth = MaskedBlur.apply(plane, mask: mask, sigma: 2)
        for i in mask.bits.indices where !mask.bits[i] { XCTAssertEqual(smooth.samples[i], plane.samples[i]) }
    }

    func testAFlatRegionStaysFlatWhateverLiesOutsideTheMask() {
        let flat = Plane(width: 40, height: 30, samples: mask.bits.map { $0 ? 0.5 : 9 })
        let smooth = MaskedBlur.apply(flat, mask: mask, sigma: 2)
        for i in mask.bits.indices where mask.bits[i] { XCTAssertEqual(smooth.samples[i], 0.5, accuracy: 1e-5) }
    }

    func testSeveralPlanesAreEachSmoothedAsAlone() {
        let other = Plane(width: 40, height: 30, samples: plane.samples.map { 1 - $0 * $0 })
        let both = MaskedBlur.apply([plane, other], mask: mask, sigma: 2)
        XCTAssertEqual(both[0], MaskedBlur.apply(plane, mask: mask, sigma: 2))
        XCTAssertEqual(both[1], MaskedBlur.apply(other, mask: mask, sigma: 2))
    }

    /// Inside the mask each pixel is Σ g·v / Σ g over the mask's pixels,
    /// g the Gaussian of its distance: checked against that sum written out,
    /// with values of both signs outside the mask (which must count as nothing).
    func testInsideTheMaskEachPixelIsTheGaussianMeanOfTheMasksPixels() {
        let signed = Plane(width: 40, height: 30, samples: plane.samples.enumerated().map { $0.offset % 3 == 0 ? -$0.element : $0.element })
        let sigma = 1.5, radius = Int((3 * sigma).rounded(.up))
        let smooth = MaskedBlur.apply(signed, mask: mask, sigma: sigma)
        for y in 0..<30 {
            for x in 0..<40 where mask[x, y] {
                var sum = 0.0, weights = 0.0
                for yy in max(0, y - radius)...min(29, y + radius) {
                    for xx in max(0, x - radius)...min(39, x + radius) where mask[xx, yy] {
                        let g = exp(-Double((xx - x) * (xx - x) + (yy - y) * (yy - y)) / (2 * sigma * sigma))
                        sum += g * Double(signed.samples[yy * 40 + xx])
                        weights += g
                    }
                }
                XCTAssertEqual(Double(smooth.samples[y * 40 + x]), sum / weights, accuracy: 1e-5, "(\(x), \(y))")
            }
        }
    }

    func testTheUnmaskedBlurIsTheBlurUnderAFullMask() {
        let full = MaskedBlur.apply(plane, mask: Mask(width: 40, height: 30), sigma: 2.5)
        let unmasked = MaskedBlur.apply(plane, sigma: 2.5)
        for (a, b) in zip(full.samples, unmasked.samples) { XCTAssertEqual(a, b, accuracy: 1e-5) }
    }
}
