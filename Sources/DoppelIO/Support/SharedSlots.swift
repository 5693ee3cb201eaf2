/// A fixed number of slots that concurrent workers fill, each slot written by one worker only
/// (`DispatchQueue.concurrentPerform` takes a `@Sendable` closure, so results cannot go into a
/// captured array). Reads after the workers finish see every write: `concurrentPerform` returns
/// only when all iterations are done.
package final class SharedSlots<Element>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Element>

    package init(repeating value: Element, count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: value)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    var count: Int { slots.count }

    package subscript(index: Int) -> Element {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    /// Every slot, in order, leaving each reset to `value`: moves the results out without keeping
    /// two copies of large elements alive.
    package func take(resettingTo value: Element) -> [Element] {
        (0..<slots.count).map { index in
            let element = slots[index]
            slots[index] = value
            return element
        }
    }
}
