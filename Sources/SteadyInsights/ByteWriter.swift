import Foundation

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
                throw InsightsError(.output, "The output could not be written (\(String(cString: strerror(errno)))).")
            }
            offset += written
        }
    }
}

/// Collects bytes in memory.
public struct MemorySink: ByteSink {
    public var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }

    /// The bytes as UTF-8 text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A byte buffer that is handed to a sink in large chunks: the export's output path.
///
/// Appending is byte-level (no intermediate `String`s for numbers, dates or escapes) so an
/// export keeps up with SQLite.
struct ByteWriter<Sink: ByteSink> {
    var sink: Sink
    var buffer: [UInt8] = []
    /// Bytes handed to the sink so far.
    private(set) var flushed = 0
    static var chunk: Int { 1 << 16 }

    init(sink: Sink) {
        self.sink = sink
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    mutating func flushIfFull() throws {
        if buffer.count >= Self.chunk { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink.write($0) }
        flushed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    @inline(__always) mutating func byte(_ b: UInt8) { buffer.append(b) }

    mutating func ascii(_ s: StaticString) {
        s.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) {
        if value < 0 { byte(UInt8(ascii: "-")) }
        var v = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[19 - count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0
            buffer.append(contentsOf: raw[(20 - count)...])
        }
    }

    /// `n` as exactly `width` digits (zero-padded); `n` is non-negative and fits.
    @inline(__always) mutating func digits(_ n: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = n
        while divisor > 0 {
            byte(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// RFC 3339 local time with its offset, to the second: `2025-03-01T07:30:00+01:00`.
    mutating func timestamp(_ time: Double, clock: inout LocalClock) {
        let offset = clock.offset(at: time)
        let local = Int(time.rounded(.down)) + offset
        let day = CivilDay(dayNumber: floorDiv(local, 86_400))
        let seconds = floorMod(local, 86_400)
        digits(day.year, 4); byte(UInt8(ascii: "-")); digits(day.month, 2); byte(UInt8(ascii: "-")); digits(day.day, 2)
        byte(UInt8(ascii: "T"))
        digits(seconds / 3600, 2); byte(UInt8(ascii: ":")); digits(seconds / 60 % 60, 2); byte(UInt8(ascii: ":")); digits(seconds % 60, 2)
        if offset == 0 {
            byte(UInt8(ascii: "Z"))
        } else {
            byte(UInt8(ascii: offset < 0 ? "-" : "+"))
            let magnitude = abs(offset) / 60
            digits(magnitude / 60, 2); byte(UInt8(ascii: ":")); digits(magnitude % 60, 2)
        }
    }

    /// A CSV field per RFC 4180: quoted (quotes doubled) when it holds a comma, quote, CR or LF.
    mutating func csvField(_ bytes: UnsafeRawBufferPointer) {
        var needsQuotes = false
        for b in bytes where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { buffer.append(contentsOf: bytes); return }
        byte(0x22)
        for b in bytes {
            if b == 0x22 { byte(0x22) }
            byte(b)
        }
        byte(0x22)
    }

    mutating func csvField(_ string: String) {
        var s = string
        s.withUTF8 { csvField(UnsafeRawBufferPointer($0)) }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, other
    /// UTF-8 (emoji included) as it is.
    mutating func jsonString(_ bytes: UnsafeRawBufferPointer) {
        byte(0x22)
        var start = 0
        for (index, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
            buffer.append(contentsOf: bytes[start..<index])
            switch b {
            case 0x22: ascii("\\\"")
            case 0x5C: ascii("\\\\")
            case 0x0A: ascii("\\n")
            case 0x0D: ascii("\\r")
            case 0x09: ascii("\\t")
            default:
                ascii("\\u00")
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                byte(hex[Int(b >> 4)]); byte(hex[Int(b & 0xF)])
            }
            start = index + 1
        }
        buffer.append(contentsOf: bytes[start...])
        byte(0x22)
    }

    mutating func jsonString(_ string: String) {
        var s = string
        s.withUTF8 { jsonString(UnsafeRawBufferPointer($0)) }
    }

    mutating func raw(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }
}
