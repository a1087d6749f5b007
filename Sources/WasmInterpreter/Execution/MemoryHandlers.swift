import WasmBinary

/// The load and store handler of each memory instruction in each address mode.
enum MemoryHandlers {
    static func load(_ operation: LoadOperation, _ mode: AddressMode = .slot) -> UInt64 {
        switch mode {
        case .slot:
            switch operation {
            case .i32Load, .f32Load, .i64Load32U: return handlerWord { loadU32($0, $1, $2, $3, $4, $5, $6, .slot) }
            case .i64Load, .f64Load: return handlerWord { loadU64($0, $1, $2, $3, $4, $5, $6, .slot) }
            case .i32Load8U, .i64Load8U: return handlerWord { loadU8($0, $1, $2, $3, $4, $5, $6, .slot) }
            case .i32Load16U, .i64Load16U: return handlerWord { loadU16($0, $1, $2, $3, $4, $5, $6, .slot) }
            case .i32Load8S: return handlerWord { loadS8ToI32($0, $1, $2, $3, $4, $5, $6, .slot) }
            case .i32Load16S: return handlerWord { loadS16ToI32($0, $1, $2, $3, $4, $5, $6, .slot) }
            case .i64Load8S: return handlerWord { loadS8ToI64($0, $1, $2, $3, $4, $5, $6, .slot) }
            case .i64Load16S: return handlerWord { loadS16ToI64($0, $1, $2, $3, $4, $5, $6, .slot) }
            case .i64Load32S: return handlerWord { loadS32ToI64($0, $1, $2, $3, $4, $5, $6, .slot) }
            }
        case .sum:
            switch operation {
            case .i32Load, .f32Load, .i64Load32U: return handlerWord { loadU32($0, $1, $2, $3, $4, $5, $6, .sum) }
            case .i64Load, .f64Load: return handlerWord { loadU64($0, $1, $2, $3, $4, $5, $6, .sum) }
            case .i32Load8U, .i64Load8U: return handlerWord { loadU8($0, $1, $2, $3, $4, $5, $6, .sum) }
            case .i32Load16U, .i64Load16U: return handlerWord { loadU16($0, $1, $2, $3, $4, $5, $6, .sum) }
            case .i32Load8S: return handlerWord { loadS8ToI32($0, $1, $2, $3, $4, $5, $6, .sum) }
            case .i32Load16S: return handlerWord { loadS16ToI32($0, $1, $2, $3, $4, $5, $6, .sum) }
            case .i64Load8S: return handlerWord { loadS8ToI64($0, $1, $2, $3, $4, $5, $6, .sum) }
            case .i64Load16S: return handlerWord { loadS16ToI64($0, $1, $2, $3, $4, $5, $6, .sum) }
            case .i64Load32S: return handlerWord { loadS32ToI64($0, $1, $2, $3, $4, $5, $6, .sum) }
            }
        case .slotPlusConstant:
            switch operation {
            case .i32Load, .f32Load, .i64Load32U: return handlerWord { loadU32($0, $1, $2, $3, $4, $5, $6, .slotPlusConstant) }
            case .i64Load, .f64Load: return handlerWord { loadU64($0, $1, $2, $3, $4, $5, $6, .slotPlusConstant) }
            case .i32Load8U, .i64Load8U: return handlerWord { loadU8($0, $1, $2, $3, $4, $5, $6, .slotPlusConstant) }
            case .i32Load16U, .i64Load16U: return handlerWord { loadU16($0, $1, $2, $3, $4, $5, $6, .slotPlusConstant) }
            case .i32Load8S: return handlerWord { loadS8ToI32($0, $1, $2, $3, $4, $5, $6, .slotPlusConstant) }
            case .i32Load16S: return handlerWord { loadS16ToI32($0, $1, $2, $3, $4, $5, $6, .slotPlusConstant) }
            case .i64Load8S: return handlerWord { loadS8ToI64($0, $1, $2, $3, $4, $5, $6, .slotPlusConstant) }
            case .i64Load16S: return handlerWord { loadS16ToI64($0, $1, $2, $3, $4, $5, $6, .slotPlusConstant) }
            case .i64Load32S: return handlerWord { loadS32ToI64($0, $1, $2, $3, $4, $5, $6, .slotPlusConstant) }
            }
        case .constant:
            switch operation {
            case .i32Load, .f32Load, .i64Load32U: return handlerWord { loadU32($0, $1, $2, $3, $4, $5, $6, .constant) }
            case .i64Load, .f64Load: return handlerWord { loadU64($0, $1, $2, $3, $4, $5, $6, .constant) }
            case .i32Load8U, .i64Load8U: return handlerWord { loadU8($0, $1, $2, $3, $4, $5, $6, .constant) }
            case .i32Load16U, .i64Load16U: return handlerWord { loadU16($0, $1, $2, $3, $4, $5, $6, .constant) }
            case .i32Load8S: return handlerWord { loadS8ToI32($0, $1, $2, $3, $4, $5, $6, .constant) }
            case .i32Load16S: return handlerWord { loadS16ToI32($0, $1, $2, $3, $4, $5, $6, .constant) }
            case .i64Load8S: return handlerWord { loadS8ToI64($0, $1, $2, $3, $4, $5, $6, .constant) }
            case .i64Load16S: return handlerWord { loadS16ToI64($0, $1, $2, $3, $4, $5, $6, .constant) }
            case .i64Load32S: return handlerWord { loadS32ToI64($0, $1, $2, $3, $4, $5, $6, .constant) }
            }
        }
    }

    /// A store of a slot's value or, when `immediate`, of a constant in the code.
    static func store(_ operation: StoreOperation, _ mode: AddressMode = .slot, immediate: Bool = false) -> UInt64 {
        switch (mode, immediate) {
        case (.slot, false):
            switch operation.byteWidth {
            case 1: return handlerWord { memoryStore(UInt8.self, $0, $1, $2, $3, $4, $5, $6, .slot, immediate: false) }
            case 2: return handlerWord { memoryStore(UInt16.self, $0, $1, $2, $3, $4, $5, $6, .slot, immediate: false) }
            case 4: return handlerWord { memoryStore(UInt32.self, $0, $1, $2, $3, $4, $5, $6, .slot, immediate: false) }
            default: return handlerWord { memoryStore(UInt64.self, $0, $1, $2, $3, $4, $5, $6, .slot, immediate: false) }
            }
        case (.slot, true):
            switch operation.byteWidth {
            case 1: return handlerWord { memoryStore(UInt8.self, $0, $1, $2, $3, $4, $5, $6, .slot, immediate: true) }
            case 2: return handlerWord { memoryStore(UInt16.self, $0, $1, $2, $3, $4, $5, $6, .slot, immediate: true) }
            case 4: return handlerWord { memoryStore(UInt32.self, $0, $1, $2, $3, $4, $5, $6, .slot, immediate: true) }
            default: return handlerWord { memoryStore(UInt64.self, $0, $1, $2, $3, $4, $5, $6, .slot, immediate: true) }
            }
        case (.sum, false):
            switch operation.byteWidth {
            case 1: return handlerWord { memoryStore(UInt8.self, $0, $1, $2, $3, $4, $5, $6, .sum, immediate: false) }
            case 2: return handlerWord { memoryStore(UInt16.self, $0, $1, $2, $3, $4, $5, $6, .sum, immediate: false) }
            case 4: return handlerWord { memoryStore(UInt32.self, $0, $1, $2, $3, $4, $5, $6, .sum, immediate: false) }
            default: return handlerWord { memoryStore(UInt64.self, $0, $1, $2, $3, $4, $5, $6, .sum, immediate: false) }
            }
        case (.sum, true):
            switch operation.byteWidth {
            case 1: return handlerWord { memoryStore(UInt8.self, $0, $1, $2, $3, $4, $5, $6, .sum, immediate: true) }
            case 2: return handlerWord { memoryStore(UInt16.self, $0, $1, $2, $3, $4, $5, $6, .sum, immediate: true) }
            case 4: return handlerWord { memoryStore(UInt32.self, $0, $1, $2, $3, $4, $5, $6, .sum, immediate: true) }
            default: return handlerWord { memoryStore(UInt64.self, $0, $1, $2, $3, $4, $5, $6, .sum, immediate: true) }
            }
        case (.slotPlusConstant, false):
            switch operation.byteWidth {
            case 1: return handlerWord { memoryStore(UInt8.self, $0, $1, $2, $3, $4, $5, $6, .slotPlusConstant, immediate: false) }
            case 2: return handlerWord { memoryStore(UInt16.self, $0, $1, $2, $3, $4, $5, $6, .slotPlusConstant, immediate: false) }
            case 4: return handlerWord { memoryStore(UInt32.self, $0, $1, $2, $3, $4, $5, $6, .slotPlusConstant, immediate: false) }
            default: return handlerWord { memoryStore(UInt64.self, $0, $1, $2, $3, $4, $5, $6, .slotPlusConstant, immediate: false) }
            }
        case (.slotPlusConstant, true):
            switch operation.byteWidth {
            case 1: return handlerWord { memoryStore(UInt8.self, $0, $1, $2, $3, $4, $5, $6, .slotPlusConstant, immediate: true) }
            case 2: return handlerWord { memoryStore(UInt16.self, $0, $1, $2, $3, $4, $5, $6, .slotPlusConstant, immediate: true) }
            case 4: return handlerWord { memoryStore(UInt32.self, $0, $1, $2, $3, $4, $5, $6, .slotPlusConstant, immediate: true) }
            default: return handlerWord { memoryStore(UInt64.self, $0, $1, $2, $3, $4, $5, $6, .slotPlusConstant, immediate: true) }
            }
        case (.constant, false):
            switch operation.byteWidth {
            case 1: return handlerWord { memoryStore(UInt8.self, $0, $1, $2, $3, $4, $5, $6, .constant, immediate: false) }
            case 2: return handlerWord { memoryStore(UInt16.self, $0, $1, $2, $3, $4, $5, $6, .constant, immediate: false) }
            case 4: return handlerWord { memoryStore(UInt32.self, $0, $1, $2, $3, $4, $5, $6, .constant, immediate: false) }
            default: return handlerWord { memoryStore(UInt64.self, $0, $1, $2, $3, $4, $5, $6, .constant, immediate: false) }
            }
        case (.constant, true):
            switch operation.byteWidth {
            case 1: return handlerWord { memoryStore(UInt8.self, $0, $1, $2, $3, $4, $5, $6, .constant, immediate: true) }
            case 2: return handlerWord { memoryStore(UInt16.self, $0, $1, $2, $3, $4, $5, $6, .constant, immediate: true) }
            case 4: return handlerWord { memoryStore(UInt32.self, $0, $1, $2, $3, $4, $5, $6, .constant, immediate: true) }
            default: return handlerWord { memoryStore(UInt64.self, $0, $1, $2, $3, $4, $5, $6, .constant, immediate: true) }
            }
        }
    }
}
