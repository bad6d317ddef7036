import Foundation
import PigmentCore
import XCTest

/// The phantom generator is deterministic and its truth follows its own definitions.
final class PhantomTests: XCTestCase {
    func testSameSpecRendersTheSamePixels() {
        let spec = PhantomSpec(seed: 7, width: 128, height: 96)
        XCTAssertEqual(PhantomGenerator(spec: spec).render(.after), PhantomGenerator(spec: spec).render(.after))
    }

    func testDifferentSeedsRenderDifferentSkin() {
        XCTAssertNotEqual(PhantomGenerator(spec: PhantomSpec(seed: 1, width: 128, height: 96)).render(.before),
                          PhantomGenerator(spec: PhantomSpec(seed: 2, width: 128, height: 96)).render(.before))
    }

    func testTruthAreaOfOneLesionIsItsHalfMaximumFootprint() throws {
        let generator = PhantomGenerator(spec: PhantomSpec(seed: 3, treatment: .none, darkerLesions: 1, faintLesions: 0, lighterLesions: 0))
        let lesion = try XCTUnwrap(generator.lesions(at: .before).first)
        // Area inside ρ ≤ 1 for r(θ) = R(1 + w cos kθ) on an ellipse: πR²·aspect·(1 + w²/2).
        let analytic = Double.pi * lesion.radius * lesion.radius * lesion.aspect * (1 + lesion.wobble * lesion.wobble / 2)
        let truth = generator.truth()
        XCTAssertEqual(truth.before.pigmentedAreaPercent / 100 * Double(truth.roiPixels), analytic, accuracy: 0.04 * analytic)
    }

    func testFadeKeepsTrueAreaAndTakesFortyPercentOfContrast() throws {
        let truth = PhantomGenerator(spec: PhantomSpec(seed: 4, treatment: .fade, faintLesions: 0)).truth()
        XCTAssertEqual(truth.pigmentedAreaPoints, 0, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(truth.contrastPercent), -40, accuracy: 1e-6)
    }

    func testShrinkAndClearReduceTrueArea() {
        XCTAssertLessThan(PhantomGenerator(spec: PhantomSpec(seed: 5, treatment: .shrink)).truth().pigmentedAreaPoints, -0.5)
        XCTAssertLessThan(PhantomGenerator(spec: PhantomSpec(seed: 5, treatment: .clear)).truth().pigmentedAreaPoints, -0.5)
    }

    func testNewLesionAddsTrueArea() {
        XCTAssertGreaterThan(PhantomGenerator(spec: PhantomSpec(seed: 6, treatment: .newLesion)).truth().pigmentedAreaPoints, 0.1)
    }

    func testSomeLesionsSitJustAboveTheContrastFloor() {
        let spec = PhantomSpec(seed: 8)
        let faint = PhantomGenerator(spec: spec).lesions(at: .before).filter { $0.amplitude > 0 && $0.amplitude < 1.6 * spec.contrastFloor }
        XCTAssertEqual(faint.count, spec.faintLesions)
        XCTAssertTrue(faint.allSatisfy { $0.amplitude >= spec.contrastFloor })
    }

    /// Faint lesions (1.2–1.5 × the floor) faded to 60 % keep 0.72–0.9 of the
    /// floor: visible before, they still count after at the default tracking ratio (0.6).
    func testLesionsFadedBelowTheFloorButAboveTheTrackingLevelCountInTruth() {
        let spec = PhantomSpec(seed: 9, treatment: .fade, darkerLesions: 0, faintLesions: 2, lighterLesions: 0)
        let truth = PhantomGenerator(spec: spec).truth()
        XCTAssertEqual(truth.before.spotCount, 2)
        XCTAssertEqual(truth.after.spotCount, 2)
    }

    func testLesionsFadedBelowTheTrackingLevelDoNotCountInTruth() {
        let spec = PhantomSpec(seed: 9, treatment: .fade, darkerLesions: 0, faintLesions: 2, lighterLesions: 0,
                               trackingRatio: 0.95)
        XCTAssertEqual(PhantomGenerator(spec: spec).truth().after.spotCount, 0)
    }
}
