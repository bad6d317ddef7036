import CLCMS2
import CLibHEIF
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

    /// Asserts that `a` and `b` are within 0.02 of linear light of each other in every sample.
    private func assertWithinLinear(_ a: LinearImage, _ b: LinearImage, file: StaticString = #filePath, line: UInt = #line) {
        for (x, y) in [(a.red, b.red), (a.green, b.green), (a.blue, b.blue)] {
            XCTAssertLessThanOrEqual(zip(x.samples, y.samples).map { abs($0 - $1) }.max() ?? 1, 0.02, file: file, line: line)
        }
    }

    func testAHEICInDisplayP3ReadsAsTheLightOfItsSRGBSource() throws {
        // The gradient's colours stored as Display P3 codes with the profile,
        // rounded in P3 and by heif-enc (1.5 codes, at most 0.014 of linear
        // light a channel, up to 1.45 times that through the matrix back to
        // sRGB). Read as sRGB, its profile ignored, it was 0.03–0.18 off.
        assertWithinLinear(try ImageDecoder().decode(FixturePaths.decoding("heif/gradient-p3.heic")),
                           try ImageDecoder().decode(FixturePaths.decoding("heif/gradient.png")))
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

    /// Writes 8-bit RGB `codes` (interleaved) as a lossless HEIC whose colour
    /// is stated only by an nclx box: CICP `primaries` and `transfer`, coded
    /// as RGB (matrix 0). libheif's own encoder; heif-enc writes no nclx.
    private func writeNCLX(_ codes: [UInt8], width: Int, height: Int, primaries: Int, transfer: Int, to path: String) throws {
        let context = heif_context_alloc()
        defer { heif_context_free(context) }
        var image: OpaquePointer?
        XCTAssertEqual(heif_image_create(Int32(width), Int32(height), heif_colorspace_RGB, heif_chroma_interleaved_RGB,
                                         &image).code, heif_error_Ok)
        defer { heif_image_release(image) }
        XCTAssertEqual(heif_image_add_plane(image, heif_channel_interleaved, Int32(width), Int32(height), 8).code, heif_error_Ok)
        var stride: Int32 = 0
        let plane = try XCTUnwrap(heif_image_get_plane(image, heif_channel_interleaved, &stride))
        for y in 0..<height {
            for x in 0..<width * 3 { plane[y * Int(stride) + x] = codes[y * width * 3 + x] }
        }
        let nclx = try XCTUnwrap(heif_nclx_color_profile_alloc())
        defer { heif_nclx_color_profile_free(nclx) }
        XCTAssertEqual(heif_nclx_color_profile_set_color_primaries(nclx, UInt16(primaries)).code, heif_error_Ok)
        XCTAssertEqual(heif_nclx_color_profile_set_transfer_characteristics(nclx, UInt16(transfer)).code, heif_error_Ok)
        XCTAssertEqual(heif_nclx_color_profile_set_matrix_coefficients(nclx, 0).code, heif_error_Ok)
        nclx.pointee.full_range_flag = 1
        XCTAssertEqual(heif_image_set_nclx_color_profile(image, nclx).code, heif_error_Ok)
        var encoder: OpaquePointer?
        XCTAssertEqual(heif_context_get_encoder_for_format(context, heif_compression_HEVC, &encoder).code, heif_error_Ok)
        defer { heif_encoder_release(encoder) }
        XCTAssertEqual(heif_encoder_set_lossless(encoder, 1).code, heif_error_Ok)
        XCTAssertEqual(heif_encoder_set_parameter_string(encoder, "chroma", "444").code, heif_error_Ok)
        let options = try XCTUnwrap(heif_encoding_options_alloc())
        defer { heif_encoding_options_free(options) }
        options.pointee.output_nclx_profile = nclx
        options.pointee.macOS_compatibility_workaround_no_nclx_profile = 0
        XCTAssertEqual(heif_context_encode_image(context, image, encoder, options, nil).code, heif_error_Ok)
        XCTAssertEqual(heif_context_write_to_file(context, path).code, heif_error_Ok)
    }

    /// The gradient fixture's sRGB codes (64×48, interleaved) as Display P3
    /// codes, by lcms2 (8 bits in and out).
    private func gradientInDisplayP3() throws -> [UInt8] {
        let codes = ImageEncoder.srgb8(try ImageDecoder().decode(FixturePaths.decoding("heif/gradient.png")))
        let p3 = TestProfiles.rgb(TestProfiles.displayP3)
        let srgb = try XCTUnwrap(cmsCreate_sRGBProfile())
        defer { cmsCloseProfile(p3); cmsCloseProfile(srgb) }
        let transform = try XCTUnwrap(cmsCreateTransform(srgb, clcms2_type_rgb_8, p3, clcms2_type_rgb_8,
                                                         cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), 0))
        defer { cmsDeleteTransform(transform) }
        var out = [UInt8](repeating: 0, count: codes.count)
        cmsDoTransform(transform, codes, &out, cmsUInt32Number(codes.count / 3))
        return out
    }

    func testAHEICWhoseCodedPrimariesSayDisplayP3ReadsAsItsSRGBSource() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("p3-nclx.heic").path
        try writeNCLX(try gradientInDisplayP3(), width: 64, height: 48, primaries: 12, transfer: 13, to: path)
        // As the ICC fixture above; taken as sRGB, far more.
        assertWithinLinear(try ImageDecoder().decode(path), try ImageDecoder().decode(FixturePaths.decoding("heif/gradient.png")))
    }

    func testAHEICWhoseCodedTransferIsHDRIsRefused() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pq.heic").path
        try writeNCLX(try gradientInDisplayP3(), width: 64, height: 48, primaries: 9, transfer: 16, to: path)
        XCTAssertThrowsError(try ImageDecoder().decode(path)) { error in
            XCTAssertEqual(error as? ImageFileError, .unsupported(
                path: path, reason: "the stated transfer curve (CICP 16) is not supported (HDR images are not measured)"))
        }
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
