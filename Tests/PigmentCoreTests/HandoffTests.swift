import Dispatch
import PigmentCore
import XCTest

final class HandoffTests: XCTestCase {
    func testGetWaitsForTheValueThatAnotherThreadSetsAndGivesItToEveryReader() {
        let handoff = Handoff<Int>()
        let waiting = DispatchSemaphore(value: 0)
        let got = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            waiting.signal()
            XCTAssertEqual(handoff.get(), 7)
            got.signal()
        }
        waiting.wait()
        XCTAssertEqual(got.wait(timeout: .now() + 0.2), .timedOut, "get() returned before the value was set")
        handoff.set(7)
        XCTAssertEqual(got.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(handoff.get(), 7)
    }
}
