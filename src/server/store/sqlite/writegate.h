#pragma once

#include <QtGlobal>
#include <atomic>
#include <mutex>

namespace server::sqlite {

// What the connections of one process to one database file share (one per SqliteStore
// family: the first store and its siblings, see SqliteStore::sibling). Writers take
// `mutex` around their BEGIN IMMEDIATE … COMMIT, so that they queue here instead of
// spinning on SQLite's busy_timeout; the counters let readers on other connections tell
// this process's commits from another process's (SqliteAuthStore::outsideChanges) and
// keep the per-connection facet caches fresh.
struct WriteGate {
    std::mutex mutex;
    // Bumped when a writer enters (started) and leaves (done) the mutex: equal while no
    // write of this process is under way.
    std::atomic<quint64> started{0};
    std::atomic<quint64> done{0};
    // Moves with every write that can change facet counts (ticket create and patch), on
    // any connection: once inside the transaction, once more after its commit, so that a
    // reader who counted the old rows meanwhile does not keep them under the new value.
    std::atomic<quint64> facetGeneration{0};
};

} // namespace server::sqlite
