import ArgumentParser
import Foundation
import PigmentIO

extension ReportFormat: ExpressibleByArgument {}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare pigmentation between a before and an after photo.",
        discussion: """
            The after photo is aligned onto the before photo (shift, rotation, scale; any size \
            or orientation), then both are measured by the same rule over the same skin: the \
            --mask (white = skin, in the before photo's frame), or the whole frame, less what \
            the after photo does not cover. Area is the share of skin covered by spots' \
            extents; contrast is how much darker they are than the skin around them, in \
            melanin units.
            """)

    @Argument(help: "The photo taken before treatment (JPEG, PNG or HEIC/HEIF/AVIF).")
    var before: String

    @Argument(help: "The photo taken after treatment (JPEG, PNG or HEIC/HEIF/AVIF).")
    var after: String

    @Option(help: "PNG mask in the before photo's frame: white = skin to measure.")
    var mask: String?

    @Option(help: "Report format: text, json or csv.")
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: "Write the report to this file (atomically) instead of stdout.")
    var output: String?

    @Option(help: "Also write the after photo, aligned into the before photo's frame, to this PNG or JPEG file.")
    var saveAligned: String?

    @Option(help: "Write maps (melanin, spot outlines, change, side by side) as PNGs into this folder.")
    var maps: String?

    @Option(help: "Write a self-contained HTML report (pictures embedded) to this file.")
    var report: String?

    @OptionGroup var alignment: AlignmentOptions

    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        for (name, path) in [("--output", output), ("--save-aligned", saveAligned), ("--report", report)] {
            guard let path else { continue }
            let target = URL(fileURLWithPath: path).standardizedFileURL.path
            for input in [before, after, mask].compactMap({ $0 })
            where URL(fileURLWithPath: input).standardizedFileURL.path == target {
                throw ValidationError("\(name) '\(path)' would overwrite the input '\(input)'")
            }
        }
        if let saveAligned, ImageFormat(pathExtension: URL(fileURLWithPath: saveAligned).pathExtension)?.isWritten != true {
            throw ValidationError("--save-aligned '\(saveAligned)' must end in .png, .jpg or .jpeg")
        }
        if saveAligned != nil, output != nil, saveAligned == output {
            throw ValidationError("--save-aligned and --output name the same file")
        }
    }

    func run() throws {
        let report: ComparisonReport
        do {
            let comparison = try PairComparison(settings: analysis.settings, alignment: alignment.settings,
                                                analysisSize: analysis.parsedAnalysisSize ?? nil,
                                                decoder: ImageDecoder(maxPixels: analysis.maxPixels))
            let measured = try comparison.measure(before: before, after: after, mask: mask,
                                                  keepingPhotos: saveAligned != nil || maps != nil || self.report != nil)
            report = comparison.report(measured, before: before, after: after, mask: mask)
            do {
                if let saveAligned, let photos = measured.photos { try ImageEncoder.write(photos.alignedAfter, to: saveAligned) }
                if maps != nil || self.report != nil, let pictures = measured.pictures(settings: analysis.settings) {
                    if let maps { try PictureFiles.writeMaps(pictures, to: maps) }
                    if let path = self.report {
                        try AtomicFile.write(Data(try HTMLReport.page(report, pictures: pictures).utf8), to: path)
                    }
                }
            } catch { throw CommandFailure(error) }
        } catch let error as ComparisonError {
            throw CommandFailure(error)
        }
        for warning in report.warnings {
            FileHandle.standardError.write(Data("pigment: warning: \(warning)\n".utf8))
        }
        let text = report.rendered(as: format)
        if let output {
            do { try AtomicFile.write(Data(text.utf8), to: output) } catch { throw CommandFailure(error) }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
