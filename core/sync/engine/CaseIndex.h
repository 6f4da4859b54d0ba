#pragma once

#include "protocol/Records.h"

#include <QHash>
#include <QString>

namespace escale::sync::engine {

struct EngineContext;

// Case folding (relay-format.md R4): on a file system that does not tell names apart by case, two
// names of the relay that differ only by case would land on one file. The index knows, per
// folder, the names on disk by their case-folded form (each folder read once per pass, updated as
// the pass writes), and the folder's properties found by a probe: case and permission bits.
class CaseIndex
{
public:
    explicit CaseIndex(EngineContext& context);

    // Finds out, with a probe file in the folder, whether it tells case apart and keeps
    // permission bits; done at the first pass (again later while the folder cannot be written).
    void probe();
    bool probed() const { return m_caseProbed; }
    // Said by a test, or an odd mount the probe misjudges.
    void setInsensitive(bool insensitive)
    {
        m_caseInsensitive = insensitive;
        m_caseProbed = true;
    }
    bool insensitive() const { return m_caseInsensitive; }
    bool keepsModes() const { return m_modes; }
    void newPass() { m_caseNames.clear(); }

    // Another entry of the same folder whose name differs only by case; empty if none.
    QString caseTwin(const QString& relative);
    // A rename that only changes case: `twin` becomes `path` in place, when it holds `winner`.
    bool renameCaseTwin(const QString& twin, const QString& path, const protocol::JournalRecord& winner);
    // The pass wrote (`present`) or removed a name.
    void noteName(const QString& relative, bool present);

private:
    QHash<QString, QString>& caseNames(const QString& folder);

    EngineContext& m_ctx;
    bool m_caseInsensitive = false;
    bool m_modes = true; // the folder keeps permission bits (probed with the case)
    bool m_caseProbed = false;
    QHash<QString, QHash<QString, QString>> m_caseNames; // folder -> case-folded name -> name, per pass
};

} // namespace escale::sync::engine
