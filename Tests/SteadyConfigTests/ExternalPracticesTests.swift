import BuiltinPractices
import Foundation
import SteadyConfig
import SteadyKit
import SteadyTestSupport
import Testing

/// Loading a config is reading data: an external practice's program runs only when
/// `ExternalPractices.describeAll` asks it to describe itself.
@Suite struct ExternalPracticesTests {
    let loader = ConfigLoader(registry: BuiltinPractices.registry)

    /// A program that leaves `marks` behind each time it runs and describes itself.
    func program(in directory: TemporaryDirectory, schedule: String = "[]") throws -> (path: String, marks: String) {
        let marks = directory.file("marks")
        let path = try directory.write("practice.sh", """
            #!/bin/sh
            echo ran >> '\(marks)'
            echo '{"protocol":1,"name":"Kind act","summary":"One small act.","schedule":\(schedule)}'

            """)
        chmod(path, 0o755)
        return (path, marks)
    }

    @Test func loadingAConfig_doesNotStartTheProgram_andNamesThePracticeAsConfigured() throws {
        let directory = TemporaryDirectory()
        let (path, marks) = try program(in: directory)
        let file = try directory.write("config.toml", "[practices.kind-act]\nexec = \"\(path)\"\nideas = [\"tea\"]\n")
        let config = try loader.load(path: file)
        #expect(!FileManager.default.fileExists(atPath: marks), "loading the config ran the program")
        let setup = try #require(config.practice("kind-act"))
        #expect(setup.practice.displayName == "kind-act")
        #expect(setup.external?.executable == path)
        #expect(setup.external?.settings == ["ideas": .array([.string("tea")])])
        #expect(setup.schedule.isEmpty)
    }

    @Test func describeAll_asksTheProgram_forItsNameAndSchedule() throws {
        let directory = TemporaryDirectory()
        let (path, marks) = try program(in: directory, schedule: #"["*-*-* 12:00"]"#)
        let file = try directory.write("config.toml", "[practices.kind-act]\nexec = \"\(path)\"\n")
        let config = try ExternalPractices().describeAll(loader.load(path: file))
        #expect(try String(contentsOfFile: marks, encoding: .utf8) == "ran\n")
        let setup = try #require(config.practice("kind-act"))
        #expect(setup.practice.displayName == "Kind act")
        #expect(setup.schedule.map(\.description) == ["*-*-* 12:00:00"])
    }

    @Test func aProgramThatCannotDescribeItself_isAConfigErrorAtItsExecLine_onlyWhenAsked() throws {
        let directory = TemporaryDirectory()
        let path = try directory.write("broken.sh", "#!/bin/sh\necho 'not json'\n")
        chmod(path, 0o755)
        let file = try directory.write("config.toml", "quiet-hours = \"off\"\n[practices.mine]\nexec = \"\(path)\"\n")
        let config = try loader.load(path: file)
        do {
            _ = try ExternalPractices().describeAll(config)
            Issue.record("expected a config error")
        } catch {
            #expect(error.file == file)
            #expect(error.line == 3)
            #expect(error.message.contains("not one JSON object"), "\(error.message)")
            #expect(error.hint?.contains("external-practices.md") == true)
            // What the person reads says it too, not only the English summary.
            #expect(error.description.contains(": \(error.message)\n"), "\(error.description)")
        }
    }

    @Test func aMissingProgram_isStillAConfigError_whenLoading() throws {
        let directory = TemporaryDirectory()
        let file = try directory.write("config.toml", "[practices.mine]\nexec = \"\(directory.file("absent.sh"))\"\n")
        do {
            _ = try loader.load(path: file)
            Issue.record("expected a config error")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("does not exist"))
        }
    }
}
