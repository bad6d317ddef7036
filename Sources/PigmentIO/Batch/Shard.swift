import Crypto
import Foundation

/// A deterministic share of a batch: shard `index` (1-based) of `count`.
/// A pair belongs to the shard given by a hash of its id, so the split does
/// not depend on the machine, the order of discovery or the other pairs.
public struct Shard: Sendable, Equatable, Codable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public static let whole = Shard(index: 1, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `K/N` with 1 ≤ K ≤ N.
    public init(parsing text: String) throws(BatchError) {
        let parts = text.split(separator: "/").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let k = parts[0], let n = parts[1], n >= 1, (1...n).contains(k) else {
            throw .badShard("--shard '\(text)' is not K/N with 1 <= K <= N (or 'auto')")
        }
        self.init(index: k, count: n)
    }

    /// From the scheduler: Slurm job arrays (`SLURM_ARRAY_TASK_ID` counted from
    /// `SLURM_ARRAY_TASK_MIN`, `SLURM_ARRAY_TASK_COUNT`) or Kubernetes Indexed
    /// Jobs (`JOB_COMPLETION_INDEX`, 0-based, with the count in `JOB_COMPLETIONS`).
    public init(environment: [String: String]) throws(BatchError) {
        func number(_ name: String) -> Int? { environment[name].flatMap { Int($0) } }
        if let task = number("SLURM_ARRAY_TASK_ID"), let count = number("SLURM_ARRAY_TASK_COUNT") {
            let first = number("SLURM_ARRAY_TASK_MIN") ?? 0
            guard count >= 1, (0..<count).contains(task - first) else {
                throw .badShard("--shard auto: SLURM_ARRAY_TASK_ID \(task) is outside \(first)...\(first + count - 1)")
            }
            self.init(index: task - first + 1, count: count)
        } else if let index = number("JOB_COMPLETION_INDEX") {
            guard let count = number("JOB_COMPLETIONS"), count >= 1, (0..<count).contains(index) else {
                throw .badShard("--shard auto: JOB_COMPLETION_INDEX is set but JOB_COMPLETIONS (the job's completions) is missing or too small")
            }
            self.init(index: index + 1, count: count)
        } else {
            throw .badShard("--shard auto: neither SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT nor JOB_COMPLETION_INDEX is set")
        }
    }

    /// Whether `id` belongs to this shard.
    public func contains(_ id: String) -> Bool {
        guard count > 1 else { return true }
        let digest = SHA256.hash(data: Data(id.utf8))
        let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(value % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}
