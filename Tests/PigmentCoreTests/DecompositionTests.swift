import Foundation
import PigmentCore
import XCTest

/// Melanin must respond to melanin only: not to exposure, shading or redness.
final class DecompositionTests: XCTestCase {
    let vectors = AbsorptionVectors.standard

    /// A 4×1 image whose optical density is `density` in every pixel.
    func image(density: RGB, gain: Double = 1) -> LinearImage {
        func plane(_ od: Double) -> Plane { Plane(width: 4, height: 1, value: Float(gain * exp(-od))) }
        return LinearImage(red: plane(density.r), green: plane(density.g), blue: plane(density.b))
    }

    func maps(_ image: LinearImage) throws -> PigmentMaps {
        try XCTUnwrap(Decomposition(vectors: vectors)).maps(of: image)
    }

    func melanin(_ image: LinearImage) throws -> Float { try maps(image).melanin.samples[0] }

    func darkness(_ image: LinearImage) throws -> Float { try maps(image).darkness.samples[0] }

    let skin = RGB(0.4, 1.0, 1.4)

    func testExposureChangeDoesNotChangeMelanin() throws {
        XCTAssertEqual(try melanin(image(density: skin, gain: 0.8)), try melanin(image(density: skin)), accuracy: 1e-5)
    }

    func testAddedHemoglobinDoesNotChangeMelanin() throws {
        let red = skin + 0.3 * vectors.hemoglobin
        XCTAssertEqual(try melanin(image(density: red)), try melanin(image(density: skin)), accuracy: 1e-5)
    }

    func testAddedMelaninReadsInMelaninUnits() throws {
        let darker = skin + 0.2 * vectors.melanin
        XCTAssertEqual(try melanin(image(density: darker)) - melanin(image(density: skin)), 0.2, accuracy: 1e-5)
    }

    func testAddedMelaninDarkensByTheSameMelaninUnits() throws {
        let darker = skin + 0.2 * vectors.melanin
        XCTAssertEqual(try darkness(image(density: darker)) - darkness(image(density: skin)), 0.2, accuracy: 1e-5)
    }

    func testAddedHemoglobinAndShadingDarken() throws {
        let red = skin + 0.3 * vectors.hemoglobin
        XCTAssertGreaterThan(try darkness(image(density: red)) - darkness(image(density: skin)), 0.2)
        XCTAssertGreaterThan(try darkness(image(density: skin, gain: 0.8)) - darkness(image(density: skin)), 0.2)
    }

    func testAColourShiftWithoutLossOfBrightnessIsMelaninButNotDarkness() throws {
        // More blue density, less red, same mean: what a chroma error looks like.
        let shifted = skin + RGB(-0.02, 0, 0.02)
        XCTAssertGreaterThan(try melanin(image(density: shifted)) - melanin(image(density: skin)), 0.06)
        XCTAssertEqual(try darkness(image(density: shifted)) - darkness(image(density: skin)), 0, accuracy: 1e-5)
    }

    func tone(_ image: LinearImage) throws -> Float { try maps(image).tone.samples[0] }

    func testAddedHemoglobinDoesNotChangeTone() throws {
        let red = skin + 0.3 * vectors.hemoglobin
        XCTAssertEqual(try tone(image(density: red)), try tone(image(density: skin)), accuracy: 1e-5)
    }

    func testAddedMelaninRaisesToneByTheSameMelaninUnits() throws {
        let darker = skin + 0.2 * vectors.melanin
        XCTAssertEqual(try tone(image(density: darker)) - tone(image(density: skin)), 0.2, accuracy: 1e-5)
    }

    func testShadingRaisesTone() throws {
        // Tone takes shading to be as around the pixel: a darker exposure reads
        // darker, which the local background removes.
        XCTAssertGreaterThan(try tone(image(density: skin, gain: 0.8)) - tone(image(density: skin)), 0.2)
    }

    func testToneLeansOnColourLessThanMelaninDoes() throws {
        // The part of the weights across (1,1,1) is what a colour error (JPEG's
        // coarse chroma) is multiplied by.
        func colour(_ w: RGB) -> Double {
            let mean = (w.r + w.g + w.b) / 3
            return RGB(w.r - mean, w.g - mean, w.b - mean).length
        }
        let decomposition = try XCTUnwrap(Decomposition(vectors: vectors))
        XCTAssertLessThan(colour(decomposition.toneWeights), 0.6 * colour(decomposition.melaninWeights))
    }

    func testToneWeightsFollowCustomVectors() throws {
        let custom = try XCTUnwrap(AbsorptionVectors(parsing: "0.4,0.5,0.77;0.1,0.8,0.6"))
        let w = try XCTUnwrap(Decomposition(vectors: custom)).toneWeights
        XCTAssertEqual(w.dot(custom.melanin), 1, accuracy: 1e-9)
        XCTAssertEqual(w.dot(custom.hemoglobin), 0, accuracy: 1e-9)
    }

    func testVectorsAlongShadingAreRejected() {
        XCTAssertNil(AbsorptionVectors(parsing: "1,1,1;0.06,1,0.73"))
        XCTAssertNil(AbsorptionVectors(parsing: "0.7,1,1.7;0.7,1,1.7"))
        XCTAssertNil(AbsorptionVectors(parsing: "not vectors"))
    }

    func testParsedVectorsAreNormalised() throws {
        let parsed = try XCTUnwrap(AbsorptionVectors(parsing: "2,3,5;0.1,2,1.4"))
        XCTAssertEqual(parsed.melanin.length, 1, accuracy: 1e-12)
        XCTAssertEqual(parsed.hemoglobin.length, 1, accuracy: 1e-12)
    }

    func testDefaultVectorsFollowThePhysics() {
        let m = vectors.melanin, h = vectors.hemoglobin
        XCTAssertTrue(m.b > m.g && m.g > m.r, "melanin absorbance falls with wavelength")
        XCTAssertEqual(m.b / m.g, pow(465.0 / 540.0, -3.5), accuracy: 1e-9)
        XCTAssertTrue(h.g > h.b && h.b > h.r, "hemoglobin absorbs most in green, least in red")
    }
}
