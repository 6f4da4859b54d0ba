#include "sync/Streams.h"

#include "scan/Hasher.h"

#include <openssl/evp.h>

namespace escale::sync {

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new())
{
    EVP_DigestInit_ex(m_ctx, scan::sha256Method(), nullptr);
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_ctx);
}

void Sha256::update(const char* data, qint64 size)
{
    EVP_DigestUpdate(m_ctx, data, size_t(size));
}

QByteArray Sha256::finish()
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    EVP_DigestFinal_ex(m_ctx, reinterpret_cast<unsigned char*>(out.data()), &len);
    EVP_DigestInit_ex(m_ctx, scan::sha256Method(), nullptr);
    return out;
}

HashingReader::HashingReader(QIODevice* inner, qint64 limit)
    : m_inner(inner)
    , m_left(limit)
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

qint64 HashingReader::readData(char* data, qint64 maxSize)
{
    if (m_left <= 0)
        return -1;
    const qint64 n = m_inner->read(data, std::min(maxSize, m_left));
    if (n <= 0)
        return n == 0 ? -1 : n;
    m_hash.update(data, n);
    m_left -= n;
    m_read += n;
    return n;
}

HashingWriter::HashingWriter(QIODevice* inner, Sha256* also, bool own)
    : m_inner(inner)
    , m_also(also)
    , m_own(own)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 HashingWriter::writeData(const char* data, qint64 size)
{
    const qint64 n = m_inner->write(data, size);
    if (n > 0) {
        if (m_own)
            m_hash.update(data, n);
        if (m_also)
            m_also->update(data, n);
        m_written += n;
    }
    return n;
}

} // namespace escale::sync
