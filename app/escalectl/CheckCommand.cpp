// escalectl check: the running instance as a monitoring plugin sees it (Nagios, Icinga,
// Zabbix's and Prometheus's plugin runners): one line, performance data, exit 0-3.
#include "Common.h"
#include "config/Units.h"
#include "control/ControlChannel.h"

#include <QJsonArray>
#include <QDateTime>

namespace escale::ctl {

namespace {

enum Level
{
    Ok = 0,
    Warning = 1,
    Critical = 2,
    Unknown = 3,
};

const char* levelName(int level)
{
    static const char* names[] = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};
    return names[std::clamp(level, 0, 3)];
}

int report(int level, const QString& text, const QStringList& perf = {})
{
    print(stdout, QStringLiteral("ESCALE %1 - %2%3\n")
                      .arg(QLatin1String(levelName(level)), text,
                           perf.isEmpty() ? QString() : QStringLiteral(" | ") + perf.join(QLatin1Char(' '))));
    return level;
}

// A performance datum: 'label'=value[unit];warn;crit;min;max (empty when not set).
QString datum(const QString& repository, const QString& what, qint64 value, const QString& unit,
              qint64 warn = -1, qint64 crit = -1, qint64 max = -1)
{
    QString label = repository + QLatin1Char('_') + what;
    label.replace(QLatin1Char('\''), QLatin1String("''")).replace(QLatin1Char('='), QLatin1Char('_'));
    auto opt = [](qint64 v) { return v >= 0 ? QString::number(v) : QString(); };
    return QStringLiteral("'%1'=%2%3;%4;%5;0;%6").arg(label).arg(value).arg(unit, opt(warn), opt(crit), opt(max));
}

QString ago(qint64 seconds)
{
    if (seconds < 120)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 7200)
        return QStringLiteral("%1 min").arg(seconds / 60);
    if (seconds < 172'800)
        return QStringLiteral("%1 h").arg(seconds / 3600);
    return QStringLiteral("%1 days").arg(seconds / 86'400);
}

} // namespace

int check(const QString& configPath, const QString& repository, const CheckThresholds& t)
{
    QString error;
    bool noInstance = false;
    const auto answer = control::request(control::findSocket(configPath), {{QStringLiteral("command"), QStringLiteral("status")}},
                                         error, &noInstance);
    if (!answer)
        return report(noInstance ? Critical : Unknown,
                      noInstance ? QStringLiteral("no Escale runs with %1").arg(configPath) : error);
    if (!answer->value(QStringLiteral("ok")).toBool())
        return report(Unknown, answer->value(QStringLiteral("error")).toString());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime started = QDateTime::fromString(answer->value(QStringLiteral("started")).toString(), Qt::ISODate);
    int level = Ok;
    QStringList problems, fine, perf;
    bool found = false;
    for (const QJsonValue& v : answer->value(QStringLiteral("repositories")).toArray()) {
        const QJsonObject r = v.toObject();
        const QString name = r.value(QStringLiteral("name")).toString();
        if (!repository.isEmpty() && name != repository)
            continue;
        found = true;
        int mine = Ok;
        QStringList why;
        auto raise = [&](int to, const QString& text) {
            mine = std::max(mine, to);
            why << text;
        };
        const QString state = r.value(QStringLiteral("state")).toString();
        const QString lastError = r.value(QStringLiteral("last_error")).toString();
        const QDateTime last = QDateTime::fromString(r.value(QStringLiteral("last_sync")).toString(), Qt::ISODate);
        // Seconds without a successful pass: since the last one, or since the start when none yet.
        const QDateTime from = last.isValid() ? last : started;
        const qint64 age = from.isValid() ? std::max<qint64>(0, from.secsTo(now)) : 0;
        if (state == QLatin1String("stopped"))
            raise(Critical, QStringLiteral("stopped: %1").arg(lastError));
        else if (!lastError.isEmpty())
            raise(Warning, QStringLiteral("%1: %2").arg(state, lastError));
        else if (r.value(QStringLiteral("paused")).toBool())
            raise(Warning, QStringLiteral("paused"));
        if (t.criticalAge > 0 && age >= t.criticalAge)
            raise(Critical, QStringLiteral("no successful sync for %1").arg(ago(age)));
        else if (t.warningAge > 0 && age >= t.warningAge)
            raise(Warning, QStringLiteral("no successful sync for %1").arg(ago(age)));
        const qint64 pendingUp = qint64(r.value(QStringLiteral("pending_up")).toDouble());
        const qint64 pendingDown = qint64(r.value(QStringLiteral("pending_down")).toDouble());
        const qint64 pending = std::max<qint64>(0, pendingUp) + std::max<qint64>(0, pendingDown);
        if (t.criticalPending > 0 && pending >= t.criticalPending)
            raise(Critical, QStringLiteral("%1 changes pending").arg(pending));
        else if (t.warningPending > 0 && pending >= t.warningPending)
            raise(Warning, QStringLiteral("%1 changes pending").arg(pending));
        const int conflicts = r.value(QStringLiteral("conflicts_waiting")).toInt();
        if (t.warningConflicts > 0 && conflicts >= t.warningConflicts)
            raise(Warning, QStringLiteral("%1 conflict cop%2 to resolve").arg(conflicts).arg(conflicts == 1 ? QLatin1String("y") : QLatin1String("ies")));
        const qint64 usage = qint64(r.value(QStringLiteral("relay_usage")).toDouble());
        const qint64 quota = qint64(r.value(QStringLiteral("disk_quota")).toDouble());
        qint64 usageWarn = -1, usageCrit = -1;
        if (quota > 0) {
            usageWarn = t.warningUsage > 0 ? quota * t.warningUsage / 100 : -1;
            usageCrit = t.criticalUsage > 0 ? quota * t.criticalUsage / 100 : -1;
            const QString share = QStringLiteral("relay %1 % full").arg(usage * 100 / quota);
            if (usageCrit >= 0 && usage >= usageCrit)
                raise(Critical, share);
            else if (usageWarn >= 0 && usage >= usageWarn)
                raise(Warning, share);
        }
        level = std::max(level, mine);
        if (mine == Ok)
            fine << QStringLiteral("%1: %2, last sync %3 ago").arg(name, state, ago(age));
        else
            problems << QStringLiteral("%1: %2").arg(name, why.join(QLatin1String(", ")));
        perf << datum(name, QStringLiteral("age"), age, QStringLiteral("s"), t.warningAge > 0 ? t.warningAge : -1,
                      t.criticalAge > 0 ? t.criticalAge : -1)
             << datum(name, QStringLiteral("pending"), pending, QString(), t.warningPending > 0 ? t.warningPending : -1,
                      t.criticalPending > 0 ? t.criticalPending : -1)
             << datum(name, QStringLiteral("conflicts"), std::max(0, conflicts), QString(),
                      t.warningConflicts > 0 ? t.warningConflicts : -1)
             << datum(name, QStringLiteral("relay"), std::max<qint64>(0, usage), QStringLiteral("B"), usageWarn,
                      usageCrit, quota > 0 ? quota : -1);
    }
    if (!found)
        return repository.isEmpty() ? report(Warning, QStringLiteral("no repository configured"))
                                     : report(Unknown, QStringLiteral("no repository '%1' runs here").arg(repository));
    return report(level, (problems + fine).join(QLatin1String("; ")), perf);
}

} // namespace escale::ctl
