import Foundation
import PigmentCore

/// A self-contained HTML page for one comparison: images embedded as data
/// URIs, CSS inline, no script and no network access (a Content-Security-Policy
/// forbids both).
public enum HTMLReport {
    /// Longest side of an embedded picture, in pixels.
    public static let maxPictureSide = 1600

    /// An `<img>` holding the picture as a data URI (JPEG for photos, PNG for maps).
    static func image(_ picture: RGBImage8, format: ImageFormat, alt: String, maxSide: Int = maxPictureSide) throws(ImageFileError) -> String {
        let data = try PictureFiles.encoded(picture.downscaled(toFit: maxSide), format: format, quality: 85)
        let mime = format == .png ? "image/png" : "image/jpeg"
        return "<img alt=\"\(Markup.escape(alt))\" src=\"data:\(mime);base64,\(data.base64EncodedString())\">"
    }

    static let head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        """

    static let style = """
        <style>
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 1100px; padding: 0 1em; color: #222; }
        h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { font-size: 1.2em; margin-top: 1.8em; }
        .files { color: #555; word-break: break-all; }
        .headline { font-size: 1.15em; background: #f4f1ea; padding: .8em 1em; border-radius: 6px; }
        .warning { background: #fff3cd; border-left: 4px solid #e0a800; padding: .5em 1em; margin: .5em 0; }
        table { border-collapse: collapse; margin: .5em 0; } td, th { padding: .3em .7em; border-bottom: 1px solid #ddd; text-align: right; }
        td:first-child, th:first-child, td.text { text-align: left; } td.note { color: #666; text-align: left; font-size: .9em; }
        figure { margin: 1em 0; } figure img { max-width: 100%; height: auto; border: 1px solid #ccc; }
        .pair { display: flex; gap: 1em; flex-wrap: wrap; } .pair figure { flex: 1 1 400px; }
        figcaption { color: #555; font-size: .9em; }
        .scale { display: flex; align-items: center; gap: .5em; font-size: .85em; color: #555; }
        .bar { width: 220px; height: 12px; border: 1px solid #999; }
        footer { margin-top: 2em; color: #777; font-size: .85em; }
        </style>
        """

    /// The page for `report`, with `pictures` when available.
    public static func page(_ report: ComparisonReport, pictures: PairPictures?) throws(ImageFileError) -> String {
        let before = report.before.measurement, after = report.after.measurement, change = report.change
        func f(_ v: Double, _ d: Int) -> String { String(format: "%.\(d)f", v) }
        func signed(_ v: Double, _ d: Int) -> String { (v >= 0 ? "+" : "−") + f(abs(v), d) }
        var html = head + "<title>pigment: \(Markup.escape(report.before.file)) → \(Markup.escape(report.after.file))</title>\n" + style + "</head>\n<body>\n"
        html += "<h1>Pigmentation before and after</h1>\n"
        html += "<p class=\"files\">before: <b>\(Markup.escape(report.before.file))</b><br>after: <b>\(Markup.escape(report.after.file))</b></p>\n"

        var headline = "Pigmented area: \(f(before.pigmentedAreaPercent, 2)) % → \(f(after.pigmentedAreaPercent, 2)) % of the skin "
            + "(\(signed(change.pigmentedAreaPoints, 2)) percentage points)."
        if let c = change.contrastPercent {
            let direction = c < 0 ? ", lighter" : c > 0 ? ", darker" : ""
            headline += " Spot darkness (contrast): \(f(before.contrast, 3)) → \(f(after.contrast, 3)) melanin units "
                + "(\(signed(c, 0)) %\(direction))."
        }
        headline += " Dark spots: \(before.spotCount) → \(after.spotCount)."
        html += "<p class=\"headline\">\(Markup.escape(headline))</p>\n"
        for warning in report.warnings { html += "<p class=\"warning\">Warning: \(Markup.escape(warning))</p>\n" }

        let a = report.alignment
        html += "<h2>Alignment</h2>\n<p>"
        if a.method == "none" {
            html += "Not aligned (--no-align): the photos were taken as already registered."
        } else {
            let verdict = (a.quality ?? 0) >= 0.5 ? "good" : (a.quality ?? 0) >= report.settings.minimumAlignmentQuality ? "fair" : "poor"
            html += Markup.escape(String(format: "The after photo was aligned onto the before photo (%@): shifted %+.1f, %+.1f px, turned %+.2f°, scaled ×%.4f. "
                                  + "Quality %.2f (%@; 0 = unrelated, 1 = identical structure); it covers %.1f %% of the skin measured.",
                                  a.method, a.dx, a.dy, a.rotationDegrees, a.scale, a.quality ?? 0, verdict, a.overlapPercent))
        }
        html += "</p>\n"

        html += "<h2>Numbers</h2>\n<table>\n<tr><th>metric</th><th>before</th><th>after</th><th>change</th><th>what it means</th></tr>\n"
        let rows: [(String, String, String, String, String)] = [
            ("pigmented area (% of skin)", f(before.pigmentedAreaPercent, 2), f(after.pigmentedAreaPercent, 2),
             signed(change.pigmentedAreaPoints, 2) + " pp", "share of the skin covered by darker spots, each out to where it is half as dark as its core"),
            ("contrast (melanin units)", f(before.contrast, 3), f(after.contrast, 3),
             change.contrastPercent.map { signed($0, 1) + " %" } ?? "n/a", "how much darker the spots are than the skin around them"),
            ("hypopigmented area (% of skin)", f(before.hypopigmentedAreaPercent, 2), f(after.hypopigmentedAreaPercent, 2),
             signed(change.hypopigmentedAreaPoints, 2) + " pp", "the same for lighter spots"),
            ("unevenness (melanin SD)", f(before.unevenness, 4), f(after.unevenness, 4),
             change.unevennessPercent.map { signed($0, 1) + " %" } ?? "n/a", "how unevenly tone is spread over the skin"),
            ("dark spots", "\(before.spotCount)", "\(after.spotCount)", (change.spotCount >= 0 ? "+" : "−") + "\(abs(change.spotCount))",
             "number of separate darker spots"),
            ("baseline melanin (units)", f(before.baselineMelanin, 3), f(after.baselineMelanin, 3), signed(change.baselineMelanin, 3),
             "typical skin melanin outside spots (also moves with white balance)"),
        ]
        for r in rows {
            html += "<tr><td>\(Markup.escape(r.0))</td><td>\(r.1)</td><td>\(r.2)</td><td>\(r.3)</td><td class=\"note\">\(Markup.escape(r.4))</td></tr>\n"
        }
        html += "</table>\n<p class=\"note\">Melanin units: optical density along the melanin direction; 0.1 makes light skin about 4 % darker. "
            + "\(before.roiPixels) pixels of skin measured at \(before.width)×\(before.height).</p>\n"

        if let p = pictures {
            html += "<h2>Where the spots are</h2>\n<p>Darker spots' extents are outlined in cyan, lighter spots' in magenta.</p>\n<div class=\"pair\">"
            html += "<figure>\(try image(p.outlineBefore, format: .jpeg, alt: "before, spots outlined"))<figcaption>before</figcaption></figure>"
            html += "<figure>\(try image(p.outlineAfter, format: .jpeg, alt: "after (aligned), spots outlined"))<figcaption>after, aligned</figcaption></figure></div>\n"
            html += "<h2>Where pigment changed</h2>\n<figure>\(try image(p.change, format: .png, alt: "change map"))"
            html += "<figcaption><div class=\"scale\">\(f(Double(-p.changeScale), 2)) (lighter)"
            html += "<span class=\"bar\" style=\"background: linear-gradient(to right, \(gradient(.change)))\"></span>"
            html += "+\(f(Double(p.changeScale), 2)) (darker) melanin units over the surrounding skin; gray: not measured</div></figcaption></figure>\n"
            html += "<h2>Melanin maps (same scale)</h2>\n<div class=\"pair\">"
            html += "<figure>\(try image(p.melaninBefore, format: .png, alt: "melanin map before"))<figcaption>before</figcaption></figure>"
            html += "<figure>\(try image(p.melaninAfter, format: .png, alt: "melanin map after"))<figcaption>after</figcaption></figure></div>\n"
            html += "<div class=\"scale\">\(f(Double(p.melaninRange.lowerBound), 2))"
            html += "<span class=\"bar\" style=\"background: linear-gradient(to right, \(gradient(.melanin)))\"></span>"
            html += "\(f(Double(p.melaninRange.upperBound), 2)) melanin units</div>\n"
            html += "<h2>The photos</h2>\n<figure>\(try image(p.sideBySide, format: .jpeg, alt: "before and aligned after"))"
            html += "<figcaption>before (left) and after, aligned into the before photo's frame (right)</figcaption></figure>\n"
        }

        html += "<h2>Settings</h2>\n<table>\n"
        let s = report.settings
        let settings: [(String, String)] = [
            ("melanin vector", s.melaninVector.map { f($0, 4) }.joined(separator: ", ")),
            ("hemoglobin vector", s.hemoglobinVector.map { f($0, 4) }.joined(separator: ", ")),
            ("threshold", "\(s.thresholdSigmas) × noise, at least \(s.contrastFloor) melanin units"),
            ("darkness confirms", s.confirmationSigmas.map { "within \($0) × its spread" } ?? "not used"),
            ("tracked across the pair", s.trackingRatio.map { "down to \($0) × the threshold" } ?? "no"),
            ("background window", "\(s.backgroundWindow) × long side"),
            ("smallest spot", "\(s.minimumSpotDiameter) × long side"),
            ("alignment", "\(s.alignment), minimum quality \(s.minimumAlignmentQuality)"),
            ("analysis size", s.analysisSize.map { "\($0) px" } ?? "full"),
            ("mask", s.mask ?? "none (whole frame)"),
        ]
        for (name, value) in settings { html += "<tr><td>\(Markup.escape(name))</td><td class=\"text\">\(Markup.escape(value))</td></tr>\n" }
        html += "</table>\n<footer>Made by pigment. A measuring aid, not a diagnosis.</footer>\n</body>\n</html>\n"
        return html
    }

    static func gradient(_ map: ColourMap) -> String {
        map.stops.map { "rgb(\($0.0), \($0.1), \($0.2))" }.joined(separator: ", ")
    }
}
