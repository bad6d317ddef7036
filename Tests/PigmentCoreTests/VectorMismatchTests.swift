import Foundation
import PigmentCore
import XCTest

/// Real cameras' colour vectors differ from the defaults. These tests render
/// with other vectors and analyse with the defaults, to show what that costs.
final class VectorMismatchTests: XCTestCase {
    let analyzer = try! Analyzer()

    /// Melanin falling as λ^−3.0 instead of λ^−3.5, hemoglobin with more red.
    let camera = AbsorptionVectors(melanin: AbsorptionVectors.melaninSpectrum(exponent: 3.0),
                                   hemoglobin: RGB(0.15, 1, 0.7))

    func testModerateMismatchKeepsAccuracyWithinTolerance() throws {
        for seed in UInt64(131)...133 {
            let generator = PhantomGenerator(spec: PhantomSpec(seed: seed, renderVectors: camera))
            let pair = try analyzer.analyze(before: generator.render(.before), after: generator.render(.after), roi: generator.mask)
            XCTAssertEqual(TruthTolerance.violations(before: pair.before.measurement, after: pair.after.measurement,
                                                     truth: generator.truth()), [], "seed \(seed)")
        }
    }

    func testMismatchLetsSomeRednessLeakIntoMelanin() throws {
        // With matching vectors redness is invisible; with mismatched ones part of it
        // reads as melanin. The leak must stay below the invariance limits.
        let generator = PhantomGenerator(spec: PhantomSpec(seed: 134, renderVectors: camera))
        let pair = try analyzer.analyze(before: generator.render(.before, nuisance: .none),
                                        after: generator.render(.before, nuisance: Nuisance(redness: 0.35)), roi: generator.mask)
        let plain = pair.before.measurement, red = pair.after.measurement
        XCTAssertNotEqual(red.baselineMelanin, plain.baselineMelanin, accuracy: 1e-4, "a mismatch is visible")
        XCTAssertEqual(red.pigmentedAreaPercent, plain.pigmentedAreaPercent, accuracy: 0.5)
        XCTAssertEqual(red.contrast / plain.contrast, 1, accuracy: 0.05)
    }
}
