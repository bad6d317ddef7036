import PigmentCore
import XCTest

/// Extents follow the half-maximum rule; size, polarity and the ROI edge are respected.
final class SpotDetectorTests: XCTestCase {
    let size = 96

    func excessPlane(_ lesions: [Lesion]) -> Plane {
        var plane = Plane(width: size, height: size)
        for y in 0..<size {
            for x in 0..<size {
                plane[x, y] = Float(lesions.reduce(0) { $0 + $1.excess(x: Double(x), y: Double(y)) })
            }
        }
        return plane
    }

    func disc(amplitude: Double, radius: Double = 12, x: Double = 48, y: Double = 48) -> Lesion {
        Lesion(x: x, y: y, radius: radius, aspect: 1, angle: 0, wobble: 0, lobes: 3, phase: 0, amplitude: amplitude)
    }

    /// Detection where darkness confirms the melanin excess exactly, unless
    /// `darkness` says otherwise.
    func detect(_ plane: Plane, darkness: Plane? = nil, allowance: Float = 0, roi: Mask? = nil, seedable: Mask? = nil,
                bandReach: Int = 20, polarity: SpotDetector.Polarity = .darker, minimumArea: Int = 20) -> SpotMap {
        let all = Mask(width: size, height: size)
        return SpotDetector.detect(excess: plane, darkness: darkness ?? plane, allowance: allowance, roi: roi ?? all,
                                   seedable: seedable ?? roi ?? all, bandReach: bandReach, threshold: 0.1, minimumArea: minimumArea,
                                   polarity: polarity)
    }

    func testExtentIsTheHalfMaximumFootprint() {
        let spots = detect(excessPlane([disc(amplitude: 0.3)]))
        XCTAssertEqual(spots.spots.count, 1)
        XCTAssertEqual(Double(spots.extent.population), Double.pi * 144, accuracy: 0.04 * Double.pi * 144)
    }

    func testEvenlyFadedSpotKeepsItsExtent() {
        let strong = detect(excessPlane([disc(amplitude: 0.4)])).extent.population
        let faded = detect(excessPlane([disc(amplitude: 0.24)])).extent.population
        // Same outline to within half a pixel of radius (a ring of area πR).
        XCTAssertEqual(Double(faded), Double(strong), accuracy: Double.pi * 12)
    }

    func testCoreIsTheSpotsOwnDarkness() throws {
        let spot = try XCTUnwrap(detect(excessPlane([disc(amplitude: 0.3)])).spots.first)
        XCTAssertEqual(spot.core, 0.3, accuracy: 0.01)
    }

    func testSpotBelowThresholdIsNotFound() {
        XCTAssertTrue(detect(excessPlane([disc(amplitude: 0.09)])).spots.isEmpty)
    }

    func testColourWithoutLossOfBrightnessIsNotASpot() {
        let colour = excessPlane([disc(amplitude: 0.3)])
        XCTAssertTrue(detect(colour, darkness: Plane(width: size, height: size)).spots.isEmpty)
        XCTAssertTrue(detect(excessPlane([disc(amplitude: -0.3)]), darkness: Plane(width: size, height: size),
                             polarity: .lighter).spots.isEmpty)
    }

    func testRednessOverASpotDoesNotChangeItsCoreOrExtent() throws {
        // Redness darkens without adding melanin: darkness exceeds melanin, and
        // the melanin excess is what is measured.
        let melanin = excessPlane([disc(amplitude: 0.3)])
        let reddened = excessPlane([disc(amplitude: 0.3), disc(amplitude: 0.4, radius: 20)])
        let plain = detect(melanin), red = detect(melanin, darkness: reddened)
        XCTAssertEqual(red.extent, plain.extent)
        XCTAssertEqual(try XCTUnwrap(red.spots.first).core, try XCTUnwrap(plain.spots.first).core)
    }

    func testHalfConfirmedSpotReadsAtItsConfirmedExcess() throws {
        let spot = try XCTUnwrap(detect(excessPlane([disc(amplitude: 0.3)]),
                                        darkness: excessPlane([disc(amplitude: 0.15)])).spots.first)
        XCTAssertEqual(spot.core, 0.15, accuracy: 0.01)
    }

    func testDarknessWithinTheAllowanceConfirmsInFull() throws {
        let spot = try XCTUnwrap(detect(excessPlane([disc(amplitude: 0.3)]),
                                        darkness: excessPlane([disc(amplitude: 0.25)]), allowance: 0.05).spots.first)
        XCTAssertEqual(spot.core, 0.3, accuracy: 0.01)
        XCTAssertTrue(detect(excessPlane([disc(amplitude: 0.3)]), darkness: Plane(width: size, height: size),
                             allowance: 0.05).spots.isEmpty, "the allowance alone stays below the threshold")
    }

    func testSpotSmallerThanMinimumAreaIsIgnored() {
        XCTAssertTrue(detect(excessPlane([disc(amplitude: 0.3, radius: 2)]), minimumArea: 30).spots.isEmpty)
    }

    func testLighterSpotIsFoundOnlyWithLighterPolarity() {
        let plane = excessPlane([disc(amplitude: -0.3)])
        XCTAssertTrue(detect(plane, polarity: .darker).spots.isEmpty)
        XCTAssertEqual(detect(plane, polarity: .lighter).spots.count, 1)
    }

    func testTwoSeparateSpotsAreCountedApart() {
        let spots = detect(excessPlane([disc(amplitude: 0.3, radius: 8, x: 24, y: 24), disc(amplitude: 0.2, radius: 8, x: 70, y: 70)]))
        XCTAssertEqual(spots.spots.count, 2)
    }

    func testEdgeBandCannotSeedASpot() {
        var seedable = Mask(width: size, height: size)
        for y in 0..<size { for x in 0..<10 { seedable[x, y] = false } }
        let plane = excessPlane([disc(amplitude: 0.3, radius: 4, x: 4, y: 48)])
        XCTAssertTrue(detect(plane, seedable: seedable).spots.isEmpty)
    }

    /// A 10-px edge band along the left side, lighter or darker than the skin
    /// inside by bleed from outside the ROI.
    func leftBand() -> Mask {
        var seedable = Mask(width: size, height: size)
        for y in 0..<size { for x in 0..<10 { seedable[x, y] = false } }
        return seedable
    }

    func testSpotReachesIntoTheEdgeBand() {
        // A disc centred 14 px from the edge: its half-maximum footprint crosses
        // the 10-px band (without the band part it would cover about 320 px).
        let spots = detect(excessPlane([disc(amplitude: 0.3, x: 14, y: 48)]), seedable: leftBand())
        XCTAssertEqual(spots.spots.count, 1)
        XCTAssertEqual(Double(spots.extent.population), Double.pi * 144, accuracy: 0.06 * Double.pi * 144)
    }

    func testSpotDoesNotRunAlongTheEdgeBand() {
        // The band reads 0.2 all along (colour bled in from outside): a spot
        // touching it may enter it, not follow it down the whole edge.
        var plane = excessPlane([disc(amplitude: 0.3, x: 20, y: 48)])
        for y in 0..<size { for x in 0..<10 { plane[x, y] = 0.2 } }
        let spots = detect(plane, seedable: leftBand(), bandReach: 20)
        XCTAssertEqual(spots.spots.count, 1)
        var bandPixels = 0
        for y in 0..<size { for x in 0..<10 where spots.extent[x, y] { bandPixels += 1 } }
        XCTAssertGreaterThan(bandPixels, 0)
        XCTAssertLessThan(bandPixels, 10 * 60, "the band is 10 × 96 px; the spot meets it over about 20 rows")
    }
}
