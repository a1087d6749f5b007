#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import WasmInterpreter

extension WASI {
    /// An event `poll_oneoff` reports (`event`, 32 bytes).
    struct PollEvent {
        var userdata: UInt64
        var error: WASIErrno = .success
        var type: EventType
        var byteCount: UInt64 = 0
        var hangUp = false
    }

    /// `poll_oneoff(in, out, nsubscriptions) -> nevents`: waits until at least one subscription
    /// is ready — a clock reaching its time (the wait really sleeps), a descriptor ready to read
    /// or write — and reports every ready one. Regular files, in-memory streams and errors are
    /// ready at once; terminals, pipes and sockets are asked with the host's `poll`.
    func pollOneoff(_ call: WASICall) throws {
        let count = call.u32(2)
        guard count > 0 else { throw WASIErrno.inval }
        _ = try call.memory.offset(call.u32(0), count: Int(count) * 48)
        _ = try call.memory.offset(call.u32(1), count: Int(count) * 32)
        var ready: [PollEvent] = []
        var waiting: [(event: PollEvent, fd: Int32)] = []
        var clocks: [(event: PollEvent, delay: UInt64)] = []
        for index in 0..<count {
            let address = call.u32(0) + index * 48
            let userdata = try call.memory.load(UInt64.self, at: address)
            guard let type = EventType(rawValue: try call.memory.load(UInt8.self, at: address + 8)) else {
                throw WASIErrno.inval
            }
            let event = PollEvent(userdata: userdata, type: type)
            if type == .clock {
                if let delay = try clockDelay(call.memory, at: address + 16) {
                    // A time already reached is an event now, beside any others.
                    if delay == 0 { ready.append(event) } else { clocks.append((event, delay)) }
                } else {
                    ready.append(PollEvent(userdata: userdata, error: .inval, type: .clock))
                }
            } else {
                switch descriptorReadiness(try call.memory.load(UInt32.self, at: address + 16), for: event) {
                case .ready(let event): ready.append(event)
                case .host(let event, let host): waiting.append((event, host))
                }
            }
        }
        let earliest = clocks.map(\.delay).min()
        if !waiting.isEmpty {
            ready += try pollHost(waiting, timeout: ready.isEmpty ? earliest : 0)
        } else if ready.isEmpty, let earliest {
            clock.sleep(nanoseconds: earliest)
        }
        if ready.isEmpty, let earliest {
            ready += clocks.filter { $0.delay <= earliest }.map(\.event)
        }
        for (index, event) in ready.enumerated() {
            let address = call.u32(1) + UInt32(index) * 32
            try call.memory.write(repeatElement(0, count: 32), at: address)
            try call.memory.store(event.userdata, at: address)
            try call.memory.store(event.error.rawValue, at: address + 8)
            try call.memory.store(event.type.rawValue, at: address + 10)
            try call.memory.store(event.byteCount, at: address + 16)
            try call.memory.store(UInt16(event.hangUp ? 1 : 0), at: address + 24)
        }
        try call.memory.store(UInt32(ready.count), at: call.u32(3))
    }

    /// How long a clock subscription at `address` waits, in nanoseconds; nil for an unknown clock.
    private func clockDelay(_ memory: GuestMemory, at address: UInt32) throws(Trap) -> UInt64? {
        guard let id = WASIClockID(rawValue: try memory.load(UInt32.self, at: address)),
              let now = clock.now(id) else { return nil }
        let timeout = try memory.load(UInt64.self, at: address + 8)
        let absolute = try memory.load(UInt16.self, at: address + 24) & 1 != 0
        return absolute ? (timeout > now ? timeout - now : 0) : timeout
    }

    private enum Readiness {
        case ready(PollEvent)
        case host(PollEvent, Int32)
    }

    /// Whether descriptor `fd` is ready now, or must be asked of the host.
    private func descriptorReadiness(_ fd: UInt32, for event: PollEvent) -> Readiness {
        var event = event
        let descriptor: Descriptor
        do {
            descriptor = try descriptors.get(fd, requiring: .pollFdReadwrite)
        } catch {
            event.error = error
            return .ready(event)
        }
        switch descriptor.target {
        case .input(let input):
            if event.type == .fdRead { event.byteCount = UInt64(input.remaining) } else { event.error = .badf }
        case .output:
            if event.type == .fdRead { event.error = .badf }
        case .unavailable:
            event.error = .badf
        case .host(let host):
            guard descriptor.fileType == .regularFile else { return .host(event, host.fd) }
            if event.type == .fdRead, let status = try? descriptor.status(),
               let position = try? descriptor.seek(by: 0, from: .current) {
                event.byteCount = UInt64(status.size) > position ? UInt64(status.size) - position : 0
            }
        }
        return .ready(event)
    }

    /// Asks the host which of `waiting` are ready, waiting up to `timeout` nanoseconds (nil: until
    /// one is).
    private func pollHost(_ waiting: [(event: PollEvent, fd: Int32)], timeout: UInt64?) throws -> [PollEvent] {
        var entries = waiting.map {
            pollfd(fd: $0.fd, events: Int16($0.event.type == .fdRead ? POLLIN : POLLOUT), revents: 0)
        }
        let milliseconds = timeout.map { Int32(clamping: ($0 / 1_000_000) + ($0 % 1_000_000 == 0 ? 0 : 1)) } ?? -1
        _ = try HostCall.check { poll(&entries, nfds_t(entries.count), milliseconds) }
        var events: [PollEvent] = []
        for (entry, (event, _)) in zip(entries, waiting) where entry.revents != 0 {
            var event = event
            if entry.revents & Int16(POLLNVAL) != 0 {
                event.error = .badf
            } else if entry.revents & Int16(POLLERR) != 0 && entry.revents & Int16(POLLIN | POLLOUT) == 0 {
                event.error = .io
            }
            event.hangUp = entry.revents & Int16(POLLHUP) != 0
            events.append(event)
        }
        return events
    }
}
