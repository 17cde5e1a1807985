#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock timing and memory figures.
enum Measure {
    /// Runs `body` and returns its result and the wall time it took, in seconds.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        return (result, seconds(start.duration(to: clock.now)))
    }

    /// Runs `body` and returns its result, its wall time and the CPU time (user + system, every
    /// thread of the process) it took, in seconds. CPU time is the steadier figure on a machine
    /// that something else is also using.
    static func timeAndCPU<T>(_ body: () throws -> T) rethrows -> (T, wall: Double, cpu: Double) {
        let cpuBefore = cpuSeconds()
        let (result, wall) = try time(body)
        return (result, wall, cpuSeconds() - cpuBefore)
    }

    /// The process's CPU time so far (user + system), in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) * 1e-6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) * 1e-18
    }

    /// The process's peak resident set so far, in MB (VmHWM from /proc/self/status; the
    /// getrusage maximum where there is no /proc).
    static func peakResidentMB() -> Double {
        if let kilobytes = procStatusKilobytes("VmHWM:") { return Double(kilobytes) / 1024 }
        var usage = rusage()
        #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576  // bytes on macOS
        #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #endif
    }

    /// The process's resident set now, in MB (VmRSS), or 0 where it cannot be read.
    static func residentMB() -> Double {
        procStatusKilobytes("VmRSS:").map { Double($0) / 1024 } ?? 0
    }

    /// A `kB` line of /proc/self/status.
    private static func procStatusKilobytes(_ key: String) -> Int? {
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 512)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard text.hasPrefix(key) else { continue }
            return Int(text.dropFirst(key.count).filter(\.isNumber))
        }
        return nil
    }

    /// The best (smallest) and median of `samples`.
    static func bestAndMedian(_ samples: [Double]) -> (best: Double, median: Double) {
        let sorted = samples.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        return (sorted[0], median)
    }
}

/// Formats figures for the one-line-per-figure output.
enum Figure {
    /// `value` with `digits` decimals.
    static func fixed(_ value: Double, _ digits: Int = 3) -> String {
        guard value.isFinite else { return "nan" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        let whole = Int(rounded / scale)
        var fraction = String(Int(rounded - Double(whole) * scale))
        while fraction.count < digits { fraction = "0" + fraction }
        let sign = value < 0 && rounded != 0 ? "-" : ""
        return digits == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// Prints `name key=value …` and flushes, so a driving script sees it at once.
    static func emit(_ name: String, _ fields: KeyValuePairs<String, String>) {
        let body = fields.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        print("\(name) \(body)")
        fflush(nil)
    }
}
