/// Carries a value confined to the engine queue across a `@Sendable` boundary (a process
/// termination handler) and back to that queue, where it is used. The engine queue is the
/// only place it is touched.
struct QueueConfined<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
