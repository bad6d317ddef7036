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
}
