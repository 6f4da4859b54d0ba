#include "config/Secrets.h"

#include "Tr.h"
#include "config/Keychain.h"

#include <QFile>

namespace escale::config {

std::optional<QByteArray> readSecret(const SecretSource& source, const char* environment, const QString& what,
                                     QString& error, const QString& keychainKey)
{
    QByteArray secret;
    switch (source.kind) {
    case SecretSource::Kind::Literal:
        secret = source.value.toUtf8();
        break;
    case SecretSource::Kind::File: {
        QFile f(source.value);
        if (!f.open(QIODevice::ReadOnly)) {
            error = trc("config", "cannot read the %1 file %2: %3").arg(what, source.value, f.errorString());
            return std::nullopt;
        }
        secret = f.read(64 * 1024);
        if (secret.endsWith('\n'))
            secret.chop(1);
        if (secret.endsWith('\r'))
            secret.chop(1);
        if (secret.isEmpty()) {
            error = trc("config", "the %1 file %2 is empty").arg(what, source.value);
            return std::nullopt;
        }
        break;
    }
    case SecretSource::Kind::None: {
        secret = qgetenv(environment);
        if (!secret.isEmpty())
            break;
        QString why;
        if (!keychainKey.isEmpty()) { // says why not when there is no keychain here
            if (const auto stored = Keychain::read(keychainKey, why); stored && !stored->isEmpty())
                return stored;
        }
        const QString entry = keychainKey.isEmpty() ? QStringLiteral("-") : keychainKey;
        error =
            why.isEmpty()
                ? trc("config", "no %1: keep it in the keychain (as '%2'), set '%1 = /path/to/file' (a file "
                                "readable only by you) in the configuration, or %3 in the environment")
                      .arg(what, entry, QLatin1String(environment))
                : trc("config", "no %1: keep it in the keychain (as '%2'), set '%1 = /path/to/file' (a file "
                                "readable only by you) in the configuration, or %3 in the environment "
                                "(keychain: %4)")
                      .arg(what, entry, QLatin1String(environment), why);
        return std::nullopt;
    }
    }
    return secret;
}

} // namespace escale::config
