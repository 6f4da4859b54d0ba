#include "sync/engine/PackWriter.h"

#include "protocol/Layout.h"
#include "relay/RelayJob.h"
#include "sync/engine/EngineContext.h"

namespace escale::sync::engine {

using relay::RelayError;
using relay::WriteMode;
using state::StateDb;
namespace layout = protocol::layout;

PackWriter::PackWriter(EngineContext& context, std::function<QString()> newId, BufferPool& buffers)
    : m_ctx(context)
    , m_newId(std::move(newId))
    , m_buffers(buffers)
{}

PackWriter::~PackWriter()
{
    finish();
}

protocol::BlobRef PackWriter::add(QByteArrayView bytes, const QByteArray& hash)
{
    const qint64 room = m_ctx.settings.chunkSize;
    if (!m_open.isEmpty() && m_open.size() + bytes.size() > room)
        seal();
    if (m_openId.isEmpty()) {
        m_openId = m_newId();
        m_open = m_buffers.take(std::min<qint64>(std::max<qint64>(room, bytes.size()), 16LL << 20)); // grows past it
    }
    const protocol::BlobRef place{m_openId, m_open.size(), bytes.size(), hash, false};
    m_open.append(bytes);
    m_ctx.progress.bytesPacked += bytes.size();
    if (m_open.size() >= room)
        seal();
    return place;
}

void PackWriter::seal()
{
    if (m_openId.isEmpty())
        return;
    Upload u;
    u.id = std::exchange(m_openId, QString());
    const qint64 size = m_open.size();
    m_sizes.insert(u.id, size);
    QByteArray bytes = std::exchange(m_open, QByteArray());
    if (!m_failure.ok())
        return; // the publication fails: nothing more is sent
    if (const RelayError e = m_ctx.ensureFolder(layout::dataFolderOf(u.id)); !e.ok()) {
        m_failure = e;
        return;
    }
    // Recorded before it is written: unpublished until its segment is, removed if never (R2).
    m_ctx.db.putOwnObject(StateDb::OwnObject{u.id, 0, m_ctx.store.codec().encodedSize(size)});
    u.put = m_ctx.store.startPutBytes(layout::dataPath(u.id), bytes, WriteMode::Fresh);
    // The bytes show as they go out (relays that tell: folder, WebDAV, S3, rclone), not only once
    // the whole pack is written: a big file's progress fills as it is sent.
    if (relay::RelayJob* job = u.put.job.get())
        QObject::connect(job, &relay::RelayJob::progress, job,
                         [this, counted = u.counted, size](qint64 done, qint64 total) {
                             if (total <= 0)
                                 return;
                             const qint64 now = size * std::clamp<qint64>(done, 0, total) / total;
                             m_ctx.progress.bytesSent += now - *counted;
                             *counted = now;
                             m_ctx.reportProgress();
                         });
    if (m_ctx.store.codec().isIdentity())
        u.bytes = std::move(bytes); // the relay sends these very bytes
    else
        m_buffers.give(std::move(bytes)); // encoded into others already
    m_inFlight.push_back(std::move(u));
    if (int(m_inFlight.size()) >= m_ctx.transfers())
        collect();
}

void PackWriter::collect()
{
    Upload u = std::move(m_inFlight.front());
    m_inFlight.pop_front();
    const RelayError e = m_ctx.store.finish(u.put);
    m_buffers.give(std::move(u.bytes));
    if (e.ok()) {
        m_written.insert(u.id);
        m_ctx.progress.bytesSent += m_sizes.value(u.id) - *u.counted;
        m_ctx.reportProgress(true);
    } else {
        m_ctx.progress.bytesSent -= *u.counted;
        if (m_failure.ok())
            m_failure = e;
    }
}

void PackWriter::finish()
{
    seal();
    while (!m_inFlight.empty())
        collect();
}

} // namespace escale::sync::engine
