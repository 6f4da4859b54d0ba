#pragma once

#include "relay/RelayJob.h"
#include "relay/RelayTypes.h"

#include <QIODevice>
#include <QObject>

namespace escale::relay {

// A relay storage: a folder of objects reached through some protocol. Every operation is
// asynchronous and streamed: data flows from a QIODevice (put) or into one (get), never as a
// whole object in memory. The devices belong to the caller and must outlive the job.
class RelayBackend : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~RelayBackend() override = default;

    // A human-readable name of the relay (an address without secrets), for messages.
    virtual QString describe() const = 0;
    virtual RelayCapabilities capabilities() const = 0;

    // Immediate children of a folder ('' = the repository root). A missing folder is NotFound.
    [[nodiscard]] virtual RelayJob* list(const QString& folder) = 0;
    // Writes the object's bytes into `sink`. A missing object is NotFound.
    [[nodiscard]] virtual RelayJob* get(const QString& path, QIODevice* sink) = 0;
    // Writes bytes [offset, offset + length) of the object into `sink`: fewer when the object ends
    // before, all of them from `offset` on when `length` < 0. A missing object is NotFound. A
    // backend that can read a part of an object overrides this (HTTP Range, REST, a seek); this
    // default reads the whole object and keeps the range, so every relay answers it.
    [[nodiscard]] virtual RelayJob* getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink);
    // Reads `size` bytes from `source` and publishes them atomically under `path`: readers
    // see the whole object or nothing. The parent folder must exist when
    // capabilities().needsDirectories.
    [[nodiscard]] virtual RelayJob* put(const QString& path, QIODevice* source, qint64 size,
                                        WriteMode mode) = 0;
    // Deletes an object. A missing object is NotFound.
    [[nodiscard]] virtual RelayJob* remove(const QString& path) = 0;
    // Creates a folder and its parents; an existing folder is fine.
    [[nodiscard]] virtual RelayJob* makeFolder(const QString& folder) = 0;
    // Every object below a folder at once, their names relative to it ('a/b/c'), for a store
    // that can list by prefix in one go (S3). nullptr: not offered, walk the folders.
    [[nodiscard]] virtual RelayJob* listDeep(const QString& folder)
    {
        Q_UNUSED(folder);
        return nullptr;
    }

    // Asks to be told at once (changedOnRelay()) when objects appear in, change in or leave
    // `folder`, where the relay can say so (a folder relay on a local file system). False: it
    // cannot (a network file system, a server): polling alone finds changes.
    virtual bool watch(const QString& folder)
    {
        Q_UNUSED(folder);
        return false;
    }

    // Says that about `count` objects are about to travel (packs to write or read). A relay whose
    // connections are slow to open (an SSH login costs several round trips) opens up to that many
    // now, side by side, so that they are ready when the transfers come. Only a hint: nothing
    // waits for it, and a connection that cannot open fails the operation that uses it, as usual.
    virtual void expectTransfers(int count) { Q_UNUSED(count); }

    // What the relay learnt of its server that a restart may take for granted (an HTTP server's
    // authentication scheme), kept by the engine in its state between runs; empty: nothing.
    virtual QString sessionHint() const { return {}; }
    virtual void setSessionHint(const QString& hint) { Q_UNUSED(hint); }

    // Where this client may put temporary upload names ('tmp/<prefix>-...'), see relay-format.md.
    void setTemporaryPrefix(const QString& prefix) { m_tempPrefix = prefix; }
    QString temporaryPrefix() const { return m_tempPrefix; }

Q_SIGNALS:
    void changedOnRelay(); // something changed in a folder watch() accepted

protected:
    // A job that fails at once (later, from the event loop) because the path is invalid.
    RelayJob* invalidPath(const QString& path);
    // For getRange: a job already answered when the path is invalid or the range is empty (no
    // request needed), nullptr otherwise.
    RelayJob* answeredRange(const QString& path, qint64 length);

    QString m_tempPrefix = QStringLiteral("escale");
};

} // namespace escale::relay
