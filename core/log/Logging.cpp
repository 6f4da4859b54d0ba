#include "log/Logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <cstdio>

Q_LOGGING_CATEGORY(lcApp, "escale.app")
Q_LOGGING_CATEGORY(lcConfig, "escale.config")
Q_LOGGING_CATEGORY(lcRelay, "escale.relay")
Q_LOGGING_CATEGORY(lcEngine, "escale.engine")
Q_LOGGING_CATEGORY(lcState, "escale.state")
Q_LOGGING_CATEGORY(lcScan, "escale.scan")
Q_LOGGING_CATEGORY(lcCrypto, "escale.crypto")
Q_LOGGING_CATEGORY(lcIpc, "escale.ipc")
Q_LOGGING_CATEGORY(lcUi, "escale.ui")

namespace escale::log {

namespace {

struct Sink
{
    QMutex mutex;
    LogOptions options;
    QFile file;
};

Sink& sink()
{
    static Sink s;
    return s;
}

const char* levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

bool openLogFile(Sink& s, QString* error)
{
    s.file.setFileName(s.options.file);
    QDir().mkpath(QFileInfo(s.options.file).absolutePath());
    if (!s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        if (error)
            *error =
                QStringLiteral("cannot write the log file %1: %2").arg(s.options.file, s.file.errorString());
        return false;
    }
    // Logs name files and folders: keep them private.
    s.file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void rotate(Sink& s)
{
    s.file.close();
    const QString base = s.options.file;
    if (s.options.rotate <= 0) {
        QFile::remove(base);
    } else {
        QFile::remove(base + QLatin1Char('.') + QString::number(s.options.rotate));
        for (int i = s.options.rotate - 1; i >= 1; --i)
            QFile::rename(base + QLatin1Char('.') + QString::number(i),
                          base + QLatin1Char('.') + QString::number(i + 1));
        QFile::rename(base, base + QLatin1String(".1"));
    }
    openLogFile(s, nullptr);
}

void handler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    Sink& s = sink();
    const QByteArray category = context.category ? QByteArray(context.category) : QByteArray("default");
    {
        QMutexLocker lock(&s.mutex);
        if (s.options.toStderr) {
            const QByteArray line =
                QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")).toUtf8() + ' ' +
                levelName(type) + ' ' + category + ": " + message.toUtf8() + '\n';
            std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
            std::fflush(stderr);
        }
        if (s.file.isOpen()) {
            const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() +
                                    ' ' + levelName(type) + ' ' + category + ": " + message.toUtf8() + '\n';
            if (s.file.size() + line.size() > s.options.maxSize && s.file.size() > 0)
                rotate(s);
            if (s.file.isOpen()) {
                s.file.write(line);
                s.file.flush();
            }
        }
    }
    if (type == QtFatalMsg)
        std::abort();
}

QString filterRules(config::LogLevel level)
{
    switch (level) {
    case config::LogLevel::Debug:
        return QStringLiteral("*.debug=true\nqt.*.debug=false");
    case config::LogLevel::Info:
        return QStringLiteral("*.debug=false");
    case config::LogLevel::Warning:
        return QStringLiteral("*.debug=false\n*.info=false");
    case config::LogLevel::Error:
    case config::LogLevel::Critical:
        return QStringLiteral("*.debug=false\n*.info=false\n*.warning=false");
    }
    return QString();
}

} // namespace

QString install(const LogOptions& options)
{
    Sink& s = sink();
    QString error;
    {
        QMutexLocker lock(&s.mutex);
        if (s.file.isOpen())
            s.file.close();
        s.options = options;
        if (!options.file.isEmpty())
            openLogFile(s, &error);
    }
    QLoggingCategory::setFilterRules(filterRules(options.level));
    qInstallMessageHandler(handler);
    return error;
}

void shutdown()
{
    Sink& s = sink();
    QMutexLocker lock(&s.mutex);
    if (s.file.isOpen())
        s.file.close();
    s.options.file.clear();
    s.options.toStderr = true;
}

} // namespace escale::log
