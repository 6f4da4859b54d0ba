#include "sync/DeletionGuard.h"

namespace escale::sync {

int DeletionGuard::recentCount(const Settings& settings, const QList<Published>& recent, qint64 nowMs)
{
    int n = 0;
    for (const Published& p : recent)
        if (nowMs - p.atMs <= settings.windowMs)
            n += p.files;
    return n;
}

DeletionGuard::Verdict DeletionGuard::decide(const Settings& settings, int gone, int tracked,
                                             const QList<Published>& recent, qint64 nowMs, qint64 lastGrowthMs,
                                             bool confirmed)
{
    if (gone <= 0 || confirmed)
        return Verdict::Publish;
    // What the folder lost over the window, against what it held when that began.
    const int earlier = recentCount(settings, recent, nowMs);
    const qint64 lost = qint64(gone) + earlier;
    const qint64 held = qint64(tracked) + earlier;
    const bool overPercent = settings.percent > 0 && lost >= 10 && lost * 100 > qint64(settings.percent) * held;
    const bool overCount = settings.count > 0 && lost > settings.count;
    if (overPercent || overCount)
        return Verdict::Hold;
    if (settings.quietMs > 0 && nowMs - lastGrowthMs < settings.quietMs)
        return Verdict::Wait;
    return Verdict::Publish;
}

} // namespace escale::sync
