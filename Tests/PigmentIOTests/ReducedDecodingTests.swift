import Foundation
import PigmentCore
import PigmentIO
import XCTest

/// Decoding straight to the analysis size: JPEGs in the DCT domain, PNGs by
/// block averaging, both the right way up and with their full size known.
final class ReducedDecodingTests: XCTestCase {
    let decoder = ImageDecoder()

    func meanAbsoluteDifference(_ a: Plane, _ b: Plane) -> Double {
        zip(a.samples, b.samples).reduce(0.0) { $0 + Double(abs($1.0 - $1.1)) } / Double(a.count)
    }

    func testJPEGAtHalfScaleMatchesTheFullDecodeAveraged() throws {
        let path = FixturePaths.root.appendingPathComponent("pairs/fade/before.jpg").path
        let full = try decoder.decode(path)
        let half = try decoder.decode(path, maxLongSide: full.width / 2)
        XCTAssertEqual(half.image.width, full.width / 2)
        XCTAssertEqual(half.image.height, full.height / 2)
        XCTAssertEqual(half.scale, 0.5)
        XCTAssertEqual(half.fullWidth, full.width)
        for (a, b) in [(half.image.red, full.red), (half.image.green, full.green), (half.image.blue, full.blue)] {
            XCTAssertLessThan(meanAbsoluteDifference(a, Resample.binned(b, by: 2)), 0.002)
        }
    }

    func testJPEGPicksTheLargestEighthThatFits() throws {
        let path = FixturePaths.root.appendingPathComponent("pairs/fade/before.jpg").path  // 1024×768
        let reduced = try decoder.decode(path, maxLongSide: 700)
        XCTAssertEqual(reduced.scale, 5.0 / 8)  // 640 px; 6/8 would be 768
        XCTAssertEqual(reduced.image.width, 640)
        XCTAssertEqual(reduced.image.height, 480)
    }

    func testReducedJPEGIsTurnedByItsOrientationTag() throws {
        // Stored sideways with orientation 6; displayed 768×1024.
        let path = FixturePaths.root.appendingPathComponent("moved/portrait-rotated-tag/after.jpg").path
        let reduced = try decoder.decode(path, maxLongSide: 512)
        XCTAssertEqual(reduced.fullWidth, 768)
        XCTAssertEqual(reduced.fullHeight, 1024)
        XCTAssertEqual(reduced.image.width, 384)
        XCTAssertEqual(reduced.image.height, 512)
    }

    func testPNGIsBlockAveragedInLinearLight() throws {
        let path = FixturePaths.root.appendingPathComponent("pairs/png/before.png").path  // 512×384
        let full = try decoder.decode(path)
        let reduced = try decoder.decode(path, maxLongSide: 256)
        XCTAssertEqual(reduced.scale, 0.5)
        XCTAssertEqual(meanAbsoluteDifference(reduced.image.green, Resample.binned(full.green, by: 2)), 0, accuracy: 1e-6)
    }

    func testPNGReducedByBlockCentresTakesEachBlocksCentrePixel() throws {
        // 4×4 blocks in which only the centre pixel (2, 2) is white.
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("centres.png").path
        let bits = (0..<64 * 48).map { ($0 % 64) % 4 == 2 && ($0 / 64) % 4 == 2 }
        try ImageEncoder.writePNG(Mask(width: 64, height: 48, bits: bits), to: path)
        let centres = try decoder.decode(path, maxLongSide: 16, blocks: .centre)
        XCTAssertEqual(centres.image.width, 16)
        XCTAssertEqual(centres.scale, 0.25)
        XCTAssertEqual(Set(centres.image.green.samples), [1])
        let averaged = try decoder.decode(path, maxLongSide: 16)
        XCTAssertEqual(Set(averaged.image.green.samples), [1.0 / 16])
    }

    func testAMaskLargerThanTheAnalysisSizeIsReadAtBlockCentres() throws {
        // The fixture's 1024×768 photos are measured at 512×384, so each analysis
        // pixel covers a 2×2 block of the mask, whose centre is pixel (1, 1).
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pair = FixturePaths.root.appendingPathComponent("pairs/fade")
        let (before, after) = (pair.appendingPathComponent("before.jpg").path, pair.appendingPathComponent("after.jpg").path)
        let comparison = try PairComparison(analysisSize: 512)
        func mask(whiteColumns parity: Int) throws -> String {
            let path = folder.appendingPathComponent("mask\(parity).png").path
            try ImageEncoder.writePNG(Mask(width: 1024, height: 768, bits: (0..<1024 * 768).map { $0 % 2 == parity }), to: path)
            return path
        }
        // White on the centres' columns: all skin, as without a mask.
        XCTAssertEqual(try comparison.measure(before: before, after: after, mask: mask(whiteColumns: 1)).before.roiPixels,
                       try comparison.measure(before: before, after: after).before.roiPixels)
        // Half of every block is white, but no centre is: no skin (an average would have counted all).
        XCTAssertThrowsError(try comparison.measure(before: before, after: after, mask: mask(whiteColumns: 0))) { error in
            guard case ComparisonError.regionTooSmall(_, let pixels) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(pixels, 0)
        }
    }

    func testNumbersAtAReducedSizeStayWithinToleranceOfFullSize() throws {
        // The default size (1024) does not reduce the 1024-px fixtures, so
        // compare half size against full size instead: a stricter promise.
        let full = try PairComparison(analysisSize: nil), half = try PairComparison(analysisSize: 512)
        for name in ["pairs/fade", "pairs/mixed", "pairs/noisy", "moved/shift-rotate"] {
            let folder = FixturePaths.root.appendingPathComponent(name)
            let files = ["before.jpg", "after.jpg", "mask.png"].map { folder.appendingPathComponent($0).path }
            let a = try full.measure(before: files[0], after: files[1], mask: files[2])
            let b = try half.measure(before: files[0], after: files[1], mask: files[2])
            for (x, y) in [(a.before, b.before), (a.after, b.after)] {
                XCTAssertEqual(x.pigmentedAreaPercent, y.pigmentedAreaPercent, accuracy: 0.5, name)
                XCTAssertEqual(x.contrast / y.contrast, 1, accuracy: 0.05, name)
            }
            // The alignment is reported in full-size pixels either way.
            XCTAssertEqual(a.alignment.dx, b.alignment.dx, accuracy: 0.5, name)
            XCTAssertEqual(a.alignment.scale, b.alignment.scale, accuracy: 0.002, name)
        }
    }

    func testTheDefaultSizeMeasuresALargePhotoLikeFullSize() throws {
        // A 2400×1600 pair (seed 511, never used for tuning), with camera motion
        // and new lighting: the default size reads it at 900×600.
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = PhantomSpec(seed: 511, width: 2400, height: 1600,
                               after: Nuisance(exposure: 0.9, gradient: 0.3, gradientAngle: 0.4),
                               afterMotion: CameraMotion(dx: 30, dy: -18, rotationDegrees: 2))
        let jpeg = PhantomFiles.PhotoFormat(format: .jpeg)
        let files = try PhantomFiles.write(PhantomGenerator(spec: spec), to: folder.path, before: jpeg, after: jpeg)
        let reduced = try PairComparison().measure(before: files[0], after: files[1], mask: files[2])
        let full = try PairComparison(analysisSize: nil).measure(before: files[0], after: files[1], mask: files[2])
        XCTAssertEqual(reduced.before.width, 900)
        for (x, y) in [(full.before, reduced.before), (full.after, reduced.after)] {
            XCTAssertEqual(y.pigmentedAreaPercent, x.pigmentedAreaPercent, accuracy: 0.5)
            XCTAssertEqual(y.contrast / x.contrast, 1, accuracy: 0.05)
        }
        let (a, b) = (PigmentChange(before: full.before, after: full.after), PigmentChange(before: reduced.before, after: reduced.after))
        XCTAssertEqual(b.pigmentedAreaPoints, a.pigmentedAreaPoints, accuracy: 0.5)
        XCTAssertEqual(try XCTUnwrap(b.contrastPercent), try XCTUnwrap(a.contrastPercent), accuracy: 5)
    }
}
