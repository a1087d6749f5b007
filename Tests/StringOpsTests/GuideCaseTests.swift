import Testing

/// Every case of the design guide's section 4.1 (`stringOps.test.js`), run against each way of
/// reaching the operations.
@Suite("Guide section 4.1")
struct GuideCaseTests {
    // fastHash

    @Test("should hash empty string", arguments: Subject.Kind.allCases)
    func hashesEmptyString(kind: Subject.Kind) async throws {
        let subject = try await Subject.make(kind)
        #expect(try subject.hash("") == 2_166_136_261)  // FNV offset basis
    }

    @Test("should hash simple string", arguments: Subject.Kind.allCases)
    func hashesSimpleStringDeterministically(kind: Subject.Kind) async throws {
        let subject = try await Subject.make(kind)
        #expect(try subject.hash("hello") == subject.hash("hello"))
    }

    @Test("should produce different hashes for different strings", arguments: Subject.Kind.allCases)
    func hashesDifferentStringsDifferently(kind: Subject.Kind) async throws {
        let subject = try await Subject.make(kind)
        #expect(try subject.hash("hello") != subject.hash("world"))
    }

    @Test("should handle Unicode", arguments: Subject.Kind.allCases)
    func hashesUnicode(kind: Subject.Kind) async throws {
        let subject = try await Subject.make(kind)
        #expect(try subject.hash("Hello 世界 🚀") > 0)
    }

    @Test("should handle large strings", arguments: Subject.Kind.allCases)
    func hashesLargeString(kind: Subject.Kind) async throws {
        let subject = try await Subject.make(kind)
        #expect(try subject.hash(String(repeating: "x", count: 10_000)) > 0)
    }

    // fastCompare

    @Test("should return 0 for equal strings", arguments: Subject.Kind.allCases)
    func comparesEqualStrings(kind: Subject.Kind) async throws {
        let subject = try await Subject.make(kind)
        #expect(try subject.compare("hello", "hello") == 0)
    }

    @Test("should return -1 for a < b", arguments: Subject.Kind.allCases)
    func comparesSmallerFirst(kind: Subject.Kind) async throws {
        let subject = try await Subject.make(kind)
        #expect(try subject.compare("apple", "banana") == -1)
    }

    @Test("should return 1 for a > b", arguments: Subject.Kind.allCases)
    func comparesLargerFirst(kind: Subject.Kind) async throws {
        let subject = try await Subject.make(kind)
        #expect(try subject.compare("zebra", "apple") == 1)
    }

    @Test("should handle empty strings", arguments: Subject.Kind.allCases)
    func comparesEmptyStrings(kind: Subject.Kind) async throws {
        let subject = try await Subject.make(kind)
        #expect(try subject.compare("", "") == 0)
        #expect(try subject.compare("", "a") == -1)
        #expect(try subject.compare("a", "") == 1)
    }

    // fastSearch

    @Test("should find substring at beginning", arguments: Subject.Kind.allCases)
    func findsAtBeginning(kind: Subject.Kind) async throws {
        let subject = try await Subject.make(kind)
        #expect(try subject.search("hello world", "hello") == 0)
    }

    @Test("should find substring in middle", arguments: Subject.Kind.allCases)
    func findsInMiddle(kind: Subject.Kind) async throws {
        let subject = try await Subject.make(kind)
        #expect(try subject.search("hello world", "world") == 6)
    }

    @Test("should return -1 when not found", arguments: Subject.Kind.allCases)
    func reportsNotFound(kind: Subject.Kind) async throws {
        let subject = try await Subject.make(kind)
        #expect(try subject.search("hello world", "xyz") == nil)  // the guide's -1
    }

    @Test("should handle empty needle", arguments: Subject.Kind.allCases)
    func findsEmptyNeedleAtStart(kind: Subject.Kind) async throws {
        let subject = try await Subject.make(kind)
        #expect(try subject.search("hello", "") == 0)
    }
}
