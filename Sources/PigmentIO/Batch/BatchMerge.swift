import Foundation

/// Combines the output folders of a sharded batch into one result set.
public enum BatchMerge {
    /// What merging found.
    public struct Outcome: Sendable {
        /// Every row, sorted by id (for a duplicated id, the first folder's).
        public var rows: [BatchRow]
        /// Ids planned by the batch but in no folder's results.
        public var missing: [String]
        /// Ids found more than once, with the folders holding them.
        public var duplicates: [String: [String]]
        public var plan: BatchPlanFile
    }

    /// Reads `folders` (each written by `pigment batch --shard K/N`) and checks
    /// they come from the same batch and settings.
    public static func read(_ folders: [String]) throws(BatchError) -> Outcome {
        var plans: [(folder: String, plan: BatchPlanFile)] = []
        for folder in folders {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(BatchOutput.planJSON).path
            guard let data = FileManager.default.contents(atPath: path),
                  let plan = try? JSONDecoder().decode(BatchPlanFile.self, from: data) else {
                throw .notABatchOutput(folder, "no readable \(BatchOutput.planJSON)")
            }
            plans.append((folder, plan))
        }
        guard let first = plans.first?.plan else { throw .notABatchOutput("-", "no folders given") }
        for (folder, plan) in plans where plan.ids != first.ids || plan.settings != first.settings
            || plan.shard.count != first.shard.count {
            throw .notABatchOutput(folder, "its plan (pairs, settings or shard count) differs from \(plans[0].folder)'s")
        }
        var seenShards: [Int: String] = [:]
        for (folder, plan) in plans {
            if let other = seenShards[plan.shard.index] {
                throw .notABatchOutput(folder, "holds shard \(plan.shard) like \(other)")
            }
            seenShards[plan.shard.index] = folder
        }
        var rows: [String: BatchRow] = [:]
        var holders: [String: [String]] = [:]
        for (folder, _) in plans {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(BatchOutput.resultsJSONL).path
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                guard let row = BatchRow(jsonLine: line) else { continue }
                holders[row.id, default: []].append(folder)
                if rows[row.id] == nil { rows[row.id] = row }
            }
        }
        let missing = first.ids.filter { rows[$0] == nil }
        let duplicates = holders.filter { $0.value.count > 1 }
        return Outcome(rows: rows.values.sorted { $0.id < $1.id }, missing: missing, duplicates: duplicates,
                       plan: BatchPlanFile(shard: .whole, ids: first.ids, settings: first.settings))
    }

    /// Writes the merged result set into `folder` (atomically, file by file).
    public static func write(_ outcome: Outcome, to folder: String) throws(BatchError) {
        let output = try BatchOutput(folder: folder, resume: false, expected: [:])
        for row in outcome.rows { try output.append(row) }
        try output.writePlan(outcome.plan)
        try output.writeSummary()
    }
}
