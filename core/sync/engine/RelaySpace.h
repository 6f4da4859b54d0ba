#pragma once

#include <QByteArray>
#include <QList>

namespace escale::sync::engine {

struct EngineContext;
struct Pass;

// What this client keeps on the relay, at the end of a pass (relay-format.md R17-R22): its head
// (journal position, acknowledgements, contents it wants again, usage), a snapshot every so many
// segments, its journal segments every active client has read, its contents every active client
// has taken (freeing), and, after a recovery or once a day, its contents nothing names (R20).
class RelaySpace
{
public:
    explicit RelaySpace(EngineContext& context);

    void setSnapshotInterval(int segments) { m_snapshotInterval = segments; }
    void sweepAtNextPass() { m_sweepRequested = true; }

    void writeSnapshot(Pass& pass);
    void writeHead(Pass& pass);
    void freeSpace(Pass& pass);
    void deleteOldJournal(Pass& pass);
    void sweepOwnObjects(Pass& pass);

private:
    QList<QByteArray> currentWants(); // contents this client asks the others to send again (R23)
    // Of the contents the others ask for, those no file here holds and this client does not ask
    // for itself (R23, "A content no client holds").
    QList<QByteArray> currentLacks(const Pass& pass, const QList<QByteArray>& wants);

    EngineContext& m_ctx;
    int m_snapshotInterval = 50; // a snapshot every this many own journal segments (R17)
    bool m_sweepRequested = false;
};

} // namespace escale::sync::engine
