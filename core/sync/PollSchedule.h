#pragma once

#include <QtGlobal>

namespace escale::sync {

// When a repository looks at its relay again (the daemon's polling), as pure arithmetic on
// times so that it can be tested without waiting:
// - after any activity (a local change, a change seen from another client, "sync now", a pass
//   that moved something or left work for later) it polls twice a second for the fast window
//   ('fast window', two minutes by default): a change from another machine waits a quarter of a
//   second on average, for one listing request per poll;
// - then it backs off, doubling from one second towards 'refresh', each delay drawn a little
//   shorter at random (85-100 %) so that clients started together do not poll in step and the
//   longest wait after a long idleness is never more than 'refresh';
// - a failed pass waits at least five seconds (at most 'refresh') before the next try;
// - with no fast window (0), an idle repository polls every 'refresh'; a pass that moved
//   something or left work for later is still followed by one half a second later.
class PollSchedule
{
public:
    struct Settings
    {
        qint64 refreshMs = 30'000;    // the longest idle interval
        qint64 fastWindowMs = 120'000; // polling fast this long after activity
        qint64 fastIntervalMs = 500; // twice a second: a change waits a quarter second on average
        qint64 failureMs = 5000; // the shortest wait after a failed pass
    };

    explicit PollSchedule(const Settings& settings);

    // Something happened: the fast window starts again from `nowMs`.
    void activity(qint64 nowMs);
    // Is `nowMs` inside the fast window?
    bool fast(qint64 nowMs) const { return nowMs < m_fastUntilMs; }
    // After a pass ended at `nowMs`: the delay before the next poll. `active`: the pass moved
    // something or left work for later (itself activity); `failed`: it ended in an error.
    // `random` in [0, 1) draws the jitter (a fixed value in tests).
    qint64 next(qint64 nowMs, bool active, bool failed, double random);

private:
    Settings m_settings;
    qint64 m_fastUntilMs = 0;
    qint64 m_idleMs = 0; // the last idle delay, before jitter
};

} // namespace escale::sync
