extension Unmanaged {
    /// Runs `body` on the object without retaining or releasing it (the caller keeps it alive
    /// by a strong reference elsewhere); a ``HostingError`` passes through as it is.
    func withGuaranteedObject<R>(_ body: (Instance) throws(HostingError) -> R) throws(HostingError) -> R {
        let outcome = _withUnsafeGuaranteedRef { object in Result { () throws(HostingError) -> R in try body(object) } }
        return try outcome.get()
    }
}
