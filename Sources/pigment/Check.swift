import ArgumentParser
import Foundation
import PigmentIO

/// Output formats of `pigment check`.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure fixture pairs and fail when numbers drift from a stored baseline.",
        discussion: """
            Every folder below FIXTURES_DIR holding before.* and after.* (and optionally \
            mask.png and a phantom's truth.json) is a fixture. Each metric is compared with \
            the baseline under its tolerance (the larger of an absolute and a relative \
            amount; defaults and per-fixture overrides live in the baseline file); fixtures \
            with a truth file are also checked against the promised accuracy. New, missing \
            and changed fixtures and changed settings fail too. Exit codes: 0 all within \
            tolerance, 1 regression, 2 usage error, 3 unreadable fixture.
            """)

    @Argument(help: "Folder holding the fixture pairs.")
    var fixturesDir: String

    @Option(help: "Baseline JSON file.")
    var baseline: String

    @Flag(help: "Write the measured numbers as the new baseline (atomically), keeping its tolerances.")
    var update = false

    @Option(help: "Also write a JUnit XML report here.")
    var junit: String?

    @Option(help: "Also write a Markdown summary here (for CI job summaries).")
    var markdown: String?

    @Option(help: "Report format on stdout: text or json.")
    var format: CheckFormat = .text

    @OptionGroup var alignment: AlignmentOptions

    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        let target = URL(fileURLWithPath: baseline).standardizedFileURL.path
        for (name, path) in [("--junit", junit), ("--markdown", markdown)] {
            if let path, URL(fileURLWithPath: path).standardizedFileURL.path == target {
                throw ValidationError("\(name) '\(path)' would overwrite the baseline")
            }
        }
        if !update && !FileManager.default.fileExists(atPath: baseline) {
            throw ValidationError("baseline '\(baseline)' does not exist (create it with --update)")
        }
    }

    func run() throws {
        let stored: Baseline?
        do {
            stored = FileManager.default.fileExists(atPath: baseline) ? try Baseline.read(baseline) : nil
        } catch {
            throw CommandFailure(.usage, "\(baseline): not a pigment baseline: \(error.localizedDescription)")
        }
        let result: CheckRun
        do {
            let comparison = try PairComparison(settings: analysis.settings, alignment: alignment.settings,
                                                analysisSize: analysis.parsedAnalysisSize ?? nil, decoder: ImageDecoder(maxPixels: analysis.maxPixels))
            result = try RegressionCheck(comparison: comparison).run(root: fixturesDir, baseline: stored)
        } catch let error as ComparisonError {
            throw CommandFailure(error)
        } catch let error as ImageFileError {
            throw CommandFailure(error)
        }

        let text = format == .json ? result.json : result.text
        FileHandle.standardOutput.write(Data(text.utf8))
        do {
            if let junit { try AtomicFile.write(Data(result.junit.utf8), to: junit) }
            if let markdown { try AtomicFile.write(Data(result.markdown.utf8), to: markdown) }
        } catch {
            throw CommandFailure(error)
        }

        if result.hasUnreadable {
            throw CommandFailure(.badImage, "some fixtures could not be read; see the table above")
        }
        if update {
            do { try AtomicFile.write(result.measured.json, to: baseline) } catch { throw CommandFailure(error) }
            FileHandle.standardError.write(Data("pigment: wrote \(baseline) (\(result.measured.fixtures.count) fixtures)\n".utf8))
            return
        }
        if !result.passed {
            throw CommandFailure(.failure, "\(result.findings.count) problem(s) against \(baseline)")
        }
    }
}
