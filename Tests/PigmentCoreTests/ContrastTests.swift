import Foundation
import PigmentCore
import XCTest

/// Contrast is a spot's tone excess over the skin around it: linear in melanin,
/// blind to redness, and moved by a colour bias of the surrounding skin (what a
/// re-saved JPEG's block rounding makes) by tone's small colour weight, not
/// melanin's.
final class ContrastTests: XCTestCase {
    let vectors = AbsorptionVectors.standard
    let skin = RGB(0.4, 1.0, 1.4)
    let (width, height) = (512, 384)

    /// Skin with one spot of `amplitude` melanin units (profile 1/(1 + ρ⁶), so its
    /// half-maximum outline is ρ = 1), `around` added to the optical density
    /// outside that outline, and `redness` hemoglobin units with the spot's profile
    /// (an inflamed spot).
    func photo(amplitude: Double, around: RGB = RGB(0, 0, 0), redness: Double = 0) -> LinearImage {
        var planes = (0..<3).map { _ in Plane(width: width, height: height) }
        for y in 0..<height {
            for x in 0..<width {
                let rho = hypot(Double(x) - 256, Double(y) - 192) / 14
                let profile = 1 / (1 + pow(rho, 6))
                var od = skin + (amplitude * profile) * vectors.melanin + (redness * profile) * vectors.hemoglobin
                if rho > 1 { od = od + around }
                planes[0][x, y] = Float(exp(-od.r))
                planes[1][x, y] = Float(exp(-od.g))
                planes[2][x, y] = Float(exp(-od.b))
            }
        }
        return LinearImage(red: planes[0], green: planes[1], blue: planes[2])
    }

    func contrast(_ image: LinearImage) throws -> Double {
        let measured = try Analyzer().analyze(image, roi: Mask(width: width, height: height)).measurement
        XCTAssertEqual(measured.spotCount, 1)
        return measured.contrast
    }

    func testFadingASpotToSixtyPercentReadsMinusFortyPercent() throws {
        XCTAssertEqual(try contrast(photo(amplitude: 0.18)) / contrast(photo(amplitude: 0.3)), 0.6, accuracy: 0.02)
    }

    func testARedderSpotReadsTheSameContrast() throws {
        let reference = try contrast(photo(amplitude: 0.3))
        XCTAssertEqual(try contrast(photo(amplitude: 0.3, redness: 0.15)), reference, accuracy: 0.002)
    }

    func testAColourBiasOfTheSurroundingSkinMovesContrastByToneNotMelanin() throws {
        // About a quarter of a Cb code at skin levels: blue density up, green down,
        // brightness nearly the same.
        let bias = RGB(0, -0.00125, 0.0079)
        let decomposition = try XCTUnwrap(Decomposition(vectors: vectors))
        let reference = try contrast(photo(amplitude: 0.3))
        let moved = try contrast(photo(amplitude: 0.3, around: bias)) - reference
        XCTAssertEqual(moved, -decomposition.toneWeights.dot(bias), accuracy: 0.002)
        XCTAssertLessThan(abs(moved), 0.5 * decomposition.melaninWeights.dot(bias))
    }
}
