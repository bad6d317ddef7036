import Foundation
import PigmentIO
import XCTest

/// Every file in Fixtures/corrupt/ gives the error class listed for it in
/// expected.tsv (or decodes, where it is valid), naming the file in one line.
final class CorruptCorpusTests: XCTestCase {
    let folder = FixturePaths.root.appendingPathComponent("corrupt")

    /// (file, class) rows of expected.tsv.
    func expectations() throws -> [(file: String, errorClass: String)] {
        let text = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (String(fields[0]), String(fields[1]))
        }
    }

    func errorClass(of error: ImageFileError) -> String {
        switch error {
        case .unreadable: return "unreadable"
        case .notAnImage: return "not_an_image"
        case .corrupt: return "corrupt"
        case .unsupported: return "unsupported"
        case .tooLarge: return "too_large"
        case .writeFailed: return "write_failed"
        }
    }

    func testEveryFileIsListed() throws {
        var listed = Set(try expectations().map(\.file))
        listed.insert("expected.tsv")
        var found = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let fuzz = folder.appendingPathComponent("fuzz").path
        if FileManager.default.fileExists(atPath: fuzz) {
            found.removeAll { $0 == "fuzz" }
            found += try FileManager.default.contentsOfDirectory(atPath: fuzz).map { "fuzz/\($0)" }
        }
        XCTAssertEqual(Set(found).subtracting(listed), [], "files without an expected class")
        XCTAssertEqual(listed.subtracting(found), [], "listed files that are missing")
    }

    func testEveryFileGivesItsExpectedClass() throws {
        for (file, expected) in try expectations() {
            let path = folder.appendingPathComponent(file).path
            do {
                let image = try ImageDecoder().decode(path)
                XCTAssertEqual(expected, "ok", "\(file) decoded (\(image.width)x\(image.height))")
            } catch {
                XCTAssertTrue(expected == "error" || errorClass(of: error) == expected, "\(file): \(error)")
                XCTAssertTrue(error.description.hasPrefix(path), "\(file): names the file")
                XCTAssertFalse(error.description.contains("\n"), "\(file): one line")
            }
        }
    }

    func testUnreadableFileIsUnreadable() throws {
        guard getuid() != 0 else { throw XCTSkip("running as root: file permissions do not stop root from reading") }
        let temporary = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let path = temporary.appendingPathComponent("locked.png").path
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: URL(fileURLWithPath: path))
        chmod(path, 0)
        XCTAssertThrowsError(try ImageDecoder().decode(path)) { error in
            XCTAssertEqual(self.errorClass(of: error as! ImageFileError), "unreadable")
        }
    }

    func testFileWhoseReadFailsIsUnreadable() throws {
        // /proc/self/mem opens but fails at offset 0, even for root.
        let path = "/proc/self/mem"
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("no /proc on this system") }
        XCTAssertThrowsError(try ImageDecoder().decode(path)) { error in
            XCTAssertEqual(self.errorClass(of: error as! ImageFileError), "unreadable", "\(error)")
        }
    }
}
