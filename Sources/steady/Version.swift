/// steady's version, set here and nowhere else.
///
/// `steady --version` prints it; `make deb` and `make dist` read it from this line for the
/// package and archive names; the newest entry of `CHANGELOG.md` must name it (`make deb`
/// refuses otherwise, and a test checks it).
enum SteadyVersion {
    static let number = "0.1.0"
}
