#pragma once

#include <QByteArray>
#include <QIODevice>
#include <memory>

struct evp_md_ctx_st;

namespace escale::sync {

// Incremental SHA-256 (OpenSSL).
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(const char* data, qint64 size);
    QByteArray finish(); // raw 32 bytes; the object is reset

private:
    evp_md_ctx_st* m_ctx;
};

// Reads at most `limit` bytes from a device, hashing what passes through: the upload
// source of one chunk. The inner device is not owned.
class HashingReader : public QIODevice
{
public:
    HashingReader(QIODevice* inner, qint64 limit);
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_left + QIODevice::bytesAvailable(); }
    // The SHA-256 of what was read; the same answer each time it is asked.
    QByteArray hash()
    {
        if (m_digest.isEmpty())
            m_digest = m_hash.finish();
        return m_digest;
    }
    qint64 bytesRead() const { return m_read; }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QIODevice* m_inner;
    qint64 m_left;
    qint64 m_read = 0;
    Sha256 m_hash;
    QByteArray m_digest; // once finished
};

// Writes through to a device, hashing what passes: the sink of one downloaded chunk.
class HashingWriter : public QIODevice
{
public:
    // `also`, when given, is fed the same bytes (the whole file's hash across its chunks);
    // with `own` false, only `also` is (hash() is then meaningless).
    explicit HashingWriter(QIODevice* inner, Sha256* also = nullptr, bool own = true);
    bool isSequential() const override { return true; }
    // The SHA-256 of what was written; the same answer each time it is asked.
    QByteArray hash()
    {
        if (m_digest.isEmpty())
            m_digest = m_hash.finish();
        return m_digest;
    }
    qint64 bytesWritten() const { return m_written; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override;

private:
    QIODevice* m_inner;
    Sha256* m_also;
    bool m_own;
    qint64 m_written = 0;
    Sha256 m_hash;
    QByteArray m_digest; // once finished
};

} // namespace escale::sync
