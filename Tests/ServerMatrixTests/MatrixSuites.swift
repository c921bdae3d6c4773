import Foundation
import Testing

/// The desktop of the suite being run: started once before its first test, stopped after its last.
enum ServerUnderTest {
    @TaskLocal static var current: ServerDesktop?

    static func desktop() throws -> ServerDesktop {
        guard let current else { throw DesktopNotStarted() }
        return current
    }

    struct DesktopNotStarted: Error, CustomStringConvertible {
        var description: String { "The suite's notification server was not started (the suite needs the .desktop trait)." }
    }
}

/// Starts one real notification server for a whole suite. A server that cannot start fails
/// every test of its suite with the reason.
struct DesktopTrait: SuiteTrait, TestScoping {
    let server: Server
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let desktop = try ServerDesktop(server)
        defer { desktop.stop() }
        try await ServerUnderTest.$current.withValue(desktop) { try await function() }
    }
}

extension Trait where Self == DesktopTrait {
    /// Runs the suite on a private desktop with `server` as its notification server.
    static func desktop(_ server: Server) -> Self { DesktopTrait(server: server) }
}


@Suite(.serialized, .desktop(.dunst)) struct DunstMatrixTests {
    @Test func promptAppearsWhenDue() throws { try MatrixChecks.promptAppearsWhenDue(ServerUnderTest.desktop()) }
    @Test func answerOnTheBubble_thenThanksInPlace() throws { try MatrixChecks.answerOnTheBubble_thenThanksInPlace(ServerUnderTest.desktop()) }
    @Test func laterBringsItBack_skipEndsIt() throws { try MatrixChecks.laterBringsItBack_skipEndsIt(ServerUnderTest.desktop()) }
    @Test func answeredInTerminal_leavesTheScreen() throws { try MatrixChecks.answeredInTerminal_leavesTheScreen(ServerUnderTest.desktop()) }
    @Test func restart_leavesOneLiveBubble() throws { try MatrixChecks.restart_leavesOneLiveBubble(ServerUnderTest.desktop()) }
    @Test func noSignalHandledTwice() throws { try MatrixChecks.noSignalHandledTwice(ServerUnderTest.desktop()) }
}

@Suite(.serialized, .desktop(.xfce4Notifyd)) struct Xfce4NotifydMatrixTests {
    @Test func promptAppearsWhenDue() throws { try MatrixChecks.promptAppearsWhenDue(ServerUnderTest.desktop()) }
    @Test func answerOnTheBubble_thenThanksInPlace() throws { try MatrixChecks.answerOnTheBubble_thenThanksInPlace(ServerUnderTest.desktop()) }
    @Test func laterBringsItBack_skipEndsIt() throws { try MatrixChecks.laterBringsItBack_skipEndsIt(ServerUnderTest.desktop()) }
    @Test func answeredInTerminal_leavesTheScreen() throws { try MatrixChecks.answeredInTerminal_leavesTheScreen(ServerUnderTest.desktop()) }
    @Test func restart_leavesOneLiveBubble() throws { try MatrixChecks.restart_leavesOneLiveBubble(ServerUnderTest.desktop()) }
    @Test func noSignalHandledTwice() throws { try MatrixChecks.noSignalHandledTwice(ServerUnderTest.desktop()) }
}

@Suite(.serialized, .desktop(.mateNotificationDaemon)) struct MateNotificationDaemonMatrixTests {
    @Test func promptAppearsWhenDue() throws { try MatrixChecks.promptAppearsWhenDue(ServerUnderTest.desktop()) }
    @Test func answerOnTheBubble_thenThanksInPlace() throws { try MatrixChecks.answerOnTheBubble_thenThanksInPlace(ServerUnderTest.desktop()) }
    @Test func laterBringsItBack_skipEndsIt() throws { try MatrixChecks.laterBringsItBack_skipEndsIt(ServerUnderTest.desktop()) }
    @Test func answeredInTerminal_leavesTheScreen() throws { try MatrixChecks.answeredInTerminal_leavesTheScreen(ServerUnderTest.desktop()) }
    @Test func restart_leavesOneLiveBubble() throws { try MatrixChecks.restart_leavesOneLiveBubble(ServerUnderTest.desktop()) }
    @Test func noSignalHandledTwice() throws { try MatrixChecks.noSignalHandledTwice(ServerUnderTest.desktop()) }
}

@Suite(.serialized, .desktop(.notificationDaemon)) struct NotificationDaemonMatrixTests {
    @Test func promptAppearsWhenDue() throws { try MatrixChecks.promptAppearsWhenDue(ServerUnderTest.desktop()) }
    @Test func answerOnTheBubble_thenThanksInPlace() throws { try MatrixChecks.answerOnTheBubble_thenThanksInPlace(ServerUnderTest.desktop()) }
    @Test func laterBringsItBack_skipEndsIt() throws { try MatrixChecks.laterBringsItBack_skipEndsIt(ServerUnderTest.desktop()) }
    @Test func answeredInTerminal_leavesTheScreen() throws { try MatrixChecks.answeredInTerminal_leavesTheScreen(ServerUnderTest.desktop()) }
    @Test func restart_leavesOneLiveBubble() throws { try MatrixChecks.restart_leavesOneLiveBubble(ServerUnderTest.desktop()) }
    @Test func noSignalHandledTwice() throws { try MatrixChecks.noSignalHandledTwice(ServerUnderTest.desktop()) }
}

@Suite(.serialized, .desktop(.lxqtNotificationd)) struct LxqtNotificationdMatrixTests {
    @Test func promptAppearsWhenDue() throws { try MatrixChecks.promptAppearsWhenDue(ServerUnderTest.desktop()) }
    @Test func answerOnTheBubble_thenThanksInPlace() throws { try MatrixChecks.answerOnTheBubble_thenThanksInPlace(ServerUnderTest.desktop()) }
    @Test func laterBringsItBack_skipEndsIt() throws { try MatrixChecks.laterBringsItBack_skipEndsIt(ServerUnderTest.desktop()) }
    @Test func answeredInTerminal_leavesTheScreen() throws { try MatrixChecks.answeredInTerminal_leavesTheScreen(ServerUnderTest.desktop()) }
    @Test func restart_leavesOneLiveBubble() throws { try MatrixChecks.restart_leavesOneLiveBubble(ServerUnderTest.desktop()) }
    @Test func noSignalHandledTwice() throws { try MatrixChecks.noSignalHandledTwice(ServerUnderTest.desktop()) }
}

@Suite(.serialized, .desktop(.notifyOSD)) struct NotifyOSDMatrixTests {
    @Test func promptAppearsWhenDue() throws { try MatrixChecks.promptAppearsWhenDue(ServerUnderTest.desktop()) }
    @Test func answerOnTheBubble_thenThanksInPlace() throws { try MatrixChecks.answerOnTheBubble_thenThanksInPlace(ServerUnderTest.desktop()) }
    @Test func laterBringsItBack_skipEndsIt() throws { try MatrixChecks.laterBringsItBack_skipEndsIt(ServerUnderTest.desktop()) }
    @Test func answeredInTerminal_leavesTheScreen() throws { try MatrixChecks.answeredInTerminal_leavesTheScreen(ServerUnderTest.desktop()) }
    @Test func restart_leavesOneLiveBubble() throws { try MatrixChecks.restart_leavesOneLiveBubble(ServerUnderTest.desktop()) }
    @Test func noSignalHandledTwice() throws { try MatrixChecks.noSignalHandledTwice(ServerUnderTest.desktop()) }
}

@Suite(.serialized, .desktop(.mako)) struct MakoMatrixTests {
    @Test func promptAppearsWhenDue() throws { try MatrixChecks.promptAppearsWhenDue(ServerUnderTest.desktop()) }
    @Test func answerOnTheBubble_thenThanksInPlace() throws { try MatrixChecks.answerOnTheBubble_thenThanksInPlace(ServerUnderTest.desktop()) }
    @Test func laterBringsItBack_skipEndsIt() throws { try MatrixChecks.laterBringsItBack_skipEndsIt(ServerUnderTest.desktop()) }
    @Test func answeredInTerminal_leavesTheScreen() throws { try MatrixChecks.answeredInTerminal_leavesTheScreen(ServerUnderTest.desktop()) }
    @Test func restart_leavesOneLiveBubble() throws { try MatrixChecks.restart_leavesOneLiveBubble(ServerUnderTest.desktop()) }
    @Test func noSignalHandledTwice() throws { try MatrixChecks.noSignalHandledTwice(ServerUnderTest.desktop()) }
}

@Suite(.serialized, .desktop(.swaync)) struct SwayncMatrixTests {
    @Test func promptAppearsWhenDue() throws { try MatrixChecks.promptAppearsWhenDue(ServerUnderTest.desktop()) }
    @Test func answerOnTheBubble_thenThanksInPlace() throws { try MatrixChecks.answerOnTheBubble_thenThanksInPlace(ServerUnderTest.desktop()) }
    @Test func laterBringsItBack_skipEndsIt() throws { try MatrixChecks.laterBringsItBack_skipEndsIt(ServerUnderTest.desktop()) }
    @Test func answeredInTerminal_leavesTheScreen() throws { try MatrixChecks.answeredInTerminal_leavesTheScreen(ServerUnderTest.desktop()) }
    @Test func restart_leavesOneLiveBubble() throws { try MatrixChecks.restart_leavesOneLiveBubble(ServerUnderTest.desktop()) }
    @Test func noSignalHandledTwice() throws { try MatrixChecks.noSignalHandledTwice(ServerUnderTest.desktop()) }
}

@Suite(.serialized, .desktop(.gnomeShell)) struct GnomeShellMatrixTests {
    @Test func promptAppearsWhenDue() throws { try MatrixChecks.promptAppearsWhenDue(ServerUnderTest.desktop()) }
    @Test func answerOnTheBubble_thenThanksInPlace() throws { try MatrixChecks.answerOnTheBubble_thenThanksInPlace(ServerUnderTest.desktop()) }
    @Test func laterBringsItBack_skipEndsIt() throws { try MatrixChecks.laterBringsItBack_skipEndsIt(ServerUnderTest.desktop()) }
    @Test func answeredInTerminal_leavesTheScreen() throws { try MatrixChecks.answeredInTerminal_leavesTheScreen(ServerUnderTest.desktop()) }
    @Test func restart_leavesOneLiveBubble() throws { try MatrixChecks.restart_leavesOneLiveBubble(ServerUnderTest.desktop()) }
    @Test func noSignalHandledTwice() throws { try MatrixChecks.noSignalHandledTwice(ServerUnderTest.desktop()) }
}

@Suite(.serialized, .desktop(.plasmashell)) struct PlasmashellMatrixTests {
    @Test func promptAppearsWhenDue() throws { try MatrixChecks.promptAppearsWhenDue(ServerUnderTest.desktop()) }
    @Test func answerOnTheBubble_thenThanksInPlace() throws { try MatrixChecks.answerOnTheBubble_thenThanksInPlace(ServerUnderTest.desktop()) }
    @Test func laterBringsItBack_skipEndsIt() throws { try MatrixChecks.laterBringsItBack_skipEndsIt(ServerUnderTest.desktop()) }
    @Test func answeredInTerminal_leavesTheScreen() throws { try MatrixChecks.answeredInTerminal_leavesTheScreen(ServerUnderTest.desktop()) }
    @Test func restart_leavesOneLiveBubble() throws { try MatrixChecks.restart_leavesOneLiveBubble(ServerUnderTest.desktop()) }
    @Test func noSignalHandledTwice() throws { try MatrixChecks.noSignalHandledTwice(ServerUnderTest.desktop()) }
    @Test func inlineReply_isKept() throws { try MatrixChecks.inlineReply_isKept(ServerUnderTest.desktop()) }
}
