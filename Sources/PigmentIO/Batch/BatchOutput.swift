import Foundation

/// The output folder of a batch: `results.jsonl` and `results.csv` grow a
/// whole row at a time as pairs finish (one `write` per line, in append mode,
/// so a crash leaves no torn rows behind but at most one torn last line, which
/// `--resume` drops); `summary.csv` and `plan.json` are written atomically.
public final class BatchOutput: @unchecked Sendable {
    public let folder: String
    private let lock = NSLock()
    private var jsonl: Int32 = -1
    private var csv: Int32 = -1
    /// Every row in the output, earlier runs' included.
    public private(set) var rows: [BatchRow] = []

    public static let resultsJSONL = "results.jsonl"
    public static let resultsCSV = "results.csv"
    public static let summaryCSV = "summary.csv"
    public static let planJSON = "plan.json"

    /// Opens `folder` (created if needed). Without `resume` earlier results are
    /// discarded. With it, rows whose id and key match `expected` are kept
    /// (and returned by ``rows``); rows of other inputs, torn lines and
    /// repeated ids are dropped, and both result files are rewritten from the kept rows.
    public init(folder: String, resume: Bool, expected: [String: String]) throws(BatchError) {
        self.folder = folder
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw .cannotWrite(folder, error.localizedDescription)
        }
        if resume, let text = try? String(contentsOfFile: path(Self.resultsJSONL), encoding: .utf8) {
            var seen = Set<String>()
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                guard let row = BatchRow(jsonLine: line), expected[row.id] == row.key, seen.insert(row.id).inserted else { continue }
                rows.append(row)
            }
        }
        try rewrite(Self.resultsJSONL, rows.map(\.jsonLine).joined())
        try rewrite(Self.resultsCSV, BatchRow.csvHeader + "\n" + rows.map(\.csvLine).joined())
        jsonl = try open(Self.resultsJSONL)
        csv = try open(Self.resultsCSV)
    }

    deinit {
        if jsonl >= 0 { close(jsonl) }
        if csv >= 0 { close(csv) }
    }

    func path(_ name: String) -> String { URL(fileURLWithPath: folder).appendingPathComponent(name).path }

    private func rewrite(_ name: String, _ text: String) throws(BatchError) {
        do { try AtomicFile.write(Data(text.utf8), to: path(name)) } catch {
            throw .cannotWrite(path(name), error.description)
        }
    }

    private func open(_ name: String) throws(BatchError) -> Int32 {
        let fd = Foundation.open(path(name), O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { throw .cannotWrite(path(name), String(cString: strerror(errno))) }
        return fd
    }

    /// Appends a row to both result files, each line in one write.
    public func append(_ row: BatchRow) throws(BatchError) {
        lock.lock()
        defer { lock.unlock() }
        try write(row.jsonLine, to: jsonl, name: Self.resultsJSONL)
        try write(row.csvLine, to: csv, name: Self.resultsCSV)
        rows.append(row)
    }

    private func write(_ line: String, to fd: Int32, name: String) throws(BatchError) {
        let bytes = Array(line.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw .cannotWrite(path(name), written < 0 ? String(cString: strerror(errno)) : "short write")
        }
    }

    /// Writes `plan.json` atomically.
    public func writePlan(_ plan: BatchPlanFile) throws(BatchError) {
        try rewrite(Self.planJSON, plan.json)
    }

    /// Writes `summary.csv` atomically from every row.
    public func writeSummary() throws(BatchError) {
        lock.lock()
        let all = rows
        lock.unlock()
        try rewrite(Self.summaryCSV, BatchSummary.csv(of: all))
    }
}
