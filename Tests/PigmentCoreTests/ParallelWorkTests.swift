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

    func testBothOnOneThreadRunsFirstThenSecond() {
        let log = Log()
        let (first, second) = ParallelWork.both(threads: 1, { log.add("first"); return 1 },
                                                { log.add("second"); return "two" })
        XCTAssertEqual(log.all, ["first", "second"])
        XCTAssertEqual(first, 1)
        XCTAssertEqual(second, "two")
    }

    func testBothOnTwoThreadsRunsTheStepsAtOnce() {
        // Each step waits for the other to start: one thread alone would never finish.
        let firstStarted = DispatchSemaphore(value: 0), secondStarted = DispatchSemaphore(value: 0)
        let (first, second) = ParallelWork.both(threads: 2, {
            firstStarted.signal()
            return secondStarted.wait(timeout: .now() + 10) == .success
        }, {
            secondStarted.signal()
            return firstStarted.wait(timeout: .now() + 10) == .success
        })
        XCTAssertTrue(first)
        XCTAssertTrue(second)
    }
}
