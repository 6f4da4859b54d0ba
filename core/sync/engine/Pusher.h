#pragma once

#include "protocol/ObjectStore.h"
#include "protocol/Records.h"
#include "relay/RelayTypes.h"
#include "state/StateDb.h"

#include <QFile>
#include <deque>
#include <memory>
#include <optional>

namespace escale::sync {
class HashingReader;
}

namespace escale::sync::engine {

struct EngineContext;
struct Pass;
class OwnJournal;

// Publishing this client's versions (relay-format.md R1, R2, R13, R23, R27, R28): the versions
// waiting to be sent, a segment's worth at a time, smallest content first, then the contents
// others asked for again. Each file's chunks are uploaded (up to 'transfers' at once, one-chunk
// files pipelined) from a stable read of the file, and the batch is published as the next
// segment of this client's journal with an exclusive write. Under 'disk quota', uploads wait for
// room, and a file larger than the quota goes in pieces.
class Pusher
{
public:
    Pusher(EngineContext& context, OwnJournal& journal);
    ~Pusher();

    void push(Pass& pass);
    // The pass was abandoned: chunk names reserved and not used are forgotten here (the state
    // lists them as unpublished, and the next push drops them).
    void abandon() { m_reservedIds.clear(); }

private:
    struct ChunkUpload;
    bool uploadFile(Pass& pass, protocol::JournalRecord& record, qint64 from, qint64 limit,
                    state::StateDb::LocalEntry* source = nullptr);
    bool uploadPiece(Pass& pass, protocol::JournalRecord& record, qint64 room);
    // Whether the bytes sent for `record` (their hash, or the file read again) are its content;
    // a version made here takes the hash of what was sent.
    bool confirmContent(Pass& pass, protocol::JournalRecord& record, const state::StateDb::LocalEntry& source,
                        bool repush, QByteArray uploaded);
    // The file that holds the record's content, unchanged since it was scanned.
    std::optional<state::StateDb::LocalEntry> contentSource(const protocol::JournalRecord& record);
    void withdrawIfGone(Pass& pass, const protocol::JournalRecord& record, bool repush);
    // Chunk names recorded (and committed) before a batch's uploads start: a crash in the middle
    // of the batch, whose own records are committed together at its end, leaves no chunk on the
    // relay that the start-up sweep does not know of. What the batch did not use is forgotten.
    void reserveChunkIds(int count);
    void releaseChunkIds();
    // Starts uploading `size` bytes of the file at `offset` as a new chunk, recorded as this
    // client's (unpublished) first; false with `e` set when the relay refuses, or the file
    // cannot be read (`e` ok).
    bool startChunk(const QString& absolute, qint64 offset, qint64 size, ChunkUpload& chunk,
                    relay::RelayError& e);
    void failUpload(Pass& pass, const QString& path, const relay::RelayError& e);

    EngineContext& m_ctx;
    OwnJournal& m_journal;
    std::deque<QString> m_reservedIds; // see reserveChunkIds()
};

} // namespace escale::sync::engine
