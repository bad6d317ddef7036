import Dispatch
import PigmentCore
import XCTest

final class BackgroundWorkTests: XCTestCase {
    func testRunsBesideTheCallerAndGivesItsValueToEveryReader() {
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let work = BackgroundWork { () -> Int in
            started.signal()
            release.wait()  // holds until the caller, still running, lets it finish
            return 42
        }
        XCTAssertEqual(started.wait(timeout: .now() + 10), .success, "the work started while the caller went on")
        release.signal()
        XCTAssertEqual(work.value(), 42)
        XCTAssertEqual(work.value(), 42)
    }
}
