// The commands that work straight on a relay repository: verify, clients, decrypt,
// passphrase, backup, restore.
#include "Common.h"
#include "config/Secrets.h"
#include "crypto/RepositoryKeys.h"
#include "protocol/ObjectStore.h"
#include "maintenance/RelayArchive.h"
#include "sync/LocalState.h"
#include "maintenance/ForgetClient.h"
#include "sync/SyncEngine.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace escale::ctl {

int verify(const Target& target, const QString& passphraseFile, bool json)
{
    sync::RepositoryReader reader(target.relay.get());
    if (const int code = openReader(reader, target, passphraseFile); code != ExitOk)
        return code;
    const auto report = reader.verify([json](const QString& line) {
        if (!json)
            print(stdout, line + QLatin1Char('\n'));
    });
    QString legacyError;
    const maintenance::LegacyFiles legacy = maintenance::findLegacyFiles(*target.relay, legacyError);
    if (json) {
        QJsonArray clients;
        for (const auto& c : report.clients)
            clients.append(QJsonObject{{QStringLiteral("id"), c.id},
                                       {QStringLiteral("name"), c.name},
                                       {QStringLiteral("generation"), double(c.generation)},
                                       {QStringLiteral("journal"), double(c.journal)},
                                       {QStringLiteral("segments"), double(c.segments)}});
        const QJsonObject o{{QStringLiteral("ok"), report.ok()},
                            {QStringLiteral("encryption"), reader.header().encryption},
                            {QStringLiteral("clients"), clients},
                            {QStringLiteral("segments"), report.segments},
                            {QStringLiteral("snapshots"), report.snapshots},
                            {QStringLiteral("chunks_checked"), report.chunksChecked},
                            {QStringLiteral("bytes_checked"), double(report.bytesChecked)},
                            {QStringLiteral("chunks_delivered_and_freed"), report.chunksGone},
                            {QStringLiteral("unreferenced"), report.unreferenced},
                            {QStringLiteral("problems"), QJsonArray::fromStringList(report.problems)},
                            {QStringLiteral("forwarded_to"), report.forwardedTo},
                            {QStringLiteral("forgotten"), QJsonArray::fromStringList(report.forgotten)},
                            {QStringLiteral("legacy"), legacyJson(legacy)}};
        print(stdout, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
    } else {
        if (!report.forwardedTo.isEmpty())
            print(stdout,
                  QStringLiteral("This repository moved to %1 (escalectl migrate): its clients sync there; "
                                 "what is here is the copy left behind.\n")
                      .arg(report.forwardedTo));
        for (const QString& p : report.problems)
            print(stdout, QStringLiteral("PROBLEM: %1\n").arg(p));
        printLegacy(legacy, target.repository.name.isEmpty() ? target.relay->describe() : target.repository.name,
                    false);
        print(stdout,
              QStringLiteral("%1: %2 clients, %3 journal segments, %4 snapshots, %5 content objects "
                             "checked (%6 bytes, every blob against its hash), %7 already delivered and "
                             "freed, %8 not referenced yet; encryption %9: %10\n")
                  .arg(target.relay->describe())
                  .arg(report.clients.size())
                  .arg(report.segments)
                  .arg(report.snapshots)
                  .arg(report.chunksChecked)
                  .arg(report.bytesChecked)
                  .arg(report.chunksGone)
                  .arg(report.unreferenced)
                  .arg(reader.header().encryption,
                       report.ok() ? QStringLiteral("OK")
                                   : QStringLiteral("%1 PROBLEMS").arg(report.problems.size())));
    }
    return report.ok() ? ExitOk : ExitFailure;
}

// Every client of the repository: name, id, last heard of, what it still has to receive.
int clients(const Target& target, const QString& passphraseFile, bool json)
{
    sync::RepositoryReader reader(target.relay.get());
    if (const int code = openReader(reader, target, passphraseFile); code != ExitOk)
        return code;
    QStringList problems;
    const auto list = reader.clients(problems);
    QMap<QString, QString> names;
    for (const auto& c : list)
        names.insert(c.head.client, c.head.name);
    QJsonArray array;
    for (const auto& c : list) {
        quint64 total = 0;
        QStringList from;
        QJsonObject behind;
        for (auto it = c.behind.cbegin(); it != c.behind.cend(); ++it) {
            total += it.value();
            from << QStringLiteral("%1 from %2").arg(it.value()).arg(names.value(it.key()));
            behind.insert(it.key(), double(it.value()));
        }
        const QString seen = c.seen.isValid() ? c.seen.toUTC().toString(Qt::ISODate) : QString();
        if (json) {
            array.append(QJsonObject{{QStringLiteral("id"), c.head.client},
                                     {QStringLiteral("name"), c.head.name},
                                     {QStringLiteral("last_seen"), seen},
                                     {QStringLiteral("generation"), double(c.head.generation)},
                                     {QStringLiteral("journal"), double(c.head.journal)},
                                     {QStringLiteral("relay_usage"), double(c.head.usage)},
                                     {QStringLiteral("segments_to_receive"), behind},
                                     {QStringLiteral("contents_wanted"), int(c.head.wants.size())}});
            continue;
        }
        print(stdout, QStringLiteral("%1 (%2): last seen %3; %4\n")
                          .arg(c.head.name, c.head.client, seen.isEmpty() ? QStringLiteral("unknown") : seen,
                               total == 0 ? QStringLiteral("has everything the others published")
                                          : QStringLiteral("still has to receive %1 journal segments (%2)")
                                                .arg(total)
                                                .arg(from.join(QLatin1String(", ")))));
    }
    for (const QString& p : std::as_const(problems))
        print(json ? stderr : stdout, QStringLiteral("PROBLEM: %1\n").arg(p));
    if (json)
        print(stdout, QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("clients"), array},
                                                                  {QStringLiteral("problems"),
                                                                   QJsonArray::fromStringList(problems)}})
                                            .toJson(QJsonDocument::Indented)));
    return problems.isEmpty() ? ExitOk : ExitFailure;
}

int decrypt(const Target& target, const QString& passphraseFile, const QString& to)
{
    sync::RepositoryReader reader(target.relay.get());
    if (const int code = openReader(reader, target, passphraseFile); code != ExitOk)
        return code;
    QStringList problems;
    const auto tree = reader.latestTree(problems);
    const auto written = reader.writeTree(tree, to);
    problems += written.problems;
    for (const QString& p : std::as_const(problems))
        print(stderr, QStringLiteral("PROBLEM: %1\n").arg(p));
    for (const QString& path : written.unavailable)
        print(
            stdout,
            QStringLiteral("not on the relay any more (delivered to the clients and freed): %1\n").arg(path));
    print(stdout,
          QStringLiteral("wrote %1 files (%2 bytes) and %3 folders into %4; %5 files are not on the relay\n")
              .arg(written.files)
              .arg(written.bytes)
              .arg(written.folders)
              .arg(to)
              .arg(written.unavailable.size()));
    return problems.isEmpty() ? ExitOk : ExitFailure; // an incomplete tree is not a success
}

int changePassphrase(const Target& target, const QString& passphraseFile, const QString& newFile)
{
    relay::RelayBackend* relay = target.relay.get();
    protocol::ObjectStore store(relay);
    QByteArray bytes;
    const relay::RelayError e = store.getHeader(bytes);
    if (!e.ok())
        return fail(ExitFailure,
                    QStringLiteral("cannot read the repository on %1: %2").arg(relay->describe(), e.message));
    QString error;
    auto header = protocol::RepositoryHeader::fromBytes(bytes, error);
    if (!header)
        return fail(ExitFailure, error);
    if (header->encryption == QLatin1String("off"))
        return fail(ExitUsage,
                    QStringLiteral("the repository on %1 is not encrypted: there is no passphrase to "
                                   "change")
                        .arg(relay->describe()));
    const auto current = passphraseFor(target.repository, passphraseFile, error);
    if (!current)
        return fail(ExitAuth, error);
    crypto::RepositoryKeys::UnlockError failure;
    const auto keys = crypto::RepositoryKeys::unlock(*header, *current, failure);
    if (!keys)
        return fail(ExitAuth, failure.kind == crypto::RepositoryKeys::UnlockError::Kind::WrongPassphrase
                                  ? QStringLiteral("wrong passphrase for %1: nothing was changed")
                                        .arg(relay->describe())
                                  : failure.message);
    std::optional<QByteArray> next;
    if (!newFile.isEmpty()) {
        next = config::readSecret({config::SecretSource::Kind::File, newFile}, "",
                                  QStringLiteral("new passphrase"), error);
        if (!next)
            return fail(ExitUsage, error);
    } else {
        next = prompt(QStringLiteral("New passphrase: "));
        const auto again = prompt(QStringLiteral("New passphrase again: "));
        if (!next || !again)
            return fail(ExitUsage, QStringLiteral("no terminal to ask for the new passphrase: use "
                                                  "--new-passphrase-file FILE"));
        if (*next != *again)
            return fail(ExitUsage, QStringLiteral("the two new passphrases differ: nothing was changed"));
    }
    if (next->size() < 8)
        return fail(ExitUsage,
                    QStringLiteral("the new passphrase is shorter than 8 characters: nothing was changed"));
    if (!keys->rewrap(*header, *next, crypto::RepositoryKeys::Cost{}, error))
        return fail(ExitFailure, error);
    const relay::RelayError w = store.replaceHeader(header->toBytes());
    if (!w.ok())
        return fail(ExitFailure,
                    QStringLiteral("cannot write the new header on %1: %2; the old passphrase still "
                                   "works")
                        .arg(relay->describe(), w.message));
    print(stdout,
          QStringLiteral("passphrase changed for %1 (nothing else was re-sent). Put the new passphrase "
                         "where each machine reads it ('passphrase' file or keychain); running clients "
                         "go on until they restart.\n")
              .arg(relay->describe()));
    return ExitOk;
}

// The relay repository into one zip archive, or back from one.
int archive(const QString& command, Target& target, const QString& zipPath, bool force, bool json)
{
    const bool backup = command == QLatin1String("backup");
    const relay::ArchiveResult r = backup ? relay::backupRelay(*target.relay, zipPath)
                                          : relay::restoreRelay(*target.relay, zipPath, force);
    if (!r.ok)
        return fail(r.locationInUse ? ExitUsage : ExitFailure, r.error);
    if (json) {
        print(stdout,
              QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("relay"), target.relay->describe()},
                                                          {QStringLiteral("archive"), zipPath},
                                                          {QStringLiteral("objects"), r.objects},
                                                          {QStringLiteral("bytes"), double(r.bytes)}})
                                    .toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    print(stdout, backup ? QStringLiteral("%1 objects (%2 bytes) of %3 written to %4, with their manifest\n")
                               .arg(r.objects)
                               .arg(r.bytes)
                               .arg(target.relay->describe(), zipPath)
                         : QStringLiteral("%1 objects (%2 bytes) restored to %3 and read back identical\n")
                               .arg(r.objects)
                               .arg(r.bytes)
                               .arg(target.relay->describe()));
    return ExitOk;
}

// A client that will not come back, removed from the repository.
int forgetClient(const Target& target, const QString& who, bool force, const QString& passphraseFile,
                 bool json)
{
    sync::RepositoryReader reader(target.relay.get());
    if (const int code = openReader(reader, target, passphraseFile); code != ExitOk)
        return code;
    // When this machine last saw each client's head change (its own clock, R3): from the state of
    // the configuration's repository, when there is one.
    const QHash<QString, qint64> heard = sync::LocalState::lastHeard(target.repository);
    const sync::ForgetResult r =
        sync::forgetClient(reader, who, force, [&heard](const QString& client) -> std::optional<qint64> {
            if (!heard.contains(client))
                return std::nullopt;
            return heard.value(client);
        });
    using Status = sync::ForgetResult::Status;
    if (r.status != Status::Done)
        return fail(r.status == Status::Failed ? ExitFailure : ExitUsage, r.message);
    if (json)
        print(stdout,
              QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("id"), r.client},
                                                          {QStringLiteral("name"), r.name},
                                                          {QStringLiteral("objects_removed"), r.removed}})
                                    .toJson(QJsonDocument::Indented)));
    else
        print(stdout, r.message + QLatin1Char('\n'));
    return ExitOk;
}

} // namespace escale::ctl
