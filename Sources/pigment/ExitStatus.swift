import PigmentIO

/// pigment's exit codes (documented in the README).
enum ExitStatus: Int32 {
    /// Everything measured and written.
    case success = 0
    /// Reserved for partial failure (some batch rows failed, a check regressed).
    case failure = 1
    /// The command line is wrong: unknown option, bad value, missing argument.
    case usage = 2
    /// An input image (or mask) is missing, unreadable, corrupt or unsupported.
    case badImage = 3
    /// The inputs do not fit together: they cannot be aligned, sizes differ,
    /// the mask is empty or too small.
    case incompatibleInputs = 4
    /// An output file could not be written.
    case cannotWrite = 5
    /// This binary was built for the host's CPU (`scripts/build`) and the
    /// CPU it runs on lacks an extension that build uses.
    case unsupportedCPU = 6
}

/// An error the command reports as one line on stderr, with an exit status.
struct CommandFailure: Error {
    var status: ExitStatus
    var message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    init(_ error: ImageFileError) {
        if case .writeFailed = error { self.init(.cannotWrite, error.description) } else { self.init(.badImage, error.description) }
    }

    init(_ error: ComparisonError) {
        switch error {
        case .image(let image): self.init(image)
        case .sizeMismatch, .maskMismatch, .regionTooSmall, .alignmentFailed, .poorAlignment:
            self.init(.incompatibleInputs, error.description)
        case .invalidSettings: self.init(.usage, error.description)
        }
    }
}
