// Crypto primitives against official vectors, and the encrypted object format's edge cases.
#include "crypto/Crypto.h"
#include "protocol/Chunker.h"
#include "crypto/EncryptedCodec.h"

#include <QBuffer>
#include <QSet>
#include <QTest>
#include <QtEndian>

using namespace escale::crypto;

namespace {

QByteArray hex(const char* h)
{
    return QByteArray::fromHex(h);
}

QByteArray encode(EncryptedCodec& codec, const QByteArray& plain, const QString& identity)
{
    QBuffer source;
    source.setData(plain);
    source.open(QIODevice::ReadOnly);
    auto encoder = codec.encoder(&source, plain.size(), identity);
    QByteArray out;
    char buffer[10000];
    for (;;) {
        const qint64 n = encoder->read(buffer, sizeof buffer);
        if (n <= 0)
            break;
        out.append(buffer, n);
    }
    return out;
}

// Decodes in pieces of `step` bytes; std::nullopt with `error` when the object is refused.
std::optional<QByteArray> decode(EncryptedCodec& codec, const QByteArray& encoded, const QString& identity,
                                 QString& error, qsizetype step = 7777)
{
    QByteArray plain;
    QBuffer sink(&plain);
    sink.open(QIODevice::WriteOnly);
    auto decoder = codec.decoder(&sink, identity);
    for (qsizetype i = 0; i < encoded.size(); i += step)
        if (decoder->write(encoded.mid(i, step)) < 0) {
            decoder->finish(error);
            return std::nullopt;
        }
    if (!decoder->finish(error))
        return std::nullopt;
    return plain;
}

// Decodes the part [offset, offset + length) from the stored bytes the codec says hold it (cut where
// the object ends), fed in pieces of `step` bytes.
std::optional<QByteArray> decodePart(EncryptedCodec& codec, const QByteArray& encoded, const QString& identity,
                                     qint64 offset, qint64 length, QString& error, qsizetype step = 5000,
                                     const QByteArray& extra = {})
{
    const auto stored = codec.storedRange(offset, length);
    const QByteArray bytes = encoded.mid(stored.offset, stored.length) + extra;
    QByteArray plain;
    QBuffer sink(&plain);
    sink.open(QIODevice::WriteOnly);
    auto decoder = codec.rangeDecoder(&sink, identity, encoded.left(codec.headerSize()), offset, length);
    for (qsizetype i = 0; i < bytes.size(); i += step)
        if (decoder->write(bytes.mid(i, step)) < 0) {
            error = decoder->failure();
            return std::nullopt;
        }
    if (!decoder->finish(error))
        return std::nullopt;
    return plain;
}

} // namespace

class tst_Crypto : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aesGcmNistVectors_data();
    void aesGcmNistVectors();
    void chacha20Poly1305Rfc8439();
    void hkdfRfc5869();
    void scryptRfc7914_data();
    void scryptRfc7914();
    void randomAndComparison();
    void objectRoundTrip_data();
    void objectRoundTrip();
    void objectSizes();
    void chunkerSeeds();
    void largeObjectArithmetic();
    void tamperedObjectsFail();
    void objectParts_data();
    void objectParts();
    void tamperedPartsFail();
    void brokenKeysFailWithoutEndingTheProcess();
};

void tst_Crypto::aesGcmNistVectors_data()
{
    // McGrew & Viega, "The Galois/Counter Mode of Operation", appendix B (the NIST GCM vectors).
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("iv");
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QByteArray>("cipher");
    QTest::addColumn<QByteArray>("tag");
    const QByteArray k0(32, '\0'), iv0(12, '\0');
    QTest::newRow("case 13") << k0 << iv0 << QByteArray() << QByteArray() << QByteArray()
                             << hex("530f8afbc74536b9a963b4f1c4cb738b");
    QTest::newRow("case 14") << k0 << iv0 << QByteArray() << QByteArray(16, '\0')
                             << hex("cea7403d4d606b6e074ec5d3baf39d18")
                             << hex("d0d1c8a799996bf0265b98b5d48ab919");
    const QByteArray k = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
    const QByteArray iv = hex("cafebabefacedbaddecaf888");
    QTest::newRow("case 15") << k << iv << QByteArray()
                             << hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                                    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255")
                             << hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                                    "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad")
                             << hex("b094dac5d93471bdec1a502270e3cc6c");
    QTest::newRow("case 16") << k << iv << hex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
                             << hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                                    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
                             << hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                                    "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662")
                             << hex("76fc6ece0f4e1768cddf8853bb2d551b");
}

void tst_Crypto::aesGcmNistVectors()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, iv);
    QFETCH(QByteArray, aad);
    QFETCH(QByteArray, plain);
    QFETCH(QByteArray, cipher);
    QFETCH(QByteArray, tag);
    const SecretBytes k(key);
    QCOMPARE(aeadSeal(Suite::Aes256Gcm, k, iv, aad, plain).toHex(), (cipher + tag).toHex());
    QCOMPARE(aeadOpen(Suite::Aes256Gcm, k, iv, aad, cipher + tag).value_or("<refused>"), plain);
    QByteArray bad = cipher + tag;
    bad[bad.size() - 1] = char(bad.at(bad.size() - 1) ^ 1);
    QVERIFY(!aeadOpen(Suite::Aes256Gcm, k, iv, aad, bad));
    QVERIFY(!aeadOpen(Suite::Aes256Gcm, k, iv, aad + "x", cipher + tag));
}

void tst_Crypto::chacha20Poly1305Rfc8439()
{
    // RFC 8439 section 2.8.2.
    const SecretBytes key(hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"));
    const QByteArray nonce = hex("070000004041424344454647");
    const QByteArray aad = hex("50515253c0c1c2c3c4c5c6c7");
    const QByteArray plain =
        "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for "
        "the future, sunscreen would be it.";
    const QByteArray expected =
        hex("d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b"
            "1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
            "3ff4def08e4b7a9de576d26586cec64b6116"
            "1ae10b594f09e26a7e902ecbd0600691");
    QCOMPARE(aeadSeal(Suite::ChaCha20Poly1305, key, nonce, aad, plain).toHex(), expected.toHex());
    QCOMPARE(aeadOpen(Suite::ChaCha20Poly1305, key, nonce, aad, expected).value_or("<refused>"), plain);
    QByteArray bad = expected;
    bad[3] = char(bad.at(3) ^ 0x40);
    QVERIFY(!aeadOpen(Suite::ChaCha20Poly1305, key, nonce, aad, bad));
}

void tst_Crypto::hkdfRfc5869()
{
    // RFC 5869 appendix A.1 (basic case) and A.3 (no salt, no info).
    const SecretBytes ikm(QByteArray(22, '\x0b'));
    QCOMPARE(
        hkdfSha256(ikm, hex("000102030405060708090a0b0c"), hex("f0f1f2f3f4f5f6f7f8f9"), 42)
            .toByteArray()
            .toHex(),
        QByteArray("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
    QCOMPARE(
        hkdfSha256(ikm, QByteArray(), QByteArray(), 42).toByteArray().toHex(),
        QByteArray("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
}

void tst_Crypto::scryptRfc7914_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("r");
    QTest::addColumn<quint32>("p");
    QTest::addColumn<QByteArray>("expected");
    // RFC 7914 section 12.
    QTest::newRow("empty") << QByteArray() << QByteArray() << quint64(16) << 1u << 1u
                           << QByteArray("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                                         "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
    QTest::newRow("NaCl") << QByteArray("password") << QByteArray("NaCl") << quint64(1024) << 8u << 16u
                          << QByteArray("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                                        "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    QTest::newRow("SodiumChloride")
        << QByteArray("pleaseletmein") << QByteArray("SodiumChloride") << quint64(16384) << 8u << 1u
        << QByteArray("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                      "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
}

void tst_Crypto::scryptRfc7914()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(quint64, n);
    QFETCH(quint32, r);
    QFETCH(quint32, p);
    QFETCH(QByteArray, expected);
    SecretBytes out(64);
    QString error;
    QVERIFY2(scrypt(password, salt, n, r, p, out, error), qPrintable(error));
    QCOMPARE(out.toByteArray().toHex(), expected);
}

void tst_Crypto::randomAndComparison()
{
    const QByteArray a = randomBytes(32), b = randomBytes(32);
    QCOMPARE(a.size(), 32);
    QVERIFY(a != b);
    QVERIFY(constantTimeEquals(a, a));
    QVERIFY(!constantTimeEquals(a, b));
    QVERIFY(!constantTimeEquals(a, a.left(31)));
    // Argon2id is used only where this OpenSSL has it; asking without it says why.
    SecretBytes out(32);
    QString error;
    if (!argon2idAvailable()) {
        QVERIFY(!argon2id("pw", QByteArray(16, 's'), 3, 65536, 4, out, error));
        QVERIFY(error.contains("OpenSSL 3.2"));
    }
}

void tst_Crypto::objectRoundTrip_data()
{
    QTest::addColumn<int>("suite");
    QTest::addColumn<qint64>("size");
    const qint64 seg = EncryptedCodec::kSegmentSize;
    for (Suite suite : {Suite::Aes256Gcm, Suite::ChaCha20Poly1305}) {
        for (qint64 size : {qint64(0), qint64(1), seg - 9, seg - 8, seg - 7, seg - 1, seg, seg + 1,
                            2 * seg - 8, 2 * seg + 5, qint64(1000003)}) {
            QTest::addRow("%s %lld", qPrintable(suiteName(suite)), static_cast<long long>(size))
                << int(suite) << size;
        }
    }
}

void tst_Crypto::objectRoundTrip()
{
    // Empty, one segment, and the segment boundaries +-1 (the 8-byte length field counts).
    QFETCH(int, suite);
    QFETCH(qint64, size);
    EncryptedCodec codec(Suite(suite), SecretBytes(randomBytes(32)));
    QByteArray plain(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        plain[i] = char(i * 31 + 7);
    const QByteArray encoded = encode(codec, plain, "data/ab/abcdef");
    QCOMPARE(encoded.size(), codec.encodedSize(size));
    QVERIFY(size < 16 || !encoded.contains(plain.left(16)));
    for (qsizetype step : {qsizetype(1000), qsizetype(65552), qsizetype(1 << 20)}) {
        QString error;
        const auto back = decode(codec, encoded, "data/ab/abcdef", error, step);
        QVERIFY2(back.has_value(), qPrintable(error));
        QCOMPARE(*back, plain);
    }
    // Two encodings of the same bytes differ (fresh salt, fresh key).
    QVERIFY(encode(codec, plain, "data/ab/abcdef") != encoded);
}

void tst_Crypto::objectSizes()
{
    // Padmé: never more than ~12% (and 8 bytes of length) over, and few distinct sizes.
    for (qint64 n : {qint64(0), qint64(100), qint64(4096), qint64(1 << 20), qint64(1) << 30}) {
        const qint64 padded = EncryptedCodec::paddedLength(n);
        QVERIFY(padded >= n + 8);
        QVERIFY2(padded <= (n + 8) + (n + 8) / 8 + 1, qPrintable(QString::number(padded)));
    }
    QSet<qint64> sizes;
    for (qint64 n = 1'000'000; n < 1'100'000; ++n)
        sizes.insert(EncryptedCodec::paddedLength(n));
    QVERIFY2(sizes.size() < 20, qPrintable(QString::number(sizes.size())));
}

void tst_Crypto::chunkerSeeds()
{
    // R36: an encrypted repository cuts content where its own key says, so blob sizes cannot be
    // compared with a known file's; a plain one where everybody's chunker does.
    const SecretBytes key1(QByteArray(32, '\x11'));
    const SecretBytes key2(QByteArray(32, '\x22'));
    const EncryptedCodec a(Suite::Aes256Gcm, key1);
    const EncryptedCodec sameKey(Suite::ChaCha20Poly1305, key1);
    const EncryptedCodec b(Suite::Aes256Gcm, key2);
    QCOMPARE(a.chunkerSeed(), hkdfSha256(key1, QByteArray(), "escale/v2/chunker", 32).toByteArray());
    QCOMPARE(a.chunkerSeed().size(), 32);
    QCOMPARE(sameKey.chunkerSeed(), a.chunkerSeed());
    QVERIFY(b.chunkerSeed() != a.chunkerSeed());
    QCOMPARE(escale::protocol::PlainCodec().chunkerSeed(), QByteArray("escale plain chunker 1"));
    QVERIFY(escale::protocol::Chunker::gearFromSeed(a.chunkerSeed()) != escale::protocol::Chunker::plainGear());
}

void tst_Crypto::largeObjectArithmetic()
{
    // A 5 GiB object: more than 2^16 segments and offsets past 2^32, computed, not written.
    const qint64 fiveGiB = qint64(5) << 30;
    const qint64 padded = EncryptedCodec::paddedLength(fiveGiB);
    QVERIFY(padded > fiveGiB);
    const qint64 segments = EncryptedCodec::segmentCount(fiveGiB);
    QCOMPARE(segments, (padded + 65535) / 65536);
    QVERIFY(segments > 81920);
    EncryptedCodec codec(Suite::Aes256Gcm, SecretBytes(randomBytes(32)));
    QCOMPARE(codec.encodedSize(fiveGiB), 21 + padded + segments * 16);
    // The last segment's nonce carries its index (big-endian) and the last flag.
    const QByteArray nonce = EncryptedCodec::segmentNonce(quint32(segments - 1), true);
    QCOMPARE(nonce.size(), 12);
    QCOMPARE(nonce.left(7), QByteArray(7, '\0'));
    QCOMPARE(qFromBigEndian<quint32>(nonce.constData() + 7), quint32(segments - 1));
    QCOMPARE(nonce.at(11), '\x01');
    QVERIFY(EncryptedCodec::segmentNonce(5, false) != EncryptedCodec::segmentNonce(5, true));
}

void tst_Crypto::tamperedObjectsFail()
{
    EncryptedCodec codec(Suite::Aes256Gcm, SecretBytes(randomBytes(32)));
    QByteArray plain(3 * 65536 + 100, 'p');
    const QByteArray good = encode(codec, plain, "journal/0123456789abcdef/7");
    QString error;
    QVERIFY(decode(codec, good, "journal/0123456789abcdef/7", error));

    // Another name: the relay moved or replayed it.
    QVERIFY(!decode(codec, good, "journal/0123456789abcdef/8", error));
    // Cut short at a segment boundary, and inside a segment.
    const qsizetype wire = 65536 + 16;
    QVERIFY(!decode(codec, good.left(21 + 3 * wire), "journal/0123456789abcdef/7", error));
    QVERIFY(!decode(codec, good.left(good.size() - 1), "journal/0123456789abcdef/7", error));
    QVERIFY(!decode(codec, good.left(10), "journal/0123456789abcdef/7", error));
    // Two segments swapped.
    QByteArray swapped = good;
    swapped.replace(21, wire, good.mid(21 + wire, wire));
    swapped.replace(21 + wire, wire, good.mid(21, wire));
    QVERIFY(!decode(codec, swapped, "journal/0123456789abcdef/7", error));
    // One bit flipped anywhere: header, body, tag.
    for (qsizetype at :
         {qsizetype(2), qsizetype(10), qsizetype(21 + 5), qsizetype(21 + wire - 1), good.size() - 1}) {
        QByteArray flipped = good;
        flipped[at] = char(flipped.at(at) ^ 0x01);
        QVERIFY2(!decode(codec, flipped, "journal/0123456789abcdef/7", error),
                 qPrintable(QString::number(at)));
    }
    // Extra bytes appended.
    QVERIFY(!decode(codec, good + QByteArray(17, 'x'), "journal/0123456789abcdef/7", error));
    // Another key.
    EncryptedCodec other(Suite::Aes256Gcm, SecretBytes(randomBytes(32)));
    QVERIFY(!decode(other, good, "journal/0123456789abcdef/7", error));
    QVERIFY2(error.contains("authentication"), qPrintable(error));
    // Another suite.
    EncryptedCodec chacha(Suite::ChaCha20Poly1305, SecretBytes(randomBytes(32)));
    QVERIFY(!decode(chacha, good, "journal/0123456789abcdef/7", error));
}

void tst_Crypto::objectParts_data()
{
    QTest::addColumn<int>("suite");
    QTest::addColumn<qint64>("size");
    for (Suite suite : {Suite::Aes256Gcm, Suite::ChaCha20Poly1305})
        for (qint64 size : {qint64(10), qint64(65536 - 8), qint64(65536 - 7), qint64(3 * 65536 + 100)})
            QTest::addRow("%s %lld", qPrintable(suiteName(suite)), static_cast<long long>(size)) << int(suite)
                                                                                              << size;
}

void tst_Crypto::objectParts()
{
    // Any part of an object, read as the segments that hold it: at the start, across segment
    // boundaries (the 8-byte length field counts), inside the last segment, up to the very end.
    QFETCH(int, suite);
    QFETCH(qint64, size);
    EncryptedCodec codec(Suite(suite), SecretBytes(randomBytes(32)));
    QByteArray plain(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        plain[i] = char(i * 13 + 5);
    const QString name = "data/cd/cdef0123";
    const QByteArray encoded = encode(codec, plain, name);
    QList<std::pair<qint64, qint64>> parts = {{0, size}, {0, 1}, {size - 1, 1}, {size / 2, size - size / 2}};
    for (qint64 at : {qint64(65536 - 9), qint64(65536 - 8), qint64(65536 - 7), qint64(2 * 65536 - 8)})
        for (qint64 length : {qint64(1), qint64(2), qint64(65536), qint64(65537)})
            if (at + length <= size)
                parts.append({at, length});
    for (const auto& [offset, length] : std::as_const(parts)) {
        const auto stored = codec.storedRange(offset, length);
        QCOMPARE((stored.offset - 21) % (65536 + 16), 0);
        QVERIFY(stored.length <= 2 * (65536 + 16) + length / 65536 * (65536 + 16));
        for (qsizetype step : {qsizetype(777), qsizetype(65552), qsizetype(1 << 20)}) {
            QString error;
            const auto back = decodePart(codec, encoded, name, offset, length, error, step);
            QVERIFY2(back.has_value(), qPrintable(QString("%1+%2: %3").arg(offset).arg(length).arg(error)));
            QCOMPARE(*back, plain.mid(offset, length));
        }
    }
}

void tst_Crypto::tamperedPartsFail()
{
    EncryptedCodec codec(Suite::Aes256Gcm, SecretBytes(randomBytes(32)));
    const QByteArray plain(4 * 65536, 'q');
    const QString name = "data/cd/cdef0123";
    const QByteArray good = encode(codec, plain, name);
    const qint64 at = 2 * 65536 + 10; // in segments 2 and 3
    QString error;
    QVERIFY(decodePart(codec, good, name, at, 65536, error));
    const qsizetype wire = 65536 + 16;

    // A byte changed in a segment of the part, or in its header.
    QByteArray flipped = good;
    flipped[21 + 2 * wire + 100] = char(flipped.at(21 + 2 * wire + 100) ^ 0x04);
    QVERIFY(!decodePart(codec, flipped, name, at, 65536, error));
    QVERIFY2(error.contains("authentication"), qPrintable(error));
    flipped = good;
    flipped[7] = char(flipped.at(7) ^ 0x01);
    QVERIFY(!decodePart(codec, flipped, name, at, 65536, error));
    // Another name, another key.
    QVERIFY(!decodePart(codec, good, "data/cd/cdef0124", at, 65536, error));
    EncryptedCodec other(Suite::Aes256Gcm, SecretBytes(randomBytes(32)));
    QVERIFY(!decodePart(other, good, name, at, 65536, error));
    // A segment of another place put in its stead (the relay serves segment 1 for 2).
    QByteArray moved = good;
    moved.replace(21 + 2 * wire, wire, good.mid(21 + wire, wire));
    QVERIFY(!decodePart(codec, moved, name, at, 65536, error));
    // Cut short inside the part: the part is not all there.
    const auto stored = codec.storedRange(at, 65536);
    QByteArray cut = good.left(stored.offset + wire + 100);
    QVERIFY(!decodePart(codec, cut, name, at, 65536, error));
    // Cut where a middle segment ends: that segment was not sealed as the last one.
    cut = good.left(stored.offset + wire);
    QVERIFY(!decodePart(codec, cut, name, at, 65536, error));
    // Bytes after a segment that was sealed as the last one.
    QVERIFY(!decodePart(codec, good, name, 4 * 65536 - 100, 100, error, 5000, QByteArray(wire, 'z')));
    // A part past the object's end, seen in the first segment's length field.
    QVERIFY(!decodePart(codec, good, name, 0, 4 * 65536 + 1, error));
    QVERIFY2(error.contains("past the object's end"), qPrintable(error));
    // A header that is not one.
    QByteArray sink;
    QBuffer buffer(&sink);
    buffer.open(QIODevice::WriteOnly);
    auto decoder = codec.rangeDecoder(&buffer, name, QByteArray(21, 'x'), 0, 10);
    QVERIFY(!decoder->failure().isEmpty());
    QVERIFY(!decoder->finish(error));
}

QTEST_GUILESS_MAIN(tst_Crypto)
// A key of the wrong size (what a failed HKDF leaves) or an unknown cipher: every operation fails,
// as an error the caller reports; nothing ends the process.
void tst_Crypto::brokenKeysFailWithoutEndingTheProcess()
{
    const QByteArray nonce(kNonceSize, 'n');
    for (const SecretBytes& key : {SecretBytes(0), SecretBytes(QByteArray(16, 'k'))}) {
        QVERIFY(aeadSeal(Suite::Aes256Gcm, key, nonce, "aad", "plain").isEmpty());
        QVERIFY(!aeadOpen(Suite::ChaCha20Poly1305, key, nonce, "aad", QByteArray(32, 'c')));
        Aead aead(Suite::Aes256Gcm, key);
        QByteArray bytes("sixteen bytes...");
        unsigned char tag[kTagSize];
        auto* p = reinterpret_cast<unsigned char*>(bytes.data());
        QVERIFY(!aead.seal(nonce, {}, p, int(bytes.size()), p, tag));
        QVERIFY(!aead.open(nonce, {}, p, int(bytes.size()), p, tag));
    }
}

#include "tst_Crypto.moc"
