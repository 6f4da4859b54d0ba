#pragma once

#include <QIODevice>
#include <QString>
#include <memory>

namespace escale::protocol {

// A write-only device that turns encoded bytes from the relay back into plain bytes, written
// into a sink the caller owns. finish() says whether the object ended where it should (an
// encrypted object cut short, or altered, fails there).
class DecodingSink : public QIODevice
{
public:
    bool isSequential() const override { return true; }
    virtual bool finish(QString& error) = 0;
    // Why a write was refused (the bytes failed a check), empty otherwise.
    virtual QString failure() const { return {}; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
};

// The layer between the protocol and the relay backend (relay-format.md section 4): every
// object except the repository header passes through the repository's codec on its way to
// and from the relay. `identity` is the object's relay path; a codec that authenticates binds
// the bytes to it, so the relay cannot swap one object for another.
class ObjectCodec
{
public:
    virtual ~ObjectCodec() = default;

    // The value of the header's "encryption" field this codec implements ("off" for plain).
    virtual QString suite() const = 0;
    // The size on the relay of an object of `plainSize` bytes.
    virtual qint64 encodedSize(qint64 plainSize) const = 0;
    // A read-only device yielding the encoded form of the `plainSize` bytes read from
    // `source` (not owned; it must outlive the encoder).
    virtual std::unique_ptr<QIODevice> encoder(QIODevice* source, qint64 plainSize,
                                               const QString& identity) = 0;
    // A write-only device decoding into `sink` (not owned).
    virtual std::unique_ptr<DecodingSink> decoder(QIODevice* sink, const QString& identity) = 0;
    // True when the encoded form is the plain bytes themselves.
    virtual bool isIdentity() const { return false; }

    // A part of an object (relay-format.md R40). Where its plain bytes [offset, offset + length)
    // lie in the stored object: the stored part to read (it may run past the object's end).
    struct StoredRange
    {
        qint64 offset = 0;
        qint64 length = 0;
    };
    virtual StoredRange storedRange(qint64 offset, qint64 length) const = 0;
    // How many bytes from the start of the stored object decoding any part of it also needs (the
    // encrypted header); 0 when none.
    virtual int headerSize() const = 0;
    // A write-only device taking the stored bytes of storedRange(offset, length), in order, and
    // writing the plain bytes [offset, offset + length) into `sink`; `header` is the object's first
    // headerSize() bytes. finish() fails when the object ends before the part, or a check failed.
    // (An encrypted object's data length is in its first segment: a part that runs from the data
    // into the padding after it is refused only when it covers that segment. The blobs read from
    // parts carry their own hashes, which the reader checks.)
    virtual std::unique_ptr<DecodingSink> rangeDecoder(QIODevice* sink, const QString& identity,
                                                       const QByteArray& header, qint64 offset, qint64 length) = 0;
    // The seed of the chunker's gear table (relay-format.md R36): where content is cut into blobs.
    virtual QByteArray chunkerSeed() const = 0;
};

// Stores bytes as they are: the objects' own formats carry their integrity checks.
class PlainCodec final : public ObjectCodec
{
public:
    QString suite() const override { return QStringLiteral("off"); }
    qint64 encodedSize(qint64 plainSize) const override { return plainSize; }
    std::unique_ptr<QIODevice> encoder(QIODevice* source, qint64 plainSize, const QString& identity) override;
    std::unique_ptr<DecodingSink> decoder(QIODevice* sink, const QString& identity) override;
    StoredRange storedRange(qint64 offset, qint64 length) const override { return {offset, length}; }
    int headerSize() const override { return 0; }
    bool isIdentity() const override { return true; }
    std::unique_ptr<DecodingSink> rangeDecoder(QIODevice* sink, const QString& identity, const QByteArray& header,
                                               qint64 offset, qint64 length) override;
    QByteArray chunkerSeed() const override { return QByteArrayLiteral("escale plain chunker 1"); }
};

} // namespace escale::protocol
