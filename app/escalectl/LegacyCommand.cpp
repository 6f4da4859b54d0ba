// escalectl remove-legacy: what Escale 0.7 left on a relay folder, listed, then removed once
// confirmed (docs/upgrading.md).
#include "Common.h"
#include "config/Units.h"
#include "maintenance/LegacyFiles.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace escale::ctl {

namespace {

QString kindName(protocol::LegacyKind kind)
{
    using K = protocol::LegacyKind;
    switch (kind) {
    case K::Placeholder:
        return QStringLiteral("placeholder");
    case K::Lock:
        return QStringLiteral("lock");
    case K::IndexPage:
        return QStringLiteral("index page");
    case K::UpdateIndex:
        return QStringLiteral("update index");
    case K::UpdateData:
        return QStringLiteral("update data");
    case K::None:
        break;
    }
    return QStringLiteral("waiting for 0.7 clients");
}

// What may make removing them a loss: a 0.7 client at work, contents not received by all.
QStringList cautions(const maintenance::LegacyFiles& found)
{
    QStringList lines;
    if (const QDateTime lock = found.newestLock();
        lock.isValid() && lock.secsTo(QDateTime::currentDateTimeUtc()) < 3600)
        lines << QStringLiteral("a 0.7 lock was written %1 min ago: an Escale 0.7 client may still be at work "
                                "(stop every 0.7 client first)")
                     .arg(std::max<qint64>(0, lock.secsTo(QDateTime::currentDateTimeUtc()) / 60));
    if (found.waiting() > 0 || found.count(protocol::LegacyKind::UpdateData) > 0)
        lines << QStringLiteral("some contents have not reached every 0.7 client yet: a 0.7 client that still runs "
                                "loses them (the machines running Escale 1 sync through its own repository)");
    return lines;
}

} // namespace

QJsonObject legacyJson(const maintenance::LegacyFiles& found)
{
    QJsonArray files;
    for (const auto& f : found.files)
        files.append(QJsonObject{{QStringLiteral("path"), f.path},
                                 {QStringLiteral("kind"), kindName(f.kind)},
                                 {QStringLiteral("size"), double(f.size)}});
    using K = protocol::LegacyKind;
    return {{QStringLiteral("placeholders"), found.count(K::Placeholder)},
            {QStringLiteral("locks"), found.count(K::Lock)},
            {QStringLiteral("index_pages"), found.count(K::IndexPage)},
            {QStringLiteral("update_files"), found.count(K::UpdateIndex) + found.count(K::UpdateData)},
            {QStringLiteral("waiting"), found.waiting()},
            {QStringLiteral("bytes"), double(found.bytes())},
            {QStringLiteral("files"), files},
            {QStringLiteral("others"), QJsonArray::fromStringList(found.others)},
            {QStringLiteral("truncated"), found.truncated}};
}

void printLegacy(const maintenance::LegacyFiles& found, const QString& repository, bool all)
{
    if (found.empty() && found.others.isEmpty())
        return;
    if (!found.empty()) {
        print(stdout, QStringLiteral("Escale 0.7 files: %1\n").arg(found.summary()));
        const int shown = all ? int(found.files.size()) : std::min<int>(20, int(found.files.size()));
        for (int i = 0; i < shown; ++i)
            print(stdout, QStringLiteral("  %1  (%2)\n").arg(found.files.at(i).path, kindName(found.files.at(i).kind)));
        if (shown < found.files.size())
            print(stdout, QStringLiteral("  ... and %1 more\n").arg(found.files.size() - shown));
        for (const QString& c : cautions(found))
            print(stdout, QStringLiteral("Caution: %1\n").arg(c));
        if (!repository.isEmpty())
            print(stdout, QStringLiteral("'escalectl remove-legacy %1' removes them once the 0.7 clients are "
                                         "stopped (see docs/upgrading.md).\n")
                              .arg(repository));
    }
    if (!found.others.isEmpty())
        print(stdout, QStringLiteral("Not Escale's, left alone: %1 (%2)\n")
                          .arg(found.others.size())
                          .arg(found.others.mid(0, 5).join(QLatin1String(", ")) +
                               (found.others.size() > 5 ? QStringLiteral(", ...") : QString())));
}

int removeLegacy(const Target& target, bool force, bool json)
{
    QString error;
    const maintenance::LegacyFiles found = maintenance::findLegacyFiles(*target.relay, error);
    if (!error.isEmpty())
        return fail(ExitFailure, QStringLiteral("cannot list %1: %2").arg(target.relay->describe(), error));
    if (found.empty()) {
        if (json)
            print(stdout, QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("removed"), 0},
                                                                       {QStringLiteral("found"), legacyJson(found)}})
                                                .toJson(QJsonDocument::Indented)));
        else
            print(stdout, QStringLiteral("No Escale 0.7 file in %1.\n").arg(target.relay->describe()));
        return ExitOk;
    }
    if (!json)
        printLegacy(found, QString(), true);
    if (found.truncated)
        return fail(ExitFailure, QStringLiteral("more entries than can be looked at in one go: nothing removed"));
    if (!force) {
        const auto answer = prompt(QStringLiteral("Remove these %1 files (%2) from %3? Type 'yes': ")
                                       .arg(found.files.size())
                                       .arg(config::formatSize(found.bytes()), target.relay->describe()));
        if (!answer)
            return fail(ExitUsage, QStringLiteral("nothing removed: confirm on a terminal, or add --force"));
        if (answer->trimmed() != "yes") {
            print(stdout, QStringLiteral("Nothing removed.\n"));
            return ExitFailure;
        }
    }
    const QStringList failures = maintenance::removeLegacyFiles(*target.relay, found);
    const int removed = int(found.files.size()) - int(failures.size());
    if (json) {
        print(stdout, QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("removed"), removed},
                                                                   {QStringLiteral("failures"),
                                                                    QJsonArray::fromStringList(failures)},
                                                                   {QStringLiteral("found"), legacyJson(found)}})
                                            .toJson(QJsonDocument::Indented)));
    } else {
        for (const QString& f : failures)
            print(stdout, QStringLiteral("NOT REMOVED: %1\n").arg(f));
        print(stdout, QStringLiteral("Removed %1 of %2 Escale 0.7 files. Their folders stay (empty); nothing else "
                                     "was touched.\n")
                          .arg(removed)
                          .arg(found.files.size()));
    }
    return failures.isEmpty() ? ExitOk : ExitFailure;
}

} // namespace escale::ctl
