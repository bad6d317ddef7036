import ArgumentParser
import Foundation
import PigmentIO

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the output folders of a sharded batch into one result set.",
        discussion: """
            Each folder is the --out of 'pigment batch --shard K/N'. The shards must come from \
            the same batch and settings; merge writes results.jsonl, results.csv (sorted by \
            pair), summary.csv and plan.json into --out, and exits with 1 when a planned pair \
            is missing or a pair appears more than once (listed on stderr).
            """)

    @Argument(help: "Shard output folders.")
    var folders: [String]

    @Option(help: "Folder for the merged results (created if needed).")
    var out: String

    func validate() throws {
        guard !folders.isEmpty else { throw ValidationError("give at least one shard output folder") }
        let target = URL(fileURLWithPath: out).standardizedFileURL.path
        if folders.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target }) {
            throw ValidationError("--out '\(out)' is one of the shard folders")
        }
    }

    func run() throws {
        let outcome: BatchMerge.Outcome
        do {
            outcome = try BatchMerge.read(folders)
            try BatchMerge.write(outcome, to: out)
        } catch {
            if case .cannotWrite = error { throw CommandFailure(.cannotWrite, error.description) }
            throw CommandFailure(.badImage, error.description)
        }
        var problems: [String] = outcome.missing.map { "  missing: \($0)" }
        problems += outcome.duplicates.keys.sorted().map { "  duplicate: \($0) in \(outcome.duplicates[$0]!.joined(separator: ", "))" }
        guard problems.isEmpty else {
            FileHandle.standardError.write(Data((problems.joined(separator: "\n") + "\n").utf8))
            throw CommandFailure(.failure, "merge found \(problems.count) problem(s) (listed above); merged results in \(out)")
        }
    }
}
