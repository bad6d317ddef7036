import Foundation
import PigmentCore
import PigmentIO
import XCTest

/// Every PNG colour type and bit depth decodes to the values the fixture
/// script wrote (scripts/make-decoder-fixtures, `pattern`).
final class PNGDecoderTests: XCTestCase {
    let decoder = ImageDecoder()

    func pattern(_ x: Int, _ y: Int, _ c: Int, levels: Int) -> Int { (x * 7 + y * 13 + c * 5) * 997 % levels }

    func decode(_ name: String) throws -> LinearImage { try decoder.decode(FixturePaths.decoding("png/\(name)")) }

    /// Checks decoded colour (and opacity) against the pattern, in linear light.
    func assertPattern(_ name: String, channels: Int, depth: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let image = try decode(name)
        XCTAssertEqual(image.width, 19, file: file, line: line)
        XCTAssertEqual(image.height, 13, file: file, line: line)
        let levels = 1 << depth
        let hasAlpha = channels == 2 || channels == 4
        let colourChannels = hasAlpha ? channels - 1 : channels
        var worst = 0.0
        for y in 0..<13 {
            for x in 0..<19 {
                let i = y * 19 + x
                if hasAlpha {
                    let alpha = Double(pattern(x, y, channels - 1, levels: levels)) / Double(levels - 1)
                    XCTAssertEqual(Double(image.opacity?.samples[i] ?? 1), alpha, accuracy: 1e-4, file: file, line: line)
                    if alpha < 0.5 { continue }
                }
                let decoded = [image.red.samples[i], image.green.samples[i], image.blue.samples[i]]
                for c in 0..<3 {
                    let encoded = Double(pattern(x, y, colourChannels == 1 ? 0 : c, levels: levels)) / Double(levels - 1)
                    worst = max(worst, abs(Double(decoded[c]) - SRGB.decode(encoded)))
                }
            }
        }
        XCTAssertLessThan(worst, 0.004, "\(name): worst linear error", file: file, line: line)
    }

    func testGrayAtEveryBitDepth() throws {
        for depth in [1, 2, 4, 8, 16] { try assertPattern(String(format: "type0-%02dbit.png", depth), channels: 1, depth: depth) }
    }

    func testGrayWithAlpha() throws {
        for depth in [8, 16] { try assertPattern(String(format: "type4-%02dbit.png", depth), channels: 2, depth: depth) }
    }

    func testRGB() throws {
        for depth in [8, 16] { try assertPattern(String(format: "type2-%02dbit.png", depth), channels: 3, depth: depth) }
    }

    func testRGBA() throws {
        for depth in [8, 16] { try assertPattern(String(format: "type6-%02dbit.png", depth), channels: 4, depth: depth) }
    }

    func testInterlacedDecodesLikeNonInterlaced() throws {
        let names = ["type0-01bit", "type0-02bit", "type0-04bit", "type0-08bit", "type0-16bit",
                     "type2-08bit", "type2-16bit", "type4-08bit", "type4-16bit", "type6-08bit", "type6-16bit"]
        for name in names {
            XCTAssertEqual(try decode("\(name)-interlaced.png"), try decode("\(name).png"), name)
        }
    }

    func testPaletteAtEveryBitDepth() throws {
        for depth in [1, 2, 4, 8] {
            let image = try decode(String(format: "type3-%02dbit.png", depth))
            for (x, y) in [(0, 0), (5, 3), (18, 12)] {
                let index = pattern(x, y, 0, levels: 1 << depth)
                let colour = [(index * 37) % 256, (index * 91) % 256, (index * 53) % 256].map { SRGB.decode(Double($0) / 255) }
                let i = y * 19 + x
                XCTAssertEqual(Double(image.red.samples[i]), colour[0], accuracy: 0.002)
                XCTAssertEqual(Double(image.green.samples[i]), colour[1], accuracy: 0.002)
                XCTAssertEqual(Double(image.blue.samples[i]), colour[2], accuracy: 0.002)
            }
        }
    }

    func testPaletteTransparencyBecomesOpacity() throws {
        let image = try decode("type3-08bit-trns.png")
        let opacity = try XCTUnwrap(image.opacity)
        XCTAssertEqual(opacity[0, 0], 0, "index 0 is transparent")
        XCTAssertEqual(opacity[1, 0], 1)
        XCTAssertFalse(image.opaqueMask[0, 0])
    }

    func testSixteenBitPrecisionIsKept() throws {
        let image = try decode("type0-16bit-ramp.png")
        let row = (0..<19).map { image.green[$0, 0] }
        for x in 1..<19 { XCTAssertGreaterThan(row[x], row[x - 1], "codes \(32767 + x) and \(32768 + x) must differ") }
    }
}
