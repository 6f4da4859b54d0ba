#pragma once

#include "protocol/ObjectCodec.h"
#include "relay/RelayBackend.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <functional>
#include <memory>

namespace escale::protocol {

// The relay as the protocol sees it: objects read and written through the repository's codec
// (section 4), except the header, which is stored as it is. Each call blocks its thread
// running the backend's job in a local event loop: meant for the engine's worker thread.
class ObjectStore
{
public:
    explicit ObjectStore(relay::RelayBackend* backend);

    relay::RelayBackend* backend() const { return m_backend; }
    void setCodec(std::shared_ptr<ObjectCodec> codec) { m_codec = std::move(codec); }
    std::shared_ptr<ObjectCodec> sharedCodec() const { return m_codec; }
    void setBackend(relay::RelayBackend* backend) { m_backend = backend; }
    ObjectCodec& codec() const { return *m_codec; }
    // Called before each write to the relay (the engine notes that an upload may leave a
    // temporary object behind if it is cut short).
    void setBeforeWrite(std::function<void()> hook) { m_beforeWrite = std::move(hook); }

    // Text objects (heads, journal segments, snapshots), held in memory: they are small.
    relay::RelayError getSmall(const QString& path, QByteArray& bytes);
    relay::RelayError putSmall(const QString& path, const QByteArray& bytes, relay::WriteMode mode);
    // Content: `plainSize` bytes streamed from `source`, or into `sink`.
    relay::RelayError put(const QString& path, QIODevice* source, qint64 plainSize, relay::WriteMode mode);
    relay::RelayError get(const QString& path, QIODevice* sink);
    // A put that runs while others do (parallel transfers): start it, then finish() it. The
    // source must outlive it.
    struct PendingPut
    {
        std::unique_ptr<QIODevice> encoder;
        std::unique_ptr<relay::RelayJob> job;
    };
    PendingPut startPut(const QString& path, QIODevice* source, qint64 plainSize, relay::WriteMode mode);
    // The same for an object held in memory: it is encoded whole now, on the caller's thread, so
    // that the relay sends it from memory without asking this thread for each part (SFTP's
    // worker threads write it while the engine goes on reading files).
    PendingPut startPutBytes(const QString& path, const QByteArray& plain, relay::WriteMode mode);
    relay::RelayError finish(PendingPut& put);
    // The same for a get: the sink must outlive it.
    struct PendingGet
    {
        QString path;
        std::unique_ptr<DecodingSink> decoder;
        std::unique_ptr<relay::RelayJob> job;
        relay::RelayError early; // known before any read (no job then)
    };
    PendingGet startGet(const QString& path, QIODevice* sink);
    relay::RelayError finish(PendingGet& get);
    // A part of a content object (relay-format.md R40): its plain bytes [offset, offset + length),
    // checked as the codec checks them. An encoded object's header comes with the part when the
    // part begins near the start, else from a small read of its own; either way it is kept for the
    // next parts of that object. (The small read, when needed, is made before this returns.)
    relay::RelayError getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink);
    PendingGet startGetRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink);
    // Tests and benchmarks: the reads of a part begun within this many bytes of the start take the
    // header with them.
    static constexpr qint64 kHeaderWithPartWithin = 1 << 20;
    // The header (relay-format.md section 3) is never encoded: it says how the rest is.
    relay::RelayError getHeader(QByteArray& bytes);
    relay::RelayError putHeader(const QByteArray& bytes);
    // Only to seal the key under a new passphrase (relay-format.md R5).
    relay::RelayError replaceHeader(const QByteArray& bytes);

    relay::RelayError list(const QString& folder, QList<relay::RelayEntry>& entries);
    relay::RelayError remove(const QString& path);
    relay::RelayError makeFolder(const QString& folder);

private:
    relay::RelayJob* writeTo(const QString& path, QIODevice* source, qint64 size, relay::WriteMode mode);

    relay::RelayBackend* m_backend;
    std::function<void()> m_beforeWrite;
    std::shared_ptr<ObjectCodec> m_codec;
    QHash<QString, QByteArray> m_headers; // encoded objects' headers, for their next parts
};

} // namespace escale::protocol
