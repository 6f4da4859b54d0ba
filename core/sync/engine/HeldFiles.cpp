#include "sync/engine/HeldFiles.h"

#include "Tr.h"
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

bool HeldFiles::holds(const QString& path, const state::StateDb::LocalEntry& known)
{
    if (m_gone.contains(path))
        return true;
    if (known.kind != protocol::JournalRecord::Kind::File || known.inode == 0 || m_ctx.looksAt(path))
        return false;
    if (!m_shared)
        m_shared = m_ctx.db.sharedFiles();
    return m_shared->contains(path);
}

QString HeldFiles::cause(const QString& path)
{
    return trc("sync",
               "%1 stays as it is: it may have come back from another place while the scan does not look at "
               "it (its send flag off, filtered out or hidden); versions from other machines wait until it "
               "is sent again")
        .arg(path);
}

} // namespace escale::sync::engine
