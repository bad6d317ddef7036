import ArgumentParser
import Foundation
import PigmentIO

extension ReportFormat: ExpressibleByArgument {}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare pigmentation between a before and an after photo.",
        discussion: """
            Both photos (PNG or JPEG, same size) are measured by the same rule over the same \
            skin: the --mask (white = skin, in the before photo's frame), or the whole frame. \
            Area is the share of skin covered by spots' extents; contrast is how much darker \
            they are than the skin around them, in melanin units.
            """)

    @Argument(help: "The photo taken before treatment.")
    var before: String

    @Argument(help: "The photo taken after treatment.")
    var after: String

    @Option(help: "PNG mask in the before photo's frame: white = skin to measure.")
    var mask: String?

    @Option(help: "Report format: text, json or csv.")
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: "Write the report to this file (atomically) instead of stdout.")
    var output: String?

    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        if let output {
            let target = URL(fileURLWithPath: output).standardizedFileURL.path
            for input in [before, after, mask].compactMap({ $0 })
            where URL(fileURLWithPath: input).standardizedFileURL.path == target {
                throw ValidationError("--output '\(output)' would overwrite the input '\(input)'")
            }
        }
    }

    func run() throws {
        let report: ComparisonReport
        do {
            let comparison = try PairComparison(settings: analysis.settings,
                                                decoder: ImageDecoder(maxPixels: analysis.maxPixels))
            report = try comparison.compare(before: before, after: after, mask: mask)
        } catch {
            throw CommandFailure(error)
        }
        let text = report.rendered(as: format)
        if let output {
            do { try AtomicFile.write(Data(text.utf8), to: output) } catch { throw CommandFailure(error) }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
