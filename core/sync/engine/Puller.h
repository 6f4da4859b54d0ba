#pragma once

#include "state/StateDb.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace escale::sync::engine {

struct EngineContext;
struct Pass;
class Materializer;
class OwnJournal;
class RelayMoveClient;
class RepositoryOpener;

// What the others published, into this client (relay-format.md R11-R16, R23, R32, R33, R35): the
// heads listed in one request, each other client's new head read and checked (no replays),
// its journal segments read in order (or its snapshot, where segments are gone) and their
// records integrated into the known versions; then the materializer makes the folder match, and
// only then are the positions reached acknowledged. Also follows a forwarding record, drops
// forgotten clients, and plans the contents others asked for again.
class Puller
{
public:
    Puller(EngineContext& context, RepositoryOpener& opener, OwnJournal& journal, Materializer& materializer,
           RelayMoveClient& move);

    void pull(Pass& pass);

private:
    // Reads one segment of a peer's journal into the known versions; false when it cannot be read.
    bool readSegment(Pass& pass, const state::StateDb::Peer& peer, quint64 seq);
    bool loadSnapshot(Pass& pass, state::StateDb::Peer& peer);
    // `seq`: the segment of `peer` they come from (for a snapshot, the last one it covers).
    void takeInHeld(const protocol::JournalRecord& record);
    void integrateRecords(Pass& pass, const QList<QByteArray>& records, const QString& object,
                          const state::StateDb::Peer& peer, quint64 seq);
    bool checkForgotten(Pass& pass, const QString& client); // its record checks (R33)
    void planRepushes(Pass& pass);                          // contents others asked for (R23)
    // Others' blobs no longer to be named (R39 d); `before`: the peers as read before this pass.
    void forgetAcknowledgedBlobs(const Pass& pass, const QHash<QString, state::StateDb::Peer>& before);

    EngineContext& m_ctx;
    RepositoryOpener& m_opener;
    OwnJournal& m_journal;
    Materializer& m_materializer;
    RelayMoveClient& m_move;
    QSet<QString> m_forgotten; // clients whose 'forgotten' record checked (R33)
};

} // namespace escale::sync::engine
