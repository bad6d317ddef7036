import Foundation
import PigmentCore
import PigmentIO
import XCTest

/// HEIC, the format phones save by default, read through libheif
/// (`Fixtures/decoding/heif`, written by libheif's own encoder, heif-enc).
final class HEIFDecoderTests: XCTestCase {
    /// Asserts that `a` and `b` are within one 8-bit sRGB code of each other in every sample.
    private func assertWithinACode(_ a: LinearImage, _ b: LinearImage, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.width, b.width, file: file, line: line)
        XCTAssertEqual(a.height, b.height, file: file, line: line)
        for (x, y) in [(a.red, b.red), (a.green, b.green), (a.blue, b.blue)] {
            let worst = zip(x.samples, y.samples).map { abs(SRGB.encode(Double($0)) - SRGB.encode(Double($1))) }.max() ?? 1
            XCTAssertLessThanOrEqual(worst * 255, 1.01, file: file, line: line)
        }
    }

    func testAHEICInDisplayP3ReadsAsTheLightOfItsSRGBSource() throws {
        // The gradient's colours stored as Display P3 codes with the profile,
        // rounded in P3 and by heif-enc (1.5 codes, at most 0.014 of linear
        // light a channel, up to 1.45 times that through the matrix back to
        // sRGB). Read as sRGB, its profile ignored, it was 0.03–0.18 off.
        let a = try ImageDecoder().decode(FixturePaths.decoding("heif/gradient-p3.heic"))
        let b = try ImageDecoder().decode(FixturePaths.decoding("heif/gradient.png"))
        for (x, y) in [(a.red, b.red), (a.green, b.green), (a.blue, b.blue)] {
            XCTAssertLessThanOrEqual(zip(x.samples, y.samples).map { abs($0 - $1) }.max() ?? 1, 0.02)
        }
    }

    func testALosslessHEICHoldsItsSourceColoursToACode() throws {
        // heif-enc's lossless mode (4:4:4, RGB) leaves some samples one code
        // off in this libheif; its own heif-convert reads the same.
        assertWithinACode(try ImageDecoder().decode(FixturePaths.decoding("heif/gradient.heic")),
                          try ImageDecoder().decode(FixturePaths.decoding("heif/gradient.png")))
    }

    func testATenBitHEICReadsTheSameLightAsEightBits() throws {
        // Its 10-bit codes are stretched to the 16-bit range; read as 16-bit
        // codes as they are, every value would be 64 times too small.
        assertWithinACode(try ImageDecoder().decode(FixturePaths.decoding("heif/gradient-10bit.heic")),
                          try ImageDecoder().decode(FixturePaths.decoding("heif/gradient.png")))
    }

    func testAHEICPairMeasuresWithinTheTruthTolerances() throws {
        let folder = FixturePaths.root.appendingPathComponent("decoding/heif/pair")
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        let measured = try PairComparison().measure(before: path("before.heic"), after: path("after.heic"), mask: path("mask.png"))
        let truth = try PhantomFiles.readTruth(path("truth.json"))
        XCTAssertEqual(TruthTolerance.violations(before: measured.before, after: measured.after, truth: truth,
                                                 alignment: measured.alignment.affine), [])
    }

    func testATruncatedHEICIsCorrupt() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = try Data(contentsOf: URL(fileURLWithPath: FixturePaths.decoding("heif/pair/before.heic")))
        let path = folder.appendingPathComponent("cut.heic").path
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ImageDecoder().decode(path)) { error in
            guard case .corrupt(let where_, .heif, _)? = error as? ImageFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(where_, path)
        }
    }

    func testAPictureOfAnotherSizeThanStatedIsCorrupt() throws {
        // libheif builds a grid image at the size its grid says, whatever the
        // file states (`ispe`): fuzzing found 5 KB stating 64×48 whose grid
        // said 16384×12288. The 10-bit fixture is a grid of one 64×48 tile;
        // here its grid (the `idat` box: version, flags, rows − 1, columns − 1,
        // width, height) says 128×96.
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: FixturePaths.decoding("heif/gradient-10bit.heic"))))
        let box = try XCTUnwrap((0..<bytes.count - 12).first { bytes[$0..<$0 + 4].elementsEqual("idat".utf8) })
        XCTAssertEqual(Array(bytes[box + 4..<box + 12]), [0, 0, 0, 0, 0, 64, 0, 48])
        bytes.replaceSubrange(box + 8..<box + 12, with: [0, 128, 0, 96])
        let path = folder.appendingPathComponent("grid-larger.heic").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ImageDecoder().decode(path)) { error in
            XCTAssertEqual(error as? ImageFileError,
                           .corrupt(path: path, format: .heif, reason: "the coded picture is 128x96, the file states 64x48"))
        }
    }

    func testAVideoInTheSameContainerIsNotAnImage() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // An MP4 starts with an `ftyp` box too, of another brand.
        let path = folder.appendingPathComponent("clip.heic").path
        try Data([0, 0, 0, 24] + Array("ftypmp42".utf8) + [0, 0, 0, 0] + Array("isommp42".utf8)).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ImageDecoder().decode(path)) { error in
            XCTAssertEqual(error as? ImageFileError, .notAnImage(path: path, reason: "not a PNG, JPEG or HEIF image"))
        }
    }
}
