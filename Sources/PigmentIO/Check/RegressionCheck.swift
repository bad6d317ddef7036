import Foundation
import PigmentCore

/// Measures every fixture pair and compares the numbers with a baseline (drift)
/// and, where a phantom's truth is present, with the truth (accuracy).
public struct RegressionCheck: Sendable {
    public let comparison: PairComparison

    public init(comparison: PairComparison) {
        self.comparison = comparison
    }

    /// The settings this check measures with, as a baseline records them.
    public var settings: SettingsReport {
        comparison.settingsReport(mask: nil)
    }

    /// Checks the fixtures below `root`; with no baseline, only measures them.
    public func run(root: String, baseline: Baseline?) throws(ImageFileError) -> CheckRun {
        let pairs = try FixturePair.discover(in: root)
        var run = CheckRun(fixtures: pairs.map(\.id), evaluations: [], accuracy: [:], findings: [],
                           measured: Baseline(settings: settings, tolerances: baseline?.tolerances ?? Tolerance.defaults))
        if let baseline, baseline.settings != settings {
            run.findings.append(CheckFinding(kind: .settingsChanged, message: "settings differ from the baseline's: "
                                             + Self.differences(baseline.settings, settings)))
        }
        // Measuring is the slow part: do it on every core, then compare in order.
        let measurements = parallelMap(pairs) { pair in self.measure(pair) }
        for (pair, measurement) in zip(pairs, measurements) {
            check(pair, measurement, against: baseline, into: &run)
        }
        for id in (baseline?.fixtures.keys.sorted() ?? []) where !run.fixtures.contains(id) {
            run.findings.append(CheckFinding(kind: .missingFixture, fixture: id,
                                             message: "in the baseline but not found below \(root)"))
        }
        return run
    }

    /// A fixture's file hashes and measurements, or why it could not be measured.
    private struct Measured: Sendable {
        var hashes: [String: String]
        var before: PhotoMeasurement
        var after: PhotoMeasurement
        var alignment: AlignmentReport
    }

    private struct Unmeasurable: Error {
        var message: String
    }

    private func measure(_ pair: FixturePair) -> Result<Measured, Unmeasurable> {
        do {
            let hashes = try pair.inputs.mapValues { (path: String) throws(ImageFileError) in try FileDigest.sha256(of: path) }
            let measured = try comparison.measure(before: pair.before, after: pair.after, mask: pair.mask)
            return .success(Measured(hashes: hashes, before: measured.before, after: measured.after,
                                     alignment: measured.alignment))
        } catch {
            return .failure(Unmeasurable(message: "\(error)"))
        }
    }

    private func check(_ pair: FixturePair, _ measurement: Result<Measured, Unmeasurable>,
                       against baseline: Baseline?, into run: inout CheckRun) {
        let hashes: [String: String]
        let measured: (before: PhotoMeasurement, after: PhotoMeasurement, alignment: AlignmentReport)
        switch measurement {
        case .success(let m):
            hashes = m.hashes
            measured = (m.before, m.after, m.alignment)
        case .failure(let failure):
            run.findings.append(CheckFinding(kind: .unreadable, fixture: pair.id, message: failure.message))
            return
        }
        let values = MetricValues.of(before: measured.before, after: measured.after)
        let now = Dictionary(uniqueKeysWithValues: values.map { ($0.name, $0.value) })
        let expected = baseline?.fixtures[pair.id]
        run.measured.fixtures[pair.id] = Baseline.Fixture(files: hashes, metrics: now, tolerances: expected?.tolerances)

        if let baseline, let expected {
            let changed = Set(hashes.keys).union(expected.files.keys).filter { hashes[$0] != expected.files[$0] }.sorted()
            if !changed.isEmpty {
                run.findings.append(CheckFinding(kind: .changedFiles, fixture: pair.id,
                                                 message: "files differ from the baseline's: " + changed.joined(separator: ", ")))
            }
            let names = values.map(\.name) + expected.metrics.keys.sorted().filter { now[$0] == nil }
            for name in names {
                let old = expected.metrics[name], new = now[name]
                let allowed = old.map { baseline.tolerance(for: name, fixture: pair.id).allowed(around: $0) }
                var passed = false
                if let old, let new, let allowed { passed = abs(new - old) <= allowed + 1e-9 }
                run.evaluations.append(MetricEvaluation(fixture: pair.id, metric: name, baseline: old, now: new,
                                                        allowed: allowed, passed: passed))
                if !passed {
                    run.findings.append(CheckFinding(kind: .drift, fixture: pair.id, metric: name, baseline: old, now: new,
                                                     allowed: allowed, message: Self.driftMessage(old: old, new: new, allowed: allowed)))
                }
            }
        } else if baseline != nil {
            run.findings.append(CheckFinding(kind: .newFixture, fixture: pair.id, message: "not in the baseline"))
        }

        if let truthPath = pair.truth {
            do {
                let truth = try PhantomFiles.readTruth(truthPath)
                let broken = TruthTolerance.violations(before: measured.before, after: measured.after, truth: truth,
                                                       alignment: measured.alignment.affine)
                run.accuracy[pair.id] = broken
                for line in broken {
                    run.findings.append(CheckFinding(kind: .accuracy, fixture: pair.id, message: line))
                }
            } catch {
                run.findings.append(CheckFinding(kind: .unreadable, fixture: pair.id,
                                                 message: "\(truthPath): cannot read truth: \(error.localizedDescription)"))
            }
        }
    }

    static func driftMessage(old: Double?, new: Double?, allowed: Double?) -> String {
        guard let old, let new, let allowed else {
            return old == nil ? "not in the baseline" : "no longer measured (undefined now)"
        }
        return String(format: "moved by %+.6g (allowed ±%.6g)", new - old, allowed)
    }

    /// "name old → new" for every setting that differs.
    static func differences(_ a: SettingsReport, _ b: SettingsReport) -> String {
        func fields(_ s: SettingsReport) -> [String: String] {
            let data = (try? JSONEncoder().encode(s)) ?? Data()
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            return object.mapValues { "\($0)" }
        }
        let old = fields(a), new = fields(b)
        return Set(old.keys).union(new.keys).sorted().filter { old[$0] != new[$0] }
            .map { "\($0) \(old[$0] ?? "none") → \(new[$0] ?? "none")" }.joined(separator: "; ")
    }
}
