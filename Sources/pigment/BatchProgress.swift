import Foundation
import PigmentIO

/// Progress of a batch on stderr: a redrawn bar on a terminal, one line per
/// pair otherwise, or nothing.
final class BatchProgress: @unchecked Sendable {
    enum Mode { case bar, lines, quiet }

    private let total: Int
    private let mode: Mode
    private let start = Date()
    private let alreadyDone: Int
    private var done: Int
    private var failures = 0
    private let lock = NSLock()

    init(total: Int, alreadyDone: Int, mode: Mode) {
        self.total = total
        self.alreadyDone = alreadyDone
        self.done = alreadyDone
        self.mode = mode
        if alreadyDone > 0, mode != .quiet {
            write("resuming: \(alreadyDone) of \(total) pairs already scored\n")
        }
    }

    func record(_ row: BatchRow) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if row.status == .failed { failures += 1 }
        switch mode {
        case .quiet: return
        case .lines:
            write("\(done)/\(total) \(row.status.rawValue) \(row.id)" + (row.error.map { ": \($0)" } ?? "") + "\n")
        case .bar:
            write("\r" + bar() + "\u{1B}[K")
        }
    }

    func finish() {
        guard mode == .bar else { return }
        lock.lock()
        write("\r" + bar() + "\u{1B}[K\n")
        lock.unlock()
    }

    private func bar() -> String {
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let elapsed = Date().timeIntervalSince(start)
        let scored = done - alreadyDone
        let rate = elapsed > 0 ? Double(scored) / elapsed : 0
        let eta = rate > 0 ? Int(Double(total - done) / rate) : 0
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + "\(done)/\(total)  " + String(format: "%.1f pairs/s", rate)
            + String(format: "  ETA %d:%02d", eta / 60, eta % 60) + "  failures \(failures)"
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
