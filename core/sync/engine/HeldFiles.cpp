#include "sync/engine/HeldFiles.h"

#include "Tr.h"
#include "sync/AccessFlags.h"
#include "sync/engine/EngineContext.h"

namespace escale::sync::engine {

HeldFiles::HeldFiles(EngineContext& context)
    : m_ctx(context)
{}

void HeldFiles::load()
{
    m_gone = m_ctx.db.heldGone();
    m_shared.reset();
}

bool HeldFiles::holds(const QString& path, const state::StateDb::LocalEntry& known, const QByteArray& content)
{
    if (known.kind != protocol::JournalRecord::Kind::File || (!content.isEmpty() && content == known.hash))
        return false;
    if (m_gone.contains(path))
        return true;
    if (known.inode == 0 || m_ctx.looksAt(path))
        return false;
    if (!m_shared)
        m_shared = m_ctx.db.sharedFiles();
    return m_shared->contains(path);
}

bool HeldFiles::goneToo(const QString& path, const std::optional<state::StateDb::LocalEntry>& known) const
{
    return known && known->kind == protocol::JournalRecord::Kind::File && !m_ctx.looksAt(path);
}

void HeldFiles::accessChanged(EngineContext& context, const QHash<QString, state::StateDb::Access>& before)
{
    QSet<QString> held = context.db.heldGone();
    const qsizetype had = held.size();
    for (const QString& path : context.db.sharedFiles())
        if (!effectiveAccess(before, path).send && context.looksAt(path))
            held.insert(path);
    if (held.size() != had)
        context.db.setHeldGone(held);
}

QString HeldFiles::leftAlone(const QString& path, bool held)
{
    if (!held)
        return trc("sync", "%1 changed locally meanwhile; it will be compared on the next pass").arg(path);
    return trc("sync",
               "%1 stays as it is: it may have come back from another place while the scan does not look at "
               "it (its send flag off, filtered out or hidden); versions from other machines wait until it "
               "is sent again")
        .arg(path);
}

} // namespace escale::sync::engine
