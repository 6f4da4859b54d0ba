#include "config/Config.h"

#include <QDir>
#include <QFileInfo>

namespace escale::config {

const RepositoryConfig* Config::repository(const QString& name) const
{
    for (const RepositoryConfig& r : repositories)
        if (r.name == name)
            return &r;
    return nullptr;
}

const RepositoryConfig* Config::holding(const QString& path, QString* relative) const
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const RepositoryConfig* found = nullptr;
    for (const RepositoryConfig& r : repositories) {
        const QString root = QDir::cleanPath(r.localPath);
        if (absolute != root && !absolute.startsWith(root + QLatin1Char('/')))
            continue;
        if (!found || root.size() > QDir::cleanPath(found->localPath).size()) {
            found = &r;
            if (relative)
                *relative = absolute.mid(root.size() + 1);
        }
    }
    return found;
}

QString syncModeName(SyncMode mode)
{
    switch (mode) {
    case SyncMode::Shared:
        return QStringLiteral("shared");
    case SyncMode::Upload:
        return QStringLiteral("upload");
    case SyncMode::Download:
        return QStringLiteral("download");
    case SyncMode::Conservative:
        return QStringLiteral("conservative");
    }
    return QString();
}

QString encryptionName(Encryption encryption)
{
    switch (encryption) {
    case Encryption::Off:
        return QStringLiteral("off");
    case Encryption::Aes256Gcm:
        return QStringLiteral("aes-256-gcm");
    case Encryption::ChaCha20Poly1305:
        return QStringLiteral("chacha20-poly1305");
    }
    return QString();
}

std::optional<LogLevel> parseLogLevel(const QString& text)
{
    for (const LogLevel level : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Error, LogLevel::Critical})
        if (text.trimmed().compare(logLevelName(level), Qt::CaseInsensitive) == 0)
            return level;
    if (text.trimmed().compare(QLatin1String("warn"), Qt::CaseInsensitive) == 0)
        return LogLevel::Warning;
    return std::nullopt;
}

QString logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return QStringLiteral("debug");
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Warning:
        return QStringLiteral("warning");
    case LogLevel::Error:
        return QStringLiteral("error");
    case LogLevel::Critical:
        return QStringLiteral("critical");
    }
    return QString();
}

} // namespace escale::config
