import Foundation

/// Says on stderr which benchmark runs now, so a long run shows progress while stdout keeps only
/// the tables.
func reportProgress(_ name: String) {
    FileHandle.standardError.write(Data("… \(name)\n".utf8))
}
