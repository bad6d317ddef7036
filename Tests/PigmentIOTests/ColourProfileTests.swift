import CLCMS2
import Foundation
import PigmentCore
import PigmentIO
import XCTest

/// An embedded ICC profile says what a photo's colours mean: phones save
/// Display P3, whose red and green reach further than sRGB's, some cameras
/// Adobe RGB, and the same skin saved in any of them measures alike.
final class ColourProfileTests: XCTestCase {
    /// `image` (linear sRGB) in the linear space of `primaries` (Display P3
    /// unless given): each pixel through the matrix lcms2 makes between the two.
    private static func inLinear(_ image: LinearImage, _ primaries: cmsCIExyYTRIPLE = TestProfiles.displayP3) -> LinearImage {
        let from = TestProfiles.rgb(TestProfiles.srgb, linear: true), to = TestProfiles.rgb(primaries, linear: true)
        defer { cmsCloseProfile(from); cmsCloseProfile(to) }
        let transform = cmsCreateTransform(from, clcms2_type_rgb_float, to, clcms2_type_rgb_float,
                                           cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), 0)!
        defer { cmsDeleteTransform(transform) }
        var pixels = [Float](repeating: 0, count: image.width * image.height * 3)
        for i in 0..<image.width * image.height {
            pixels[3 * i] = image.red.samples[i]
            pixels[3 * i + 1] = image.green.samples[i]
            pixels[3 * i + 2] = image.blue.samples[i]
        }
        cmsDoTransform(transform, pixels, &pixels, cmsUInt32Number(image.width * image.height))
        let plane = { (c: Int) in
            Plane(width: image.width, height: image.height, samples: stride(from: c, to: pixels.count, by: 3).map { pixels[$0] })
        }
        return LinearImage(red: plane(0), green: plane(1), blue: plane(2))
    }

    func testAPhotoSavedInDisplayP3MeasuresLikeTheSameSkinInSRGB() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let analyzer = try Analyzer()
        for seed: UInt64 in [189, 190] {
            let generator = PhantomGenerator(spec: PhantomSpec(seed: seed, width: 1024, height: 768, treatment: .none))
            let scene = generator.render(.before)
            let plain = folder.appendingPathComponent("\(seed)-srgb.jpg").path
            let tagged = folder.appendingPathComponent("\(seed)-p3.jpg").path
            try ImageEncoder.writeJPEG(scene, to: plain)
            try ImageEncoder.writeJPEG(Self.inLinear(scene), to: tagged,
                                       options: .init(iccProfile: TestProfiles.bytes(of: TestProfiles.rgb(TestProfiles.displayP3))))
            let pair = try analyzer.analyze(before: ImageDecoder().decode(plain), after: ImageDecoder().decode(tagged),
                                            roi: generator.mask)
            let change = PigmentChange(before: pair.before.measurement, after: pair.after.measurement)
            XCTAssertEqual(change.pigmentedAreaPoints, 0, accuracy: 0.5, "seed \(seed)")
            XCTAssertEqual(try XCTUnwrap(change.contrastPercent), 0, accuracy: 5, "seed \(seed)")
            XCTAssertEqual(pair.after.measurement.baselineMelanin, pair.before.measurement.baselineMelanin, accuracy: 0.02,
                           "seed \(seed)")
        }
    }

    /// Asserts that two files hold the same light to within 8-bit rounding in
    /// either space: the median pixel of each channel within 1 % (0.3–0.5 % seen).
    private func assertSameLight(_ first: String, _ second: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (a, b) = (try ImageDecoder().decode(first), try ImageDecoder().decode(second))
        for (x, y) in [(a.red, b.red), (a.green, b.green), (a.blue, b.blue)] {
            let errors = zip(x.samples, y.samples).map { abs($0 - $1) / max($0, 0.01) }.sorted()
            XCTAssertLessThan(errors[errors.count / 2], 0.01, file: file, line: line)
        }
    }

    func testAPNGSavedInDisplayP3ReadsAsTheSameLight() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scene = PhantomGenerator(spec: PhantomSpec(seed: 190)).render(.before)
        let plain = folder.appendingPathComponent("srgb.png").path, tagged = folder.appendingPathComponent("p3.png").path
        try ImageEncoder.writePNG(scene, to: plain)
        try ImageEncoder.writePNG(Self.inLinear(scene), to: tagged,
                                  iccProfile: TestProfiles.bytes(of: TestProfiles.rgb(TestProfiles.displayP3)))
        // Read as sRGB, the P3 file's median pixel was 2.5–6.9 % off.
        try assertSameLight(plain, tagged)
    }

    func testAPNGWithAlphaKeepsItsOpacityWhenItsColourIsConverted() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scene = Self.inLinear(PhantomGenerator(spec: PhantomSpec(seed: 190)).render(.before))
        let rgb = ImageEncoder.srgb8(scene), count = scene.width * scene.height
        // Opaque on the left half, a quarter opaque on the right.
        let rgba = (0..<count).flatMap { (i: Int) -> [UInt8] in
            Array(rgb[3 * i..<3 * i + 3]) + [UInt8(i % scene.width < scene.width / 2 ? 255 : 64)]
        }
        let profile = TestProfiles.bytes(of: TestProfiles.rgb(TestProfiles.displayP3))
        let opaque = folder.appendingPathComponent("rgb.png").path, partly = folder.appendingPathComponent("rgba.png").path
        try ImageEncoder.writePNG(samples: rgb, width: scene.width, height: scene.height, channels: 3, to: opaque,
                                  iccProfile: profile)
        try ImageEncoder.writePNG(samples: rgba, width: scene.width, height: scene.height, channels: 4, to: partly,
                                  iccProfile: profile)
        let (a, b) = (try ImageDecoder().decode(opaque), try ImageDecoder().decode(partly))
        XCTAssertEqual(b.red, a.red)
        XCTAssertEqual(b.green, a.green)
        XCTAssertEqual(b.blue, a.blue)
        let opacity = try XCTUnwrap(b.opacity)
        XCTAssertEqual(opacity.samples[0], 1)
        XCTAssertEqual(opacity.samples[scene.width - 1], 64 / 255, accuracy: 1e-6)
    }

    func testAPNGSavedInAdobeRGBReadsAsTheSameLight() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scene = PhantomGenerator(spec: PhantomSpec(seed: 190)).render(.before)
        let adobe = Self.inLinear(scene, TestProfiles.adobeRGB)
        // 8-bit samples by Adobe RGB's own curve, interleaved.
        let samples = (0..<scene.width * scene.height).flatMap { i in
            [adobe.red, adobe.green, adobe.blue].map { UInt8((pow(min(max(Double($0.samples[i]), 0), 1), 1 / TestProfiles.adobeGamma) * 255).rounded()) }
        }
        let plain = folder.appendingPathComponent("srgb.png").path, tagged = folder.appendingPathComponent("adobe.png").path
        try ImageEncoder.writePNG(scene, to: plain)
        try ImageEncoder.writePNG(samples: samples, width: scene.width, height: scene.height, channels: 3, to: tagged,
                                  iccProfile: TestProfiles.bytes(of: TestProfiles.rgb(TestProfiles.adobeRGB, gamma: TestProfiles.adobeGamma)))
        // Read as sRGB, its median red was 12.6 % off.
        try assertSameLight(plain, tagged)
    }

    func testAnSRGBProfileChangesNothing() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scene = PhantomGenerator(spec: PhantomSpec(seed: 189)).render(.before)
        let plain = folder.appendingPathComponent("plain.jpg").path, tagged = folder.appendingPathComponent("tagged.jpg").path
        try ImageEncoder.writeJPEG(scene, to: plain)
        try ImageEncoder.writeJPEG(scene, to: tagged, options: .init(iccProfile: TestProfiles.bytes(of: cmsCreate_sRGBProfile())))
        XCTAssertEqual(try ImageDecoder().decode(tagged), try ImageDecoder().decode(plain))
    }

    func testAGrayProfileOnAColourPhotoIsRefused() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var white = TestProfiles.d65
        let gamma = cmsBuildGamma(nil, 2.2)!
        defer { cmsFreeToneCurve(gamma) }
        let path = folder.appendingPathComponent("gray-profile.jpg").path
        try ImageEncoder.writeJPEG(PhantomGenerator(spec: PhantomSpec(seed: 189)).render(.before), to: path,
                                   options: .init(iccProfile: TestProfiles.bytes(of: cmsCreateGrayProfile(&white, gamma)!)))
        XCTAssertThrowsError(try ImageDecoder().decode(path)) { error in
            XCTAssertEqual(error as? ImageFileError,
                           .unsupported(path: path, reason: "the embedded ICC profile is not an RGB profile"))
        }
    }

    func testAnUnreadableProfileIsRefused() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad-profile.jpg").path
        try ImageEncoder.writeJPEG(PhantomGenerator(spec: PhantomSpec(seed: 189)).render(.before), to: path,
                                   options: .init(iccProfile: Array("not an ICC profile".utf8)))
        XCTAssertThrowsError(try ImageDecoder().decode(path)) { error in
            XCTAssertEqual(error as? ImageFileError,
                           .unsupported(path: path, reason: "the embedded ICC profile cannot be read"))
        }
    }
}
