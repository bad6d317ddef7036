import PigmentCore
import XCTest

/// A spot found in one photo of a pair still counts in the other while it keeps
/// the tracking ratio of the threshold there (hysteresis across the pair), so
/// that a faint spot does not come and go with the noise of 8-bit colour.
final class PairTrackingTests: XCTestCase {
    let (width, height) = (512, 384)
    let floor = AnalysisSettings.standard.contrastFloor

    /// Flat skin with spots (centre, radius, excess) whose profile is
    /// excess / (1 + ρ⁶); melanin, darkness and tone agree (a clean photo).
    func maps(_ spots: [(x: Double, y: Double, radius: Double, excess: Double)]) -> PigmentMaps {
        var plane = Plane(width: width, height: height, value: 1)
        for y in 0..<height {
            for x in 0..<width {
                for spot in spots {
                    let rho = ((Double(x) - spot.x) * (Double(x) - spot.x) + (Double(y) - spot.y) * (Double(y) - spot.y))
                        .squareRoot() / spot.radius
                    plane[x, y] += Float(spot.excess / (1 + pow(rho, 6)))
                }
            }
        }
        return PigmentMaps(melanin: plane, darkness: plane, tone: plane)
    }

    func pair(_ before: PigmentMaps, _ after: PigmentMaps, ratio: Double = AnalysisSettings.standard.trackingRatio)
        throws -> (before: PhotoMeasurement, after: PhotoMeasurement) {
        let analyzer = try Analyzer(settings: AnalysisSettings(trackingRatio: ratio))
        let roi = Mask(width: width, height: height)
        let pair = PhotoAnalysis.tracked(before: try analyzer.analyze(before, roi: roi), after: try analyzer.analyze(after, roi: roi))
        return (pair.before.measurement, pair.after.measurement)
    }

    func testASpotBelowTheThresholdCountsWhereTheOtherPhotoHasIt() throws {
        let measured = try pair(maps([(200, 180, 12, 2 * floor)]), maps([(200, 180, 12, 0.85 * floor)]))
        XCTAssertEqual(measured.before.spotCount, 1)
        XCTAssertEqual(measured.after.spotCount, 1)
        XCTAssertEqual(measured.after.pigmentedAreaPercent, measured.before.pigmentedAreaPercent,
                       accuracy: 0.1 * measured.before.pigmentedAreaPercent, "a faded spot keeps its extent")
        XCTAssertEqual(measured.after.contrast / measured.before.contrast, 0.85 / 2, accuracy: 0.05, "and loses contrast")
    }

    func testTheSameSpotAloneDoesNotCount() throws {
        let measured = try pair(maps([]), maps([(200, 180, 12, 0.85 * floor)]))
        XCTAssertEqual(measured.after.spotCount, 0)
        XCTAssertEqual(measured.after.pigmentedAreaPercent, 0)
        XCTAssertEqual(measured.after.contrast, 0)
    }

    func testASpotBelowTheTrackingLevelDoesNotCount() throws {
        let measured = try pair(maps([(200, 180, 12, 2 * floor)]), maps([(200, 180, 12, 0.6 * floor)]))
        XCTAssertEqual(measured.after.spotCount, 0)
    }

    func testTwoFaintSpotsDoNotConfirmEachOther() throws {
        let measured = try pair(maps([(200, 180, 12, 0.85 * floor)]), maps([(200, 180, 12, 0.85 * floor)]))
        XCTAssertEqual(measured.before.spotCount, 0)
        XCTAssertEqual(measured.after.spotCount, 0)
    }

    func testAFaintSpotMostlyBesideTheOtherPhotosSpotDoesNotCount() throws {
        // Centres 16 px apart: about a fifth of its extent lies in the other photo's spot.
        let measured = try pair(maps([(200, 180, 12, 2 * floor)]), maps([(216, 180, 12, 0.85 * floor)]))
        XCTAssertEqual(measured.after.spotCount, 0)
    }

    func testLighterSpotsAreTrackedToo() throws {
        let measured = try pair(maps([(200, 180, 12, -2 * floor)]), maps([(200, 180, 12, -0.85 * floor)]))
        XCTAssertEqual(measured.after.hypopigmentedSpotCount, 1)
        XCTAssertEqual(measured.after.hypopigmentedAreaPercent, measured.before.hypopigmentedAreaPercent,
                       accuracy: 0.1 * measured.before.hypopigmentedAreaPercent)
    }

    func testARatioOfOneMeasuresEachPhotoOnItsOwn() throws {
        let measured = try pair(maps([(200, 180, 12, 2 * floor)]), maps([(200, 180, 12, 0.85 * floor)]), ratio: 1)
        XCTAssertEqual(measured.after.spotCount, 0)
    }
}
