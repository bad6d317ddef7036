import Foundation
import PigmentCore
import XCTest

/// Work split between threads gives the results one thread would.
final class ParallelWorkTests: XCTestCase {
    /// Steps in the order they ran, from any thread.
    final class Log: @unchecked Sendable {
        private var steps: [String] = []
        private let lock = NSLock()
        func add(_ step: String) { lock.lock(); steps.append(step); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return steps }
    }

    func testMapKeepsTheItemsOrder() {
        XCTAssertEqual(ParallelWork.map(Array(0..<100), threads: 2) { $0 * $0 }, (0..<100).map { $0 * $0 })
    }

    func testMapTakesTheItemsInOrderOnOneThread() {
        let log = Log()
        _ = ParallelWork.map(["mask", "before", "after"], threads: 1) { log.add($0) }
        XCTAssertEqual(log.all, ["mask", "before", "after"])
    }
}
