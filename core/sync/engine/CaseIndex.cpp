#include "sync/engine/CaseIndex.h"

#include "protocol/LocalLayout.h"
#include "protocol/PathCheck.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/LocalFiles.h"
#include "sync/engine/VersionRules.h"
#include "log/Logging.h"

#include <QDir>
#include <QFile>
#include <sys/stat.h>

namespace escale::sync::engine {

using protocol::JournalRecord;
using state::StateDb;
using Kind = JournalRecord::Kind;

CaseIndex::CaseIndex(EngineContext& context)
    : m_ctx(context)
{}

void CaseIndex::probe()
{
    // A probe name in mixed case, looked up in lower case.
    const QString probe = m_ctx.localPath(protocol::local::probePrefix() + randomTag());
    QFile f(probe);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return; // read-only or missing folder: probed again at the next pass
    f.close();
    struct stat st;
    m_caseInsensitive = ::lstat(QFile::encodeName(probe.toLower()).constData(), &st) == 0;
    // Whether files keep the permission bits they are given (not on FAT, exFAT, most SMB mounts).
    m_modes = ::chmod(QFile::encodeName(probe).constData(), 0640) == 0 &&
              ::lstat(QFile::encodeName(probe).constData(), &st) == 0 && (st.st_mode & 0777) == 0640;
    if (!m_modes)
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2 does not keep permission bits: none are sent "
                                                     "or applied")
                                          .arg(m_ctx.settings.name, m_ctx.settings.localPath);
    QFile::remove(probe);
    m_caseProbed = true;
    if (m_caseInsensitive)
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2 does not tell names apart by case")
                                          .arg(m_ctx.settings.name, m_ctx.settings.localPath);
}

QString CaseIndex::caseTwin(const QString& relative)
{
    // Another entry of the same folder whose name differs only by case: on disk (each folder
    // read once per pass), or staged by this pass.
    const QString name = relative.section(QLatin1Char('/'), -1);
    const QString parent = relative.section(QLatin1Char('/'), 0, -2);
    const QString present = caseNames(parent).value(name.toCaseFolded());
    if (present.isEmpty() || present == name)
        return {};
    return parent.isEmpty() ? present : parent + QLatin1Char('/') + present;
}

bool CaseIndex::renameCaseTwin(const QString& twin, const QString& path, const JournalRecord& winner)
{
    const auto known = m_ctx.db.local(twin);
    const auto disk = statLocal(m_ctx.localPath(twin), twin);
    if (!known || !disk || !sameStat(*known, *disk) || known->kind != Kind::File ||
        known->hash != winner.hash || m_ctx.db.local(path))
        return false;
    if (::rename(QFile::encodeName(m_ctx.localPath(twin)).constData(),
                 QFile::encodeName(m_ctx.localPath(path)).constData()) != 0)
        return false;
    StateDb::LocalEntry moved = *known;
    moved.path = path;
    moved.origin = winner.origin;
    moved.vv = mergedVector(m_ctx.db.versions(path));
    m_ctx.db.removeLocal(twin);
    m_ctx.db.putLocal(moved);
    noteName(twin, false);
    noteName(path, true);
    return true;
}

QHash<QString, QString>& CaseIndex::caseNames(const QString& folder)
{
    auto it = m_caseNames.find(folder);
    if (it == m_caseNames.end()) {
        it = m_caseNames.insert(folder, {});
        QDir dir(folder.isEmpty() ? m_ctx.settings.localPath : m_ctx.localPath(folder));
        for (const QString& entry :
             dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
            if (!protocol::isReservedName(entry))
                it->insert(entry.toCaseFolded(), entry);
    }
    return *it;
}

void CaseIndex::noteName(const QString& relative, bool present)
{
    if (!m_caseInsensitive)
        return;
    QHash<QString, QString>& folder = caseNames(relative.section(QLatin1Char('/'), 0, -2));
    const QString name = relative.section(QLatin1Char('/'), -1);
    if (present)
        folder.insert(name.toCaseFolded(), name);
    else if (folder.value(name.toCaseFolded()) == name)
        folder.remove(name.toCaseFolded());
}

} // namespace escale::sync::engine
