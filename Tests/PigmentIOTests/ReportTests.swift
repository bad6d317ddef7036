import Foundation
import PigmentCore
import PigmentIO
import XCTest

/// The report formats carry every documented field.
final class ReportTests: XCTestCase {
    func measurement(area: Double, contrast: Double, spots: Int) -> PhotoMeasurement {
        PhotoMeasurement(width: 10, height: 8, roiPixels: 80, baselineMelanin: 1.5, pigmentedAreaPercent: area,
                         hypopigmentedAreaPercent: 0.5, contrast: contrast, unevenness: 0.04, spotCount: spots,
                         hypopigmentedSpotCount: 1, noise: 0.01, threshold: 0.1)
    }

    func report(before: PhotoMeasurement, after: PhotoMeasurement) -> ComparisonReport {
        ComparisonReport(before: PhotoReport(file: "a,b.jpg", measurement: before),
                         after: PhotoReport(file: "after.jpg", measurement: after),
                         change: PigmentChange(before: before, after: after),
                         alignment: AlignmentReport(method: "similarity",
                                                    transform: .similarity(scale: 1.02, degrees: 3, centre: (5, 4), target: (6, 5), dx: 1.5),
                                                    beforeSize: (10, 8), afterSize: (12, 10), quality: 0.6,
                                                    roiPixels: 80, coveredPixels: 76),
                         settings: SettingsReport(settings: .standard, alignment: .standard, analysisSize: 2048, mask: nil, maxPixels: 100))
    }

    func testJSONHasTheDocumentedShape() throws {
        let text = report(before: measurement(area: 4, contrast: 0.2, spots: 3), after: measurement(area: 3, contrast: 0.12, spots: 2)).json
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["before", "after", "change", "alignment", "warnings", "settings"])
        let before = try XCTUnwrap(object["before"] as? [String: Any])
        for key in ["file", "width", "height", "roi_pixels", "baseline_melanin", "pigmented_area_pct",
                    "hypopigmented_area_pct", "contrast", "unevenness", "spot_count"] {
            XCTAssertNotNil(before[key], key)
        }
        let change = try XCTUnwrap(object["change"] as? [String: Any])
        XCTAssertEqual(change["pigmented_area_pp"] as? Double, -1)
        XCTAssertEqual(try XCTUnwrap(change["contrast_pct"] as? Double), -40, accuracy: 1e-9)
        XCTAssertEqual(change["spot_count"] as? Int, -1)
        XCTAssertNotNil(change["unevenness_pct"])
        XCTAssertNotNil(change["baseline_melanin"])
    }

    func testJSONAlignmentHasTheDocumentedShape() throws {
        let text = report(before: measurement(area: 4, contrast: 0.2, spots: 3), after: measurement(area: 3, contrast: 0.12, spots: 2)).json
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let alignment = try XCTUnwrap(object["alignment"] as? [String: Any])
        XCTAssertEqual(alignment["method"] as? String, "similarity")
        XCTAssertEqual((alignment["transform"] as? [[Double]])?.count, 3)
        XCTAssertEqual(try XCTUnwrap(alignment["dx"] as? Double), 1.5, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(alignment["dy"] as? Double), 0, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(alignment["rotation_deg"] as? Double), 3, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(alignment["scale"] as? Double), 1.02, accuracy: 1e-6)
        XCTAssertEqual(alignment["quality"] as? Double, 0.6)
        XCTAssertEqual(alignment["overlap_pct"] as? Double, 95)
        XCTAssertEqual(alignment["excluded_pixels"] as? Int, 4)
    }

    func testTextShowsAlignmentOnOneLine() {
        let text = report(before: measurement(area: 4, contrast: 0.2, spots: 3), after: measurement(area: 3, contrast: 0.12, spots: 2)).text
        XCTAssertEqual(text.split(separator: "\n").filter { $0.hasPrefix("alignment: similarity") }.count, 1, text)
        XCTAssertTrue(text.contains("quality 0.60"), text)
    }

    func testRelativeChangeWithoutSpotsBeforeIsNull() throws {
        let text = report(before: measurement(area: 0, contrast: 0, spots: 0), after: measurement(area: 1, contrast: 0.2, spots: 1)).json
        XCTAssertTrue(text.contains("\"contrast_pct\" : null"))
    }

    func testCSVRowMatchesItsHeaderAndQuotesFileNames() {
        let r = report(before: measurement(area: 4, contrast: 0.2, spots: 3), after: measurement(area: 3, contrast: 0.12, spots: 2))
        let lines = r.rendered(as: .csv).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[1].hasPrefix("\"a,b.jpg\",after.jpg,"))
        XCTAssertEqual(lines[0].split(separator: ",").count, lines[1].replacingOccurrences(of: "\"a,b.jpg\"", with: "x").split(separator: ",", omittingEmptySubsequences: false).count)
    }

    func testTextTableShowsBeforeAfterAndChange() {
        let text = report(before: measurement(area: 4, contrast: 0.2, spots: 3), after: measurement(area: 3, contrast: 0.12, spots: 2)).text
        XCTAssertTrue(text.contains("pigmented area (% of ROI)"))
        XCTAssertTrue(text.contains("-1.00 pp"))
        XCTAssertTrue(text.contains("-40.0 %"))
    }
}
