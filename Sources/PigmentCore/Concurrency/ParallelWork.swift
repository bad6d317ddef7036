import Dispatch
import Foundation

/// Maps `items` on every core, keeping their order.
public func parallelMap<Item: Sendable, Output: Sendable>(_ items: [Item],
                                                   _ transform: @Sendable (Item) -> Output) -> [Output] {
    ParallelWork.map(items, threads: ProcessInfo.processInfo.activeProcessorCount, transform)
}

/// Work shared by a fixed number of threads that take the next item when done.
/// Results keep the items' order, so they do not depend on the thread count.
public enum ParallelWork {
    /// Maps `items` on `threads` threads, keeping their order.
    public static func map<Item: Sendable, Output: Sendable>(_ items: [Item], threads: Int,
                                                      _ transform: @Sendable (Item) -> Output) -> [Output] {
        let results = OrderedResults<Output>(count: items.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, items.count))) { _ in
            while let index = next.take(below: items.count) { results.set(index, transform(items[index])) }
        }
        return results.values
    }

    /// ``map(_:threads:_:)`` on threads of its own (the caller's and `threads`
    /// − 1 new ones) rather than the shared pool's. libdispatch narrows a
    /// parallel loop started inside one of its own to the width left over
    /// (two threads on two cores leave one), so items that split their work
    /// further with ``map(_:threads:_:)`` (alignment, while the other photo's
    /// step is done) get both cores only when the items run here.
    public static func mapOnOwnThreads<Item: Sendable, Output: Sendable>(
        _ items: [Item], threads: Int, _ transform: @escaping @Sendable (Item) -> Output) -> [Output] {
        let results = OrderedResults<Output>(count: items.count)
        let next = Counter()
        // Each item a new thread finishes is signalled; the caller waits for
        // those items, not for the threads, so a thread that could not start
        // (or starts late) leaves its share to the others instead of a wait.
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<max(0, min(threads, items.count) - 1) {
            Thread {
                while let index = next.take(below: items.count) {
                    results.set(index, transform(items[index]))
                    finished.signal()
                }
            }.start()
        }
        var done = 0
        while let index = next.take(below: items.count) {
            results.set(index, transform(items[index]))
            done += 1
        }
        for _ in done..<items.count { finished.wait() }
        return results.values
    }

    /// Calls `body` on each item from `threads` threads; no new item starts once `stop` is true.
    public static func forEach<Item: Sendable>(_ items: [Item], threads: Int, until stop: @Sendable () -> Bool,
                                        _ body: @Sendable (Item) -> Void) {
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, items.count))) { _ in
            while !stop(), let index = next.take(below: items.count) { body(items[index]) }
        }
    }
}

/// Hands out indices 0, 1, 2, … to whichever thread asks.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
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
