import Dispatch

/// A value one piece of work hands to another: ``get()`` waits until
/// ``set(_:)`` has been called (once).
public final class Handoff<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let ready = DispatchSemaphore(value: 0)

    public init() {}

    /// Hands the value over; call once.
    public func set(_ value: Value) {
        self.value = value
        ready.signal()
    }

    /// The value, waiting until it is set (any number of times).
    public func get() -> Value {
        ready.wait()
        defer { ready.signal() }
        return value!
    }
}
