#pragma once

#include "protocol/Chunker.h"
#include "protocol/ObjectStore.h"
#include "protocol/Records.h"
#include "relay/RelayTypes.h"
#include "state/StateDb.h"
#include "sync/engine/BufferPool.h"

#include <QHash>
#include <QSet>
#include <deque>
#include <memory>
#include <optional>


namespace escale::sync::engine {

class LocalReader;

struct EngineContext;
struct Pass;
class OwnJournal;
class PackWriter;

// Publishing this client's versions (relay-format.md R1, R2, R13, R23, R27, R28, R36-R42): the
// versions waiting to be sent, a segment's worth at a time, smallest content first, then the
// contents others asked for again. Each file is read once, stably, and cut into blobs; the blobs
// not on the relay yet go into the batch's packs (PackWriter: up to 'transfers' at once), and the
// batch is published as the next segment of this client's journal with an exclusive write. Under
// 'disk quota', uploads wait for room, and a file larger than the quota goes in pieces.
class Pusher
{
public:
    Pusher(EngineContext& context, OwnJournal& journal);
    ~Pusher();

    void push(Pass& pass);
    // The pass was abandoned: pack names reserved and not used are forgotten here (the state
    // lists them as unpublished, and the next push drops them).
    void abandon() { m_reservedIds.clear(); }

private:
    // Escale is stopping (SyncEngine::interrupt): said in the pass's result.
    bool stopping(Pass& pass) const;

public:

private:
    // Cuts the file's bytes [from, from + limit) into blobs (R36) into `record`'s blob list, each
    // found where it already is (R39) or added to `packs` (`placed`: the batch's blobs; `used`: the
    // batch's packs the record names). False when the file changed or cannot be read, or the pass
    // failed. The whole file read gives the record the hash of what was sent (confirmContent).
    bool cutFile(Pass& pass, protocol::JournalRecord& record, qint64 from, qint64 limit, bool repush,
                 PackWriter& packs, QHash<QByteArray, protocol::BlobRef>& placed, QStringList& used);
    bool uploadPiece(Pass& pass, protocol::JournalRecord& record, qint64 room, PackWriter& packs,
                     QHash<QByteArray, protocol::BlobRef>& placed, QStringList& used);
    // Whether the bytes sent for `record` (`uploaded`: their hash, or the scan's when they met its
    // check) are its content; a version made here takes the hash of what was sent.
    bool confirmContent(Pass& pass, protocol::JournalRecord& record, const state::StateDb::LocalEntry& source,
                        bool repush, QByteArray uploaded);
    // Whether `record`'s version (its vector and content) is one of its path's versions here.
    bool holds(const protocol::JournalRecord& record) const;
    // A version found here with no history that another client published already, taken as that
    // client's (no record published); true when it was.
    bool adoptPublished(const protocol::JournalRecord& record, bool repush);
    // The file that holds the record's content, unchanged since it was scanned.
    std::optional<state::StateDb::LocalEntry> contentSource(const protocol::JournalRecord& record, LocalReader& reader);
    void withdrawIfGone(Pass& pass, const protocol::JournalRecord& record, bool repush);
    // Pack names recorded (and committed) before a batch's uploads start: a crash in the middle
    // of the batch, whose own records are committed together at its end, leaves no pack on the
    // relay that the start-up sweep does not know of. What the batch did not use is forgotten.
    void reserveChunkIds(int count);
    void releaseChunkIds();
    QString nextPackId();
    void failUpload(Pass& pass, const QString& path, const relay::RelayError& e);

    EngineContext& m_ctx;
    OwnJournal& m_journal;
    std::deque<QString> m_reservedIds; // see reserveChunkIds()
    QByteArray m_readBuffer; // cutFile's reads
    BufferPool m_buffers;    // packs and blobs
    bool m_foreignBlobs = false; // this pass read the heads: blobs of others' packs may be named (R39 d)
};

} // namespace escale::sync::engine
