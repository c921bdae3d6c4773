import Foundation
import SteadyLocalization

/// Where exported bytes go: a file descriptor, or memory in tests.
public protocol ByteSink {
    /// Writes all of `bytes`, or throws.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// Writes to a file descriptor (standard output, a file), retrying short writes.
public struct FileDescriptorSink: ByteSink {
    public let fd: Int32

    public init(fd: Int32) { self.fd = fd }

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw InsightsError(.outputClosed, tr("The output was closed before everything was written.")) }
                // TRANSLATORS: the placeholder is the system's reason (e.g. "No space left on device").
                throw InsightsError(.output, tr("The output could not be written (%1$@).", String(cString: strerror(errno))))
            }
            offset += written
        }
    }
}

/// A byte buffer that is handed to a sink in large chunks: the export's output path.
///
/// Appending is byte-level into memory the writer owns (no intermediate `String`s for
/// numbers, dates or escapes, no per-byte array checks) so an export keeps up with SQLite.
/// Call `release()` when done.
struct ByteWriter {
    /// Called once per chunk, so an existential costs nothing that matters; the per-byte
    /// methods stay free of generic metadata lookups.
    var sink: any ByteSink
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// Bytes handed to the sink so far.
    private(set) var flushed = 0
    static let chunk = 1 << 16
    /// The last day written by `timestamp`, and its `YYYY-MM-DDT` bytes.
    private var cachedDay = Int.min
    private var dayPrefix: (UInt64, UInt8, UInt8, UInt8) = (0, 0, 0, 0)

    init(sink: any ByteSink) {
        self.sink = sink
        capacity = Self.chunk * 2
        base = .allocate(capacity: capacity)
    }

    /// Frees the buffer (after the last `flush()`).
    mutating func release() {
        base.deallocate()
        capacity = 0
        count = 0
    }

    /// The bytes not yet flushed.
    var pending: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    mutating func flushIfFull() throws {
        if count >= Self.chunk { try flush() }
    }

    mutating func flush() throws {
        guard count > 0 else { return }
        try sink.write(UnsafeRawBufferPointer(start: base, count: count))
        flushed += count
        count = 0
    }

    /// Makes room for `n` more bytes.
    @inline(__always) mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    @inline(__always) mutating func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    mutating func raw(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        reserve(bytes.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
    }

    mutating func raw(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw($0) }
    }

    mutating func ascii(_ s: StaticString) {
        s.withUTF8Buffer { raw(UnsafeRawBufferPointer($0)) }
    }

    mutating func int(_ value: Int) {
        reserve(21)
        if value < 0 { base[count] = UInt8(ascii: "-"); count += 1 }
        var v = value.magnitude
        var digits = 1
        var probe = v
        while probe >= 10 { probe /= 10; digits += 1 }
        var index = count + digits - 1
        repeat {
            base[index] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            index -= 1
        } while v > 0
        count += digits
    }

    /// `n` as exactly `width` digits (zero-padded); `n` is non-negative and fits.
    @inline(__always) private mutating func digits(_ n: Int, _ width: Int) {
        var rest = n
        var index = count + width - 1
        while index >= count {
            base[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        count += width
    }

    /// RFC 3339 local time with its offset, to the second: `2025-03-01T07:30:00+01:00`.
    mutating func timestamp(_ time: Double, clock: inout LocalClock) {
        reserve(25)
        let offset = clock.offset(at: time)
        let local = Int(time.rounded(.down)) + offset
        let dayNumber = floorDiv(local, 86_400)
        if dayNumber != cachedDay {
            let day = CivilDay(dayNumber: dayNumber)
            let start = count
            digits(day.year, 4); base[count] = UInt8(ascii: "-"); count += 1
            digits(day.month, 2); base[count] = UInt8(ascii: "-"); count += 1
            digits(day.day, 2); base[count] = UInt8(ascii: "T"); count += 1
            count = start
            withUnsafeMutableBytes(of: &dayPrefix) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + start, count: 11)) }
            cachedDay = dayNumber
        }
        withUnsafeBytes(of: dayPrefix) { UnsafeMutableRawPointer(base + count).copyMemory(from: $0.baseAddress!, byteCount: 11) }
        count += 11
        let seconds = floorMod(local, 86_400)
        digits(seconds / 3600, 2); base[count] = UInt8(ascii: ":"); count += 1
        digits(seconds / 60 % 60, 2); base[count] = UInt8(ascii: ":"); count += 1
        digits(seconds % 60, 2)
        if offset == 0 {
            base[count] = UInt8(ascii: "Z"); count += 1
        } else {
            base[count] = UInt8(ascii: offset < 0 ? "-" : "+"); count += 1
            let minutes = abs(offset) / 60
            digits(minutes / 60, 2); base[count] = UInt8(ascii: ":"); count += 1
            digits(minutes % 60, 2)
        }
    }

    /// A CSV field per RFC 4180: quoted (quotes doubled) when it holds a comma, quote, CR or LF.
    mutating func csvField(_ bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress, bytes.count > 0 else { return }
        let needsQuotes = memchr(start, 0x2C, bytes.count) != nil || memchr(start, 0x22, bytes.count) != nil
            || memchr(start, 0x0A, bytes.count) != nil || memchr(start, 0x0D, bytes.count) != nil
        guard needsQuotes else { return raw(bytes) }
        reserve(bytes.count * 2 + 2)
        base[count] = 0x22; count += 1
        for b in bytes {
            if b == 0x22 { base[count] = 0x22; count += 1 }
            base[count] = b; count += 1
        }
        base[count] = 0x22; count += 1
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string literal: quotes, backslashes and control characters escaped, other
    /// UTF-8 (emoji included) as it is.
    mutating func jsonString(_ bytes: UnsafeRawBufferPointer) {
        reserve(bytes.count * 6 + 2)  // the worst case: every byte a \u00XX escape
        base[count] = 0x22; count += 1
        for b in bytes {
            if b >= 0x20 && b != 0x22 && b != 0x5C {
                base[count] = b; count += 1
                continue
            }
            base[count] = 0x5C; count += 1
            switch b {
            case 0x22: base[count] = 0x22; count += 1
            case 0x5C: base[count] = 0x5C; count += 1
            case 0x0A: base[count] = UInt8(ascii: "n"); count += 1
            case 0x0D: base[count] = UInt8(ascii: "r"); count += 1
            case 0x09: base[count] = UInt8(ascii: "t"); count += 1
            default:
                base[count] = UInt8(ascii: "u"); base[count + 1] = 0x30; base[count + 2] = 0x30
                base[count + 3] = Self.hex[Int(b >> 4)]; base[count + 4] = Self.hex[Int(b & 0xF)]
                count += 5
            }
        }
        base[count] = 0x22; count += 1
    }
}
