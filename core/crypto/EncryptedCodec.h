#pragma once

#include "crypto/Crypto.h"
#include "protocol/ObjectCodec.h"

namespace escale::crypto {

// The encrypted object format (relay-format.md section 4.1): a 21-byte header (magic "ESC",
// version 1, suite, 16-byte random salt), then the padded plaintext stream
// be64(length) || data || zeros in segments of 64 KiB, each sealed with its own tag under a key
// derived for this object alone (HKDF of the data key and the salt). Segment i uses the nonce
// 0^7 || be32(i) || last, and the associated data header || object name: segments cannot be
// reordered, dropped, cut short or moved to another object or name without failing.
class EncryptedCodec final : public protocol::ObjectCodec
{
public:
    static constexpr int kHeaderSize = 21;
    static constexpr qint64 kSegmentSize = 64 * 1024;
    static constexpr int kSaltSize = 16;

    EncryptedCodec(Suite suite, const SecretBytes& dataKey);

    QString suite() const override { return suiteName(m_suite); }
    qint64 encodedSize(qint64 plainSize) const override;
    std::unique_ptr<QIODevice> encoder(QIODevice* source, qint64 plainSize, const QString& identity) override;
    std::unique_ptr<protocol::DecodingSink> decoder(QIODevice* sink, const QString& identity) override;
    // A part is read as the sealed segments that hold its bytes (the 8-byte length prefix
    // counted), each authenticated at its index; the header is needed besides.
    StoredRange storedRange(qint64 offset, qint64 length) const override;
    int headerSize() const override { return kHeaderSize; }
    std::unique_ptr<protocol::DecodingSink> rangeDecoder(QIODevice* sink, const QString& identity,
                                                         const QByteArray& header, qint64 offset,
                                                         qint64 length) override;
    // HKDF-SHA256(data key, no salt, "escale/v2/chunker"): cut points that depend on the key, so
    // blob sizes cannot be matched against a guessed file's.
    QByteArray chunkerSeed() const override;

    // The padded length of an object of `length` plain bytes (Padmé: at most ~12% more, and
    // an object's size reveals only O(log log) bits of its length).
    static qint64 paddedLength(qint64 length);
    static qint64 segmentCount(qint64 plainSize);
    static QByteArray segmentNonce(quint32 index, bool last);

private:
    Suite m_suite;
    SecretBytes m_dataKey;
};

} // namespace escale::crypto
