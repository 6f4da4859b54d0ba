#include "protocol/ObjectStore.h"

#include "Tr.h"
#include "protocol/Layout.h"

#include <QBuffer>

namespace escale::protocol {

using relay::RelayError;
using relay::RelayJob;
using relay::WriteMode;

namespace {

RelayError run(RelayJob* job)
{
    std::unique_ptr<RelayJob> owner(job);
    return relay::waitFor(job);
}

// Keeps an encoded object's header for its next parts (a bounded cache: emptied when full).
void keepHeader(QHash<QString, QByteArray>& headers, const QString& path, const QByteArray& header)
{
    if (headers.size() > 4096)
        headers.clear();
    headers.insert(path, header);
}

// A part read with the object's start: the header is kept, the bytes up to the part skipped, the
// rest decoded as the part.
class HeaderThenPart final : public DecodingSink
{
public:
    HeaderThenPart(ObjectCodec& codec, QIODevice* sink, const QString& identity, qint64 offset, qint64 length,
                   QHash<QString, QByteArray>& headers)
        : m_codec(codec)
        , m_sink(sink)
        , m_identity(identity)
        , m_offset(offset)
        , m_length(length)
        , m_skip(codec.storedRange(offset, length).offset - codec.headerSize())
        , m_headers(headers)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    QString failure() const override { return m_part ? m_part->failure() : QString(); }
    bool finish(QString& error) override
    {
        if (!m_part) {
            error = trc("protocol", "the object ends before the part asked for");
            return false;
        }
        return m_part->finish(error);
    }

protected:
    qint64 writeData(const char* data, qint64 size) override
    {
        const char* in = data;
        qint64 left = size;
        if (m_header.size() < m_codec.headerSize()) {
            const qint64 take = std::min<qint64>(m_codec.headerSize() - m_header.size(), left);
            m_header.append(in, take);
            in += take;
            left -= take;
            if (m_header.size() < m_codec.headerSize())
                return size;
        }
        const qint64 skip = std::min(m_skip, left);
        m_skip -= skip;
        in += skip;
        left -= skip;
        if (left == 0)
            return size;
        if (!m_part) {
            m_part = m_codec.rangeDecoder(m_sink, m_identity, m_header, m_offset, m_length);
            if (m_part->failure().isEmpty())
                keepHeader(m_headers, m_identity, m_header);
        }
        return m_part->write(in, left) == left ? size : -1;
    }

private:
    ObjectCodec& m_codec;
    QIODevice* m_sink;
    QString m_identity;
    qint64 m_offset;
    qint64 m_length;
    qint64 m_skip;
    QByteArray m_header;
    QHash<QString, QByteArray>& m_headers;
    std::unique_ptr<DecodingSink> m_part;
};

} // namespace

ObjectStore::ObjectStore(relay::RelayBackend* backend)
    : m_backend(backend)
    , m_codec(std::make_shared<PlainCodec>())
{}

RelayError ObjectStore::get(const QString& path, QIODevice* sink)
{
    PendingGet pending = startGet(path, sink);
    return finish(pending);
}

ObjectStore::PendingGet ObjectStore::startGet(const QString& path, QIODevice* sink)
{
    PendingGet p;
    p.path = path;
    p.decoder = m_codec->decoder(sink, path);
    p.job.reset(m_backend->get(path, p.decoder.get()));
    return p;
}

RelayError ObjectStore::getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink)
{
    PendingGet pending = startGetRange(path, offset, length, sink);
    return finish(pending);
}

ObjectStore::PendingGet ObjectStore::startGetRange(const QString& path, qint64 offset, qint64 length,
                                                   QIODevice* sink)
{
    PendingGet p;
    p.path = path;
    const ObjectCodec::StoredRange stored = m_codec->storedRange(offset, length);
    const int headerSize = m_codec->headerSize();
    QByteArray header = m_headers.value(path);
    if (headerSize > 0 && header.isEmpty() && stored.offset <= kHeaderWithPartWithin) {
        p.decoder = std::make_unique<HeaderThenPart>(*m_codec, sink, path, offset, length, m_headers);
        p.job.reset(m_backend->getRange(path, 0, stored.offset + stored.length, p.decoder.get()));
        return p;
    }
    if (headerSize > 0 && header.isEmpty()) {
        QBuffer buffer(&header);
        buffer.open(QIODevice::WriteOnly);
        p.early = run(m_backend->getRange(path, 0, headerSize, &buffer));
        if (p.early.ok() && header.size() != headerSize)
            p.early = RelayError{RelayError::Kind::Corrupt,
                                 trc("protocol", "%1 failed its check: the object is cut short").arg(path)};
        if (!p.early.ok())
            return p;
        keepHeader(m_headers, path, header);
    }
    p.decoder = m_codec->rangeDecoder(sink, path, header, offset, length);
    p.job.reset(m_backend->getRange(path, stored.offset, stored.length, p.decoder.get()));
    return p;
}

RelayError ObjectStore::finish(PendingGet& get)
{
    if (!get.job) {
        get.decoder.reset();
        return get.early;
    }
    RelayError e = relay::waitFor(get.job.get());
    get.job.reset();
    if (!e.ok() && !get.decoder->failure().isEmpty())
        e = RelayError{RelayError::Kind::Corrupt,
                       trc("protocol", "%1 failed its check: %2").arg(get.path, get.decoder->failure())};
    QString why;
    if (e.ok() && !get.decoder->finish(why))
        e = RelayError{RelayError::Kind::Corrupt,
                       trc("protocol", "%1 failed its check: %2").arg(get.path, why)};
    get.decoder.reset();
    if (e.kind == RelayError::Kind::Corrupt)
        m_headers.remove(get.path); // read again with the next part
    return e;
}

RelayJob* ObjectStore::writeTo(const QString& path, QIODevice* source, qint64 size, WriteMode mode)
{
    if (m_beforeWrite)
        m_beforeWrite();
    return m_backend->put(path, source, size, mode);
}

RelayError ObjectStore::put(const QString& path, QIODevice* source, qint64 plainSize, WriteMode mode)
{
    const std::unique_ptr<QIODevice> encoder = m_codec->encoder(source, plainSize, path);
    return run(writeTo(path, encoder.get(), m_codec->encodedSize(plainSize), mode));
}

ObjectStore::PendingPut ObjectStore::startPut(const QString& path, QIODevice* source, qint64 plainSize,
                                              WriteMode mode)
{
    PendingPut p;
    p.encoder = m_codec->encoder(source, plainSize, path);
    p.job.reset(writeTo(path, p.encoder.get(), m_codec->encodedSize(plainSize), mode));
    return p;
}

ObjectStore::PendingPut ObjectStore::startPutBytes(const QString& path, const QByteArray& plain,
                                                   WriteMode mode)
{
    const qint64 encodedSize = m_codec->encodedSize(plain.size());
    auto encoded = std::make_unique<QBuffer>();
    if (m_codec->isIdentity()) {
        encoded->setData(plain); // shared, not copied
    } else {
        QBuffer source;
        source.setData(plain);
        source.open(QIODevice::ReadOnly);
        const std::unique_ptr<QIODevice> encoder = m_codec->encoder(&source, plain.size(), path);
        QByteArray bytes;
        bytes.reserve(encodedSize);
        while (bytes.size() < encodedSize) {
            const QByteArray part = encoder->read(encodedSize - bytes.size());
            if (part.isEmpty())
                break;
            bytes.append(part);
        }
        encoded->setData(bytes);
    }
    encoded->open(QIODevice::ReadOnly);
    PendingPut p;
    // An encoding cut short is the relay's to refuse: it gets fewer bytes than announced.
    p.job.reset(writeTo(path, encoded.get(), encodedSize, mode));
    p.encoder = std::move(encoded);
    return p;
}

RelayError ObjectStore::finish(PendingPut& put)
{
    const RelayError e = relay::waitFor(put.job.get());
    put.job.reset();
    put.encoder.reset();
    return e;
}

RelayError ObjectStore::getSmall(const QString& path, QByteArray& bytes)
{
    bytes.clear();
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    return get(path, &buffer);
}

RelayError ObjectStore::putSmall(const QString& path, const QByteArray& bytes, WriteMode mode)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return put(path, &buffer, bytes.size(), mode);
}

RelayError ObjectStore::getHeader(QByteArray& bytes)
{
    bytes.clear();
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    return run(m_backend->get(layout::headerPath(), &buffer));
}

RelayError ObjectStore::putHeader(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return run(writeTo(layout::headerPath(), &buffer, bytes.size(), WriteMode::CreateExclusive));
}

RelayError ObjectStore::replaceHeader(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return run(writeTo(layout::headerPath(), &buffer, bytes.size(), WriteMode::Replace));
}

RelayError ObjectStore::list(const QString& folder, QList<relay::RelayEntry>& entries)
{
    std::unique_ptr<RelayJob> job(m_backend->list(folder));
    const RelayError e = relay::waitFor(job.get());
    entries = job->entries();
    return e;
}

RelayError ObjectStore::remove(const QString& path)
{
    return run(m_backend->remove(path));
}

RelayError ObjectStore::makeFolder(const QString& folder)
{
    return run(m_backend->makeFolder(folder));
}

} // namespace escale::protocol
