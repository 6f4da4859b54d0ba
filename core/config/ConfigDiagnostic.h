#pragma once

#include <QList>
#include <QString>

namespace escale::config {

// One finding about a configuration file, located as precisely as we can:
// file, line (0 when not tied to a line), section and key when known.
struct ConfigDiagnostic
{
    enum class Severity
    {
        Warning,
        Error
    };

    Severity severity = Severity::Error;
    QString file;
    int line = 0;
    QString key;     // canonical or as written; empty when the finding is not about a key
    QString message; // what is wrong and, when useful, what to do

    // "escale.conf:12: 'disk quota': expected a size such as 2GB, got 'lots'"
    QString toString() const;
    bool isError() const { return severity == Severity::Error; }
};

using ConfigDiagnostics = QList<ConfigDiagnostic>;

} // namespace escale::config
