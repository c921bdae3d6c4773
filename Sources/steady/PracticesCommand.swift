import ArgumentParser
import Foundation
import SteadyConfig
import SteadyKit
import SteadyLocalization

struct PracticesCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "practices",
        abstract: tr("List the practices steady offers, which are on, and when they ask.")) }

    @OptionGroup var options: ConfigOptions

    @Flag(help: ArgumentHelp(tr("Print JSON for scripts.")))
    var json = false

    struct Item: Encodable {
        var id: String
        var name: String
        var summary: String
        var enabled: Bool
        var schedule: [String]
    }

    func run() throws {
        let config: Config
        do {
            config = try ConfigLoader(registry: registry).load(path: options.config)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitStatus.config
        }
        var items = registry.all.map { descriptor in
            let setup = config.practice(descriptor.id)
            return Item(id: descriptor.id.rawValue, name: descriptor.displayName, summary: descriptor.summary,
                        enabled: setup != nil,
                        schedule: setup?.schedule.map(\.description) ?? descriptor.defaultSchedule)
        }
        // Practices run by a program of the person's own (`exec = …`), by their name in the
        // config: listing them does not start the program (only the daemon asks it to describe itself).
        for setup in config.practices {
            guard let external = setup.external else { continue }
            items.append(Item(id: setup.id.rawValue, name: tr("external practice"),
                              summary: tr("Runs %1$@.", external.executable), enabled: true,
                              schedule: setup.schedule.map(\.description)))
        }
        if json { try printJSON(items); return }
        print(tr("Practices (config: %1$@):\n", config.source))
        for item in items {
            let state = item.enabled ? trc("practice state, 3 columns", "on ") : trc("practice state, 3 columns", "off")
            print("  [\(state)] \(item.id) — \(item.name)")
            print("        \(item.summary)")
            if !item.schedule.isEmpty {
                print("        " + (item.enabled ? tr("asks: %1$@", item.schedule.joined(separator: "; ")) : tr("would ask: %1$@", item.schedule.joined(separator: "; "))))
            }
        }
        print(tr("\nTurn one on with a [practices.NAME] table in the config (`steady config init` writes an example)."))
    }
}
