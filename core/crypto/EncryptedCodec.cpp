#include "crypto/EncryptedCodec.h"

#include "Tr.h"

#include <QtEndian>
#include <bit>
#include <openssl/crypto.h>

namespace escale::crypto {

namespace {

constexpr char kMagic[] = {'E', 'S', 'C', '\x01'};
constexpr qint64 kWireSegment = EncryptedCodec::kSegmentSize + kTagSize;
constexpr int kLengthField = 8;

QByteArray objectHeader(Suite suite, const QByteArray& salt)
{
    QByteArray h(kMagic, 4);
    h.append(char(suite));
    h.append(salt);
    return h;
}

SecretBytes objectKey(const SecretBytes& dataKey, const QByteArray& salt)
{
    return hkdfSha256(dataKey, salt, QByteArrayLiteral("escale/v1/object"), kKeySize);
}

// Why an object's 21 first bytes are not an encrypted object's header of this suite; empty if they are.
QString headerProblem(const QByteArray& header, Suite suite)
{
    if (header.size() != EncryptedCodec::kHeaderSize || !header.startsWith(QByteArray(kMagic, 4)))
        return trc("crypto", "not an Escale encrypted object");
    if (quint8(header.at(4)) != quint8(suite))
        return trc("crypto", "encrypted with another suite than the repository's");
    return {};
}

class Encryptor final : public QIODevice
{
public:
    Encryptor(Suite suite, const SecretBytes& dataKey, QIODevice* source, qint64 plainSize,
              const QString& identity)
        : m_source(source)
        , m_length(plainSize)
        , m_padded(EncryptedCodec::paddedLength(plainSize))
        , m_left(EncryptedCodec::kHeaderSize + m_padded + EncryptedCodec::segmentCount(plainSize) * kTagSize)
    {
        const QByteArray salt = randomBytes(EncryptedCodec::kSaltSize);
        m_out = objectHeader(suite, salt);
        m_aad = m_out + identity.toUtf8();
        m_aead = std::make_unique<Aead>(suite, objectKey(dataKey, salt));
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_left + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (m_outPos >= m_out.size()) {
            if (m_failed || m_position >= m_padded)
                return -1;
            // Room for a whole sealed segment: sealed straight into the caller's buffer.
            const qint64 size = std::min(EncryptedCodec::kSegmentSize, m_padded - m_position);
            if (maxSize >= size + kTagSize) {
                if (!sealNext(data))
                    return -1;
                m_left -= size + kTagSize;
                return size + kTagSize;
            }
            m_out.resize(size + kTagSize);
            m_outPos = 0;
            if (!sealNext(m_out.data()))
                return -1;
        }
        const qint64 n = std::min(maxSize, m_out.size() - m_outPos);
        std::memcpy(data, m_out.constData() + m_outPos, size_t(n));
        m_outPos += n;
        m_left -= n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    // Gathers the next segment of the padded plaintext and seals it into `out` (size + tag).
    bool sealNext(char* out)
    {
        const qint64 size = std::min(EncryptedCodec::kSegmentSize, m_padded - m_position);
        const bool last = m_position + size >= m_padded;
        if (m_plain.size() < size)
            m_plain.resize(size); // small objects need little
        char* p = m_plain.data();
        qint64 filled = 0;
        while (filled < size) {
            const qint64 at = m_position + filled;
            if (at < kLengthField) {
                char field[kLengthField];
                qToBigEndian<quint64>(quint64(m_length), field);
                p[filled++] = field[at];
            } else if (at < kLengthField + m_length) {
                const qint64 want = std::min(size - filled, kLengthField + m_length - at);
                const qint64 n = m_source->read(p + filled, want);
                if (n <= 0) { // the source ended early: the upload fails
                    m_failed = true;
                    setErrorString(trc("crypto", "the source ended before its announced size"));
                    return false;
                }
                filled += n;
            } else {
                std::memset(p + filled, 0, size_t(size - filled));
                filled = size;
            }
        }
        auto* sealed = reinterpret_cast<unsigned char*>(out);
        if (!m_aead->seal(EncryptedCodec::segmentNonce(m_index, last), m_aad,
                          reinterpret_cast<const unsigned char*>(p), int(size), sealed, sealed + size)) {
            m_failed = true;
            return false;
        }
        ++m_index;
        m_position += size;
        return true;
    }

    QIODevice* m_source;
    qint64 m_length;
    qint64 m_padded;
    qint64 m_left;         // encoded bytes not read yet
    qint64 m_position = 0; // in the padded plaintext
    quint32 m_index = 0;
    QByteArray m_out; // the header, then a segment when the caller reads in small pieces
    qint64 m_outPos = 0;
    QByteArray m_plain; // one segment of plaintext
    QByteArray m_aad;
    std::unique_ptr<Aead> m_aead;
    bool m_failed = false;
};

class Decryptor final : public protocol::DecodingSink
{
public:
    Decryptor(Suite suite, const SecretBytes& dataKey, QIODevice* sink, const QString& identity)
        : m_suite(suite)
        , m_dataKey(dataKey)
        , m_sink(sink)
        , m_identity(identity.toUtf8())
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

    QString failure() const override { return m_error; }

    bool finish(QString& error) override
    {
        if (!m_error.isEmpty()) {
            error = m_error;
            return false;
        }
        if (!m_aead || m_buffer.size() <= kTagSize) {
            error = trc("crypto", "the object is cut short");
            return false;
        }
        if (!openSegment(m_buffer.constData(), m_buffer.size(), true)) {
            error = m_error;
            return false;
        }
        if (m_position != m_padded) {
            error = trc("crypto", "the object's length does not match its content");
            return false;
        }
        return true;
    }

protected:
    qint64 writeData(const char* data, qint64 size) override
    {
        if (!m_error.isEmpty())
            return -1;
        const char* in = data;
        qint64 left = size;
        if (!m_aead) {
            const qint64 take = std::min<qint64>(EncryptedCodec::kHeaderSize - m_buffer.size(), left);
            m_buffer.append(in, take);
            in += take;
            left -= take;
            if (m_buffer.size() < EncryptedCodec::kHeaderSize)
                return size;
            const QByteArray header = m_buffer;
            m_buffer.clear();
            m_error = headerProblem(header, m_suite);
            if (!m_error.isEmpty())
                return -1;
            m_aad = header + m_identity;
            m_aead = std::make_unique<Aead>(m_suite, objectKey(m_dataKey, header.mid(5)));
        }
        // A segment is known not to be the last one once more bytes follow it. A segment begun
        // by an earlier write is completed first; whole segments are then read in place.
        if (!m_buffer.isEmpty()) {
            const qint64 need = kWireSegment - m_buffer.size();
            if (left <= need) {
                m_buffer.append(in, left);
                return size;
            }
            m_buffer.append(in, need);
            in += need;
            left -= need;
            if (!openSegment(m_buffer.constData(), kWireSegment, false))
                return -1;
            m_buffer.clear();
        }
        while (left > kWireSegment) {
            if (!openSegment(in, kWireSegment, false))
                return -1;
            in += kWireSegment;
            left -= kWireSegment;
        }
        m_buffer.append(in, left);
        return size;
    }

private:
    bool openSegment(const char* wire, qint64 wireSize, bool last)
    {
        const qint64 size = wireSize - kTagSize;
        if (m_plain.size() < size)
            m_plain.resize(size);
        char* base = m_plain.data();
        const auto* in = reinterpret_cast<const unsigned char*>(wire);
        if (!m_aead->open(EncryptedCodec::segmentNonce(m_index, last), m_aad, in, int(size),
                          reinterpret_cast<unsigned char*>(base), in + size)) {
            m_error = m_index == 0 && last
                          ? trc("crypto",
                                "it failed authentication (altered, moved, or encrypted with another key)")
                          : trc("crypto",
                                "segment %1 failed authentication (altered, reordered, moved or cut short)")
                                .arg(m_index);
            return false;
        }
        qint64 offset = 0;
        if (m_index == 0) {
            if (size < kLengthField) {
                m_error = trc("crypto", "the first segment is too short");
                return false;
            }
            m_length = qint64(qFromBigEndian<quint64>(base));
            if (m_length < 0 || m_length > (qint64(1) << 50)) {
                m_error = trc("crypto", "the object announces an impossible length");
                return false;
            }
            m_padded = EncryptedCodec::paddedLength(m_length);
            offset = kLengthField;
        }
        // Data bytes go to the sink; padding must be zeros.
        const qint64 segmentStart = m_position;
        const qint64 dataEnd = kLengthField + m_length; // in the padded plaintext
        const qint64 from = segmentStart + offset;
        const qint64 to = std::min(segmentStart + size, dataEnd);
        if (to > from && m_sink->write(base + (from - segmentStart), to - from) != to - from) {
            m_error = trc("crypto", "cannot write the decrypted bytes: %1").arg(m_sink->errorString());
            return false;
        }
        for (qint64 i = std::max(from, dataEnd); i < segmentStart + size; ++i)
            if (base[i - segmentStart] != 0) {
                m_error = trc("crypto", "the padding is not empty");
                return false;
            }
        m_position += size;
        if (m_position > m_padded) {
            m_error = trc("crypto", "the object is longer than it announces");
            return false;
        }
        ++m_index;
        return true;
    }

    Suite m_suite;
    SecretBytes m_dataKey;
    QIODevice* m_sink;
    QByteArray m_identity;
    QByteArray m_aad;
    QByteArray m_buffer; // sealed bytes waiting for the rest of their segment
    QByteArray m_plain;  // one segment of plaintext
    std::unique_ptr<Aead> m_aead;
    quint32 m_index = 0;
    qint64 m_position = 0;
    qint64 m_length = 0;
    qint64 m_padded = 0;
    QString m_error;
};

// A part of an encrypted object: the sealed segments that hold it, from the first on, each
// authenticated at its index. A segment followed by more bytes is not the last; the final one
// read is the object's last segment when it is short, and may be either when it is whole (the
// part ends where a segment does). Only the part's bytes reach the sink.
class RangeDecryptor final : public protocol::DecodingSink
{
public:
    RangeDecryptor(Suite suite, const SecretBytes& dataKey, QIODevice* sink, const QString& identity,
                   const QByteArray& header, qint64 offset, qint64 length)
        : m_sink(sink)
        , m_from(offset + kLengthField)
        , m_to(offset + kLengthField + length)
        , m_end(offset + length)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
        m_error = headerProblem(header, suite);
        if (offset < 0 || length < 0)
            m_error = trc("crypto", "an impossible part");
        if (!m_error.isEmpty())
            return;
        m_aad = header + identity.toUtf8();
        m_aead = std::make_unique<Aead>(suite, objectKey(dataKey, header.mid(5)));
        m_index = quint32(m_from / EncryptedCodec::kSegmentSize);
    }

    QString failure() const override { return m_error; }

    bool finish(QString& error) override
    {
        if (m_error.isEmpty() && !m_buffer.isEmpty()) {
            if (m_buffer.size() <= kTagSize)
                m_error = trc("crypto", "the object is cut short");
            else if (m_buffer.size() < kWireSegment)
                openSegment(m_buffer.constData(), m_buffer.size(), true);
            else if (!openSegment(m_buffer.constData(), kWireSegment, false, true) && m_error.isEmpty())
                openSegment(m_buffer.constData(), kWireSegment, true);
            m_buffer.clear();
        }
        if (m_error.isEmpty() && m_written < m_to - m_from)
            m_error = trc("crypto", "the object ends before the part asked for");
        error = m_error;
        return m_error.isEmpty();
    }

protected:
    qint64 writeData(const char* data, qint64 size) override
    {
        if (!m_error.isEmpty())
            return -1;
        m_buffer.append(data, size);
        qint64 done = 0;
        while (m_buffer.size() - done > kWireSegment) {
            if (!openSegment(m_buffer.constData() + done, kWireSegment, false))
                return -1;
            done += kWireSegment;
        }
        m_buffer.remove(0, done);
        return size;
    }

private:
    // `quiet`: a failure is only a guess refuted (the segment may be the last one); nothing kept.
    bool openSegment(const char* wire, qint64 wireSize, bool last, bool quiet = false)
    {
        const qint64 size = wireSize - kTagSize;
        if (m_plain.size() < size)
            m_plain.resize(size);
        auto* base = reinterpret_cast<unsigned char*>(m_plain.data());
        const auto* in = reinterpret_cast<const unsigned char*>(wire);
        if (!m_aead->open(EncryptedCodec::segmentNonce(m_index, last), m_aad, in, int(size), base, in + size)) {
            if (!quiet)
                m_error = trc("crypto", "segment %1 failed authentication (altered, moved or cut short)")
                              .arg(m_index);
            return false;
        }
        const qint64 start = qint64(m_index) * EncryptedCodec::kSegmentSize; // in the plaintext stream
        if (m_index == 0) {
            const qint64 length = size >= kLengthField ? qint64(qFromBigEndian<quint64>(base)) : -1;
            if (length < m_end) {
                m_error = trc("crypto", "the part runs past the object's end");
                return false;
            }
        }
        const qint64 from = std::max(start, m_from);
        const qint64 to = std::min(start + size, m_to);
        if (to > from) {
            const char* bytes = m_plain.constData() + (from - start);
            if (m_sink->write(bytes, to - from) != to - from) {
                m_error = trc("crypto", "cannot write the decrypted bytes: %1").arg(m_sink->errorString());
                return false;
            }
            m_written += to - from;
        }
        ++m_index;
        return true;
    }

    QIODevice* m_sink;
    const qint64 m_from; // the part, in the plaintext stream (length prefix included)
    const qint64 m_to;
    const qint64 m_end; // the part's end in the object's bytes
    QByteArray m_aad;
    QByteArray m_buffer;
    QByteArray m_plain;
    std::unique_ptr<Aead> m_aead;
    quint32 m_index = 0;
    qint64 m_written = 0;
    QString m_error;
};

} // namespace

EncryptedCodec::EncryptedCodec(Suite suite, const SecretBytes& dataKey)
    : m_suite(suite)
    , m_dataKey(dataKey)
{}

qint64 EncryptedCodec::paddedLength(qint64 length)
{
    // Padmé (Nikitin et al., 2019) applied to the length field and the data.
    const quint64 l = quint64(length + kLengthField);
    const int e = 63 - std::countl_zero(l); // floor(log2(l)); l >= 8
    const int s = 64 - std::countl_zero(quint64(e));
    const int lastBits = e - s;
    const quint64 mask = (quint64(1) << lastBits) - 1;
    return qint64((l + mask) & ~mask);
}

qint64 EncryptedCodec::segmentCount(qint64 plainSize)
{
    return (paddedLength(plainSize) + kSegmentSize - 1) / kSegmentSize;
}

QByteArray EncryptedCodec::chunkerSeed() const
{
    return hkdfSha256(m_dataKey, QByteArray(), QByteArrayLiteral("escale/v2/chunker"), 32).toByteArray();
}

qint64 EncryptedCodec::encodedSize(qint64 plainSize) const
{
    return kHeaderSize + paddedLength(plainSize) + segmentCount(plainSize) * kTagSize;
}

QByteArray EncryptedCodec::segmentNonce(quint32 index, bool last)
{
    QByteArray nonce(kNonceSize, '\0');
    qToBigEndian<quint32>(index, nonce.data() + 7);
    nonce[11] = last ? '\x01' : '\x00';
    return nonce;
}

std::unique_ptr<QIODevice> EncryptedCodec::encoder(QIODevice* source, qint64 plainSize,
                                                   const QString& identity)
{
    return std::make_unique<Encryptor>(m_suite, m_dataKey, source, plainSize, identity);
}

std::unique_ptr<protocol::DecodingSink> EncryptedCodec::decoder(QIODevice* sink, const QString& identity)
{
    return std::make_unique<Decryptor>(m_suite, m_dataKey, sink, identity);
}

protocol::ObjectCodec::StoredRange EncryptedCodec::storedRange(qint64 offset, qint64 length) const
{
    if (length <= 0)
        return {kHeaderSize, 0};
    const qint64 first = (offset + kLengthField) / kSegmentSize;
    const qint64 last = (offset + kLengthField + length - 1) / kSegmentSize;
    return {kHeaderSize + first * kWireSegment, (last - first + 1) * kWireSegment};
}

std::unique_ptr<protocol::DecodingSink> EncryptedCodec::rangeDecoder(QIODevice* sink, const QString& identity,
                                                                     const QByteArray& header, qint64 offset,
                                                                     qint64 length)
{
    return std::make_unique<RangeDecryptor>(m_suite, m_dataKey, sink, identity, header, offset, length);
}

} // namespace escale::crypto
