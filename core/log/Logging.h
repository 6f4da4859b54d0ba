#pragma once

#include "config/Config.h"

#include <QLoggingCategory>
#include <QString>

// One logging category per component. Secrets never go through these.
Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcRelay)
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcState)
Q_DECLARE_LOGGING_CATEGORY(lcScan)
Q_DECLARE_LOGGING_CATEGORY(lcCrypto)
Q_DECLARE_LOGGING_CATEGORY(lcIpc)
Q_DECLARE_LOGGING_CATEGORY(lcUi)

namespace escale::log {

struct LogOptions
{
    config::LogLevel level = config::LogLevel::Info;
    QString file;             // empty: no log file
    int rotate = 3;           // rotated files kept: file.1 ... file.N
    qint64 maxSize = 1 << 20; // rotate when the file would grow past this
    bool toStderr = true;
};

// Installs the message handler for the whole process. Returns an empty string, or why the
// log file could not be opened (messages then go to stderr only).
QString install(const LogOptions& options);

// Flushes and closes the log file; messages go to stderr afterwards.
void shutdown();

} // namespace escale::log
