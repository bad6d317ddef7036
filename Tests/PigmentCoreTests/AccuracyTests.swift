import PigmentCore
import XCTest

/// Accuracy against phantom truth on seeds never used for tuning (tuning used 1–20).
final class AccuracyTests: XCTestCase {
    let analyzer = try! Analyzer()

    /// Both photos, measured as a pair (faint spots tracked across it).
    func measure(_ generator: PhantomGenerator) throws -> (before: PhotoMeasurement, after: PhotoMeasurement) {
        let pair = try analyzer.analyze(before: generator.render(.before), after: generator.render(.after), roi: generator.mask)
        return (pair.before.measurement, pair.after.measurement)
    }

    func assertWithinTolerance(seed: UInt64, treatment: Treatment, width: Int = 512, height: Int = 384,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let generator = PhantomGenerator(spec: PhantomSpec(seed: seed, width: width, height: height, treatment: treatment))
        let measured = try measure(generator)
        let broken = TruthTolerance.violations(before: measured.before, after: measured.after, truth: generator.truth())
        XCTAssertEqual(broken, [], "seed \(seed) \(treatment.rawValue)", file: file, line: line)
    }

    func testFadedSpotsKeepAreaAndLoseContrast() throws {
        for seed in UInt64(101)...103 { try assertWithinTolerance(seed: seed, treatment: .fade) }
    }

    func testShrunkSpotsLoseArea() throws {
        for seed in UInt64(104)...106 { try assertWithinTolerance(seed: seed, treatment: .shrink) }
    }

    func testClearedSpotsLoseArea() throws {
        for seed in UInt64(107)...109 { try assertWithinTolerance(seed: seed, treatment: .clear) }
    }

    func testNewLesionsAddArea() throws {
        for seed in UInt64(110)...112 { try assertWithinTolerance(seed: seed, treatment: .newLesion) }
    }

    func testMixedChangesAtTwoResolutions() throws {
        for seed in UInt64(113)...115 { try assertWithinTolerance(seed: seed, treatment: .mixed) }
        try assertWithinTolerance(seed: 116, treatment: .mixed, width: 1024, height: 768)
    }

    func testUnchangedSkinReadsNoChange() throws {
        let generator = PhantomGenerator(spec: PhantomSpec(seed: 117, treatment: .none))
        let measured = try measure(generator)
        let change = PigmentChange(before: measured.before, after: measured.after)
        XCTAssertEqual(change.pigmentedAreaPoints, 0, accuracy: 0.5)
        XCTAssertEqual(try XCTUnwrap(change.contrastPercent), 0, accuracy: 5)
    }

    func testSkinWithoutLesionsHasNoSpots() throws {
        let generator = PhantomGenerator(spec: PhantomSpec(seed: 118, darkerLesions: 0, faintLesions: 0, lighterLesions: 0))
        let measured = try analyzer.analyze(generator.render(.before), roi: generator.mask).measurement
        XCTAssertEqual(measured.spotCount, 0)
        XCTAssertEqual(measured.hypopigmentedSpotCount, 0)
        XCTAssertEqual(measured.contrast, 0)
    }

    func testUnevennessRanksLikeTheTrueMelaninSpread() throws {
        let generators = [0, 3, 6, 10].map {
            PhantomGenerator(spec: PhantomSpec(seed: 119, treatment: .none, darkerLesions: $0, faintLesions: 0, lighterLesions: 0))
        }
        let truth = generators.map { $0.truth().before.unevenness }
        let measured = try generators.map { try analyzer.analyze($0.render(.before), roi: $0.mask).measurement.unevenness }
        XCTAssertEqual(truth.indices.sorted { truth[$0] < truth[$1] }, measured.indices.sorted { measured[$0] < measured[$1] })
        XCTAssertEqual(truth, truth.sorted(), "cases are built with increasing spread")
    }
}
