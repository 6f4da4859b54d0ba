#pragma once

#include <QList>
#include <QtGlobal>

namespace escale::sync {

// Mass-delete safety over time (relay-format.md section 10): whether the files a scan finds gone
// are published now, wait for the deletion under way to end, or wait for the user's confirmation.
// Deletions are counted over a window, so that a folder removed slowly (`rm -r` on a slow disk, a
// sync tool deleting one file a second) is held like one removed at once. A pure function of its
// inputs: the engine keeps the history.
struct DeletionGuard
{
    struct Settings
    {
        int percent = 50;         // more than this share of the tracked files (and at least 10)...
        int count = 0;            // ...or more than this many files (0: no such limit)
        qint64 quietMs = 0;       // deletions wait until no new one was found for this long
        qint64 windowMs = 3600'000; // deletions published this recently count with the new ones
    };
    struct Published
    {
        qint64 atMs = 0;
        int files = 0;
    };
    enum class Verdict
    {
        Publish, // they go out now
        Wait,    // files are still disappearing: looked at again when it stops
        Hold,    // too many: they wait for confirmation
    };

    // `gone`: files found gone and not published yet; `tracked`: the files the state knows, those
    // gone included; `recent`: deletions published before; `lastGrowthMs`: when the count of files
    // found gone last grew.
    static Verdict decide(const Settings& settings, int gone, int tracked, const QList<Published>& recent,
                          qint64 nowMs, qint64 lastGrowthMs, bool confirmed);
    // The deletions published within the window, as of `nowMs`.
    static int recentCount(const Settings& settings, const QList<Published>& recent, qint64 nowMs);
};

} // namespace escale::sync
