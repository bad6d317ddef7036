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

    func testLanesOnOneThreadRunFirstThirdFourthSecond() {
        let log = Log()
        let (second, fourth) = ParallelWork.lanes(threads: 1, { log.add("first"); return 1 },
                                                  then: { a in log.add("second"); return a + 10 },
                                                  beside: { log.add("third"); return 100 },
                                                  then: { a, c in log.add("fourth"); return a + c })
        XCTAssertEqual(log.all, ["first", "third", "fourth", "second"])
        XCTAssertEqual(second, 11)
        XCTAssertEqual(fourth, 101)
    }

    func testTheFourthStepWaitsForTheFirstOnTwoThreads() throws {
        // The other lane's first step is quick; the fourth must still see the first's result.
        let log = Log()
        let (second, fourth) = ParallelWork.lanes(threads: 2, { usleep(50_000); log.add("first"); return 7 },
                                                  then: { a in a * 2 },
                                                  beside: { log.add("third"); return 3 },
                                                  then: { a, c in log.add("fourth"); return a * c })
        XCTAssertEqual(second, 14)
        XCTAssertEqual(fourth, 21)
        let steps = log.all
        XCTAssertLessThan(try XCTUnwrap(steps.firstIndex(of: "first")), try XCTUnwrap(steps.firstIndex(of: "fourth")))
    }
}
