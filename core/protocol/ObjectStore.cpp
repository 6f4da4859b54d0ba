#include "protocol/ObjectStore.h"

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

RelayError ObjectStore::finish(PendingGet& get)
{
    RelayError e = relay::waitFor(get.job.get());
    get.job.reset();
    if (!e.ok() && !get.decoder->failure().isEmpty())
        e = RelayError{RelayError::Kind::Corrupt,
                       QStringLiteral("%1 failed its check: %2").arg(get.path, get.decoder->failure())};
    QString why;
    if (e.ok() && !get.decoder->finish(why))
        e = RelayError{RelayError::Kind::Corrupt,
                       QStringLiteral("%1 failed its check: %2").arg(get.path, why)};
    get.decoder.reset();
    return e;
}

RelayError ObjectStore::put(const QString& path, QIODevice* source, qint64 plainSize, WriteMode mode)
{
    const std::unique_ptr<QIODevice> encoder = m_codec->encoder(source, plainSize, path);
    return run(m_backend->put(path, encoder.get(), m_codec->encodedSize(plainSize), mode));
}

ObjectStore::PendingPut ObjectStore::startPut(const QString& path, QIODevice* source, qint64 plainSize,
                                              WriteMode mode)
{
    PendingPut p;
    p.encoder = m_codec->encoder(source, plainSize, path);
    p.job.reset(m_backend->put(path, p.encoder.get(), m_codec->encodedSize(plainSize), mode));
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
    return run(m_backend->put(layout::headerPath(), &buffer, bytes.size(), WriteMode::CreateExclusive));
}

RelayError ObjectStore::replaceHeader(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return run(m_backend->put(layout::headerPath(), &buffer, bytes.size(), WriteMode::Replace));
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
