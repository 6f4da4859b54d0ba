#include "config/Config.h"

namespace escale::config {

const RepositoryConfig* Config::repository(const QString& name) const
{
    for (const RepositoryConfig& r : repositories)
        if (r.name == name)
            return &r;
    return nullptr;
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
