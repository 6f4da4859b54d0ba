#include "Common.h"

#include "config/ConfigLoader.h"
#include "config/Secrets.h"
#include "control/ControlChannel.h"
#include "relay/RelayFactory.h"

#include <cstring>
#include <termios.h>
#include <unistd.h>

namespace escale::ctl {

void print(FILE* stream, const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int fail(int code, const QString& message)
{
    print(stderr, QStringLiteral("escalectl: %1\n").arg(message));
    return code;
}

std::optional<QByteArray> prompt(const QString& question)
{
    if (!::isatty(STDIN_FILENO))
        return std::nullopt;
    print(stderr, question);
    termios old{};
    ::tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    char buffer[1024];
    const bool ok = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    print(stderr, QStringLiteral("\n"));
    if (!ok)
        return std::nullopt;
    QByteArray line(buffer);
    std::memset(buffer, 0, sizeof buffer);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

int resolveTarget(const QString& name, const QString& configPath, bool configGiven, Target& target)
{
    const config::LoadResult loaded = config::ConfigLoader::loadFile(configPath);
    const config::ConfigDiagnostic* error = loaded.firstError();
    if (!error) {
        if (const config::RepositoryConfig* r = loaded.config.repository(name))
            target.repository = *r;
    }
    if (target.repository.name.isEmpty()) {
        QString why, warning;
        const auto address = config::RelayAddress::parse(name, QString(), QString(), QString(), why, warning);
        if (!address || !(name.contains(QLatin1Char('/')) || name.contains(QLatin1Char(':')))) {
            if (error && configGiven)
                return fail(ExitUsage, error->toString());
            return fail(ExitUsage, QStringLiteral("'%1' is neither a repository of %2 nor a relay address")
                                       .arg(name, configPath));
        }
        target.repository.name = name;
        target.repository.relay = *address;
    }
    QString why;
    target.relay = relay::createRelay(target.repository, why);
    if (!target.relay)
        return fail(ExitFailure, why);
    return ExitOk;
}

std::optional<QByteArray> passphraseFor(const config::RepositoryConfig& r, const QString& file,
                                        QString& error)
{
    if (!file.isEmpty())
        return config::readSecret({config::SecretSource::Kind::File, file}, "ESCALE_PASSPHRASE",
                                  QStringLiteral("passphrase"), error);
    if (r.passphrase.kind != config::SecretSource::Kind::None ||
        qEnvironmentVariableIsSet("ESCALE_PASSPHRASE"))
        return config::readSecret(r.passphrase, "ESCALE_PASSPHRASE", QStringLiteral("passphrase"), error,
                                  r.name + QStringLiteral("/passphrase"));
    if (auto typed = prompt(QStringLiteral("Passphrase of %1: ").arg(r.name)))
        return typed;
    error = QStringLiteral("no passphrase: use --passphrase-file FILE, 'passphrase' in the configuration, or "
                           "ESCALE_PASSPHRASE");
    return std::nullopt;
}

int openReader(sync::RepositoryReader& reader, const Target& target, const QString& passphraseFile)
{
    QString error;
    // Asked only when the repository turns out to be encrypted.
    sync::RepositoryReader::Open opened = reader.open(std::nullopt, error);
    if (opened == sync::RepositoryReader::Open::Auth && reader.header().encryption != QLatin1String("off")) {
        QString why;
        const auto passphrase = passphraseFor(target.repository, passphraseFile, why);
        if (!passphrase)
            return fail(ExitAuth, why);
        opened = reader.open(passphrase, error);
    }
    switch (opened) {
    case sync::RepositoryReader::Open::Ok:
        return ExitOk;
    case sync::RepositoryReader::Open::WrongPassphrase:
        return fail(ExitAuth, QStringLiteral("wrong passphrase for %1").arg(target.relay->describe()));
    case sync::RepositoryReader::Open::Auth:
        return fail(ExitAuth, error);
    case sync::RepositoryReader::Open::NoRepository:
    case sync::RepositoryReader::Open::Failed:
        break;
    }
    return fail(ExitFailure, error);
}

std::optional<QJsonObject> askInstance(const QString& configPath, const QJsonObject& request, int& code)
{
    QString error;
    bool noInstance = false;
    const auto answer = control::request(control::findSocket(configPath), request, error, &noInstance);
    if (!answer) {
        code = fail(noInstance ? ExitNoInstance : ExitFailure, error);
        return std::nullopt;
    }
    if (!answer->value(QStringLiteral("ok")).toBool()) {
        const QString why = answer->value(QStringLiteral("error")).toString();
        // An unknown repository is a usage error (an instance older than the flag says it in English).
        const bool unknown = answer->value(QStringLiteral("unknown_repository")).toBool() ||
                             why.startsWith(QLatin1String("no repository"));
        code = fail(unknown ? ExitUsage : ExitFailure, why);
        return std::nullopt;
    }
    code = ExitOk;
    return answer;
}

} // namespace escale::ctl
