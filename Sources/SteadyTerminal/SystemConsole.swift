import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The write end of the self-pipe the signal handler wakes readers through.
/// Set once, before the handler is installed; only read afterwards.
nonisolated(unsafe) private var interruptWriteFD: Int32 = -1

/// The process's own terminal (or the pipes it was given): stdin, stdout and stderr.
///
/// Ctrl-C (SIGINT), SIGTERM and SIGHUP do not kill the process while a `SystemConsole`
/// exists: they wake whatever is reading or waiting, which returns `.interrupted`, so a tool
/// can save what was done and restore the terminal before it exits. Waiting is `poll(2)`
/// on stdin and a self-pipe, with the deadline as the timeout: no busy loops.
///
/// Plain mode (no redrawing, no cursor or colour sequences; see `Console.redrawsInPlace`)
/// is on when output is not a terminal, when `TERM` is `dumb`, or when `plain` is asked for.
/// `NO_COLOR` (any non-empty value, https://no-color.org) turns off bold and dim alone.
///
/// Create one per process.
public final class SystemConsole: Console {
    public let inputIsTerminal: Bool
    public let outputIsTerminal: Bool
    public let redrawsInPlace: Bool
    public let usesStyles: Bool

    private let interruptReadFD: Int32
    private var buffer: [UInt8] = []
    private var inputEnded = false
    private var savedTermios: termios?
    private var liveDepth = 0

    /// `plain` asks for plain mode even at a capable terminal (`--plain`, `[terminal] plain`).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, plain: Bool = false) {
        inputIsTerminal = isatty(0) == 1
        outputIsTerminal = isatty(1) == 1
        redrawsInPlace = Self.redraws(outputIsTerminal: outputIsTerminal, environment: environment, plain: plain)
        usesStyles = Self.styles(redrawsInPlace: redrawsInPlace, environment: environment)
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            }
        }
        interruptReadFD = fds[0]
        interruptWriteFD = fds[1]
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            var byte: UInt8 = 1
            _ = Glibc.write(interruptWriteFD, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            sigaction(signal, &action, nil)
            sigaddset(&wanted, signal)
        }
        // A parent may have left them blocked (a child spawned from a Dispatch worker thread
        // inherits its mask); Ctrl-C must work all the same.
        sigprocmask(SIG_UNBLOCK, &wanted, nil)
    }

    deinit {
        while liveDepth > 0 { endLive() }
    }

    /// Whether a console may redraw: output at a terminal that is not `TERM=dumb`, plain not asked for.
    public static func redraws(outputIsTerminal: Bool, environment: [String: String], plain: Bool) -> Bool {
        outputIsTerminal && !plain && environment["TERM"] != "dumb"
    }

    /// Whether bold and dim may be used: only where redrawing is, and never with a non-empty `NO_COLOR`.
    public static func styles(redrawsInPlace: Bool, environment: [String: String]) -> Bool {
        redrawsInPlace && (environment["NO_COLOR"] ?? "").isEmpty
    }

    // MARK: - Output

    public func write(_ text: String) {
        Self.writeAll(1, text)
    }

    public func error(_ line: String) {
        Self.writeAll(2, line + "\n")
    }

    /// Writes every byte (unbuffered, so output and errors keep their order).
    private static func writeAll(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    // MARK: - Input

    public func readLine() -> ConsoleInput {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
            }
            if inputEnded {
                guard !buffer.isEmpty else { return .end }
                let line = String(decoding: buffer, as: UTF8.self)
                buffer.removeAll()
                return .line(line)
            }
            switch pollInput(timeoutMilliseconds: -1, watchingInput: true) {
            case .interrupted: return .interrupted
            case .input: fill()
            case .timeout: continue
            }
        }
    }

    // MARK: - Time

    public func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    public func wait(until deadline: Double, endOnEnter: Bool) -> WaitEnd {
        let watchInput = endOnEnter && inputIsTerminal && !inputEnded
        while true {
            if watchInput, buffer.contains(UInt8(ascii: "\n")) {
                _ = readLine()
                return .enter
            }
            let remaining = deadline - now()
            if remaining <= 0 { return .elapsed }
            let milliseconds = Int32(min(remaining * 1000, Double(Int32.max)).rounded(.up))
            switch pollInput(timeoutMilliseconds: milliseconds, watchingInput: watchInput) {
            case .interrupted: return .interrupted
            case .timeout: continue
            case .input:
                fill()
                if inputEnded && !buffer.contains(UInt8(ascii: "\n")) { return .enter }
            }
        }
    }

    // MARK: - Live mode

    public func beginLive() {
        // Plain mode: nothing is redrawn, so nothing needs hiding or protecting.
        guard redrawsInPlace else { return }
        liveDepth += 1
        guard liveDepth == 1 else { return }
        write("\u{1B}[?25l")
        if inputIsTerminal {
            var settings = termios()
            if tcgetattr(0, &settings) == 0 {
                savedTermios = settings
                settings.c_lflag &= ~tcflag_t(ECHO)
                tcsetattr(0, TCSANOW, &settings)
            }
        }
    }

    public func endLive() {
        guard liveDepth > 0 else { return }
        liveDepth -= 1
        guard liveDepth == 0 else { return }
        if var saved = savedTermios {
            tcsetattr(0, TCSANOW, &saved)
            savedTermios = nil
        }
        write("\u{1B}[?25h")
    }

    // MARK: - Helpers

    private enum PollResult { case input, interrupted, timeout }

    private func pollInput(timeoutMilliseconds: Int32, watchingInput: Bool) -> PollResult {
        var fds = [pollfd(fd: interruptReadFD, events: Int16(POLLIN), revents: 0)]
        if watchingInput { fds.append(pollfd(fd: 0, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&fds, nfds_t(fds.count), timeoutMilliseconds)
        if ready < 0 { return errno == EINTR ? .timeout : .interrupted }
        if fds[0].revents != 0 {
            var scratch = [UInt8](repeating: 0, count: 64)
            while Glibc.read(interruptReadFD, &scratch, scratch.count) > 0 {}
            return .interrupted
        }
        if watchingInput, fds[1].revents != 0 { return .input }
        return .timeout
    }

    /// Reads what stdin has now into the buffer; notes the end of input.
    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = Glibc.read(0, &chunk, chunk.count)
        if count > 0 {
            buffer.append(contentsOf: chunk[0..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            inputEnded = true
        }
    }
}
