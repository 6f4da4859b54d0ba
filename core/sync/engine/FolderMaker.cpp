#include "sync/engine/FolderMaker.h"

#include "Tr.h"
#include "log/Logging.h"
#include "sync/LocalArchive.h"
#include "sync/Resolution.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/LocalFiles.h"
#include "sync/engine/VersionRules.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace escale::sync::engine {

using protocol::JournalRecord;
using protocol::VersionVector;
using state::StateDb;
using Kind = JournalRecord::Kind;

FolderMaker::FolderMaker(EngineContext& context)
    : m_ctx(context)
{}

void FolderMaker::forget()
{
    m_real.clear();
    m_made.clear();
}

bool FolderMaker::throughLink(const QString& relative)
{
    // Every folder between the synchronised folder and the path must be a real folder: a
    // symbolic link there could lead the write, or the deletion, out of the folder (R4).
    QString prefix;
    const QStringList parts = relative.split(QLatin1Char('/'));
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        prefix = prefix.isEmpty() ? parts.at(i) : prefix + QLatin1Char('/') + parts.at(i);
        if (m_real.contains(prefix))
            continue;
        struct stat st;
        if (::lstat(QFile::encodeName(m_ctx.localPath(prefix)).constData(), &st) != 0)
            continue;
        if (S_ISLNK(st.st_mode))
            return true;
        if (S_ISDIR(st.st_mode))
            m_real.insert(prefix);
    }
    return false;
}

bool FolderMaker::make(const QString& relative, QString& problem, Made* made)
{
    QString prefix;
    for (const QString& part : relative.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        prefix = prefix.isEmpty() ? part : prefix + QLatin1Char('/') + part;
        if (m_real.contains(prefix))
            continue;
        const QByteArray native = QFile::encodeName(m_ctx.localPath(prefix));
        struct stat st;
        if (::lstat(native.constData(), &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                m_real.insert(prefix);
                continue;
            }
            if (S_ISREG(st.st_mode)) {
                problem = trc("sync", "%1 is a file here, a folder elsewhere").arg(m_ctx.localPath(prefix));
                return false;
            }
            // Never written through (R4): the link goes to the archive, a real folder takes its name.
            QString error;
            if (!moveToArchive(m_ctx.settings.localPath, prefix, error)) {
                problem = error;
                return false;
            }
            qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2: the symbolic link or special file there went "
                                                         "to the archive (another machine has a folder there)")
                                              .arg(m_ctx.settings.name, prefix);
        }
        bool madeHere = false;
        if (::mkdir(native.constData(), 0777) == 0) {
            m_made.insert(prefix);
            madeHere = true;
            if (made)
                made->made.append(prefix);
        } else if (errno != EEXIST) {
            const QString why = QString::fromLocal8Bit(std::strerror(errno));
            problem = trc("sync", "cannot create the folder %1: %2").arg(m_ctx.localPath(prefix), why);
            return false;
        }
        // Remembered, so that the next scan does not take it for a new local folder; a folder the
        // others deleted comes back for what it holds (R26), and says so.
        if (!m_ctx.db.local(prefix)) {
            m_ctx.db.putLocal(StateDb::LocalEntry{prefix, Kind::Directory, 0, 0, 0, {}, {}, VersionVector(), 0});
            if (made && madeHere)
                made->entries.insert(prefix);
        }
        if (m_ctx.resolved(prefix).kind == Kind::Deleted && !m_ctx.db.versions(prefix).isEmpty()) {
            if (made)
                made->toKeep.append(prefix);
            else
                keep(prefix);
        }
        m_real.insert(prefix);
    }
    return true;
}

void FolderMaker::unmake(const Made& made)
{
    for (auto it = made.made.crbegin(); it != made.made.crend(); ++it) {
        if (::rmdir(QFile::encodeName(m_ctx.localPath(*it)).constData()) != 0)
            return; // (something else is there now: it stays, and so do its parents)
        // (A folder whose entry was there, its deletion held here, is missing again, as it was.)
        if (made.entries.contains(*it))
            m_ctx.db.removeLocal(*it);
        m_made.remove(*it);
        m_real.remove(*it);
    }
}

void FolderMaker::settle(const Made& made, bool placed)
{
    if (!placed)
        unmake(made);
    for (const QString& folder : made.toKeep) {
        if (m_ctx.resolved(folder).kind != Kind::Deleted)
            continue; // (kept meanwhile, for another file of the batch, or for what it held)
        const QDir there(m_ctx.localPath(folder));
        if (placed || (there.exists() && !there.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden |
                                                          QDir::System)))
            keep(folder);
    }
}

void FolderMaker::keep(const QString& path)
{
    // A folder others deleted, kept here for what it holds: a change beats a deletion (R26). A
    // version made here, newer than every one known, brings it back everywhere.
    const auto known = m_ctx.db.local(path);
    if (!m_ctx.sends() || !known || known->kind != Kind::Directory)
        return;
    const QList<StateDb::Version> versions = m_ctx.db.versions(path);
    JournalRecord r;
    r.path = path;
    r.kind = Kind::Directory;
    r.vv = newLocalVector(mergedVector(versions), versions, m_ctx.clientId);
    r.origin = m_ctx.clientId;
    r.originName = m_ctx.settings.clientName;
    if (const auto updated = integrated(versions, StateDb::Version{r, true})) {
        m_ctx.db.setVersions(path, *updated);
        StateDb::LocalEntry kept = *known;
        kept.vv = r.vv;
        m_ctx.db.putLocal(kept);
    }
}

namespace {

// `from` renamed to `to`, never over anything there: with RENAME_NOREPLACE, or where the file system
// does not know it, after a look that nothing is there.
bool renameNoReplace(const QByteArray& from, const QByteArray& to)
{
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0)
        return true;
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
        return false;
    struct stat st;
    if (::lstat(to.constData(), &st) == 0 || errno != ENOENT) {
        errno = EEXIST;
        return false;
    }
    return ::rename(from.constData(), to.constData()) == 0;
}

} // namespace

bool FolderMaker::vacant(const QString& path) const
{
    // Nothing known there, and nothing on disk (not even a link or a special file).
    struct stat st;
    return !m_ctx.db.local(path) && ::lstat(QFile::encodeName(m_ctx.localPath(path)).constData(), &st) != 0 &&
           errno == ENOENT;
}

QString FolderMaker::fileInTheWay(const QString& relative)
{
    QString prefix;
    for (const QString& part : relative.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        prefix = prefix.isEmpty() ? part : prefix + QLatin1Char('/') + part;
        if (m_real.contains(prefix))
            continue;
        struct stat st;
        if (::lstat(QFile::encodeName(m_ctx.localPath(prefix)).constData(), &st) != 0)
            return {};
        if (!S_ISDIR(st.st_mode))
            return S_ISREG(st.st_mode) ? prefix : QString();
        m_real.insert(prefix);
    }
    return {};
}

std::optional<FolderMaker::Beside> FolderMaker::copyBeside(const QString& prefix, QString& problem)
{
    // A file here where a file to place needs a folder (a change that beat the deletion of a file
    // in it, made where the folder was gone, came after the file took the name: model seed
    // 1470072, where both clients held the file and set the other aside for ever). As when the
    // file comes to a folder that still holds files, the folder keeps the name. Not for a file
    // this machine made in conservative mode (never moved by others' versions), nor at a name
    // this client does not publish.
    const auto local = m_ctx.db.local(prefix);
    if (!m_ctx.sends() || !m_ctx.filter.acceptsFile(prefix) || !m_ctx.filter.acceptsDirectory(prefix) ||
        !m_ctx.accessOf(prefix).send || !m_ctx.selected(prefix, Kind::File) ||
        !m_ctx.selected(prefix, Kind::Directory) || throughLink(prefix))
        return std::nullopt;
    if (m_ctx.settings.mode == config::SyncMode::Conservative && local && local->origin == m_ctx.clientId) {
        problem = trc("sync", "kept this machine's version of %1 (conservative mode)").arg(prefix);
        return std::nullopt;
    }
    // The file as the last scan recorded it (a change since is published first), holding a known
    // version, with every known version of the name taken in (their copies made).
    const auto disk = statLocal(m_ctx.localPath(prefix), prefix);
    if (!local || local->kind != Kind::File || !disk || !sameStat(*local, *disk) || local->mtimeNs < 0 ||
        !local->vv)
        return std::nullopt;
    const QList<StateDb::Version> versions = m_ctx.db.versions(prefix);
    if (const auto order = local->vv->compare(mergedVector(versions));
        order != VersionVector::Order::Equal && order != VersionVector::Order::Newer)
        return std::nullopt;
    // The copy is named after the version the name's resolution gives the file (the same on every
    // client that holds it), else after the one made here, not sent yet.
    QList<JournalRecord> records;
    for (const StateDb::Version& v : versions)
        records.append(v.record);
    const Resolution resolution = resolve(prefix, records);
    const StateDb::Version* winner = nullptr;
    const StateDb::Version* pending = nullptr;
    const StateDb::Version* any = nullptr;
    for (const StateDb::Version& v : versions) {
        if (!holds(*local, v.record))
            continue;
        any = any ? any : &v;
        winner = v.record.vv == resolution.winner.vv ? &v : winner;
        pending = v.pending ? &v : pending;
    }
    const StateDb::Version* held = winner ? winner : pending ? pending : any;
    if (!held)
        return std::nullopt;
    const JournalRecord copy = conflictCopyOf(prefix, held->record);
    // A copy of that version settled already (deleted or changed elsewhere): it does not come back.
    for (const StateDb::Version& v : m_ctx.db.versions(copy.path))
        if (v.record.vv.supersedes(copy.vv))
            return std::nullopt;
    if (!vacant(copy.path)) {
        problem = trc("sync", "%1 is a file here, a folder elsewhere, and it cannot go beside the folder: %2 "
                              "is taken (move it away)")
                      .arg(m_ctx.localPath(prefix), m_ctx.localPath(copy.path));
        return std::nullopt;
    }
    return Beside{copy, held->pending};
}

bool FolderMaker::fileGoesBeside(const QString& prefix, JournalRecord& copy, QString& problem)
{
    const std::optional<Beside> made = copyBeside(prefix, problem);
    if (!made)
        return false;
    copy = made->copy;
    const auto local = m_ctx.db.local(prefix);
    const QByteArray from = QFile::encodeName(m_ctx.localPath(prefix));
    const QByteArray to = QFile::encodeName(m_ctx.localPath(copy.path));
    if (!renameNoReplace(from, to) || ::mkdir(from.constData(), 0777) != 0) {
        problem = trc("sync", "cannot make the folder %1 (a file is there, which goes beside it): %2")
                      .arg(m_ctx.localPath(prefix), QString::fromLocal8Bit(std::strerror(errno)));
        struct stat st;
        if (::lstat(from.constData(), &st) != 0)
            renameNoReplace(to, from);
        return false;
    }
    m_real.insert(prefix);
    m_made.insert(prefix);
    // The copy holds a version the others have, which goes without content (R27); one not sent yet
    // goes with it, from the copy (the folder's version supersedes it). The folder's version is
    // published whether or not the file placed in it comes in the end (commitStaged fails): the
    // name's file is beside it already. (Within the batch's transaction, which commits it all.)
    m_ctx.db.begin();
    QList<StateDb::Version> stored = m_ctx.db.versions(copy.path);
    if (const auto updated = integrated(stored, StateDb::Version{copy, true, !made->pending}))
        stored = *updated;
    m_ctx.db.setVersions(copy.path, stored);
    StateDb::LocalEntry moved = *local;
    moved.path = copy.path;
    moved.origin = copy.origin;
    moved.vv = mergedVector(stored);
    m_ctx.db.putLocal(moved);
    m_ctx.db.removeLocal(prefix);
    m_ctx.db.putLocal(StateDb::LocalEntry{prefix, Kind::Directory, 0, 0, 0, {}, {}, VersionVector(), 0});
    keep(prefix);
    m_ctx.db.commit();
    return true;
}

QString FolderMaker::fileMoves(const QString& path, const QStringList& names)
{
    const auto local = m_ctx.db.local(path);
    const auto disk = statLocal(m_ctx.localPath(path), path);
    if (!local || local->kind != Kind::File || !disk || !sameStat(*local, *disk))
        return {};
    for (const QString& name : names) {
        // A name whose version is this very file's (content, time and permission bits: its
        // conflict copy, when the folder kept the name elsewhere), with nothing there yet.
        const Resolution there = m_ctx.resolved(name);
        if (name == path || there.kind != Kind::File || there.winner.hash != local->hash ||
            there.winner.mtimeMs != local->mtimeNs / 1'000'000 ||
            (there.winner.mode != 0 && there.winner.mode != local->mode) ||
            !m_ctx.selected(name, Kind::File) || !vacant(name) || throughLink(name))
            continue;
        const QByteArray to = QFile::encodeName(m_ctx.localPath(name));
        QString problem;
        Made made;
        if (!make(name.section(QLatin1Char('/'), 0, -2), problem, &made) ||
            !renameNoReplace(QFile::encodeName(m_ctx.localPath(path)), to)) {
            settle(made, false);
            continue;
        }
        settle(made, true);
        StateDb::LocalEntry moved = *local;
        moved.path = name;
        moved.origin = there.winner.origin;
        moved.vv = mergedVector(m_ctx.db.versions(name));
        m_ctx.db.removeLocal(path);
        m_ctx.db.putLocal(moved);
        qCInfo(lcEngine).noquote() << QStringLiteral(
                                          "[%1] %2: a folder took its name; the file is %3, as elsewhere")
                                          .arg(m_ctx.settings.name, path, name);
        return name;
    }
    return {};
}

} // namespace escale::sync::engine
