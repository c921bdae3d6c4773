import Foundation
import SteadyCheckIn
import SteadyJournal
import SteadyKit

extension Engine {
    /// Schedules the check-ins that follow an entry written with a tool (see
    /// `CheckInService.scheduleFollowUps`); the timer then shows them when due. Call on `queue`.
    public func scheduleFollowUps(forEntry entryID: Int64) throws -> [Date] {
        let dates = try checkIn.scheduleFollowUps(forEntry: entryID)
        if isRunning { tick() }
        return dates
    }

    /// Ends the check-ins still waiting about an entry that was followed up in the terminal
    /// (`steady log trigger --follow-up`), and takes their bubbles down. Returns how many. Call on `queue`.
    public func closeFollowUps(ofEntry entryID: Int64, followUpEntryID: Int64) throws -> Int {
        let closed = try checkIn.closeFollowUps(ofEntry: entryID, followUpEntryID: followUpEntryID)
        for promptID in closed.promptIDs { withdraw(promptID) }
        if isRunning { tick() }
        return closed.count
    }
}
