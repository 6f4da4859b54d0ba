#include "protocol/Layout.h"
#include "protocol/PathCheck.h"
#include "protocol/Records.h"
#include "protocol/JournalObjects.h"
#include "protocol/TextObject.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace escale::protocol;

class tst_Records : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordRoundTrip();
    void blobsInPacks();
    void pieces();
    void textIsWhatQtWrites();
    void textReaderAgreesWithJson();
    void malformedRecords_data();
    void malformedRecords();
    void headRoundTrip();
    void textObjectDetectsDamage();
    void compressedTextObjects();
    void headNames_data();
    void headNames();
    void relayPaths_data();
    void relayPaths();
    void ids();
};

namespace {
const QString A = "0123456789abcdef";
const QString B = "fedcba9876543210";

JournalRecord sampleFile()
{
    JournalRecord r;
    r.path = "notes/shopping list.txt";
    r.vv = VersionVector().incremented(A).incremented(B);
    r.origin = B;
    r.originName = "bob";
    r.kind = JournalRecord::Kind::File;
    r.size = 10;
    r.mtimeMs = 1732550000123;
    r.hash = QCryptographicHash::hash("0123456789", QCryptographicHash::Sha256);
    r.blobs = {BlobRef{QString(32, 'a'), 0, 4, QByteArray(32, '\1')},
                BlobRef{QString(32, 'b'), 0, 6, QByteArray(32, '\2')}};
    return r;
}
// Names of every kind a record must carry as they are: spaces, accents, emoji, quotes, control
// characters, separators, a leading slash, a long one.
QStringList oddNames()
{
    return {"a.txt", "dir/sub/file name.txt", QString::fromUtf8("été/naïve ☃ 😀.txt"), "q\"uote\\back",
            "tab\tnew\nline\rcr\bbs\fff", QString(QChar(0x01)) + QChar(0x1f) + QChar(0x7f) + "x",
            QString::fromUtf8("\u2028sep\u2029"), "/slash", QString(300, QChar('z')),
            "a" + QString(QChar(0xfeff)) + "mark inside"};
}

QByteArray randomHash(QRandomGenerator& rng)
{
    QByteArray h(32, Qt::Uninitialized);
    for (char& c : h)
        c = char(rng.bounded(256));
    return h;
}
} // namespace

void tst_Records::recordRoundTrip()
{
    const JournalRecord r = sampleFile();
    QString error;
    const auto back = JournalRecord::fromJson(r.toJson(), error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(*back, r);

    JournalRecord del;
    del.path = "old.txt";
    del.vv = VersionVector().incremented(A);
    del.origin = A;
    del.kind = JournalRecord::Kind::Deleted;
    const auto delBack = JournalRecord::fromJson(del.toJson(), error);
    QVERIFY(delBack.has_value());
    QCOMPARE(delBack->kind, JournalRecord::Kind::Deleted);
    QVERIFY(!delBack->sameContent(r));
    QVERIFY(r.sameContent(*back));
}

void tst_Records::blobsInPacks()
{
    // Format 2 (R38): blobs at offsets in packs. Whole objects are still written as format 1's
    // chunks, and format 1's chunks read as whole blobs at offset 0.
    JournalRecord r = sampleFile();
    QCOMPARE(r.toJson().value("chunks").toArray().size(), 2);
    QVERIFY(!r.toJson().contains("blobs"));
    r.blobs[1].pack = r.blobs[0].pack;
    r.blobs[1].offset = 4;
    QVERIFY(r.toJson().contains("chunks")); // until they are said to be parts of packs
    r.blobs[0].whole = false;
    r.blobs[1].whole = false;
    const QJsonObject o = r.toJson();
    QVERIFY(!o.contains("chunks"));
    const QJsonArray blobs = o.value("blobs").toArray();
    QCOMPARE(blobs.size(), 2);
    QCOMPARE(blobs.at(1).toObject().value("offset").toInt(), 4);
    QCOMPARE(blobs.at(1).toObject().value("length").toInt(), 6);
    QCOMPARE(blobs.at(1).toObject().value("pack").toString(), QString(32, 'a'));
    QString error;
    const auto back = JournalRecord::fromJson(o, error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(*back, r);

    QJsonObject old = sampleFile().toJson();
    old.insert("chunks", QJsonArray{QJsonObject{{"id", QString(32, 'd')}, {"size", 10}, {"hash", QString(64, 'e')}}});
    const auto fromOld = JournalRecord::fromJson(old, error);
    QVERIFY2(fromOld.has_value(), qPrintable(error));
    QCOMPARE(fromOld->blobs.size(), 1);
    QCOMPARE(fromOld->blobs.first().pack, QString(32, 'd'));
    QCOMPARE(fromOld->blobs.first().offset, 0);
    QCOMPARE(fromOld->blobs.first().length, 10);
    QVERIFY(fromOld->blobs.first().whole);
    QVERIFY(!back->blobs.first().whole);
}

void tst_Records::pieces()
{
    // A piece (R28): some bytes of a version's content, sent ahead of the version.
    JournalRecord piece = sampleFile();
    piece.size = 30;
    piece.from = 10;
    piece.piece = true;
    QString error;
    auto back = JournalRecord::fromJson(piece.toJson(), error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(*back, piece);
    QCOMPARE(piece.toJson().value("kind").toString(), QString("piece"));
    QCOMPARE(back->kind, JournalRecord::Kind::File);

    // The version that ends it: its chunks cover the bytes from `from` on.
    JournalRecord last = sampleFile();
    last.size = 20;
    last.from = 10;
    back = JournalRecord::fromJson(last.toJson(), error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->from, 10);
    QVERIFY(!back->piece);

    QJsonObject o = piece.toJson();
    o.insert("repush", true);
    QVERIFY(!JournalRecord::fromJson(o, error).has_value());
    o = piece.toJson();
    o.insert("chunks", QJsonArray{});
    QVERIFY(!JournalRecord::fromJson(o, error).has_value());
    QCOMPARE(error, QString("record 'notes/shopping list.txt': invalid piece"));
}

void tst_Records::malformedRecords_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("no path") << "path" << QJsonValue("") << "record without a path";
    QTest::newRow("bad vv") << "vv" << QJsonValue(QJsonObject{{"nothex", 1}})
                            << "record 'notes/shopping list.txt': invalid version vector";
    QTest::newRow("zero counter") << "vv" << QJsonValue(QJsonObject{{A, 0}})
                                  << "record 'notes/shopping list.txt': invalid version vector";
    QTest::newRow("origin not in vv")
        << "origin" << QJsonValue("1111111111111111") << "record 'notes/shopping list.txt': invalid origin";
    QTest::newRow("kind") << "kind" << QJsonValue("symlink")
                          << "record 'notes/shopping list.txt': unknown kind 'symlink'";
    QTest::newRow("negative size") << "size" << QJsonValue(-1)
                                   << "record 'notes/shopping list.txt': invalid size or mtime";
    QTest::newRow("hash") << "hash" << QJsonValue("abc") << "record 'notes/shopping list.txt': invalid hash";
    QTest::newRow("chunk sizes") << "size" << QJsonValue(11)
                                 << "record 'notes/shopping list.txt': its content adds up to 10 bytes, not 11";
    QTest::newRow("offset past the end")
        << "from" << QJsonValue(10) << "record 'notes/shopping list.txt': invalid offset";
    QTest::newRow("offset and chunks disagree")
        << "from" << QJsonValue(3) << "record 'notes/shopping list.txt': its content adds up to 10 bytes, not 7";
    QTest::newRow("piece that ends the file")
        << "kind" << QJsonValue("piece") << "record 'notes/shopping list.txt': invalid piece";
    QTest::newRow("chunk id") << "chunks"
                              << QJsonValue(QJsonArray{
                                     QJsonObject{{"id", "../x"}, {"size", 10}, {"hash", QString(64, 'a')}}})
                              << "record 'notes/shopping list.txt': invalid chunk";
    auto blob = [](const QJsonValue& pack, const QJsonValue& offset, const QJsonValue& length) {
        return QJsonValue(QJsonArray{QJsonObject{
            {"pack", pack}, {"offset", offset}, {"length", length}, {"hash", QString(64, 'a')}}});
    };
    const QString pack(32, 'c');
    QTest::newRow("blob pack") << "blobs" << blob("../x", 0, 10) << "record 'notes/shopping list.txt': invalid blob";
    QTest::newRow("blob offset") << "blobs" << blob(pack, -1, 10)
                                 << "record 'notes/shopping list.txt': invalid blob";
    QTest::newRow("blob offset not whole")
        << "blobs" << blob(pack, 1.5, 10) << "record 'notes/shopping list.txt': invalid blob";
    QTest::newRow("empty blob") << "blobs" << blob(pack, 0, 0) << "record 'notes/shopping list.txt': invalid blob";
    QTest::newRow("blobs and size disagree")
        << "blobs" << blob(pack, 4096, 9)
        << "record 'notes/shopping list.txt': its content adds up to 9 bytes, not 10";
}

void tst_Records::malformedRecords()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    QJsonObject o = sampleFile().toJson();
    o.insert(field, value);
    QString error;
    QVERIFY(!JournalRecord::fromJson(o, error).has_value());
    QCOMPARE(error, message);
}

void tst_Records::headRoundTrip()
{
    Head h;
    h.client = A;
    h.generation = 7;
    h.name = "alice";
    h.journal = 12;
    h.usage = 52428800;
    h.acks = {{B, 31}};
    QString error;
    const auto back = Head::fromJson(h.toJson(), error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->generation, quint64(7));
    QCOMPARE(back->acks.value(B), quint64(31));
    QJsonObject bad = h.toJson();
    bad.insert("journal", -3);
    QVERIFY(!Head::fromJson(bad, error));
    QCOMPARE(error, QString("head of %1: invalid 'journal'").arg(A));
    // Wants and lacks (R23): lacks only when there are some (a head of an earlier release has none).
    QVERIFY(!h.toJson().contains("lacks"));
    const QByteArray x = QByteArray(32, '\x11'), y = QByteArray(32, '\x22');
    h.wants = {x};
    h.lacks = {y, x};
    const auto both = Head::fromJson(h.toJson(), error);
    QVERIFY2(both.has_value(), qPrintable(error));
    QCOMPARE(both->wants, QList<QByteArray>({x}));
    QCOMPARE(both->lacks, QList<QByteArray>({y, x}));
    bad = h.toJson();
    bad.insert("lacks", QJsonArray{"not a hash"});
    QVERIFY(!Head::fromJson(bad, error));
    QCOMPARE(error, QString("head of %1: invalid lack").arg(A));
}

void tst_Records::textObjectDetectsDamage()
{
    TextObject t;
    t.header = QJsonObject{{"format", 1}, {"type", "journal"}, {"client", A}, {"seq", 3}}; // format 1: still read (R43)
    t.records = {sampleFile().toJson(), sampleFile().toJson()};
    const QByteArray bytes = t.encode();
    QString error;
    const auto back = TextObject::decode(bytes, "journal", error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->records.size(), 2);
    QCOMPARE(back->header.value("seq").toInt(), 3);

    QVERIFY(!TextObject::decode(bytes.left(bytes.indexOf('\n') + 1), "journal", error));
    QCOMPARE(error, QString("truncated (no end line)"));
    QVERIFY(!TextObject::decode(bytes.left(bytes.size() / 2), "journal", error));
    QVERIFY(error.startsWith("truncated"));
    QVERIFY(!TextObject::decode(bytes.chopped(1), "journal", error));
    QCOMPARE(error, QString("truncated (no final line)"));
    QByteArray flipped = bytes;
    flipped[40] = char(flipped[40] ^ 1);
    QVERIFY(!TextObject::decode(flipped, "journal", error));
    QCOMPARE(error, QString("damaged (checksum mismatch)"));
    QVERIFY(!TextObject::decode(bytes, "head", error));
    QCOMPARE(error, QString("expected a head, found a 'journal'"));
    // A record line dropped, with the checksum recomputed by a forger: the count catches it.
    TextObject fewer = t;
    fewer.records.removeLast();
    QByteArray forged = fewer.encode();
    forged.replace("\"end\":1", "\"end\":2");
    QVERIFY(!TextObject::decode(forged, "journal", error));
    TextObject future = t;
    future.header.insert("format", 3);
    QVERIFY(!TextObject::decode(future.encode(), "journal", error));
    QCOMPARE(error, QString("format 3, this Escale reads formats 1 to 2"));

}

void tst_Records::compressedTextObjects()
{
    // Segments and snapshots go compressed when that makes them smaller; a reader takes either
    // form, and a compressed object that is damaged, cut short or claims to expand to gigabytes is
    // refused without expanding it.
    JournalSegment segment{A, 4, {}, {}};
    for (int i = 0; i < 200; ++i) {
        JournalRecord r = sampleFile();
        r.path = QString("photos/2026/img%1.jpg").arg(i);
        segment.recordLines.append(r.toJsonText());
    }
    const QByteArray stored = segment.encode();
    QCOMPARE(stored.at(0), 'z');
    TextObject plainText;
    plainText.header = QJsonObject{{"format", 2}, {"type", "journal"}, {"client", A}, {"seq", 4}};
    plainText.recordLines = segment.recordLines;
    const QByteArray plain = plainText.encode();
    QCOMPARE(plain.at(0), '{');
    QVERIFY2(stored.size() * 4 < plain.size(), qPrintable(QString("%1 / %2").arg(stored.size()).arg(plain.size())));
    QString error;
    for (const QByteArray& form : {stored, plain}) { // both read
        const auto back = JournalSegment::decode(form, A, 4, error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QCOMPARE(back->recordLines.size(), 200);
        const auto seventh = JournalRecord::fromJsonText(back->recordLines.at(7), error);
        QVERIFY2(seventh, qPrintable(error));
        QCOMPARE(seventh->path, QString("photos/2026/img7.jpg"));
    }
    // A small segment stays text (nothing gained).
    JournalSegment one{A, 5, {}, {sampleFile().toJsonText()}};
    QCOMPARE(one.encode().at(0), '{');

    QVERIFY(!TextObject::decode(stored.left(stored.size() / 2), "journal", error));
    QCOMPARE(error, QString("damaged (does not decompress)"));
    QVERIFY(!TextObject::decode(stored.left(4), "journal", error));
    QCOMPARE(error, QString("truncated (compressed)"));
    QByteArray flipped = stored;
    flipped[stored.size() / 2] = char(flipped[stored.size() / 2] ^ 0x20);
    QVERIFY(!TextObject::decode(flipped, "journal", error));
    QVERIFY2(error.startsWith("damaged"), qPrintable(error));
    // A stated length of 1 GiB for a few bytes: refused before anything is allocated.
    QByteArray bomb = stored;
    bomb[1] = char(0x40);
    bomb[2] = bomb[3] = bomb[4] = char(0);
    QVERIFY(!TextObject::decode(bomb, "journal", error));
    QVERIFY2(error.startsWith("damaged (compressed length 1073741824"), qPrintable(error));
    // The checksum of the text still holds inside: a forger's text with a bad sum is caught.
    QByteArray forged = plain;
    forged.replace("img7", "img8");
    QVERIFY(!TextObject::decode('z' + qCompress(forged, 1), "journal", error));
    QCOMPARE(error, QString("damaged (checksum mismatch)"));
    // A line that is no JSON object makes the segment invalid; a JSON object that is no record is
    // kept, for the reader to refuse (and the puller to skip, saying why).
    {
        JournalSegment odd{A, 6, {}, {sampleFile().toJsonText(), "{\"path\":\"x\"}"}};
        const auto read = JournalSegment::decode(odd.encode(), A, 6, error);
        QVERIFY2(read.has_value(), qPrintable(error));
        QCOMPARE(read->recordLines.size(), 2);
        QVERIFY(JournalRecord::fromJsonText(read->recordLines.at(0), error).has_value());
        QVERIFY(!JournalRecord::fromJsonText(read->recordLines.at(1), error).has_value());
        QCOMPARE(error, QString("record 'x': invalid version vector"));
        JournalSegment broken{A, 7, {}, {sampleFile().toJsonText(), "{not json}"}};
        QVERIFY(!JournalSegment::decode(broken.encode(), A, 7, error));
        QCOMPARE(error, QString("invalid record line 3"));
    }
    // The same in a long segment, whose second half is read on another thread: each line in its
    // place, the odd ones as above, wherever they are.
    {
        JournalSegment many{A, 8, {}, {}};
        for (int i = 0; i < 9000; ++i) {
            JournalRecord r = sampleFile();
            r.path = QString("many/%1.txt").arg(i);
            many.recordLines.append(r.toJsonText());
        }
        many.recordLines[10] = "{\"path\":\"x\"}";
        many.recordLines[8990] = "{\"path\":\"y\"}";
        const auto read = JournalSegment::decode(many.encode(), A, 8, error);
        QVERIFY2(read.has_value(), qPrintable(error));
        QCOMPARE(read->recordLines, many.recordLines);
        QCOMPARE(JournalRecord::fromJsonText(read->recordLines.at(8999), error)->path, QString("many/8999.txt"));
        for (const int bad : {20, 4600, 8999}) {
            JournalSegment broken = many;
            broken.recordLines[bad] = "{not json}";
            QVERIFY(!JournalSegment::decode(broken.encode(), A, 8, error));
            QCOMPARE(error, QString("invalid record line %1").arg(bad + 2));
        }
    }
    // Snapshots too.
    Snapshot snapshot{A, 2, {{A, 9}}, {}, segment.recordLines};
    const QByteArray storedSnapshot = snapshot.encode();
    QCOMPARE(storedSnapshot.at(0), 'z');
    const auto backSnapshot = Snapshot::decode(storedSnapshot, A, 2, error);
    QVERIFY2(backSnapshot.has_value(), qPrintable(error));
    QCOMPARE(backSnapshot->recordLines.size(), 200);
    QCOMPARE(backSnapshot->acks.value(A), quint64(9));
}

void tst_Records::textReaderAgreesWithJson()
{
    // fromJsonText() reads toJsonText()'s form with a reader of its own and leaves anything else to
    // fromJson(): whatever its reader takes, fromJson() reads the same; every record Escale writes
    // is taken; and texts changed at random (as a damaged or hostile relay's) agree too.
    QRandomGenerator rng(19);
    const QStringList names = oddNames();
    const auto hash = [&] { return randomHash(rng); };
    int taken = 0, mutatedTaken = 0, mutatedChecked = 0;
    auto agree = [&](const QByteArray& text) {
        const auto fast = detail::readRecordText(text);
        QString error;
        const auto slow = JournalRecord::fromJson(QJsonDocument::fromJson(text).object(), error);
        QString again;
        const auto both = JournalRecord::fromJsonText(text, again);
        if (fast && !(slow && *slow == *fast))
            return QStringLiteral("taken, but fromJson() says %1: %2")
                .arg(slow ? QStringLiteral("otherwise") : error, QString::fromUtf8(text));
        if (bool(both) != bool(slow) || (both && !(*both == *slow)) || (!both && again != error))
            return QStringLiteral("fromJsonText() and fromJson() differ on %1").arg(QString::fromUtf8(text));
        return QString();
    };
    const QByteArray alphabet =
        QByteArray("\"\\,:{}[]09-.eE tfnu/ ") + QByteArray("\xc3\xa9\xff\x01", 4) + QByteArray("\xef\xbb\xbf", 3);
    for (int n = 0; n < 400; ++n) {
        JournalRecord r;
        r.path = names.at(n % names.size());
        const QString a = newClientId(), b = newClientId();
        QMap<QString, quint64> counters{{a, 1 + rng.bounded(1000)}};
        if (n % 2)
            counters.insert(b, n % 4 == 1 ? 9'000'000'000'000'000ULL : quint64(1) << 40);
        r.vv = VersionVector(counters);
        r.origin = n % 5 == 4 && n % 2 ? b : a;
        r.originName = n % 3 ? names.at((n / 3) % names.size()) : QString();
        const int shape = n % 8;
        r.kind = shape < 6 ? JournalRecord::Kind::File
                           : (shape == 6 ? JournalRecord::Kind::Directory : JournalRecord::Kind::Deleted);
        r.repush = n % 7 == 3 && shape != 5;
        if (r.kind == JournalRecord::Kind::File) {
            r.mtimeMs = n % 9 == 0 ? 0 : 1733390000123 + n;
            r.hash = hash();
            r.mode = n % 4 == 0 ? 0 : 0400 + n % 0377;
            const bool packed = shape != 1;
            const int blobs = shape == 2 ? 0 : 1 + n % 3;
            r.from = shape == 3 || shape == 5 ? 1 + rng.bounded(5000) : 0;
            r.piece = shape == 5;
            qint64 total = 0;
            for (int i = 0; i < blobs; ++i) {
                const qint64 length = 1 + rng.bounded(1 << 20);
                r.blobs.append(BlobRef{newObjectId(a), packed ? qint64(rng.bounded(1 << 24)) : 0, length, hash(), !packed});
                total += length;
            }
            r.size = r.from + total + (r.piece ? 1 + rng.bounded(100) : 0);
            if (r.piece)
                r.mode = 0;
        }
        const QByteArray text = r.toJsonText();
        const QString said = agree(text);
        QVERIFY2(said.isEmpty(), qPrintable(said));
        QVERIFY2(detail::readRecordText(text).has_value(), qPrintable("not taken: " + QString::fromUtf8(text)));
        // A byte order mark starting a string is read as Qt's parser reads it (which drops it, or
        // keeps it when an escape follows; no synchronised name starts with one: the scan refuses
        // such names).
        JournalRecord marked = r;
        marked.originName.prepend(QChar(0xfeff));
        QVERIFY2(agree(marked.toJsonText()).isEmpty(), qPrintable(agree(marked.toJsonText())));
        QString error;
        QVERIFY2(*JournalRecord::fromJsonText(text, error) == *JournalRecord::fromJson(r.toJson(), error),
                 qPrintable(QString::fromUtf8(text)));
        ++taken;
        for (int m = 0; m < 60; ++m) {
            QByteArray changed = text;
            const int at = int(rng.bounded(quint32(changed.size())));
            switch (rng.bounded(4)) {
            case 0:
                changed.remove(at, 1 + int(rng.bounded(3)));
                break;
            case 1:
                changed[at] = alphabet.at(int(rng.bounded(quint32(alphabet.size()))));
                break;
            case 2:
                changed.insert(at, alphabet.at(int(rng.bounded(quint32(alphabet.size())))));
                break;
            default: // a piece of the text again elsewhere (a repeated key, a doubled value)
                changed.insert(at, text.mid(int(rng.bounded(quint32(text.size()))), 1 + int(rng.bounded(40))));
            }
            const QString differ = agree(changed);
            QVERIFY2(differ.isEmpty(), qPrintable(differ));
            ++mutatedChecked;
            mutatedTaken += detail::readRecordText(changed).has_value() ? 1 : 0;
        }
    }
    // Valid JSON that is not toJsonText's form: read by fromJson(), the same either way.
    const QByteArray base = sampleFile().toJsonText();
    const QList<QPair<QByteArray, QByteArray>> forms{
        {"{\"", "{ \""},          {"\"size\":10", "\"size\":10.0"}, {"\"size\":10", "\"size\":1e1"},
        {"\"size\":10", "\"size\":-0"}, {"\"size\":10", "\"size\":010"}, {"\"kind\":\"file\"", "\"kind\":\"fil\\u0065\""},
        {"\"name\":\"bob\"", "\"name\":null"}, {"\"name\":\"bob\"", "\"name\":\"bob\",\"name\":\"eve\""},
        {"\"name\":\"bob\"", "\"name\":\"bob\",\"extra\":[1,{}]"}, {"\"name\":\"bob\"", "\"name\":\"b\\/ob\""},
        {"}}", "}} "},            {"\"kind\"", "\"kind\"  "},        {"\"path\"", "\"p\\u0061th\""},
    };
    for (const auto& [from, to] : forms) {
        QByteArray text = base;
        QVERIFY2(text.contains(from), from.constData());
        text.replace(from, to);
        const QString said = agree(text);
        QVERIFY2(said.isEmpty(), qPrintable(said));
    }
    // Records fromJson() refuses, written by toJsonText() all the same: never taken.
    QList<JournalRecord> refused;
    for (int k = 0; k < 9; ++k) {
        JournalRecord r = sampleFile();
        switch (k) {
        case 0: // starts at or past its end
            r.blobs.clear();
            r.from = r.size;
            break;
        case 1:
            r.mode = 01000;
            break;
        case 2: // a piece is never sent again on its own
            r.piece = true;
            r.from = 0;
            r.size = 20;
            r.repush = true;
            break;
        case 3:
            r.origin = QString(16, 'c'); // not in its vector
            break;
        case 4:
            r.size = 11; // its blobs add up to 10
            break;
        case 5:
            r.hash.chop(1);
            break;
        case 6:
            r.blobs[1].pack = "not an id";
            break;
        case 7:
            r.blobs[0].length = 0;
            r.blobs[1].length = 10;
            break;
        default:
            r.path.clear();
        }
        refused.append(r);
    }
    for (const JournalRecord& r : std::as_const(refused)) {
        const QByteArray text = r.toJsonText();
        QString error;
        QVERIFY2(!JournalRecord::fromJson(QJsonDocument::fromJson(text).object(), error), text.constData());
        QVERIFY2(!detail::readRecordText(text), text.constData());
        const QString said = agree(text);
        QVERIFY2(said.isEmpty(), qPrintable(said));
    }
    QCOMPARE(taken, 400);
    qInfo("%d records taken; %d changed texts agree (%d of them taken)", taken, mutatedChecked, mutatedTaken);
}

void tst_Records::headNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("generation");
    QTest::newRow("ok") << A + ".7" << true << quint64(7);
    QTest::newRow("big") << A + ".123456789" << true << quint64(123456789);
    QTest::newRow("leading zero") << A + ".07" << false << quint64(0);
    QTest::newRow("zero") << A + ".0" << false << quint64(0);
    QTest::newRow("no generation") << A << false << quint64(0);
    QTest::newRow("sign") << A + ".+7" << false << quint64(0);
    QTest::newRow("short id") << "abc.1" << false << quint64(0);
    QTest::newRow("upper case") << A.toUpper() + ".1" << false << quint64(0);
}

void tst_Records::headNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(quint64, generation);
    const auto parsed = layout::parseHeadName(name);
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(parsed->generation, generation);
        QCOMPARE(layout::headName(parsed->client, parsed->generation), name);
    }
}

void tst_Records::relayPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("problem");
    QTest::newRow("plain") << "a/b.txt"
                           << "";
    QTest::newRow("spaces and unicode") << QString::fromUtf8("Mes documents/été 2024.odt") << "";
    QTest::newRow("empty") << ""
                           << "empty path";
    QTest::newRow("absolute") << "/etc/passwd"
                              << "absolute path";
    QTest::newRow("parent") << "../outside"
                            << "'..' component";
    QTest::newRow("inner parent") << "a/../../b"
                                  << "'..' component";
    QTest::newRow("dot") << "a/./b"
                         << "'.' component";
    QTest::newRow("double slash") << "a//b"
                                  << "empty path component";
    QTest::newRow("trailing slash") << "a/"
                                    << "empty path component";
    QTest::newRow("backslash") << "a\\..\\b"
                               << "backslash in path";
    QTest::newRow("newline") << "a\nb"
                             << "control character in path";
    QTest::newRow("nul") << QString("a") + QChar(0) + "b"
                         << "control character in path";
    QTest::newRow("reserved") << "x/.escale-tmp-123"
                              << "reserved name '.escale-tmp-123'";
    QTest::newRow("too long name") << QString(256, 'a') << "name longer than 255 bytes";
}

void tst_Records::relayPaths()
{
    QFETCH(QString, path);
    QFETCH(QString, problem);
    QCOMPARE(checkRelayPath(path), problem);
}

void tst_Records::ids()
{
    const QString c = newClientId();
    QVERIFY(isClientId(c));
    QVERIFY(c != newClientId());
    const QString writer = newClientId();
    const QString object = newObjectId(writer);
    QVERIFY(isObjectId(object));
    QVERIFY(isObjectOf(object, writer));
    QVERIFY(newObjectId(writer) != object);
    QString other = writer;
    other[15] = writer[15] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    QVERIFY(!isObjectOf(object, other));
    QVERIFY(!isObjectOf(object, QStringLiteral("not a client")));
    QVERIFY(!isObjectOf(QStringLiteral("not an object"), writer));
    QCOMPARE(layout::dataPath("abcdef0123456789abcdef0123456789"),
             QString("data/ab/abcdef0123456789abcdef0123456789"));
    // NFD input is normalised to NFC.
    QString nfc;
    QCOMPARE(checkRelayPath(QString::fromUtf8("e\xCC\x81t\xC3\xA9"), &nfc), QString());
    QCOMPARE(nfc, QString::fromUtf8("\xC3\xA9t\xC3\xA9"));
}

void tst_Records::textIsWhatQtWrites()
{
    // toJsonText() is the state database's and the journal's text of a record: byte for byte what
    // QJsonDocument writes of toJson(), for every kind and shape of record, odd names included.
    QRandomGenerator rng(7);
    const QStringList names = oddNames();
    const auto hash = [&] { return randomHash(rng); };
    const auto id = [&] { return newObjectId(newClientId()); };
    int checked = 0;
    for (const QString& name : names) {
        for (int shape = 0; shape < 12; ++shape) {
            JournalRecord r;
            r.path = name;
            const QString a = newClientId(), b = newClientId();
            QMap<QString, quint64> counters{{a, 1 + rng.bounded(1000)}};
            if (shape % 2)
                counters.insert(b, quint64(1) << 40);
            r.vv = VersionVector(counters);
            r.origin = a;
            r.originName = shape % 3 ? name : QStringLiteral("laptop");
            r.kind = shape < 8 ? JournalRecord::Kind::File
                               : (shape < 10 ? JournalRecord::Kind::Directory : JournalRecord::Kind::Deleted);
            r.size = shape == 2 ? 0 : qint64(rng.bounded(1u << 30)) * 1000;
            r.mtimeMs = 1733390000123 + shape;
            r.hash = hash();
            r.mode = shape % 4 == 1 ? 0 : 0640 + shape;
            r.repush = shape == 5;
            if (shape == 6) {
                r.piece = true;
                r.from = 4096;
            }
            if (shape == 7)
                r.from = 1;
            const int n = shape == 2 ? 0 : 1 + shape % 3;
            for (int i = 0; i < n; ++i) {
                BlobRef blob{id(), qint64(i) * 1048576, 1 + rng.bounded(1 << 23), hash(), shape == 3};
                if (shape == 4 && i == 1)
                    blob.whole = true; // mixed: written as blobs
                r.blobs.append(blob);
            }
            const QByteArray qt = QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact);
            QCOMPARE(r.toJsonText(), qt);
            ++checked;
        }
    }
    QCOMPARE(checked, int(names.size()) * 12);
}

QTEST_GUILESS_MAIN(tst_Records)
#include "tst_Records.moc"
