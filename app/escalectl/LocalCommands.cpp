// The commands on this machine's side of a repository: access, conflicts, resolve. They work
// on the local folder and the state database, with or without a running instance; a running
// instance is asked to sync at once so that a change shows.
#include "Common.h"
#include "config/ConfigLoader.h"
#include "control/ControlChannel.h"
#include "state/StateDb.h"
#include "sync/AccessFlags.h"
#include "sync/Conflicts.h"
#include "sync/LocalState.h"
#include "sync/SyncEngine.h"
#include "protocol/LocalLayout.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace escale::ctl {

namespace {

int loadConfig(const QString& configPath, config::Config& out)
{
    const config::LoadResult loaded = config::ConfigLoader::loadFile(configPath);
    if (const config::ConfigDiagnostic* error = loaded.firstError())
        return fail(ExitUsage, error->toString());
    out = loaded.config;
    return ExitOk;
}

// The configuration, the repository whose folder holds `path` (absolute, or relative to the
// current folder), and the path relative to that folder.
int locate(const QString& configPath, const QString& path, config::Config& config,
           const config::RepositoryConfig*& repository, QString& relative)
{
    if (const int code = loadConfig(configPath, config); code != ExitOk)
        return code;
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    repository = config.holding(absolute, &relative);
    if (!repository)
        return fail(
            ExitUsage,
            QStringLiteral("%1 is in none of the synchronised folders of %2").arg(absolute, config.path));
    if (relative.isEmpty() || relative.startsWith(protocol::local::reservedPrefix()))
        return fail(ExitUsage,
                    relative.isEmpty()
                        ? QStringLiteral("%1 is the folder of '%2' itself: name a file or folder in it")
                              .arg(absolute, repository->name)
                        : QStringLiteral("%1 belongs to Escale and is never synchronised").arg(absolute));
    return ExitOk;
}

// Asks a running instance for a pass of `repository` now; says whether one runs.
bool nudgeInstance(const QString& configPath, const QString& repository)
{
    QString error;
    bool noInstance = false;
    const auto answer = control::request(control::findSocket(configPath),
                                         QJsonObject{{QStringLiteral("command"), QStringLiteral("sync")},
                                                     {QStringLiteral("repository"), repository}},
                                         error, &noInstance);
    return answer && answer->value(QStringLiteral("ok")).toBool();
}

QString describe(bool allowed, bool set, const QString& setAt, const QString& relative)
{
    const QString value = allowed ? QStringLiteral("yes") : QStringLiteral("no");
    if (!set)
        return value + QStringLiteral(" (default)");
    return setAt == relative ? value + QStringLiteral(" (set here)")
                             : value + QStringLiteral(" (from %1)").arg(setAt);
}

} // namespace

int access(const QString& configPath, const QString& path, const QStringList& modifiers, bool json)
{
    config::Config config;
    const config::RepositoryConfig* repository = nullptr;
    QString relative;
    if (const int code = locate(configPath, path, config, repository, relative); code != ExitOk)
        return code;
    sync::LocalState state(*repository);
    QString error;
    std::optional<sync::AccessTable> table;
    if (!state.open(error) || !(table = state.accessTable(error)))
        return fail(ExitFailure, QStringLiteral("cannot open the state of '%1': %2").arg(repository->name, error));
    state::StateDb::Access own = table->value(relative);
    bool applied = false;
    if (!modifiers.isEmpty()) {
        if (!sync::applyAccessModifiers(modifiers, own, error))
            return fail(ExitUsage, error);
        if (!state.setAccess(relative, own, error) || !(table = state.accessTable(error)))
            return fail(ExitFailure, error);
        applied = nudgeInstance(configPath, repository->name);
    }
    const sync::EffectiveAccess effective = sync::effectiveAccess(*table, relative);
    if (json) {
        const QJsonObject o{
            {QStringLiteral("repository"), repository->name},
            {QStringLiteral("path"), relative},
            {QStringLiteral("flags"), sync::accessFlagsText(own)},
            {QStringLiteral("send"), effective.send},
            {QStringLiteral("send_set_at"), effective.sendSet ? effective.sendSetAt : QString()},
            {QStringLiteral("receive"), effective.receive},
            {QStringLiteral("receive_set_at"), effective.receiveSet ? effective.receiveSetAt : QString()}};
        print(stdout, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
    } else {
        print(stdout,
              QStringLiteral("%1 %2 [%3]: send %4, receive %5\n")
                  .arg(sync::accessFlagsText(own), relative, repository->name,
                       describe(effective.send, effective.sendSet, effective.sendSetAt, relative),
                       describe(effective.receive, effective.receiveSet, effective.receiveSetAt, relative)));
        if (!modifiers.isEmpty())
            print(stdout, applied ? QStringLiteral("The running Escale applies it now.\n")
                                  : QStringLiteral("Escale applies it at its next pass.\n"));
    }
    return ExitOk;
}

int conflicts(const QString& configPath, const QString& repositoryName, bool json)
{
    config::Config config;
    if (const int code = loadConfig(configPath, config); code != ExitOk)
        return code;
    if (!repositoryName.isEmpty() && !config.repository(repositoryName))
        return fail(ExitUsage, QStringLiteral("no repository '%1' in %2").arg(repositoryName, configPath));
    QJsonArray repositories;
    int total = 0;
    for (const config::RepositoryConfig& r : config.repositories) {
        if (!repositoryName.isEmpty() && r.name != repositoryName)
            continue;
        const QList<sync::ConflictCopy> found = sync::findConflicts(r.localPath);
        total += int(found.size());
        QJsonArray list;
        for (const sync::ConflictCopy& c : found) {
            const QString when = c.time.toString(Qt::ISODate);
            list.append(QJsonObject{{QStringLiteral("path"), c.original},
                                    {QStringLiteral("copy"), c.copy},
                                    {QStringLiteral("device"), c.device},
                                    {QStringLiteral("time"), when},
                                    {QStringLiteral("original_exists"), c.originalExists}});
            if (!json)
                print(stdout,
                      QStringLiteral("%1: %2\n  %3's version of %4: %5%6\n")
                          .arg(r.name, c.original, c.device, when, QDir(r.localPath).filePath(c.copy),
                               c.originalExists ? QString() : QStringLiteral(" (the file itself is gone)")));
        }
        repositories.append(QJsonObject{{QStringLiteral("name"), r.name},
                                        {QStringLiteral("local_path"), r.localPath},
                                        {QStringLiteral("conflicts"), list}});
    }
    if (json)
        print(stdout,
              QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("repositories"), repositories}})
                                    .toJson(QJsonDocument::Indented)));
    else
        print(stdout, total == 0
                          ? QStringLiteral("No conflict copies.\n")
                          : QStringLiteral("%1 conflict copies. Resolve each with 'escalectl resolve COPY "
                                           "--keep current|copy|both'.\n")
                                .arg(total));
    return ExitOk;
}

int resolve(const QString& configPath, const QString& path, const QString& keep)
{
    sync::KeepVersion choice;
    if (keep == QLatin1String("current"))
        choice = sync::KeepVersion::Current;
    else if (keep == QLatin1String("copy"))
        choice = sync::KeepVersion::Copy;
    else if (keep == QLatin1String("both"))
        choice = sync::KeepVersion::Both;
    else
        return fail(ExitUsage,
                    keep.isEmpty()
                        ? QStringLiteral("resolve needs --keep current, copy or both")
                        : QStringLiteral("--keep takes current, copy or both, not '%1'").arg(keep));
    config::Config config;
    const config::RepositoryConfig* repository = nullptr;
    QString relative;
    if (const int code = locate(configPath, path, config, repository, relative); code != ExitOk)
        return code;
    const auto conflict = sync::parseConflictCopy(relative);
    if (!conflict)
        return fail(ExitUsage,
                    QStringLiteral("%1 is not a conflict copy (named 'NAME (conflict from DEVICE DATE "
                                   "TIME).EXT'); see 'escalectl conflicts'")
                        .arg(relative));
    QString result, error;
    if (!sync::resolveConflict(repository->localPath, *conflict, choice, result, error))
        return fail(ExitFailure, error);
    const bool applied = nudgeInstance(configPath, repository->name);
    print(stdout, QStringLiteral("%1. %2\n")
                      .arg(result, applied ? QStringLiteral("The running Escale sends it now.")
                                           : QStringLiteral("Escale sends it at its next pass.")));
    return ExitOk;
}

} // namespace escale::ctl
