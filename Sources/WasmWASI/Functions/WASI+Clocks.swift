extension WASI {
    /// `clock_res_get(id) -> timestamp`: the clock's resolution in nanoseconds.
    func clockResGet(_ call: WASICall) throws {
        guard let clock = WASIClockID(rawValue: call.u32(0)), let resolution = self.clock.resolution(clock) else {
            throw WASIErrno.inval
        }
        try call.memory.store(max(resolution, 1), at: call.u32(1))
    }

    /// `clock_time_get(id, precision) -> timestamp`: the clock's time in nanoseconds.
    func clockTimeGet(_ call: WASICall) throws {
        guard let clock = WASIClockID(rawValue: call.u32(0)), let now = self.clock.now(clock) else {
            throw WASIErrno.inval
        }
        try call.memory.store(now, at: call.u32(2))
    }

    /// `random_get(buf, buf_len)`: fills the buffer from the configured random source.
    func randomGet(_ call: WASICall) throws {
        let buffer = try call.memory.region(at: call.u32(0), count: call.u32(1))
        do {
            try random.fill(buffer)
        } catch let errno as WASIErrno {
            throw errno
        } catch {
            throw WASIErrno.io
        }
    }
}
