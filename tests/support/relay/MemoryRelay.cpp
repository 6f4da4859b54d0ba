#include "relay/MemoryRelay.h"

#include <QSet>

namespace escale::relay {

QMap<QString, QByteArray> MemoryStore::objects() const
{
    QMutexLocker lock(&m_mutex);
    return m_objects;
}

bool MemoryStore::contains(const QString& path) const
{
    QMutexLocker lock(&m_mutex);
    return m_objects.contains(path);
}

QByteArray MemoryStore::object(const QString& path) const
{
    QMutexLocker lock(&m_mutex);
    return m_objects.value(path);
}

void MemoryStore::setObject(const QString& path, const QByteArray& bytes)
{
    QMutexLocker lock(&m_mutex);
    m_objects.insert(path, bytes);
}

void MemoryStore::removeObject(const QString& path)
{
    QMutexLocker lock(&m_mutex);
    m_objects.remove(path);
}

MemoryStore::Counters MemoryStore::counters() const
{
    QMutexLocker lock(&m_mutex);
    return m_counters;
}

void MemoryStore::resetCounters()
{
    QMutexLocker lock(&m_mutex);
    m_counters = {};
}

qint64 MemoryStore::totalBytes() const
{
    QMutexLocker lock(&m_mutex);
    qint64 total = 0;
    for (const QByteArray& b : m_objects)
        total += b.size();
    return total;
}

MemoryRelay::MemoryRelay(std::shared_ptr<MemoryStore> store, QObject* parent)
    : RelayBackend(parent)
    , m_store(std::move(store))
{}

RelayJob* MemoryRelay::list(const QString& folder)
{
    if (!isValidRelayPath(folder, true))
        return invalidPath(folder);
    auto* job = new RelayJob();
    QMutexLocker lock(&m_store->m_mutex);
    ++m_store->m_counters.list;
    const QString prefix = folder.isEmpty() ? QString() : folder + QLatin1Char('/');
    QList<RelayEntry> entries;
    QSet<QString> dirs;
    bool exists = folder.isEmpty() || m_store->m_folders.contains(folder);
    for (auto it = m_store->m_objects.lowerBound(prefix); it != m_store->m_objects.cend(); ++it) {
        if (!it.key().startsWith(prefix))
            break;
        exists = true;
        const QString rest = it.key().mid(prefix.size());
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        if (slash < 0)
            entries.append(RelayEntry{rest, false, it.value().size(), {}, {}});
        else
            dirs.insert(rest.left(slash));
    }
    for (auto it = m_store->m_folders.lowerBound(prefix); it != m_store->m_folders.cend(); ++it) {
        if (!it.key().startsWith(prefix))
            break;
        const QString rest = it.key().mid(prefix.size());
        dirs.insert(rest.section(QLatin1Char('/'), 0, 0));
    }
    for (const QString& d : std::as_const(dirs))
        entries.append(RelayEntry{d, true, -1, {}, {}});
    if (!exists)
        job->finishLater(
            RelayError{RelayError::Kind::NotFound, QStringLiteral("no folder '%1'").arg(folder)});
    else
        job->finishLater(RelayError::none(), entries);
    return job;
}

RelayJob* MemoryRelay::get(const QString& path, QIODevice* sink)
{
    return read(path, 0, -1, sink, false);
}

RelayJob* MemoryRelay::getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink)
{
    return read(path, offset, length, sink, true);
}

RelayJob* MemoryRelay::read(const QString& path, qint64 offset, qint64 length, QIODevice* sink, bool ranged)
{
    if (!isValidRelayPath(path))
        return invalidPath(path);
    auto* job = new RelayJob();
    QMutexLocker lock(&m_store->m_mutex);
    ++m_store->m_counters.get;
    if (ranged)
        ++m_store->m_counters.getRange;
    const auto it = m_store->m_objects.constFind(path);
    if (it == m_store->m_objects.cend()) {
        job->finishLater(RelayError{RelayError::Kind::NotFound, QStringLiteral("no object '%1'").arg(path)});
        return job;
    }
    const QByteArray bytes =
        it.value().mid(qsizetype(std::max<qint64>(offset, 0)), length < 0 ? -1 : qsizetype(length));
    m_store->m_counters.bytesRead += bytes.size();
    lock.unlock();
    if (sink->write(bytes) != bytes.size())
        job->finishLater(
            RelayError{RelayError::Kind::Other,
                       QStringLiteral("cannot write the download: %1").arg(sink->errorString())});
    else
        job->finishLater(RelayError::none(), {}, bytes.size());
    return job;
}

RelayJob* MemoryRelay::put(const QString& path, QIODevice* source, qint64 size, WriteMode mode)
{
    if (!isValidRelayPath(path))
        return invalidPath(path);
    auto* job = new RelayJob();
    QByteArray bytes;
    if (size > 0) {
        // Streams hand their bytes over in several reads.
        bytes.resize(size);
        qint64 got = 0;
        while (got < size) {
            const qint64 n = source->read(bytes.data() + got, size - got);
            if (n <= 0)
                break;
            got += n;
        }
        bytes.resize(got);
        if (bytes.size() != size) {
            job->finishLater(RelayError{
                RelayError::Kind::Other,
                QStringLiteral("the source ended after %1 of %2 bytes").arg(bytes.size()).arg(size)});
            return job;
        }
    }
    QMutexLocker lock(&m_store->m_mutex);
    ++m_store->m_counters.put;
    m_store->m_counters.bytesWritten += bytes.size();
    if (mode == WriteMode::CreateExclusive && m_store->m_objects.contains(path)) {
        job->finishLater(
            RelayError{RelayError::Kind::AlreadyExists, QStringLiteral("'%1' exists").arg(path)});
        return job;
    }
    m_store->m_objects.insert(path, bytes);
    job->finishLater(RelayError::none(), {}, size);
    return job;
}

RelayJob* MemoryRelay::remove(const QString& path)
{
    if (!isValidRelayPath(path))
        return invalidPath(path);
    auto* job = new RelayJob();
    QMutexLocker lock(&m_store->m_mutex);
    ++m_store->m_counters.remove;
    if (m_store->m_objects.remove(path) == 0)
        job->finishLater(RelayError{RelayError::Kind::NotFound, QStringLiteral("no object '%1'").arg(path)});
    else
        job->finishLater(RelayError::none());
    return job;
}

RelayJob* MemoryRelay::makeFolder(const QString& folder)
{
    if (!isValidRelayPath(folder, true))
        return invalidPath(folder);
    auto* job = new RelayJob();
    QMutexLocker lock(&m_store->m_mutex);
    ++m_store->m_counters.makeFolder;
    if (!folder.isEmpty())
        m_store->m_folders.insert(folder, true);
    job->finishLater(RelayError::none());
    return job;
}

} // namespace escale::relay
