import PigmentCore
import XCTest

/// Area averaging by a factor that need not be whole.
final class ResampleTests: XCTestCase {
    func testAreaAveragingByAFractionWeighsPartlyCoveredPixelsByTheirPart() {
        // 3 columns × 1 row by 1.5: the first output pixel is column 0 and half
        // of column 1, the second the other half of column 1 and column 2.
        let plane = Plane(width: 3, height: 3, samples: [0, 3, 6, 0, 3, 6, 0, 3, 6])
        let out = Resample.areaAveraged(plane, by: 1.5)
        XCTAssertEqual(out.width, 2)
        XCTAssertEqual(out.height, 2)
        for (value, expected) in zip(out.samples, [Float(1), 5, 1, 5]) { XCTAssertEqual(value, expected, accuracy: 1e-5) }
    }

    func testAreaAveragingKeepsTheMeanOfWhatItCovers() {
        let plane = Plane(width: 50, height: 40, samples: (0..<2000).map { Float(($0 * 37) % 101) })
        let out = Resample.areaAveraged(plane, by: 2.5)
        XCTAssertEqual(out.width, 20)
        XCTAssertEqual(out.height, 16)
        let mean = { (samples: [Float]) in samples.reduce(0, +) / Float(samples.count) }
        XCTAssertEqual(mean(out.samples), mean(plane.samples), accuracy: 1e-3)
    }

    func testAreaAveragingByAWholeFactorIsBinning() {
        let plane = Plane(width: 9, height: 6, samples: (0..<54).map { Float($0 * $0 % 17) })
        XCTAssertEqual(Resample.areaAveraged(plane, by: 3), Resample.binned(plane, by: 3))
    }
}
