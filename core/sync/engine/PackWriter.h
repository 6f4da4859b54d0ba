#pragma once

#include "protocol/ObjectStore.h"
#include "protocol/Records.h"
#include "relay/RelayTypes.h"
#include "sync/engine/BufferPool.h"

#include <QBuffer>
#include <QHash>
#include <QSet>
#include <deque>
#include <functional>
#include <memory>

namespace escale::sync::engine {

struct EngineContext;

// The packs of one publication (relay-format.md R37): blobs are placed one after the other in the
// open pack, which is sealed and sent when the next blob would not fit in `chunk size` (a blob
// larger than that is a pack of its own). Up to 'transfers' packs travel at once while the next
// one fills. Each pack is recorded as this client's (unpublished) before it is written, so a crash
// leaves nothing on the relay the start-up cleaning does not know of.
class PackWriter
{
public:
    // `newId` names the next pack (an id reserved and committed beforehand, when there is one).
    PackWriter(EngineContext& context, std::function<QString()> newId, BufferPool& buffers);
    ~PackWriter();

    // Where `bytes` (whose SHA-256 is `hash`) will lie; the pack before it may leave meanwhile.
    protocol::BlobRef add(QByteArrayView bytes, const QByteArray& hash);
    // Seals the open pack and waits for every pack to be written.
    void finish();

    // After finish(): how each pack ended (a pack never sealed counts as failed).
    bool written(const QString& pack) const { return m_written.contains(pack); }
    relay::RelayError failure() const { return m_failure; }                    // the first failure, if any
    qint64 size(const QString& pack) const { return m_sizes.value(pack, -1); } // plain bytes
    bool isOurs(const QString& pack) const { return m_sizes.contains(pack) || pack == m_openId; }
    qint64 unsealed() const { return m_open.size(); } // bytes in the pack being filled

private:
    struct Upload
    {
        QString id;
        QByteArray bytes; // what the relay sends, shared with it: back to the pool once sent
        protocol::ObjectStore::PendingPut put;
        // Its plain bytes counted in the progress so far, as the relay reports them sent.
        std::shared_ptr<qint64> counted = std::make_shared<qint64>(0);
    };
    void seal();
    void collect();

    EngineContext& m_ctx;
    std::function<QString()> m_newId;
    BufferPool& m_buffers;
    QString m_openId;
    QByteArray m_open; // the bytes of the pack being filled
    std::deque<Upload> m_inFlight;
    QHash<QString, qint64> m_sizes;
    QSet<QString> m_written;
    relay::RelayError m_failure;
};

} // namespace escale::sync::engine
