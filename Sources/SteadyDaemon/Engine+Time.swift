import SteadyLocalization
import CSystemd
import Dispatch
import Foundation
import SteadyBus

extension Engine {
    /// Watches what moves the clock under the engine, each as a Dispatch source on the engine
    /// queue (no polling): the wall clock being set (a `timerfd` with `TFD_TIMER_CANCEL_ON_SET`),
    /// the time zone changing (`/etc/localtime` replaced, via inotify on /etc), and resume from
    /// suspend (logind's `PrepareForSleep(false)` on the system bus, when there is one). Each
    /// recomputes every deadline; the catch-up rule decides about slots that passed.
    func watchTime() {
        if let watcher = ClockSetWatcher(queue: queue, onChange: { [unowned self] in
            logger.notice("the system clock was set; recomputing")
            record("clock-set", detail: nil)
            tick()
        }) {
            timeWatchers.append(watcher)
        }
        if let watcher = TimeZoneWatcher(queue: queue, onChange: { [unowned self] in
            NSTimeZone.resetSystemTimeZone()
            logger.notice("the time zone changed; recomputing", metadata: ["zone": "\(TimeZone.current.identifier)"])
            record("time-zone", detail: TimeZone.current.identifier)
            tick()
        }) {
            timeWatchers.append(watcher)
        }
        do {
            let system = try BusConnection.system(queue: queue)
            let match = system.matchSignal(path: "/org/freedesktop/login1", interface: "org.freedesktop.login1.Manager",
                                           member: "PrepareForSleep") { [unowned self] message in
                guard let sleeping = try? message.readBool(), !sleeping else { return }
                logger.notice("resumed from suspend; recomputing")
                record("resume", detail: nil)
                tick()
            }
            timeWatchers.append(system)
            timeWatchers.append(match)
        } catch {
            logger.debug("no system bus; resume is noticed by clock jumps instead", metadata: ["error": "\(Localization.english(error))"])
        }
    }
}

/// Calls back when the wall clock is set (`settimeofday`, NTP steps), via a CLOCK_REALTIME
/// timerfd armed far in the future with `TFD_TIMER_CANCEL_ON_SET`: it becomes readable, and
/// `read` fails with ECANCELED, exactly when the clock is set. No wakeups otherwise.
final class ClockSetWatcher {
    private let fd: Int32
    private let source: DispatchSourceRead

    init?(queue: DispatchQueue, onChange: @escaping () -> Void) {
        fd = timerfd_create(CLOCK_REALTIME, Int32(TFD_CLOEXEC) | Int32(TFD_NONBLOCK))
        guard fd >= 0 else { return nil }
        // Armed before the source exists: a source released without ever being resumed crashes.
        guard Self.arm(fd) else {
            close(fd)
            return nil
        }
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        let fd = fd
        source.setEventHandler {
            var expirations: UInt64 = 0
            let n = read(fd, &expirations, 8)
            if n < 0 && errno == ECANCELED {
                _ = Self.arm(fd)
                onChange()
            }
        }
        source.setCancelHandler { close(fd) }
        source.resume()
    }

    private static func arm(_ fd: Int32) -> Bool {
        var spec = itimerspec()
        spec.it_value.tv_sec = Int(Int32.max)  // far future: it never expires, it only cancels
        return timerfd_settime(fd, Int32(TFD_TIMER_ABSTIME) | Int32(TFD_TIMER_CANCEL_ON_SET), &spec, nil) == 0
    }

    deinit { source.cancel() }
}

/// Calls back when `/etc/localtime` or `/etc/timezone` is replaced or changed.
final class TimeZoneWatcher {
    private let source: DispatchSourceRead

    init?(queue: DispatchQueue, directory: String = "/etc", names: Set<String> = ["localtime", "timezone"],
          onChange: @escaping () -> Void)
    {
        let fd = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_CREATE) | UInt32(IN_MOVED_TO) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_DELETE) | UInt32(IN_ATTRIB)
        guard inotify_add_watch(fd, directory, mask) >= 0 else {
            close(fd)
            return nil
        }
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler {
            var buffer = [UInt8](repeating: 0, count: 4096)
            var changed = false
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= n {
                    let length = buffer.withUnsafeBytes { Int($0.load(fromByteOffset: offset + 12, as: UInt32.self)) }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = buffer[nameStart..<min(n, nameStart + length)].prefix { $0 != 0 }
                    if names.contains(String(decoding: nameBytes, as: UTF8.self)) { changed = true }
                    offset = nameStart + length
                }
            }
            if changed { onChange() }
        }
        source.setCancelHandler { close(fd) }
        source.resume()
    }

    deinit { source.cancel() }
}
