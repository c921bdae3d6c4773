import CSystemd
import Dispatch

/// An installed signal match. Cancelling or releasing it removes the match.
///
/// Returned by ``BusConnection/matchSignal(sender:path:interface:member:handler:)``. Cancel on
/// the connection's queue to be sure the handler never runs again; releasing it elsewhere
/// removes the match on the queue shortly after.
public final class BusMatch: @unchecked Sendable {
    /// Holds the handler; sd-bus keeps an unretained pointer to it as userdata.
    final class HandlerBox {
        let handler: (BusMessage) -> Void
        init(_ handler: @escaping (BusMessage) -> Void) { self.handler = handler }
    }

    private weak var connection: BusConnection?
    private let queue: DispatchQueue
    private var slot: OpaquePointer?
    private var box: HandlerBox?

    init(connection: BusConnection, slot: OpaquePointer?, box: HandlerBox) {
        self.connection = connection
        self.queue = connection.queue
        self.slot = slot
        self.box = box
    }

    /// Whether the match is still installed.
    public var isActive: Bool { slot != nil }

    /// Removes the match; the handler will not run again. Call on the connection's queue.
    public func cancel() {
        dispatchPrecondition(condition: .onQueue(queue))
        if let slot { sd_bus_slot_unref(slot) }
        slot = nil
        box = nil
    }

    deinit {
        guard let slot else { return }
        if connection?.isOnQueue == true {
            sd_bus_slot_unref(slot)
        } else {
            // sd-bus is confined to the queue: drop the slot (and keep the handler alive until then) there.
            let leftovers = UncheckedSendable((slot, box))
            queue.async { _ = sd_bus_slot_unref(leftovers.value.0); _ = leftovers.value.1 }
        }
    }
}
