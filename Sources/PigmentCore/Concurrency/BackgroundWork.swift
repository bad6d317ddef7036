import Dispatch

/// One piece of work started at once on a thread of its own, beside whatever
/// the caller does next; ``value()`` waits for it.
public final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The work's value, waiting until it is done (any number of times).
    public func value() -> Value {
        done.wait()
        defer { done.signal() }
        return result!
    }
}
