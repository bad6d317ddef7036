import Foundation
import PigmentCore
import PigmentIO
import XCTest

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `pigment check`'s engine: drift against a baseline, truth accuracy, and
/// fixtures that appear, disappear or change.
final class RegressionCheckTests: XCTestCase {
    var root: URL!
    let check = RegressionCheck(comparison: try! PairComparison())

    override func setUpWithError() throws {
        root = try FixturePaths.temporaryFolder()
        try writePair("a", seed: 161)
        try writePair("nested/b", seed: 162)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func writePair(_ id: String, seed: UInt64) throws {
        let generator = PhantomGenerator(spec: PhantomSpec(seed: seed, width: 256, height: 192))
        try PhantomFiles.write(generator, to: root.appendingPathComponent(id).path,
                               before: .init(format: .png), after: .init(format: .png))
    }

    func baseline() throws -> Baseline { try check.run(root: root.path, baseline: nil).measured }

    func testPairsAreFoundInNestedFolders() throws {
        XCTAssertEqual(try FixturePair.discover(in: root.path).map(\.id), ["a", "nested/b"])
    }

    func testUnchangedFixturesPass() throws {
        let run = try check.run(root: root.path, baseline: try baseline())
        XCTAssertTrue(run.passed, "\(run.findings)")
        XCTAssertEqual(run.evaluations.count, 40)
        XCTAssertEqual(run.accuracy.keys.sorted(), ["a", "nested/b"])
    }

    func testMetricBeyondToleranceIsADriftNamingFixtureAndMetric() throws {
        var stored = try baseline()
        stored.fixtures["a"]?.metrics["before.contrast"]! += 0.01
        let run = try check.run(root: root.path, baseline: stored)
        XCTAssertEqual(run.findings.map(\.kind), [.drift])
        XCTAssertEqual(run.findings.first?.fixture, "a")
        XCTAssertEqual(run.findings.first?.metric, "before.contrast")
        XCTAssertTrue(run.text.contains("before.contrast"))
    }

    func testMetricWithinToleranceStillPasses() throws {
        var stored = try baseline()
        stored.fixtures["a"]?.metrics["before.pigmented_area_pct"]! += 0.01  // default allows ±0.02
        XCTAssertTrue(try check.run(root: root.path, baseline: stored).passed)
    }

    func testPerFixtureToleranceOverridesTheDefault() throws {
        var stored = try baseline()
        stored.fixtures["a"]?.metrics["before.pigmented_area_pct"]! += 0.5
        stored.fixtures["a"]?.tolerances = ["before.pigmented_area_pct": Tolerance(absolute: 1)]
        XCTAssertTrue(try check.run(root: root.path, baseline: stored).passed)
    }

    func testNewFixtureIsReported() throws {
        let stored = try baseline()
        try writePair("c", seed: 163)
        let run = try check.run(root: root.path, baseline: stored)
        XCTAssertEqual(run.findings.map(\.kind), [.newFixture])
        XCTAssertEqual(run.findings.first?.fixture, "c")
    }

    func testMissingFixtureIsReported() throws {
        let stored = try baseline()
        try FileManager.default.removeItem(at: root.appendingPathComponent("nested"))
        let run = try check.run(root: root.path, baseline: stored)
        XCTAssertEqual(run.findings.map(\.kind), [.missingFixture])
        XCTAssertEqual(run.findings.first?.fixture, "nested/b")
    }

    func testChangedFixtureFileIsReported() throws {
        let stored = try baseline()
        let mask = root.appendingPathComponent("a/mask.png")
        var pixels = Mask(width: 256, height: 192)
        pixels[0, 0] = false
        try ImageEncoder.writePNG(pixels, to: mask.path)
        let run = try check.run(root: root.path, baseline: stored)
        XCTAssertTrue(run.findings.contains { $0.kind == .changedFiles && $0.fixture == "a" && $0.message.contains("mask.png") })
    }

    func testChangedSettingsAreReported() throws {
        let stored = try baseline()
        var settings = AnalysisSettings.standard
        settings.backgroundWindow = 0.2
        let other = RegressionCheck(comparison: try PairComparison(settings: settings))
        let run = try other.run(root: root.path, baseline: stored)
        XCTAssertEqual(run.findings.first?.kind, .settingsChanged)
        XCTAssertTrue(run.findings.first?.message.contains("background_window 0.16 → 0.2") ?? false)
    }

    func testBrokenTruthAccuracyIsReported() throws {
        let truthPath = root.appendingPathComponent("a/truth.json")
        var truth = try PhantomFiles.readTruth(truthPath.path)
        truth.before.pigmentedAreaPercent += 5
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try encoder.encode(truth).write(to: truthPath)
        let run = try check.run(root: root.path, baseline: nil)
        XCTAssertTrue(run.findings.contains { $0.kind == .accuracy && $0.fixture == "a" })
    }

    func testUnreadableFixtureIsReportedAndTheRestStillChecked() throws {
        let stored = try baseline()
        try Data("not a png".utf8).write(to: root.appendingPathComponent("a/after.png"))
        let run = try check.run(root: root.path, baseline: stored)
        XCTAssertTrue(run.hasUnreadable)
        XCTAssertEqual(run.evaluations.filter { $0.fixture == "nested/b" }.count, 20)
    }

    func testBaselineRoundTripsThroughJSON() throws {
        let stored = try baseline()
        let path = root.appendingPathComponent("baseline.json").path
        try AtomicFile.write(stored.json, to: path)
        XCTAssertEqual(try Baseline.read(path), stored)
    }

    func testJUnitIsWellFormedAndCountsMatch() throws {
        var stored = try baseline()
        stored.fixtures["a"]?.metrics["after.unevenness"]! += 1
        let run = try check.run(root: root.path, baseline: stored)
        let data = Data(run.junit.utf8)
        final class Counter: NSObject, XMLParserDelegate {
            var testcases = 0, failures = 0, declared: [String: String] = [:]
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "testcase" { testcases += 1 }
                if name == "failure" { failures += 1 }
                if name == "testsuite" { declared = attributes }
            }
        }
        let parser = XMLParser(data: data)
        let counter = Counter()
        parser.delegate = counter
        XCTAssertTrue(parser.parse(), "well-formed XML")
        XCTAssertEqual(counter.testcases, 40 + 2)
        XCTAssertEqual(counter.failures, 1)
        XCTAssertEqual(counter.declared["tests"], "42")
        XCTAssertEqual(counter.declared["failures"], "1")
    }

    func testToleranceIsTheLargerOfAbsoluteAndRelative() {
        XCTAssertEqual(Tolerance(absolute: 0.1, relative: 0.01).allowed(around: 2), 0.1)
        XCTAssertEqual(Tolerance(absolute: 0.1, relative: 0.1).allowed(around: -5), 0.5)
        XCTAssertEqual(Tolerance().allowed(around: 3), 0)
    }
}
