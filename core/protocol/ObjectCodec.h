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
};

// Stores bytes as they are: the objects' own formats carry their integrity checks.
class PlainCodec final : public ObjectCodec
{
public:
    QString suite() const override { return QStringLiteral("off"); }
    qint64 encodedSize(qint64 plainSize) const override { return plainSize; }
    std::unique_ptr<QIODevice> encoder(QIODevice* source, qint64 plainSize, const QString& identity) override;
    std::unique_ptr<DecodingSink> decoder(QIODevice* sink, const QString& identity) override;
};

} // namespace escale::protocol
