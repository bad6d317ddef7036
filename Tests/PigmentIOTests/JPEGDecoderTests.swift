import Foundation
import PigmentCore
import PigmentIO
import XCTest

/// JPEG decoding: baseline, progressive, gray, CMYK refusal and EXIF orientation
/// (fixtures written by Pillow, an independent encoder).
final class JPEGDecoderTests: XCTestCase {
    let decoder = ImageDecoder()

    func decode(_ name: String) throws -> LinearImage { try decoder.decode(FixturePaths.decoding("jpeg/\(name)")) }

    func meanAbsoluteDifference(_ a: Plane, _ b: Plane) -> Double {
        zip(a.samples, b.samples).reduce(0.0) { $0 + Double(abs($1.0 - $1.1)) } / Double(a.count)
    }

    func testBaselineMatchesTheLosslessReference() throws {
        let jpeg = try decode("baseline.jpg"), reference = try decode("reference.png")
        XCTAssertEqual(jpeg.width, 64)
        XCTAssertEqual(jpeg.height, 48)
        for (a, b) in [(jpeg.red, reference.red), (jpeg.green, reference.green), (jpeg.blue, reference.blue)] {
            XCTAssertLessThan(meanAbsoluteDifference(a, b), 0.01)
        }
    }

    func testProgressiveDecodesLikeBaseline() throws {
        let progressive = try decode("progressive.jpg"), baseline = try decode("baseline.jpg")
        XCTAssertLessThan(meanAbsoluteDifference(progressive.green, baseline.green), 1e-5)
        XCTAssertLessThan(meanAbsoluteDifference(progressive.blue, baseline.blue), 1e-5)
    }

    func testOneScanPerComponentDecodesExactlyLikeOneInterleavedScan() throws {
        // The same coefficients (jpegtran), read row by row per component.
        XCTAssertTrue(try decode("separate-scans.jpg") == decode("baseline.jpg"), "full size")
        for side in [8, 16, 40] {
            let path = { (name: String) in FixturePaths.decoding("jpeg/\(name)") }
            let reduced = try decoder.decode(path("separate-scans.jpg"), maxLongSide: side).image
            XCTAssertTrue(try reduced == decoder.decode(path("baseline.jpg"), maxLongSide: side).image, "long side \(side)")
        }
    }

    func testGrayHasEqualChannels() throws {
        let gray = try decode("gray.jpg")
        XCTAssertEqual(gray.red, gray.green)
        XCTAssertEqual(gray.green, gray.blue)
        XCTAssertNil(gray.opacity)
    }

    func testCMYKIsRefusedAsUnsupported() {
        XCTAssertThrowsError(try decode("cmyk.jpg")) { error in
            guard case .unsupported(_, let reason)? = error as? ImageFileError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("CMYK"))
        }
    }

    func testEveryOrientationIsShownTheRightWayUp() throws {
        for orientation in 1...8 {
            let image = try decode("orientation-\(orientation).jpg")
            XCTAssertEqual(image.width, 48, "orientation \(orientation)")
            XCTAssertEqual(image.height, 32, "orientation \(orientation)")
            XCTAssertGreaterThan(image.green[4, 4], 0.8, "white block top-left, orientation \(orientation)")
            XCTAssertLessThan(image.green[43, 27], 0.05, "black block bottom-right, orientation \(orientation)")
            XCTAssertEqual(image.green[43, 4], image.green[4, 27], accuracy: 0.02, "gray elsewhere, orientation \(orientation)")
        }
    }
}
