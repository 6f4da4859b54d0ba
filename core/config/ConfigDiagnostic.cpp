#include "config/ConfigDiagnostic.h"

#include "Tr.h"

namespace escale::config {

QString ConfigDiagnostic::toString() const
{
    QString where = file;
    if (line > 0)
        where += QLatin1Char(':') + QString::number(line);
    const QString what = key.isEmpty() ? message : trc("config", "'%1': %2").arg(key, message);
    if (severity == Severity::Warning)
        return trc("config", "%1: warning: %2").arg(where, what);
    return trc("config", "%1: %2").arg(where, what);
}

} // namespace escale::config
