import Foundation

/// `index.html` of a batch: one row per subject with thumbnails of the first
/// and latest visit, small charts of pigmented area and contrast over visits,
/// and links to each pair's report. Self-contained like ``HTMLReport``.
public enum BatchIndex {
    /// Long side of a thumbnail, pixels.
    public static let thumbnailSide = 240

    /// Where a pair's report and thumbnails live inside `folder`.
    public static func files(for id: String, in folder: String) -> (report: String, beforeThumbnail: String, afterThumbnail: String) {
        let stem = safeName(id)
        let url = URL(fileURLWithPath: folder)
        return (url.appendingPathComponent(stem + ".html").path, url.appendingPathComponent(stem + "-before.jpg").path,
                url.appendingPathComponent(stem + "-after.jpg").path)
    }

    /// A file name for a pair id: `/` becomes `--`, anything but letters,
    /// digits, `.`, `_` and `-` becomes `_`.
    public static func safeName(_ id: String) -> String {
        String(id.replacingOccurrences(of: "/", with: "--").map { c -> Character in
            c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "_" || c == "-") ? c : "_"
        })
    }

    /// The page for `rows`; reports and thumbnails are looked up in `reports`,
    /// a folder beside the page (links name it by its last path component).
    public static func page(rows: [BatchRow], reports: String) -> String {
        let esc = Markup.escape
        var html = HTMLReport.head + "<title>pigment batch</title>\n" + HTMLReport.style
        html += "<style>td, th { vertical-align: top; text-align: left !important; } .thumb img { width: 160px; height: auto; } svg { background: #fafafa; }</style>\n"
        html += "</head>\n<body>\n<h1>Pigmentation by subject</h1>\n"
        let failed = rows.filter { $0.status == .failed }.count
        html += "<p>\(rows.count) comparisons, \(failed) failed. Charts: pigmented area (% of skin, brown) and contrast "
            + "(melanin units, blue) at each visit, from the comparisons with the first visit.</p>\n"
        html += "<table>\n<tr><th>subject</th><th>first visit</th><th>latest visit</th><th>over visits</th><th>reports</th></tr>\n"
        let subjects = Dictionary(grouping: rows, by: \.subject)
        let relative = URL(fileURLWithPath: reports).lastPathComponent
        for subject in subjects.keys.sorted() {
            let all = subjects[subject]!.sorted { ($0.visit, $0.reference.rawValue) < ($1.visit, $1.reference.rawValue) }
            let timeline = all.filter { $0.reference != .previous && $0.report != nil }
            html += "<tr><td>\(esc(subject))</td>"
            for (row, before) in [(timeline.first, true), (timeline.last, false)] {
                html += "<td class=\"thumb\">"
                if let row {
                    let files = Self.files(for: row.id, in: reports)
                    if let data = FileManager.default.contents(atPath: before ? files.beforeThumbnail : files.afterThumbnail) {
                        let visit = before ? (row.beforeVisit ?? "before") : row.visit
                        html += "<img alt=\"\(esc(visit))\" src=\"data:image/jpeg;base64,\(data.base64EncodedString())\"><br>\(esc(visit))"
                    }
                }
                html += "</td>"
            }
            html += "<td>\(chart(timeline))</td><td>"
            for row in all {
                let label = "\(row.visit) vs \(row.beforeVisit ?? "before")"
                if row.status == .ok, FileManager.default.fileExists(atPath: files(for: row.id, in: reports).report) {
                    html += "<a href=\"\(esc(relative + "/" + safeName(row.id) + ".html"))\">\(esc(label))</a><br>"
                } else {
                    html += "\(esc(label)): \(esc(row.error ?? row.status.rawValue))<br>"
                }
            }
            html += "</td></tr>\n"
        }
        html += "</table>\n<footer>Made by pigment. A measuring aid, not a diagnosis.</footer>\n</body>\n</html>\n"
        return html
    }

    /// Two polylines over visits: area (left scale) and contrast (right scale).
    static func chart(_ timeline: [BatchRow]) -> String {
        var points: [(label: String, area: Double, contrast: Double)] = []
        if let first = timeline.first?.report, timeline.first?.reference == .baseline {
            points.append((timeline.first?.beforeVisit ?? "", first.before.measurement.pigmentedAreaPercent, first.before.measurement.contrast))
        }
        for row in timeline {
            guard let report = row.report else { continue }
            points.append((row.visit, report.after.measurement.pigmentedAreaPercent, report.after.measurement.contrast))
        }
        guard points.count >= 2 else { return "–" }
        let width = 260.0, height = 90.0, left = 28.0, right = 28.0, top = 12.0, bottom = 16.0
        let maxArea = max(points.map(\.area).max() ?? 1, 0.1) * 1.1, maxContrast = max(points.map(\.contrast).max() ?? 1, 0.01) * 1.1
        func x(_ i: Int) -> Double { left + (width - left - right) * Double(i) / Double(points.count - 1) }
        func y(_ v: Double, _ top: Double, _ scale: Double) -> Double { height - bottom - (height - bottom - top) * v / scale }
        func line(_ values: [Double], scale: Double, colour: String) -> String {
            let coordinates = values.enumerated().map { String(format: "%.1f,%.1f", x($0.offset), y($0.element, top, scale)) }
            return "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(coordinates.joined(separator: " "))\"/>"
                + values.enumerated().map { String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%@\"/>", x($0.offset), y($0.element, top, scale), colour) }.joined()
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"area and contrast over visits\">"
        svg += line(points.map(\.area), scale: maxArea, colour: "#a0522d") + line(points.map(\.contrast), scale: maxContrast, colour: "#2166ac")
        svg += String(format: "<text x=\"%.0f\" y=\"9\" font-size=\"9\" fill=\"#a0522d\">%.2f %%</text>", left, points[0].area)
        svg += String(format: "<text x=\"%.0f\" y=\"9\" font-size=\"9\" fill=\"#2166ac\" text-anchor=\"end\">%.3f</text>", width - right, points[0].contrast)
        for (i, p) in points.enumerated() {
            svg += "<text x=\(String(format: "\"%.1f\"", x(i))) y=\"\(Int(height - 3))\" font-size=\"9\" text-anchor=\"middle\">\(Markup.escape(p.label))</text>"
        }
        return svg + "</svg>"
    }
}
