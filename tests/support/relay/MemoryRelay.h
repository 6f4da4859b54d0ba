#pragma once

#include "relay/RelayBackend.h"

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QMutex>
#include <memory>

namespace escale::relay {

// The storage behind MemoryRelay: shared by every client of one test relay.
class MemoryStore
{
public:
    struct Counters
    {
        int list = 0;
        int get = 0;      // ranged reads included
        int getRange = 0; // of which ranged
        int put = 0;
        int remove = 0;
        int makeFolder = 0;
        qint64 bytesRead = 0;    // by get and getRange
        qint64 bytesWritten = 0; // by put
        int total() const { return list + get + put + remove + makeFolder; }
    };

    QMap<QString, QByteArray> objects() const;
    bool contains(const QString& path) const;
    QByteArray object(const QString& path) const;
    void setObject(const QString& path, const QByteArray& bytes); // tampering in tests
    void removeObject(const QString& path);
    Counters counters() const;
    void resetCounters();
    qint64 totalBytes() const;

private:
    friend class MemoryRelay;
    mutable QMutex m_mutex;
    QMap<QString, QByteArray> m_objects; // path -> bytes
    QMap<QString, bool> m_folders;       // explicit folders
    Counters m_counters;
};

// A relay in memory, for unit tests: the same interface and semantics as the real ones
// (atomic publish, exclusive create, NotFound), asynchronous like them.
class MemoryRelay : public RelayBackend
{
    Q_OBJECT

public:
    explicit MemoryRelay(std::shared_ptr<MemoryStore> store, QObject* parent = nullptr);

    QString describe() const override { return QStringLiteral("memory relay"); }
    RelayCapabilities capabilities() const override { return {true, false, true}; }

    RelayJob* list(const QString& folder) override;
    RelayJob* get(const QString& path, QIODevice* sink) override;
    RelayJob* getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink) override;
    RelayJob* put(const QString& path, QIODevice* source, qint64 size, WriteMode mode) override;
    RelayJob* remove(const QString& path) override;
    RelayJob* makeFolder(const QString& folder) override;

    std::shared_ptr<MemoryStore> store() const { return m_store; }

private:
    RelayJob* read(const QString& path, qint64 offset, qint64 length, QIODevice* sink, bool ranged);

    std::shared_ptr<MemoryStore> m_store;
};

} // namespace escale::relay
