import Foundation

/// One line of `results.jsonl` (and of `results.csv`): a pair's outcome.
public struct BatchRow: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable { case ok, failed }

    public var id: String
    public var subject: String
    public var visit: String
    public var beforeVisit: String?
    public var reference: BatchPair.Reference
    /// SHA-256 of the inputs' contents and the settings: a row with the same
    /// key need not be measured again.
    public var key: String
    public var status: Status
    /// Why the pair failed (one line), for failed rows.
    public var error: String?
    /// The comparison, for rows that succeeded.
    public var report: ComparisonReport?

    enum CodingKeys: String, CodingKey {
        case id, subject, visit, reference, key, status, error, report
        case beforeVisit = "before_visit"
    }

    public init(pair: BatchPair, key: String, status: Status, error: String?, report: ComparisonReport?) {
        id = pair.id
        subject = pair.subject
        visit = pair.visit
        beforeVisit = pair.beforeVisit
        reference = pair.reference
        self.key = key
        self.status = status
        self.error = error
        self.report = report
    }

    /// A row for input that never became a pair.
    public init(problem: BatchProblem) {
        id = "\(problem.subject)/\(problem.visit)/input"
        subject = problem.subject
        visit = problem.visit
        beforeVisit = nil
        reference = .pair
        key = ""
        status = .failed
        error = problem.message
        report = nil
    }

    /// The row as one JSON line (no line breaks inside), with its newline.
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Parses a line of `results.jsonl`; `nil` for a torn or foreign line.
    public init?(jsonLine: some StringProtocol) {
        guard let row = try? JSONDecoder().decode(BatchRow.self, from: Data(jsonLine.utf8)) else { return nil }
        self = row
    }

    public static let csvHeader = "subject,visit,before_visit,reference,status,error," + ComparisonReport.csvHeader

    /// The row in CSV, matching ``csvHeader`` (empty metric cells when failed), with its newline.
    public var csvLine: String {
        let head = [subject, visit, beforeVisit ?? "", reference.rawValue, status.rawValue, error ?? ""].map(CSV.escape)
        let metrics = report?.csvRow
            ?? String(repeating: ",", count: ComparisonReport.csvHeader.filter { $0 == "," }.count)
        return head.joined(separator: ",") + "," + metrics + "\n"
    }
}
