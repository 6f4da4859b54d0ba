#pragma once

#include <QDateTime>

// What the commands of escalectl share: output, prompts, the repository or relay a command
// works on, the passphrase, and the running instance.
#include "ExitCodes.h"
#include "config/Config.h"
#include "relay/RelayBackend.h"
#include "maintenance/LegacyFiles.h"
#include "maintenance/RepositoryReader.h"

#include <QJsonObject>
#include <QString>
#include <cstdio>
#include <memory>
#include <optional>

namespace escale::ctl {

void print(FILE* stream, const QString& text);
// Prints "escalectl: MESSAGE" on stderr; returns `code`.
int fail(int code, const QString& message);
// Asks on the terminal without echo; std::nullopt when there is no terminal.
std::optional<QByteArray> prompt(const QString& question);

struct Target
{
    config::RepositoryConfig repository;
    std::unique_ptr<relay::RelayBackend> relay;
};

// REPO names a [section] of the configuration, or else is a relay address.
int resolveTarget(const QString& name, const QString& configPath, bool configGiven, Target& target);
std::optional<QByteArray> passphraseFor(const config::RepositoryConfig& r, const QString& file,
                                        QString& error);
int openReader(sync::RepositoryReader& reader, const Target& target, const QString& passphraseFile);

// A request to the running instance of this configuration; std::nullopt with the exit code
// (6 when none runs) after printing why.
std::optional<QJsonObject> askInstance(const QString& configPath, const QJsonObject& request, int& code);

// The commands (docs/cli.md); each returns the exit code.
int verify(const Target& target, const QString& passphraseFile, bool json);
int clients(const Target& target, const QString& passphraseFile, bool json);
int decrypt(const Target& target, const QString& passphraseFile, const QString& to);
int changePassphrase(const Target& target, const QString& passphraseFile, const QString& newFile);
int trust(const Target& target, const QString& configPath, const QString& expected);
int archive(const QString& command, Target& target, const QString& zipPath, bool force, bool json);
int access(const QString& configPath, const QString& path, const QStringList& modifiers, bool json);
int conflicts(const QString& configPath, const QString& repositoryName, bool json);
int resolve(const QString& configPath, const QString& path, const QString& keep);
int migrate(const Target& target, const QString& configPath, const QString& address,
            const QStringList& settings, const QString& passphraseFile, bool json);
int forgetClient(const Target& target, const QString& who, bool force, const QString& passphraseFile,
                 bool json);
// Escale 0.7's leftovers on a relay: listed (verify), removed once confirmed (remove-legacy).
QJsonObject legacyJson(const maintenance::LegacyFiles& found);
void printLegacy(const maintenance::LegacyFiles& found, const QString& repository, bool all);
int removeLegacy(const Target& target, bool force, bool json);
// The systemd drop-in naming what Escale writes outside the home (ReadWritePaths=).
int servicePaths(const QString& configPath);
// escalectl check: thresholds (0: not checked); ages in seconds, usage in % of 'disk quota'.
struct CheckThresholds
{
    qint64 warningAge = 3600;
    qint64 criticalAge = 86'400;
    qint64 warningPending = 0;
    qint64 criticalPending = 0;
    qint64 warningConflicts = 1;
    qint64 warningUsage = 80;
    qint64 criticalUsage = 95;
};
// Exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the monitoring-plugins convention).
int check(const QString& configPath, const QString& repository, const CheckThresholds& thresholds);
// `until` (pause only): the pause ends by itself then.
int instanceCommand(const QString& command, const QString& repository, const QString& configPath, bool json,
                    const QDateTime& until = {});

} // namespace escale::ctl
