#pragma once

#include "state/StateDb.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace escale::sync::engine {

class CaseIndex;
struct EngineContext;
struct Pass;

// Versions the materializer settles before it resolves a path with them: a version no folder can
// ever show, superseded by what this folder holds under the name (or, with nothing there, by a
// deletion). Each is called for one path with its versions (as stored) and is true when the
// versions of `path` changed; the caller reads them again and may call again (one version a call).

// A version of `path` whose conflict copy this client deleted before it knew that version (its
// state put back from an older backup): relay-format.md R26, "A copy deleted here before its
// version was known here". Called for a path with concurrent versions.
bool settleCopyDeletedHere(EngineContext& ctx, CaseIndex& cases, const QString& path,
                           const QList<state::StateDb::Version>& versions);

// The contents this client asks for that no client holds any more: every other client's head, as
// last read, says it wants or lacks it (relay-format.md R23, "A content no client holds"). Each
// with the clients that want it, this one included.
QHash<QByteArray, QStringList> lostContents(const EngineContext& ctx, const QHash<QString, state::StateDb::Peer>& peers);

// The client that settles a version whose content is lost, of those that want it (`wanting`): its
// author when it is one of them, else the first by id.
QString lostContentSettler(const protocol::JournalRecord& version, const QStringList& wanting);

// Of those contents, the ones for which no chunk list known here names only objects still on the
// relay (a relay that cannot say keeps a content out).
QSet<QByteArray> chunksGoneFromRelay(EngineContext& ctx, const QSet<QByteArray>& hashes);

// A version of `path` with one of the `lost` contents (from lostContents, those this pass found
// gone from the relay), asked for under `path` (`wantedHere`) and settled by this client (its
// author when it wants it, else the first of those that do): superseded by what this folder holds
// there; the pass says so.
bool settleLostContent(EngineContext& ctx, CaseIndex& cases, Pass& pass, const QString& path,
                       const QList<state::StateDb::Version>& versions, const QHash<QByteArray, QStringList>& lost,
                       const QSet<QByteArray>& wantedHere);

} // namespace escale::sync::engine
