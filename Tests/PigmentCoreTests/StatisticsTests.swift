import PigmentCore
import XCTest

final class StatisticsTests: XCTestCase {
    func testQuantileIsTheSortedElementAtItsIndex() {
        var random = SystemRandomNumberGenerator()
        for count in [1, 2, 3, 10, 101, 1000] {
            // Few distinct values, so runs of equal elements are common.
            let values = (0..<count).map { _ in Float(Int.random(in: 0..<17, using: &random)) / 4 }
            let sorted = values.sorted()
            for q in [0, 0.1, 0.25, 0.5, 0.9, 1] {
                let index = min(count - 1, max(0, Int((q * Double(count - 1)).rounded())))
                XCTAssertEqual(Statistics.quantile(values, q), sorted[index], "n \(count), q \(q)")
            }
        }
        XCTAssertNil(Statistics.quantile([], 0.5))
    }

    func testQuantileOfALargeSampleIsTheSortedElementAtItsIndex() {
        var random = SystemRandomNumberGenerator()
        // Large enough for radix selection; negative, positive, repeated and signed-zero values.
        let values = (0..<50_000).map { i -> Float in
            i % 7 == 0 ? Float(Int.random(in: -3...3, using: &random)) * 0.5 : Float.random(in: -2...2, using: &random)
        } + [-0.0, 0.0, -Float.greatestFiniteMagnitude, Float.greatestFiniteMagnitude]
        let sorted = values.sorted()
        for q in [0, 0.001, 0.25, 0.5, 0.75, 0.999, 1] {
            let index = min(values.count - 1, max(0, Int((q * Double(values.count - 1)).rounded())))
            XCTAssertEqual(Statistics.quantile(values, q), sorted[index], "q \(q)")
        }
    }

    func testRobustSigmaIsTheScaledMedianAbsoluteDeviationOfTheMaskedValues() {
        var random = SystemRandomNumberGenerator()
        let values = (0..<40_001).map { _ in Float.random(in: -1...3, using: &random) }
        // Unmasked values are far off: they must not count.
        let mask = values.indices.map { $0 % 5 != 0 }
        let masked = zip(values, mask).map { $0 * ($1 ? 1 : 100) }
        let kept = zip(values, mask).filter(\.1).map(\.0)
        let index = Int((0.5 * Double(kept.count - 1)).rounded())
        let median = kept.sorted()[index]
        let deviations = kept.map { abs($0 - median) }.sorted()
        XCTAssertEqual(Statistics.robustSigma(of: Plane(width: masked.count, height: 1, samples: masked),
                                              where: Mask(width: mask.count, height: 1, bits: mask)),
                       1.4826 * deviations[index])
        XCTAssertNil(Statistics.robustSigma(of: Plane(width: 2, height: 1, samples: [1, 2]), where: Mask(width: 2, height: 1, value: false)))
    }

    func testRobustSigmaWithASpacingReadsOnlyTheLatticeOfEverySpacingthRowAndColumn() {
        var random = SystemRandomNumberGenerator()
        let width = 301, height = 203, spacing = 3
        // Lattice pixels hold the sample; the pixels between them are far off and must not count.
        let onLattice = (0..<width * height).map { ($0 % width) % spacing == 0 && ($0 / width) % spacing == 0 }
        let samples = onLattice.map { $0 ? Float.random(in: -1...1, using: &random) : 1000 }
        let plane = Plane(width: width, height: height, samples: samples)
        let all = Mask(width: width, height: height)
        let lattice = Statistics.robustSigma(of: plane, where: Mask(width: width, height: height, bits: onLattice))
        XCTAssertEqual(Statistics.robustSigma(of: plane, where: all, spacing: spacing), lattice)
        XCTAssertNotEqual(Statistics.robustSigma(of: plane, where: all), lattice)
        XCTAssertEqual(Statistics.robustSigma(of: plane, minus: Plane(width: width, height: height), where: all, spacing: spacing),
                       lattice)
    }

    func testRobustSigmaOfANormalSampleIsItsSD() {
        var state: UInt64 = 12345
        func uniform() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) }
        let values = (0..<20000).map { _ in Float((-2 * log(uniform() + 1e-12)).squareRoot() * cos(2 * .pi * uniform()) * 0.3) }
        let plane = Plane(width: values.count, height: 1, samples: values)
        XCTAssertEqual(Double(Statistics.robustSigma(of: plane, where: Mask(width: values.count, height: 1))!), 0.3, accuracy: 0.01)
    }

    func testQuantileOfCloseValuesIsTheSortedElementAtItsIndex() {
        var random = SystemRandomNumberGenerator()
        // Values that share their high binary digits (as smooth skin does), runs of equal ones, both signs.
        let values = (0..<600).map { i -> Float in
            i % 5 == 0 ? Float(Int.random(in: -2...2, using: &random)) : 0.55 + Float.random(in: -0.01...0.01, using: &random)
        }
        let sorted = values.sorted()
        for q in [0, 0.002, 0.25, 0.499, 0.5, 0.75, 0.998, 1] {
            let index = min(values.count - 1, max(0, Int((q * Double(values.count - 1)).rounded())))
            XCTAssertEqual(Statistics.quantile(values, q), sorted[index], "q \(q)")
        }
    }

    func testMeanAndDeviationAreTheSamplesMeanAndPopulationDeviation() {
        var random = SystemRandomNumberGenerator()
        for count in [1, 7, 8, 9, 1001] {
            let values = (0..<count).map { _ in Float.random(in: 2...3, using: &random) }
            let mean = values.reduce(0.0) { $0 + Double($1) } / Double(count)
            let deviation = (values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(count)).squareRoot()
            let measured = Statistics.meanAndDeviation(values)
            XCTAssertEqual(measured?.mean ?? .nan, mean, accuracy: 1e-12, "n \(count)")
            XCTAssertEqual(measured?.deviation ?? .nan, deviation, accuracy: 1e-12, "n \(count)")
        }
        XCTAssertNil(Statistics.meanAndDeviation([]))
    }

    func testValuesAreThePlanesSamplesAtTheMaskInRowOrder() {
        let plane = Plane(width: 3, height: 2, samples: [1, 2, 3, 4, 5, 6])
        let mask = Mask(width: 3, height: 2, bits: [true, false, true, false, true, false])
        XCTAssertEqual(Statistics.values(of: plane, where: mask), [1, 3, 5])
        XCTAssertEqual(Statistics.values(of: plane, where: Mask(width: 3, height: 2, value: false)), [])
    }
}
