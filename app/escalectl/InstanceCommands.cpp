// The commands of the running instance: status, pause, resume, sync, stop.
#include "Common.h"
#include "config/Units.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace escale::ctl {

// status, pause, resume, sync, stop: through the running instance's control socket.
int instanceCommand(const QString& command, const QString& repository, const QString& configPath, bool json,
                    const QDateTime& until)
{
    QJsonObject message{{QStringLiteral("command"), command}};
    if (!repository.isEmpty())
        message.insert(QStringLiteral("repository"), repository);
    if (until.isValid())
        message.insert(QStringLiteral("until"), until.toString(Qt::ISODate));
    int code = ExitOk;
    const auto answer = askInstance(configPath, message, code);
    if (!answer)
        return code;
    if (json) {
        print(stdout, QString::fromUtf8(QJsonDocument(*answer).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    if (command != QLatin1String("status")) {
        QStringList names;
        for (const QJsonValue& v : answer->value(QStringLiteral("repositories")).toArray())
            names << v.toString();
        const QString done = command == QLatin1String("pause")
                                 ? (until.isValid() ? QStringLiteral("paused until %1")
                                                          .arg(until.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                                                    : QStringLiteral("paused"))
                             : command == QLatin1String("resume") ? QStringLiteral("resumed")
                             : command == QLatin1String("sync")   ? QStringLiteral("syncing now")
                             : command == QLatin1String("confirm-deletions")
                                 ? QStringLiteral("the deletions held back go out with a pass now")
                                 : QStringLiteral("stopping");
        print(stdout, names.isEmpty()
                          ? done + QLatin1Char('\n')
                          : QStringLiteral("%1: %2\n").arg(names.join(QLatin1String(", ")), done));
        return ExitOk;
    }
    bool problems = false;
    if (answer->value(QStringLiteral("repositories")).toArray().isEmpty())
        print(stdout,
              QStringLiteral("No repository yet: add one with the desktop application's setup wizard, or "
                             "in the configuration (docs/configuration.md).\n"));
    for (const QJsonValue& v : answer->value(QStringLiteral("repositories")).toArray()) {
        const QJsonObject r = v.toObject();
        if (!repository.isEmpty() && r.value(QStringLiteral("name")).toString() != repository)
            continue;
        const QJsonObject last = r.value(QStringLiteral("last_pass")).toObject();
        const QString lastSync = r.value(QStringLiteral("last_sync")).toString();
        print(stdout,
              QStringLiteral("%1: %2 (last sync %3)\n  %4 <-> %5\n  last pass: %6 sent, %7 received, %8 "
                             "deleted, %9 conflicts\n")
                  .arg(r.value(QStringLiteral("name")).toString(),
                       r.value(QStringLiteral("paused_until")).toString().isEmpty()
                           ? r.value(QStringLiteral("state")).toString()
                           : QStringLiteral("%1 until %2")
                                 .arg(r.value(QStringLiteral("state")).toString(),
                                      QDateTime::fromString(r.value(QStringLiteral("paused_until")).toString(),
                                                            Qt::ISODate)
                                          .toLocalTime()
                                          .toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                       lastSync.isEmpty() ? QStringLiteral("none yet") : lastSync,
                       r.value(QStringLiteral("local_path")).toString(),
                       r.value(QStringLiteral("relay")).toString())
                  .arg(last.value(QStringLiteral("sent")).toInt())
                  .arg(last.value(QStringLiteral("received")).toInt())
                  .arg(last.value(QStringLiteral("deleted")).toInt())
                  .arg(last.value(QStringLiteral("conflicts")).toInt()));
        // What moves now, during a pass: files and bytes of each direction, and the file under way.
        if (r.value(QStringLiteral("state")).toString() == QLatin1String("syncing")) {
            const QJsonObject g = r.value(QStringLiteral("progress")).toObject();
            QStringList moving;
            auto direction = [&](const QString& verb, const char* files, const char* done, const char* bytes,
                                 const char* bytesDone) {
                const int total = g.value(QLatin1String(files)).toInt();
                if (total <= 0)
                    return;
                moving << QStringLiteral("%1 %2 of %3 files (%4 of %5)")
                              .arg(verb)
                              .arg(g.value(QLatin1String(done)).toInt())
                              .arg(total)
                              .arg(config::formatSize(qint64(g.value(QLatin1String(bytesDone)).toDouble())),
                                   config::formatSize(qint64(g.value(QLatin1String(bytes)).toDouble())));
            };
            direction(QStringLiteral("sending"), "files_to_send", "files_sent", "bytes_to_send", "bytes_sent");
            direction(QStringLiteral("receiving"), "files_to_receive", "files_received", "bytes_to_receive",
                      "bytes_received");
            const QString current = g.value(QStringLiteral("current")).toString();
            if (!moving.isEmpty())
                print(stdout, QStringLiteral("  now: %1%2\n")
                                  .arg(moving.join(QLatin1String("; ")),
                                       current.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(current)));
        }
        if (r.value(QStringLiteral("conflicts_waiting")).toInt() >= 0) {
            const double quota = r.value(QStringLiteral("disk_quota")).toDouble();
            print(
                stdout,
                QStringLiteral("  to send: %1 changes; to receive: %2 journal segments; conflict copies: %3; "
                               "relay holds %4%5\n")
                    .arg(r.value(QStringLiteral("pending_up")).toInt())
                    .arg(qint64(r.value(QStringLiteral("pending_down")).toDouble()))
                    .arg(r.value(QStringLiteral("conflicts_waiting")).toInt())
                    .arg(config::formatSize(qint64(r.value(QStringLiteral("relay_usage")).toDouble())),
                         quota >= 0
                             ? QStringLiteral(" of %1 ('disk quota')").arg(config::formatSize(qint64(quota)))
                             : QString()));
        }
        // What waits: paths that could not be placed, contents asked for again (not errors: retried).
        const QJsonArray waiting = last.value(QStringLiteral("waiting")).toArray();
        if (!waiting.isEmpty())
            print(stdout, QStringLiteral("  waiting: %1\n").arg(waiting.size()));
        for (qsizetype i = 0; i < std::min<qsizetype>(waiting.size(), 20); ++i)
            print(stdout, QStringLiteral("    %1\n").arg(waiting.at(i).toString()));
        if (waiting.size() > 20)
            print(stdout, QStringLiteral("    ... and %1 more\n").arg(waiting.size() - 20));
        if (const QString notice = r.value(QStringLiteral("relay_notice")).toString(); !notice.isEmpty())
            print(stdout, QStringLiteral("  note: %1\n").arg(notice));
        const QString lastError = r.value(QStringLiteral("last_error")).toString();
        if (!lastError.isEmpty()) {
            problems = true;
            print(stdout, QStringLiteral("  last error: %1\n").arg(lastError));
        }
    }
    return problems ? ExitFailure : ExitOk;
}

} // namespace escale::ctl
