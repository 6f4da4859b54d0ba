#include "sync/PollSchedule.h"

#include <algorithm>

namespace escale::sync {

PollSchedule::PollSchedule(const Settings& settings)
    : m_settings(settings)
{
    m_settings.refreshMs = std::max<qint64>(m_settings.refreshMs, 1);
    m_settings.fastIntervalMs = std::clamp<qint64>(m_settings.fastIntervalMs, 1, m_settings.refreshMs);
    m_idleMs = m_settings.fastIntervalMs;
}

void PollSchedule::activity(qint64 nowMs)
{
    m_fastUntilMs = std::max(m_fastUntilMs, nowMs + m_settings.fastWindowMs);
    m_idleMs = m_settings.fastIntervalMs;
}

qint64 PollSchedule::next(qint64 nowMs, bool active, bool failed, double random)
{
    if (active)
        activity(nowMs);
    // Never longer than the bound (refresh, or a second in the fast window), never much shorter.
    const double jitter = 0.85 + 0.15 * std::clamp(random, 0.0, 1.0);
    qint64 bound;
    if (fast(nowMs) || active) {
        m_idleMs = m_settings.fastIntervalMs;
        bound = m_settings.fastIntervalMs;
    } else if (m_settings.fastWindowMs <= 0) {
        bound = m_settings.refreshMs; // no fast polling asked: every 'refresh' when idle
    } else {
        m_idleMs = std::min(m_idleMs * 2, m_settings.refreshMs);
        bound = m_idleMs;
    }
    if (failed)
        bound = std::min(std::max(bound, m_settings.failureMs), m_settings.refreshMs);
    return std::max<qint64>(1, qint64(double(bound) * jitter));
}

} // namespace escale::sync
