extension WasmRuntimeCoordinator {
    /// Runs `function` of `module` on `arguments` under the current policy, falling back to the
    /// other backend when the preferred one is unavailable or fails.
    public func execute(
        module name: String, function: String, arguments: [ExecutionValue] = []
    ) throws(CoordinatorError) -> ExecutionResult {
        let clock = ContinuousClock()
        let start = clock.now
        let (loaded, policy) = try state.withLock { (state) throws(CoordinatorError) in
            guard state.registrations[name] != nil else { throw .unknownModule(name) }
            guard let loaded = state.loaded[name] else { throw .notInitialized(module: name) }
            return (loaded, state.policy)
        }
        guard let signature = loaded.functions[function] else {
            throw .unknownFunction(module: name, function: function)
        }
        guard signature.accepts(arguments) else {
            throw .argumentMismatch(
                module: name, function: function, expected: signature.parameters, actual: arguments.map(\.kind))
        }
        let call = Call(module: name, function: function, arguments: arguments, signature: signature)
        let outcome = policy == .verify ? call.verify(on: loaded) : call.run(on: loaded, policy: policy)
        let duration = clock.now - start
        state.withLock { state in
            var statistics = state.statistics[name, default: ModuleStatistics()]
            statistics.calls += 1
            statistics.totalDuration += duration
            switch outcome {
            case .success(let answer):
                if answer.backend == .webAssembly { statistics.webAssemblyCalls += 1 } else { statistics.swiftCalls += 1 }
                if answer.fallbackReason != nil { statistics.failures += 1 }
                if answer.divergence != nil { statistics.divergences += 1 }
            case .failure:
                statistics.failures += 1
            }
            state.statistics[name] = statistics
        }
        let answer = try outcome.get()
        return ExecutionResult(
            value: answer.value, backend: answer.backend, duration: duration,
            fallbackReason: answer.fallbackReason, divergence: answer.divergence)
    }
}

/// One call being executed.
private struct Call {
    let module: String
    let function: String
    let arguments: [ExecutionValue]
    let signature: FunctionSignature

    struct Answer {
        var value: ExecutionValue
        var backend: ExecutionBackend
        var fallbackReason: (any Error)?
        var divergence: Divergence?
    }

    /// The preferred backend, then the other one if it fails.
    func run(on loaded: WasmRuntimeCoordinator.LoadedModule, policy: ExecutionPolicy) -> Result<Answer, CoordinatorError> {
        var candidates: [(ExecutionBackend, any ModuleBackend)] = []
        if let webAssembly = loaded.webAssembly { candidates.append((.webAssembly, webAssembly)) }
        if let fallback = loaded.fallback { candidates.append((.swift, fallback)) }
        if policy == .preferFallback { candidates.reverse() }
        guard !candidates.isEmpty else {
            let reason = loaded.report.webAssemblyFailure.map { "WebAssembly did not load (\($0)) and there is no fallback" }
            return .failure(.noBackend(module: module, reason: reason ?? "no WebAssembly module and no fallback registered"))
        }
        var firstFailure: (any Error)?
        var lastFailure: (ExecutionBackend, any Error)?
        for (kind, backend) in candidates {
            do {
                let value = try backend.invoke(function, arguments: arguments, signature: signature)
                return .success(Answer(value: value, backend: kind, fallbackReason: firstFailure, divergence: nil))
            } catch {
                firstFailure = firstFailure ?? error
                lastFailure = (kind, error)
            }
        }
        let (kind, error) = lastFailure ?? (candidates[0].0, firstFailure ?? CoordinatorError.unknownModule(module))
        return .failure(.executionFailed(module: module, function: function, backend: kind, underlying: error))
    }

    /// Both backends, compared; without both it runs like `.preferWebAssembly`.
    func verify(on loaded: WasmRuntimeCoordinator.LoadedModule) -> Result<Answer, CoordinatorError> {
        guard let webAssembly = loaded.webAssembly, let fallback = loaded.fallback else {
            return run(on: loaded, policy: .preferWebAssembly)
        }
        let wasmResult = Result { try webAssembly.invoke(function, arguments: arguments, signature: signature) }
        let swiftResult = Result { try fallback.invoke(function, arguments: arguments, signature: signature) }
        switch (wasmResult, swiftResult) {
        case (.success(let wasmValue), .success(let swiftValue)):
            let divergence =
                Self.same(wasmValue, swiftValue) ? nil : Divergence(webAssembly: .value(wasmValue), swift: .value(swiftValue))
            return .success(Answer(value: wasmValue, backend: .webAssembly, fallbackReason: nil, divergence: divergence))
        case (.success(let wasmValue), .failure(let swiftError)):
            let divergence = Divergence(webAssembly: .value(wasmValue), swift: .failure(swiftError))
            return .success(Answer(value: wasmValue, backend: .webAssembly, fallbackReason: nil, divergence: divergence))
        case (.failure(let wasmError), .success(let swiftValue)):
            let divergence = Divergence(webAssembly: .failure(wasmError), swift: .value(swiftValue))
            return .success(Answer(value: swiftValue, backend: .swift, fallbackReason: wasmError, divergence: divergence))
        case (.failure(let wasmError), .failure):
            return .failure(.executionFailed(module: module, function: function, backend: .webAssembly, underlying: wasmError))
        }
    }

    /// Equal values; floats by bit pattern, so NaN matches NaN.
    static func same(_ first: ExecutionValue, _ second: ExecutionValue) -> Bool {
        if case .float64(let a) = first, case .float64(let b) = second { return a.bitPattern == b.bitPattern }
        if case .float32(let a) = first, case .float32(let b) = second { return a.bitPattern == b.bitPattern }
        return first == second
    }
}
