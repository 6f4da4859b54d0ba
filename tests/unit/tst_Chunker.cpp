// The content-defined chunker (relay-format.md, "Blobs"): sizes within bounds and around the
// average, the same cuts whatever the reads, cuts that survive an insertion or an overwrite
// elsewhere in the file, and tables that differ per seed.

#include "protocol/Chunker.h"
#include "scan/Hasher.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QSet>
#include <QTemporaryDir>
#include <QtEndian>
#include <QRandomGenerator>
#include <QTest>
#include <bit>
#include <numeric>

using escale::protocol::Chunker;

class tst_Chunker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gearIsFixedPerSeed();
    void sizesStayWithinBounds();
    void smallContentIsOneBlob();
    void sameCutsWhateverTheReads();
    void insertionMovesOnlyTheCutsAroundIt();
    void overwriteInTheMiddleChangesFewBlobs();
    void repetitiveContentIsCutAtTheMaximum();
    void seedsCutDifferently();
    void scanCutsAreTheChunkersCuts();
    void cutsAreTheDefinitions();
    void blobChecksTellBytesApart();
};

namespace {

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(qsizetype(size), Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    for (qsizetype i = bytes.size() / 4 * 4; i < bytes.size(); ++i)
        bytes[i] = char(random.bounded(256));
    return bytes;
}

// Where each blob ends, from the start of the content.
QList<qint64> ends(const QList<qint64>& lengths)
{
    QList<qint64> out;
    qint64 at = 0;
    for (qint64 length : lengths)
        out << (at += length);
    return out;
}

// The bytes of `edited`'s blobs that are not among `content`'s: what would travel.
qint64 freshBytes(Chunker& chunker, const QByteArray& content, const QByteArray& edited)
{
    QSet<QByteArray> old;
    qint64 offset = 0;
    for (qint64 l : chunker.cut(content)) {
        old.insert(content.mid(qsizetype(offset), qsizetype(l)));
        offset += l;
    }
    qint64 fresh = 0;
    offset = 0;
    for (qint64 l : chunker.cut(edited)) {
        if (!old.contains(edited.mid(qsizetype(offset), qsizetype(l))))
            fresh += l;
        offset += l;
    }
    return fresh;
}

} // namespace

void tst_Chunker::gearIsFixedPerSeed()
{
    const Chunker::Gear a = Chunker::gearFromSeed("seed");
    QCOMPARE(Chunker::gearFromSeed("seed"), a);
    QVERIFY(Chunker::gearFromSeed("other seed") != a);
    QCOMPARE(Chunker::plainGear(), Chunker::gearFromSeed("escale plain chunker 1"));
    // The documented derivation: entry 0 is the first 8 bytes of SHA-256("seed" || be32(0)).
    const QByteArray digest =
        QCryptographicHash::hash(QByteArray("seed") + QByteArray(4, '\0'), QCryptographicHash::Sha256);
    QCOMPARE(a[0], qFromBigEndian<quint64>(digest.constData()));
    QCOMPARE(a[3], qFromBigEndian<quint64>(digest.constData() + 24));
    // Every entry differs: no two byte values hash alike.
    QSet<quint64> distinct(a.begin(), a.end());
    QCOMPARE(distinct.size(), 256);
}

void tst_Chunker::sizesStayWithinBounds()
{
    const QByteArray content = randomBytes(96LL * 1024 * 1024, 1);
    Chunker chunker(Chunker::plainGear());
    const QList<qint64> lengths = chunker.cut(content);
    QCOMPARE(std::accumulate(lengths.begin(), lengths.end(), qint64(0)), qint64(content.size()));
    for (qsizetype i = 0; i + 1 < lengths.size(); ++i) {
        QVERIFY2(lengths[i] >= chunker.sizes().min, qPrintable(QString::number(lengths[i])));
        QVERIFY2(lengths[i] <= chunker.sizes().max, qPrintable(QString::number(lengths[i])));
    }
    // Gathered around the average (fixed content: this is a fact about it, not a draw).
    const double mean = double(content.size()) / double(lengths.size());
    QVERIFY2(mean > 0.8 * double(chunker.sizes().average) && mean < 1.6 * double(chunker.sizes().average),
             qPrintable(QString::number(mean)));
    // Normalised: most blobs within a factor two of the average.
    const auto near = std::count_if(lengths.begin(), lengths.end(), [&](qint64 l) {
        return l >= chunker.sizes().average / 2 && l <= 2 * chunker.sizes().average;
    });
    QVERIFY2(near * 10 >= lengths.size() * 8, qPrintable(QString("%1 of %2").arg(near).arg(lengths.size())));
}

void tst_Chunker::smallContentIsOneBlob()
{
    Chunker chunker(Chunker::plainGear());
    QCOMPARE(chunker.cut(QByteArray()), QList<qint64>());
    QCOMPARE(chunker.cut(QByteArray("x")), QList<qint64>{1});
    const QByteArray belowMin = randomBytes(chunker.sizes().min, 2);
    QCOMPARE(chunker.cut(belowMin), QList<qint64>{chunker.sizes().min});
}

void tst_Chunker::sameCutsWhateverTheReads()
{
    const QByteArray content = randomBytes(20LL * 1024 * 1024 + 12345, 3);
    Chunker chunker(Chunker::plainGear());
    const QList<qint64> whole = chunker.cut(content);
    QVERIFY(whole.size() > 5);
    for (qint64 readSize : {qint64(1), qint64(4096), qint64(65536 + 7), qint64(3 * 1024 * 1024)}) {
        QByteArray copy = readSize == 1 ? content.left(3 * 1024 * 1024) : content;
        QBuffer device(&copy);
        QVERIFY(device.open(QIODevice::ReadOnly));
        const QList<qint64> streamed = chunker.cut(device, readSize);
        QCOMPARE(streamed, readSize == 1 ? chunker.cut(copy) : whole);
    }
}

void tst_Chunker::insertionMovesOnlyTheCutsAroundIt()
{
    const QByteArray content = randomBytes(40LL * 1024 * 1024, 4);
    Chunker chunker(Chunker::plainGear());
    const QList<qint64> before = ends(chunker.cut(content));
    const QByteArray inserted = randomBytes(1024 * 1024, 5);
    for (const qint64 at : {qint64(0), qint64(17LL * 1024 * 1024 + 5)}) {
        const QByteArray edited = content.left(at) + inserted + content.mid(at);
        const QList<qint64> after = ends(chunker.cut(edited));
        // The cuts before it are untouched; the chunker finds the old cuts again a few blobs after
        // it, moved by its length, and keeps them to the end.
        for (qint64 e : before)
            if (e < at)
                QVERIFY(after.contains(e));
        const QSet<qint64> afterSet(after.begin(), after.end());
        int resync = -1;
        for (qsizetype i = 0; i < before.size(); ++i)
            if (before[i] > at && afterSet.contains(before[i] + inserted.size())) {
                resync = int(i);
                break;
            }
        QVERIFY(resync >= 0);
        QVERIFY2(before[resync] - at < 4 * chunker.sizes().max,
                 qPrintable(QString("found again %1 bytes after").arg(before[resync] - at)));
        for (qsizetype i = resync; i < before.size(); ++i)
            QVERIFY(afterSet.contains(before[i] + inserted.size()));
        // What would travel: the insertion and the blobs around it.
        const qint64 fresh = freshBytes(chunker, content, edited);
        QVERIFY2(fresh < 8LL * 1024 * 1024, qPrintable(QString::number(fresh)));
        QVERIFY(fresh >= inserted.size());
    }
}

void tst_Chunker::overwriteInTheMiddleChangesFewBlobs()
{
    const QByteArray content = randomBytes(64LL * 1024 * 1024, 6);
    QByteArray edited = content;
    const QByteArray patch = randomBytes(1024 * 1024, 7);
    edited.replace(qsizetype(30LL * 1024 * 1024), patch.size(), patch);
    Chunker chunker(Chunker::plainGear());
    const qint64 fresh = freshBytes(chunker, content, edited);
    QVERIFY2(fresh < 8LL * 1024 * 1024, qPrintable(QString::number(fresh)));
    QVERIFY(fresh >= patch.size());
}

void tst_Chunker::repetitiveContentIsCutAtTheMaximum()
{
    // On zeros the hash settles on one value after 64 bytes: every blob is cut at the same length
    // (the maximum, unless that value happens to be a cut), and the bounds hold.
    const QByteArray zeros(20 * 1024 * 1024, '\0');
    Chunker chunker(Chunker::plainGear());
    const QList<qint64> lengths = chunker.cut(zeros);
    QCOMPARE(std::accumulate(lengths.begin(), lengths.end(), qint64(0)), qint64(zeros.size()));
    for (qsizetype i = 0; i + 1 < lengths.size(); ++i)
        QVERIFY(lengths[i] >= chunker.sizes().min && lengths[i] <= chunker.sizes().max);
    // The same runs cut the same way: identical blobs, stored once.
    QCOMPARE(QSet<qint64>(lengths.begin(), lengths.end() - 1).size(), 1);
}

void tst_Chunker::seedsCutDifferently()
{
    const QByteArray content = randomBytes(16LL * 1024 * 1024, 8);
    const Chunker::Gear one = Chunker::gearFromSeed("repository one"), two = Chunker::gearFromSeed("repository two");
    Chunker a(one), b(two);
    const QList<qint64> ea = ends(a.cut(content)), eb = ends(b.cut(content));
    QVERIFY(ea != eb);
    QCOMPARE(ea.last(), eb.last());
}

void tst_Chunker::scanCutsAreTheChunkersCuts()
{
    // The scan cuts a file while it hashes it, the hashes on other threads: the same cuts as the
    // chunker's, each blob's hash that of its bytes, the whole file's hash unchanged, whatever the
    // file's size against the scan's 1 MiB reads.
    QTemporaryDir dir;
    for (const qint64 size : {qint64(9 * 1024 * 1024 + 12345), qint64(3 * 1024 * 1024), qint64(700 * 1024)}) {
        for (const QByteArray& seed : {QByteArray("escale plain chunker 1"), QByteArray("another seed")}) {
            QByteArray bytes = randomBytes(size, quint32(size));
            bytes.replace(size / 3, 256 * 1024, QByteArray(256 * 1024, 'x')); // a run: cut at the maximum
            const QString path = dir.filePath("f");
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(bytes), bytes.size());
            f.close();
            const Chunker::Gear gear = Chunker::gearFromSeed(seed);
            QList<escale::scan::BlobCut> cuts;
            qint64 read = 0;
            QString error;
            QByteArray check; // (not taken for the whole file when it is cut: each blob has its own)
            const auto whole = escale::scan::hashFile(path, &error, &read, &gear, &cuts, nullptr, &check);
            QVERIFY2(whole, qPrintable(error));
            QVERIFY(check.isEmpty());
            QCOMPARE(*escale::scan::hashFile(path, nullptr, nullptr, nullptr, nullptr, nullptr, &check),
                     *whole);
            QCOMPARE(check, escale::scan::BlobCheck::of(bytes));
            QCOMPARE(read, size);
            QCOMPARE(*whole, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
            QCOMPARE(*escale::scan::hashFile(path), *whole);
            Chunker chunker(gear);
            const QList<qint64> lengths = chunker.cut(bytes);
            QCOMPARE(cuts.size(), lengths.size());
            qint64 at = 0;
            for (qsizetype i = 0; i < cuts.size(); ++i) {
                QCOMPARE(cuts.at(i).offset, at);
                QCOMPARE(cuts.at(i).length, lengths.at(i));
                QCOMPARE(cuts.at(i).hash,
                         QCryptographicHash::hash(bytes.mid(at, lengths.at(i)), QCryptographicHash::Sha256));
                QCOMPARE(cuts.at(i).check, escale::scan::BlobCheck::of(bytes.mid(at, lengths.at(i))));
                at += lengths.at(i);
            }
            QCOMPARE(at, size);
        }
    }
}

void tst_Chunker::blobChecksTellBytesApart()
{
    // The push tells bytes read again from those the scan hashed by their checks: the same bytes
    // always have the same check, however they are fed; any other bytes (one bit, one byte more or
    // less, zeros added) another.
    using escale::scan::BlobCheck;
    const QByteArray bytes = randomBytes(3 * 1024 * 1024 + 7, 11);
    const QByteArray check = BlobCheck::of(bytes);
    QCOMPARE(check.size(), 16);
    QCOMPARE(BlobCheck::of(bytes), check);
    BlobCheck pieces;
    for (qsizetype at = 0, step = 1; at < bytes.size(); at += step, step = step * 3 + 1)
        pieces.update(bytes.constData() + at, std::min<qsizetype>(step, bytes.size() - at));
    QCOMPARE(pieces.finish(), check);
    pieces.update(bytes.constData(), bytes.size()); // ready again after finish()
    QCOMPARE(pieces.finish(), check);
    QSet<QByteArray> seen{check};
    QByteArray flipped = bytes;
    flipped[1234567] = char(flipped.at(1234567) ^ 0x10);
    QByteArray zeros = QByteArray(16, '\0');
    for (const QByteArray& other : {flipped, bytes.left(bytes.size() - 1), bytes + QByteArray(1, '\0'),
                                    bytes + zeros, zeros + bytes, QByteArray(), zeros, QByteArray(1, '\0')}) {
        const QByteArray c = BlobCheck::of(other);
        QVERIFY2(!seen.contains(c), qPrintable(QString::number(other.size())));
        seen.insert(c);
    }
}

QTEST_GUILESS_MAIN(tst_Chunker)
// The chunker's cuts are those of its definition (relay-format.md, "Blobs"), byte by byte: the
// gear hash of the bytes since the minimum, a cut after the byte whose hash has none of the mask's
// bits (the harder mask while the blob is at most the average long, that byte counted), and a cut
// at the maximum. Whatever the sizes and however the bytes are fed, the cuts are the same (other
// cuts would lose the blobs other clients already hold).
void tst_Chunker::cutsAreTheDefinitions()
{
    const Chunker::Gear gear = Chunker::gearFromSeed("definition");
    auto topBits = [](int bits) { return bits <= 0 ? quint64(0) : ~quint64(0) << (64 - bits); };
    auto byDefinition = [&](const QByteArray& content, Chunker::Sizes sizes) {
        const int bits = std::bit_width(quint64(std::max<qint64>(sizes.average, 2))) - 1;
        const quint64 before = topBits(bits + 1), after = topBits(bits - 1);
        QList<qint64> lengths;
        quint64 hash = 0;
        qint64 length = 0;
        for (qsizetype i = 0; i < content.size(); ++i) {
            ++length;
            if (length <= sizes.min)
                continue;
            hash = (hash << 1) + gear[static_cast<unsigned char>(content[i])];
            if ((hash & (length <= sizes.average ? before : after)) == 0 || length >= std::max(sizes.max, sizes.min + 1)) {
                lengths << length;
                hash = 0;
                length = 0;
            }
        }
        if (length > 0)
            lengths << length;
        return lengths;
    };
    const QList<Chunker::Sizes> sizes{{64, 256, 1024}, {0, 128, 4096}, {512, 512, 2048}, {100, 4096, 1000},
                                      {300, 200, 300},  {300, 200, 100},  {512 * 1024, 1024 * 1024, 8 * 1024 * 1024}};
    QRandomGenerator random(7);
    for (const Chunker::Sizes& s : sizes) {
        // Random bytes, and a run of one byte (cut at the maximum only).
        const QByteArray content = randomBytes(s.max > 1'000'000 ? 24 * 1024 * 1024 : 300'000, 11) +
                                   QByteArray(qsizetype(3 * s.max), 'x') + randomBytes(5000, 12);
        const QList<qint64> expected = byDefinition(content, s);
        QVERIFY(expected.size() > 3);
        Chunker chunker(gear, s);
        QCOMPARE(chunker.cut(content), expected);
        // Fed in reads of random sizes.
        QList<qint64> fed;
        qint64 current = 0;
        for (qsizetype at = 0; at < content.size();) {
            const qsizetype n = std::min<qsizetype>(content.size() - at, 1 + random.bounded(3 * int(s.average)));
            for (qsizetype k = 0; k < n;) {
                bool ended = false;
                const qsizetype taken = chunker.feed(content.constData() + at + k, n - k, ended);
                k += taken;
                current += taken;
                if (ended) {
                    fed << current;
                    current = 0;
                }
            }
            at += n;
        }
        if (current > 0)
            fed << current;
        QCOMPARE(fed, expected);
    }
}

#include "tst_Chunker.moc"
