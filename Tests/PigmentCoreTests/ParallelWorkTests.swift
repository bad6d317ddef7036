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

    func testMapOnOwnThreadsKeepsTheItemsOrder() {
        for threads in [1, 2, 3, 200] {
            XCTAssertEqual(ParallelWork.mapOnOwnThreads(Array(0..<100), threads: threads) { $0 * $0 }, (0..<100).map { $0 * $0 },
                           "\(threads) threads")
        }
        XCTAssertEqual(ParallelWork.mapOnOwnThreads([Int](), threads: 2) { $0 }, [])
    }

    func testMapOnOwnThreadsTakesTheItemsInOrderOnOneThread() {
        let log = Log()
        _ = ParallelWork.mapOnOwnThreads(["mask", "before", "after"], threads: 1) { log.add($0) }
        XCTAssertEqual(log.all, ["mask", "before", "after"])
    }

    func testWorkSplitInsideMapOnOwnThreadsGivesTheSameResults() {
        let nested = ParallelWork.mapOnOwnThreads(Array(0..<4), threads: 2) { outer in
            ParallelWork.map(Array(0..<50), threads: 2) { outer * 100 + $0 }
        }
        XCTAssertEqual(nested, (0..<4).map { outer in (0..<50).map { outer * 100 + $0 } })
    }
}
