import Foundation
import PigmentCore
import PigmentIO
import XCTest

/// Every committed phantom pair (seeds never used for tuning), still or moved,
/// measures within the promised tolerances of its truth, alignment included.
final class FixturePairTests: XCTestCase {
    func testEveryFixturePairIsWithinTolerance() throws {
        let comparison = try PairComparison()
        let pairs = FixturePaths.pairs
        XCTAssertGreaterThanOrEqual(pairs.count, 10)
        for folder in pairs {
            let truthPath = folder.appendingPathComponent("truth.json").path
            let truth = try PhantomFiles.readTruth(truthPath)
            let files = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truthPath))) as? [String: Any]
            let names = try XCTUnwrap(files?["files"] as? [String: String])
            let path = { (key: String) in folder.appendingPathComponent(names[key] ?? "").path }
            let measured = try comparison.measure(before: path("before"), after: path("after"), mask: path("mask"))
            XCTAssertEqual(TruthTolerance.violations(before: measured.before, after: measured.after, truth: truth,
                                                     alignment: measured.alignment.affine), [],
                           folder.lastPathComponent)
        }
    }

    /// The pairs whose lesions do not change (exposure, white balance, lighting,
    /// a re-compressed after photo) keep every spot and stay within the
    /// invariance limits: area within 0.5 pp, contrast within 5 %.
    func testPhotographicChangesAloneKeepEverySpot() throws {
        let comparison = try PairComparison()
        var checked = 0
        for folder in FixturePaths.pairs {
            let truth = try PhantomFiles.readTruth(folder.appendingPathComponent("truth.json").path)
            guard truth.spec.treatment == .none else { continue }
            let path = { (name: String) in folder.appendingPathComponent(name).path }
            let measured = try comparison.measure(before: path("before.jpg"), after: path("after.jpg"), mask: path("mask.png"))
            let change = PigmentChange(before: measured.before, after: measured.after)
            let name = folder.lastPathComponent
            XCTAssertEqual(change.spotCount, 0, name)
            XCTAssertEqual(measured.after.hypopigmentedSpotCount, measured.before.hypopigmentedSpotCount, name)
            XCTAssertEqual(change.pigmentedAreaPoints, 0, accuracy: 0.5, name)
            XCTAssertEqual(try XCTUnwrap(change.contrastPercent), 0, accuracy: 5, name)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 4)
    }
}
