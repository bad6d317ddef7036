import Crypto
import Dispatch
import Foundation
import PigmentCore

/// Scores a batch's pairs on `jobs` threads. Each thread holds one pair at a
/// time, so at most `jobs` pairs' images are in memory at once.
public struct BatchRunner: Sendable {
    public let comparison: PairComparison
    public let jobs: Int
    /// Photo paths in reports are shown relative to this folder.
    public let base: String
    /// Where each pair's HTML report and thumbnails go (`nil`: none).
    public let reports: String?

    public init(comparison: PairComparison, jobs: Int, base: String, reports: String? = nil) {
        self.comparison = comparison
        self.jobs = max(1, jobs)
        self.base = base
        self.reports = reports
    }

    /// Content key of a pair under these settings: SHA-256 over the inputs'
    /// SHA-256 and the settings. Unreadable inputs give a key naming the path.
    public func key(for pair: BatchPair) -> String {
        var text = ""
        for path in [pair.before, pair.after, pair.mask] {
            guard let path else { text += "-\n"; continue }
            text += ((try? FileDigest.sha256(of: path)) ?? "unreadable:\(path)") + "\n"
        }
        text += comparison.settingsReport(mask: nil).canonicalJSON
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Keys of every pair, by id, computed on `jobs` threads.
    public func keys(for pairs: [BatchPair]) -> [String: String] {
        let keys = ParallelWork.map(pairs, threads: jobs) { key(for: $0) }
        return Dictionary(zip(pairs.map(\.id), keys), uniquingKeysWith: { first, _ in first })
    }

    /// Measures one pair; failures become a failed row naming the cause.
    public func score(_ pair: BatchPair, key: String) throws(BatchError) -> BatchRow {
        let measured: MeasuredPair
        do {
            measured = try comparison.measure(before: pair.before, after: pair.after, mask: pair.mask,
                                              keepingPhotos: reports != nil)
        } catch {
            return BatchRow(pair: pair, key: key, status: .failed, error: error.description, report: nil)
        }
        let report = comparison.report(measured, before: display(pair.before), after: display(pair.after),
                                       mask: pair.mask.map(display))
        if let reports, let pictures = measured.pictures(settings: comparison.analyzer.settings) {
            let files = BatchIndex.files(for: pair.id, in: reports)
            do {
                try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
                try AtomicFile.write(Data(try HTMLReport.page(report, pictures: pictures).utf8), to: files.report)
                try PictureFiles.write(pictures.outlineBefore.downscaled(toFit: BatchIndex.thumbnailSide), to: files.beforeThumbnail,
                                       format: .jpeg)
                try PictureFiles.write(pictures.outlineAfter.downscaled(toFit: BatchIndex.thumbnailSide), to: files.afterThumbnail,
                                       format: .jpeg)
            } catch let error as ImageFileError {
                throw .cannotWrite(files.report, error.description)
            } catch {
                throw .cannotWrite(reports, error.localizedDescription)
            }
        }
        return BatchRow(pair: pair, key: key, status: .ok, error: nil, report: report)
    }

    /// Scores `pairs`, appending each row to `output` as it finishes and then
    /// calling `finished`. Stops early (and throws) when the output cannot be written.
    public func run(_ pairs: [BatchPair], keys: [String: String], output: BatchOutput,
                    finished: @Sendable (BatchRow) -> Void) throws(BatchError) {
        let failure = FirstError()
        ParallelWork.forEach(pairs, threads: jobs, until: { failure.isSet }) { pair in
            do throws(BatchError) {
                let row = try score(pair, key: keys[pair.id] ?? "")
                try output.append(row)
                finished(row)
            } catch { failure.set(error) }
        }
        if let error = failure.error { throw error }
    }

    func display(_ path: String) -> String {
        let prefix = URL(fileURLWithPath: base).standardizedFileURL.path + "/"
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : path
    }
}

/// The first error any thread met.
private final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var error: BatchError?
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return error != nil }
    func set(_ e: BatchError) { lock.lock(); if error == nil { error = e }; lock.unlock() }
}

extension SettingsReport {
    /// Sorted-key JSON: the same settings always give the same text.
    var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
