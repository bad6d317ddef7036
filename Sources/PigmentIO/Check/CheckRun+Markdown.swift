/// A Markdown summary for CI job pages (GitHub's step summary, GitLab notes).
extension CheckRun {
    public var markdown: String {
        var out = passed
            ? "### pigment check: ✅ all \(fixtures.count) fixtures within tolerance\n\n"
            : "### pigment check: ❌ \(findings.count) problem\(findings.count == 1 ? "" : "s") in \(fixtures.count) fixtures\n\n"
        out += "\(evaluations.count) metrics compared with the baseline"
        out += accuracy.isEmpty ? ".\n" : "; \(accuracy.count) fixtures checked against their truth.\n"
        guard !passed else { return out }
        out += "\n| fixture | metric | baseline | now | diff | allowed | problem |\n|---|---|---:|---:|---:|---:|---|\n"
        for finding in findings {
            out += "| " + finding.row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
