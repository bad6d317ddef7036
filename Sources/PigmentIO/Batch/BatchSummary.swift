/// `summary.csv`: per subject and visit, area and contrast, and their change
/// from the subject's first visit.
public enum BatchSummary {
    public static let header = "subject,visit,baseline_visit,status,pigmented_area_pct,pigmented_area_pp,contrast,contrast_pct,"
        + "hypopigmented_area_pct,hypopigmented_area_pp,unevenness,unevenness_pct,spot_count,alignment_quality"

    /// Rows from the baseline comparisons (the first visit as its own row, with
    /// no change) and from single pairs, sorted by subject and visit.
    public static func csv(of rows: [BatchRow]) -> String {
        func n(_ v: Double?) -> String { v.map { String(describing: $0) } ?? "" }
        var lines: [(key: String, line: String)] = []
        var firstVisits = Set<String>()
        for row in rows where row.reference != .previous {
            let base = row.reference == .baseline ? (row.beforeVisit ?? "") : ""
            guard let report = row.report else {
                let cells = [row.subject, row.visit, base, "failed"].map(CSV.escape) + Array(repeating: "", count: 10)
                lines.append((row.subject + "\u{0}" + row.visit, cells.joined(separator: ",")))
                continue
            }
            let before = report.before.measurement, after = report.after.measurement, change = report.change
            if row.reference == .baseline, firstVisits.insert(row.subject).inserted {
                let cells = [CSV.escape(row.subject), CSV.escape(base), CSV.escape(base), "ok",
                             n(before.pigmentedAreaPercent), "0", n(before.contrast), "0",
                             n(before.hypopigmentedAreaPercent), "0", n(before.unevenness), "0", "\(before.spotCount)", ""]
                lines.append((row.subject + "\u{0}" + base, cells.joined(separator: ",")))
            }
            let cells = [CSV.escape(row.subject), CSV.escape(row.visit), CSV.escape(base), "ok",
                         n(after.pigmentedAreaPercent), n(change.pigmentedAreaPoints), n(after.contrast), n(change.contrastPercent),
                         n(after.hypopigmentedAreaPercent), n(change.hypopigmentedAreaPoints), n(after.unevenness),
                         n(change.unevennessPercent), "\(after.spotCount)", n(report.alignment.quality)]
            lines.append((row.subject + "\u{0}" + row.visit, cells.joined(separator: ",")))
        }
        return header + "\n" + lines.sorted { $0.key < $1.key }.map { $0.line + "\n" }.joined()
    }
}
