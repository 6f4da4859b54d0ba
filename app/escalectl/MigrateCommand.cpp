// escalectl migrate: moves a relay repository to another relay while its clients go on.
#include "Common.h"
#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"
#include "config/IniDocument.h"
#include "control/ControlChannel.h"
#include "relay/RelayFactory.h"
#include "maintenance/RelayMigration.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryFile>

namespace escale::ctl {

namespace {

// The section's changes: the new address (the keys that used to complete the old one go),
// then each `--set "KEY = VALUE"`.
bool destinationEdits(const QString& address, const QStringList& settings, QList<config::KeyEdit>& edits,
                      QString& error)
{
    edits = config::relayAddressEdits(address);
    for (const QString& setting : settings) {
        const qsizetype eq = setting.indexOf(QLatin1Char('='));
        const config::KeyDefinition* key =
            eq > 0 ? config::findKey(config::IniDocument::normaliseKey(setting.left(eq))) : nullptr;
        if (!key || key->scope != config::KeyScope::Repository) {
            error = eq <= 0 ? QStringLiteral("--set takes 'KEY = VALUE', not '%1'").arg(setting)
                            : QStringLiteral("--set: '%1' is not a repository key of the configuration")
                                  .arg(setting.left(eq).trimmed());
            return false;
        }
        // An empty value removes a key the new relay does not use.
        const QString value = setting.mid(eq + 1).trimmed();
        edits << config::keyEdit(key->id, value.isEmpty() ? std::nullopt : std::optional<QString>(value));
    }
    return true;
}

// The repository's settings with the destination's changes applied, checked by the loader
// like the file itself (a copy beside it, so that relative paths mean the same).
int destinationConfig(const QString& configPath, const QString& section, const QList<config::KeyEdit>& edits,
                      config::RepositoryConfig& out)
{
    QString error;
    const auto checked = config::checkEdits(configPath, section, edits, error);
    if (!checked)
        return fail(ExitUsage,
                    QStringLiteral("the destination's settings are not valid: %1 (--set \"KEY = VALUE\" "
                                   "changes a key for the new relay, --set \"KEY =\" removes one)")
                        .arg(error));
    out = *checked->repository(section);
    return ExitOk;
}

} // namespace

int migrate(const Target& target, const QString& configPath, const QString& address,
            const QStringList& settings, const QString& passphraseFile, bool json)
{
    const config::RepositoryConfig& r = target.repository;
    if (r.line == 0)
        return fail(ExitUsage,
                    QStringLiteral("migrate needs a repository of the configuration, whose section it "
                                   "updates"));
    QList<config::KeyEdit> edits;
    QString error;
    if (!destinationEdits(address, settings, edits, error))
        return fail(ExitUsage, error);
    config::RepositoryConfig next;
    if (const int code = destinationConfig(configPath, r.name, edits, next); code != ExitOk)
        return code;
    if (next.relay.toDisplayString() == r.relay.toDisplayString())
        return fail(ExitUsage, QStringLiteral("%1 is where the repository already is").arg(address));
    const std::unique_ptr<relay::RelayBackend> destination = relay::createRelay(next, error);
    if (!destination)
        return fail(ExitFailure, error);

    sync::RepositoryReader reader(target.relay.get());
    if (const int code = openReader(reader, target, passphraseFile); code != ExitOk)
        return code;
    auto progress = [json](const QString& line) {
        if (!json)
            print(stdout, line + QLatin1Char('\n'));
    };
    const sync::MigrationResult m = sync::migrateRepository(reader.store(), reader.header(), *destination,
                                                            next.relay.toDisplayString(), progress);
    if (!m.ok)
        return fail(m.destinationInUse ? ExitUsage : ExitFailure,
                    QStringLiteral("%1; this client still uses %2").arg(m.error, target.relay->describe()));
    const bool written = config::editSectionInFile(configPath, r.name, edits, error);
    // A running instance follows the forwarding record itself; a pass now makes it do so at once.
    QString ignored;
    control::request(control::findSocket(configPath),
                     QJsonObject{{QStringLiteral("command"), QStringLiteral("sync")},
                                 {QStringLiteral("repository"), r.name}},
                     ignored);
    if (json) {
        print(stdout, QString::fromUtf8(
                          QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                                    {QStringLiteral("source"), target.relay->describe()},
                                                    {QStringLiteral("destination"), destination->describe()},
                                                    {QStringLiteral("objects_copied"), m.copied},
                                                    {QStringLiteral("bytes_copied"), double(m.bytes)},
                                                    {QStringLiteral("objects_removed"), m.removed},
                                                    {QStringLiteral("rounds"), m.rounds},
                                                    {QStringLiteral("resumed"), m.resumed},
                                                    {QStringLiteral("config_updated"), written}})
                              .toJson(QJsonDocument::Indented)));
    } else {
        print(stdout,
              QStringLiteral(
                  "%1 objects (%2 bytes) copied to %3 and read back identical, in %4 rounds%5.\n"
                  "A forwarding record on %6 sends the other clients there at their next poll (each "
                  "needs its own access to the new relay: credentials in its section).\n"
                  "The old location keeps its copy: remove it once 'escalectl clients %7' shows every "
                  "client seen after now.\n")
                  .arg(m.copied)
                  .arg(m.bytes)
                  .arg(destination->describe())
                  .arg(m.rounds)
                  .arg(m.resumed ? QStringLiteral(" (finishing an earlier run)") : QString(),
                       target.relay->describe(), r.name));
    }
    if (!written)
        return fail(ExitFailure,
                    QStringLiteral("the repository moved, but %1; set 'relay address = %2' in [%3] by "
                                   "hand")
                        .arg(error, address, r.name));
    if (!json)
        print(stdout, QStringLiteral("[%1] in %2 now uses %3.\n").arg(r.name, configPath, address));
    return ExitOk;
}

} // namespace escale::ctl
