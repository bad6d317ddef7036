import ArgumentParser
import Foundation
import PigmentCore
import PigmentIO

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a folder of subjects and visits (or a manifest) in parallel.",
        discussion: """
            Folder convention: ROOT/<subject>/<visit>/ holds one photo (\(ImageFormat.photoPatterns)) and \
            optionally mask.png; visits sort by name. Each visit is compared with the subject's \
            first visit (baseline) and with the previous visit. A folder holding before.* and \
            after.* is a single pair. Or --manifest FILE.csv with columns \
            subject,visit,before,after,mask (paths relative to the manifest). \
            Results stream to results.csv and results.jsonl in --out as pairs finish; \
            summary.csv follows at the end (and with --report, index.html). Exit codes: 0 all scored, 1 some pairs failed \
            (listed at the end), 2 usage error, 5 output not written.
            """)

    @Argument(help: "Folder of subjects and visits (omit with --manifest).")
    var root: String?

    @Option(help: "CSV manifest with columns subject,visit,before,after,mask.")
    var manifest: String?

    @Option(help: "Output folder (created if needed).")
    var out: String

    @Option(name: .shortAndLong, help: "Pairs scored at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Keep rows already in --out for the same inputs and settings; score the rest.")
    var resume = false

    @Option(help: "Score only shard K/N of the pairs (deterministic), or 'auto' from Slurm/Kubernetes variables.")
    var shard: String?

    @Flag(help: "Also write an HTML report per pair (in --out/reports) and --out/index.html with a row per subject.")
    var report = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the final list of failures.")
    var quiet = false

    @OptionGroup var alignment: AlignmentOptions

    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        guard (root == nil) != (manifest == nil) else {
            throw ValidationError("give either ROOT or --manifest FILE.csv")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shard, shard != "auto" {
            do { _ = try Shard(parsing: shard) } catch { throw ValidationError(error.description) }
        }
    }

    func run() throws {
        do {
            try score()
        } catch let error as BatchError {
            if case .cannotWrite = error { throw CommandFailure(.cannotWrite, error.description) }
            if case .badShard = error { throw CommandFailure(.usage, error.description) }
            throw CommandFailure(.usage, error.description)
        }
    }

    private func score() throws {
        let plan = try root.map { (root: String) throws(BatchError) in try BatchPlan.discover(root: root) }
            ?? BatchPlan.manifest(manifest ?? "")
        let selected = try selectedShard()
        let comparison: PairComparison
        do {
            comparison = try PairComparison(settings: analysis.settings, alignment: alignment.settings,
                                            analysisSize: analysis.parsedAnalysisSize ?? nil,
                                            decoder: ImageDecoder(maxPixels: analysis.maxPixels), threads: 1)
        } catch { throw CommandFailure(error) }
        let base = root ?? URL(fileURLWithPath: manifest ?? ".").deletingLastPathComponent().path
        let reports = report ? URL(fileURLWithPath: out).appendingPathComponent("reports").path : nil
        let runner = BatchRunner(comparison: comparison, jobs: jobs, base: base, reports: reports)

        let problems = plan.problems.map(BatchRow.init(problem:)).filter { selected.contains($0.id) }
        let pairs = plan.pairs.filter { selected.contains($0.id) }
        var expected = runner.keys(for: pairs)
        for row in problems { expected[row.id] = row.key }
        let output = try BatchOutput(folder: out, resume: resume, expected: expected)
        let allIds = (plan.pairs.map(\.id) + plan.problems.map { BatchRow(problem: $0).id }).sorted()
        try output.writePlan(BatchPlanFile(shard: selected, ids: allIds, settings: comparison.settingsReport(mask: nil)))

        let kept = Set(output.rows.map(\.id))
        let progress = BatchProgress(total: pairs.count + problems.count, alreadyDone: kept.count,
                                     mode: quiet ? .quiet : (isatty(STDERR_FILENO) == 1 ? .bar : .lines))
        for row in problems where !kept.contains(row.id) {
            try output.append(row)
            progress.record(row)
        }
        try runner.run(pairs.filter { !kept.contains($0.id) }, keys: expected, output: output) { progress.record($0) }
        progress.finish()
        try output.writeSummary()
        if let reports {
            let index = URL(fileURLWithPath: out).appendingPathComponent("index.html").path
            let page = BatchIndex.page(rows: output.rows, reports: reports)
            do { try AtomicFile.write(Data(page.utf8), to: index) } catch { throw CommandFailure(error) }
        }

        let failed = output.rows.filter { $0.status == .failed }
        if !failed.isEmpty {
            var text = ""
            for row in failed.sorted(by: { $0.id < $1.id }) { text += "  \(row.id): \(row.error ?? "failed")\n" }
            FileHandle.standardError.write(Data(text.utf8))
            throw CommandFailure(.failure, "\(failed.count) of \(output.rows.count) pairs failed (listed above); results in \(out)")
        }
    }

    private func selectedShard() throws -> Shard {
        guard let shard else { return .whole }
        do {
            return shard == "auto" ? try Shard(environment: ProcessInfo.processInfo.environment) : try Shard(parsing: shard)
        } catch { throw CommandFailure(.usage, error.description) }
    }
}
