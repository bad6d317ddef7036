import Foundation

extension CheckRun {
    /// A summary line, a table of every problem, and a closing count of test
    /// cases (as in the JUnit report): `check: N passed, N failed`.
    public var text: String {
        let cases = testCases
        let failed = cases.filter { $0.failure != nil }.count
        return problems + "check: \(cases.count - failed) passed, \(failed) failed\n"
    }

    private var problems: String {
        var out = passed
            ? "pigment check: all \(fixtures.count) fixtures within tolerance (\(evaluations.count) metrics"
                + (accuracy.isEmpty ? ")\n" : ", \(accuracy.count) checked against truth)\n")
            : "pigment check: \(findings.count) problem\(findings.count == 1 ? "" : "s") in \(fixtures.count) fixtures\n"
        guard !passed else { return out }
        let rows = [["fixture", "metric", "baseline", "now", "diff", "allowed", "problem"]] + findings.map(\.row)
        let widths = (0..<7).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            out += zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        return out
    }

    /// Machine-readable results.
    public var json: String {
        struct Summary: Encodable {
            var passed: Bool
            var fixtures: Int
            var metrics: Int
            var findings: [CheckFinding]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Summary(passed: passed, fixtures: fixtures.count, metrics: evaluations.count,
                                                 findings: findings))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension CheckFinding {
    /// Cells for the problem table.
    var row: [String] {
        func number(_ v: Double?) -> String { v.map { String(format: "%.6g", $0) } ?? "-" }
        let diff = (baseline != nil && now != nil) ? String(format: "%+.6g", now! - baseline!) : "-"
        let problem = kind == .drift ? kind.rawValue : "\(kind.rawValue): \(message)"
        return [fixture ?? "(all)", metric ?? "-", number(baseline), number(now), diff,
                allowed.map { String(format: "±%.6g", $0) } ?? "-", problem]
    }
}
