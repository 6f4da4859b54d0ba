#pragma once

#include "relay/RelayBackend.h"

#include <QCryptographicHash>
#include <QIODevice>
#include <QList>
#include <QString>

namespace escale::relay {

// Moving whole objects between relays, byte for byte (backup, restore, migration): the objects
// stay as they are stored (an encrypted repository stays encrypted). Blocking: for a tool's
// thread or the engine's worker thread.

// A device that hashes (SHA-256) and counts every byte passing through it to or from `inner`
// (written bytes are dropped when there is no `inner`).
class HashingDevice final : public QIODevice
{
public:
    HashingDevice(QIODevice* inner, OpenMode mode)
        : m_inner(inner)
    {
        open(mode | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    QByteArray digest() const { return m_hash.result().toHex(); }
    qint64 count() const { return m_count; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = m_inner->read(data, maxSize);
        if (n > 0) {
            m_hash.addData(QByteArrayView(data, n));
            m_count += n;
        }
        return n == 0 && m_inner->atEnd() ? -1 : n;
    }
    qint64 writeData(const char* data, qint64 size) override
    {
        const qint64 n = m_inner ? m_inner->write(data, size) : size;
        if (n > 0) {
            m_hash.addData(QByteArrayView(data, n));
            m_count += n;
        }
        return n;
    }

private:
    QIODevice* m_inner;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    qint64 m_count = 0;
};

// Runs a job to its end and deletes it.
RelayError run(RelayJob* job);

// Every object under `folder` ('' = the whole repository), tmp/ left out, with their paths
// from the repository root in `name`, depth first.
RelayError listObjects(RelayBackend& relay, const QString& folder, QList<RelayEntry>& objects);

// Copies one object from `source` to `destination` (whose parent folder must exist when it
// needs folders), then reads the copy back and compares it: a copy that differs is an error.
// `bytes` receives the object's size.
RelayError copyObject(RelayBackend& source, RelayBackend& destination, const QString& path, qint64& bytes);

} // namespace escale::relay
