#include "config/Secrets.h"

#include <QFile>

namespace escale::config {

std::optional<QByteArray> readSecret(const SecretSource& source, const char* environment, const QString& what,
                                     QString& error)
{
    QByteArray secret;
    switch (source.kind) {
    case SecretSource::Kind::Literal:
        secret = source.value.toUtf8();
        break;
    case SecretSource::Kind::File: {
        QFile f(source.value);
        if (!f.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot read the %1 file %2: %3").arg(what, source.value, f.errorString());
            return std::nullopt;
        }
        secret = f.read(64 * 1024);
        if (secret.endsWith('\n'))
            secret.chop(1);
        if (secret.endsWith('\r'))
            secret.chop(1);
        if (secret.isEmpty()) {
            error = QStringLiteral("the %1 file %2 is empty").arg(what, source.value);
            return std::nullopt;
        }
        break;
    }
    case SecretSource::Kind::None:
        secret = qgetenv(environment);
        if (secret.isEmpty()) {
            error = QStringLiteral("no %1: set '%1 = /path/to/file' (a file readable only by you) in the "
                                   "configuration, or %2 in the environment")
                        .arg(what, QLatin1String(environment));
            return std::nullopt;
        }
        break;
    }
    return secret;
}

} // namespace escale::config
