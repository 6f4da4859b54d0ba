#include "sync/engine/FolderMaker.h"

#include "log/Logging.h"
#include "Tr.h"
#include "sync/LocalArchive.h"
#include "sync/Resolution.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/VersionRules.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <cstring>
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

} // namespace escale::sync::engine
