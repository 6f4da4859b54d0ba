#pragma once

#include "config/Config.h"
#include "config/ConfigDiagnostic.h"

#include <QByteArray>
#include <QString>

namespace escale::config {

struct LoadResult
{
    Config config;
    ConfigDiagnostics diagnostics; // errors and warnings, in file order
    QByteArray bytes;              // loadFile: the file as it was read (what `config` says)
    // The file has no repository section: an error for a server; the desktop application opens
    // its setup wizard instead (when that is the only error).
    bool noRepository = false;

    bool hasErrors() const;
    const ConfigDiagnostic* firstError() const;
    ConfigDiagnostics warnings() const;
};

// Reads an Escale configuration (Escale 0.7 files included) into typed objects, validating
// every value. Every problem becomes a diagnostic that names the file, the line and the key.
class ConfigLoader
{
public:
    static LoadResult loadFile(const QString& path);

    // `fileName` is used in messages; `baseDir` resolves relative file names in values
    // (secret files, certificates), normally the folder of the configuration file.
    static LoadResult load(const QByteArray& bytes, const QString& fileName, const QString& baseDir);
};

} // namespace escale::config
