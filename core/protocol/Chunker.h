#pragma once

#include <QByteArray>
#include <QList>
#include <QtGlobal>
#include <array>

class QIODevice;

namespace escale::protocol {

// Content-defined cutting of file content into blobs (relay-format.md, "Blobs"): a gear hash
// rolls over the bytes, and a blob ends where the hash's top bits are all zero, with FastCDC's
// normalisation (a harder condition before the average size, an easier one after it) so that
// sizes gather around the average. A cut depends only on the 64 bytes before it, so an insertion
// or a deletion moves the cuts around it and no others: the blobs after it are found again and
// not sent twice.
//
// The table of the gear hash is derived from a seed: a repository's own for an encrypted
// repository (so that where the cuts fall says nothing the relay could compare with known files),
// a fixed one for a plain repository. Every client of a repository cuts the same content the same
// way, which is what lets a blob be found on the relay instead of sent again.
class Chunker
{
public:
    struct Sizes
    {
        qint64 min = 512 * 1024;      // no cut before
        qint64 average = 1024 * 1024; // the normalisation's pivot
        qint64 max = 8 * 1024 * 1024; // always a cut there
    };
    using Gear = std::array<quint64, 256>;

    // The gear table of `seed` (any length; 32 bytes from the repository's keys): SHA-256 of
    // seed || be32(i) for i = 0..63, each digest giving four big-endian 64-bit entries.
    static Gear gearFromSeed(const QByteArray& seed);
    // The table of repositories without encryption: gearFromSeed("escale plain chunker 1").
    static const Gear& plainGear();

    explicit Chunker(const Gear& gear);
    Chunker(const Gear& gear, Sizes sizes);

    // Looks for the end of the current blob in the next `size` bytes of the stream. Returns how
    // many of them belong to the current blob: all of them when it goes on past them (`ended`
    // false), or up to and including its last byte (`ended` true; the next call starts the next
    // blob). The end of the stream ends the last blob wherever it is; the caller knows it.
    qsizetype feed(const char* data, qsizetype size, bool& ended);
    void reset(); // back to the start of a blob (a new file)

    // The lengths of the blobs of `bytes` (tests, small contents).
    QList<qint64> cut(const QByteArray& bytes);
    // The same over a device read to its end in reads of `readSize` bytes; empty on a read error.
    QList<qint64> cut(QIODevice& device, qint64 readSize = 1024 * 1024);

    const Sizes& sizes() const { return m_sizes; }

private:
    Gear m_gear;    // a copy (2 KiB): a chunker never depends on where its table came from
    Gear m_doubled; // each value shifted left by one: two bytes per step (feed)
    Sizes m_sizes;
    quint64 m_maskBefore; // before the average size: harder (more bits)
    quint64 m_maskAfter;  // after it: easier (fewer bits)
    quint64 m_hash = 0;
    qint64 m_length = 0; // bytes of the current blob so far
};

} // namespace escale::protocol
