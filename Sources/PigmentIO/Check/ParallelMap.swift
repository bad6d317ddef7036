import Dispatch
import Foundation

/// Maps `items` on every core, keeping their order.
func parallelMap<Item: Sendable, Output: Sendable>(_ items: [Item],
                                                   _ transform: @Sendable (Item) -> Output) -> [Output] {
    let results = OrderedResults<Output>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results.set(index, transform(items[index]))
    }
    return results.values
}

/// Slots filled from several threads; each is written once, under a lock.
private final class OrderedResults<Output: Sendable>: @unchecked Sendable {
    private var slots: [Output?]
    private let lock = NSLock()

    init(count: Int) { slots = [Output?](repeating: nil, count: count) }

    func set(_ index: Int, _ value: Output) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Output] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
