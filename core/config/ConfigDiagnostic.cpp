#include "config/ConfigDiagnostic.h"

namespace escale::config {

QString ConfigDiagnostic::toString() const
{
    QString out = file;
    if (line > 0)
        out += QLatin1Char(':') + QString::number(line);
    out += QLatin1String(": ");
    if (severity == Severity::Warning)
        out += QLatin1String("warning: ");
    if (!key.isEmpty())
        out += QLatin1Char('\'') + key + QLatin1String("': ");
    out += message;
    return out;
}

} // namespace escale::config
