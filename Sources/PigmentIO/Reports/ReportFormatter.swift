import Foundation

/// Renders a comparison as text for people, or JSON and CSV for programs.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, csv
}

extension ComparisonReport {
    /// The report in `format`, ending with a newline.
    public func rendered(as format: ReportFormat) -> String {
        switch format {
        case .json: return json
        case .csv: return Self.csvHeader + "\n" + csvRow + "\n"
        case .text: return text
        }
    }

    /// Pretty-printed JSON with sorted keys.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static let csvHeader = [
        "before_file", "after_file", "width", "height", "roi_pixels",
        "before_baseline_melanin", "after_baseline_melanin",
        "before_pigmented_area_pct", "after_pigmented_area_pct", "pigmented_area_pp",
        "before_hypopigmented_area_pct", "after_hypopigmented_area_pct", "hypopigmented_area_pp",
        "before_contrast", "after_contrast", "contrast_pct",
        "before_unevenness", "after_unevenness", "unevenness_pct",
        "before_spot_count", "after_spot_count", "spot_count_change",
        "alignment", "alignment_quality", "overlap_pct", "dx", "dy", "rotation_deg", "scale",
    ].joined(separator: ",")

    /// One CSV row matching ``csvHeader`` (empty cells for undefined changes).
    public var csvRow: String {
        func n(_ v: Double?) -> String { v.map { String(describing: $0) } ?? "" }
        let before = self.before.measurement, after = self.after.measurement
        let fields: [String] = [
            CSV.escape(self.before.file), CSV.escape(self.after.file), "\(before.width)", "\(before.height)", "\(before.roiPixels)",
            n(before.baselineMelanin), n(after.baselineMelanin),
            n(before.pigmentedAreaPercent), n(after.pigmentedAreaPercent), n(change.pigmentedAreaPoints),
            n(before.hypopigmentedAreaPercent), n(after.hypopigmentedAreaPercent), n(change.hypopigmentedAreaPoints),
            n(before.contrast), n(after.contrast), n(change.contrastPercent),
            n(before.unevenness), n(after.unevenness), n(change.unevennessPercent),
            "\(before.spotCount)", "\(after.spotCount)", "\(change.spotCount)",
            alignment.method, n(alignment.quality), n(alignment.overlapPercent), n(alignment.dx), n(alignment.dy),
            n(alignment.rotationDegrees), n(alignment.scale),
        ]
        return fields.joined(separator: ",")
    }

    /// A before/after/change table.
    public var text: String {
        let before = self.before.measurement, after = self.after.measurement
        func f(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }
        func signed(_ v: Double, _ digits: Int) -> String {
            let scale = pow(10, Double(digits))
            let rounded = (v * scale).rounded() / scale + 0  // + 0 turns -0 into 0
            return (rounded >= 0 ? "+" : "") + f(rounded, digits)
        }
        let rows: [[String]] = [
            ["metric", "before", "after", "change"],
            ["pigmented area (% of ROI)", f(before.pigmentedAreaPercent, 2), f(after.pigmentedAreaPercent, 2),
             signed(change.pigmentedAreaPoints, 2) + " pp"],
            ["hypopigmented area (% of ROI)", f(before.hypopigmentedAreaPercent, 2), f(after.hypopigmentedAreaPercent, 2),
             signed(change.hypopigmentedAreaPoints, 2) + " pp"],
            ["contrast (melanin units)", f(before.contrast, 3), f(after.contrast, 3),
             change.contrastPercent.map { signed($0, 1) + " %" } ?? "n/a"],
            ["unevenness (melanin SD)", f(before.unevenness, 4), f(after.unevenness, 4),
             change.unevennessPercent.map { signed($0, 1) + " %" } ?? "n/a"],
            ["dark spots", "\(before.spotCount)", "\(after.spotCount)", (change.spotCount >= 0 ? "+" : "") + "\(change.spotCount)"],
            ["baseline melanin (units)", f(before.baselineMelanin, 3), f(after.baselineMelanin, 3), signed(change.baselineMelanin, 3)],
        ]
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var out = "before: \(self.before.file)\nafter:  \(self.after.file)\n"
        out += "size \(before.width)x\(before.height), region of interest \(before.roiPixels) pixels\n"
        out += alignment.summary + "\n"
        for warning in warnings { out += "warning: \(warning)\n" }
        out += "\n"
        for (index, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                            : String(repeating: " ", count: widths[column] - cell.count) + cell
            }
            out += cells.joined(separator: "  ") + "\n"
            if index == 0 { out += String(repeating: "-", count: widths.reduce(0, +) + 6) + "\n" }
        }
        return out
    }
}
