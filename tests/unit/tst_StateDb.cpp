// The state database's failures: a full disk, a damaged file. They reach the caller as a
// StateError (never a crash), the transaction under way is rolled back, and what was committed
// before stays. And its cache of versions: what a pass reads is what the table holds.

#include "state/StateDb.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace escale;
using state::Meta;
using state::StateDb;
using state::StateError;

class tst_StateDb : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullDiskThrowsAndKeepsWhatWasCommitted();
    void damagedFileIsNamed();
    void versionsReadAsStored();
    void publishedVersionsKeepWhatAWaitingOneSupersedes();
    void peersKeepWhatTheirHeadsSay();
};

void tst_StateDb::fullDiskThrowsAndKeepsWhatWasCommitted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("state.db");
    StateDb db;
    QString error;
    QVERIFY2(db.open(path, error), qPrintable(error));
    db.setMeta(Meta::Journal, QStringLiteral("7"));
    db.limitGrowth(0);
    bool thrown = false;
    int written = 0;
    try {
        db.begin();
        for (; written < 100'000; ++written) {
            StateDb::LocalEntry e;
            e.path = QStringLiteral("folder/file %1.txt").arg(written);
            e.hash = QByteArray(32, char(written));
            db.putLocal(e);
        }
        db.commit();
    } catch (const StateError& e) {
        thrown = true;
        QCOMPARE(e.kind(), StateError::Kind::Full);
        QVERIFY2(e.message().contains(path) && e.message().contains("disk is full") &&
                     e.message().contains("nothing is lost"),
                 qPrintable(e.message()));
        db.abandon();
    }
    QVERIFY(thrown);
    QVERIFY(written > 0);
    // The transaction is gone; what was committed before stays, and the database goes on.
    QCOMPARE(db.meta(Meta::Journal), QStringLiteral("7"));
    QVERIFY(!db.local(QStringLiteral("folder/file 0.txt")));
    db.close();
    QVERIFY2(db.open(path, error), qPrintable(error));
    QCOMPARE(db.meta(Meta::Journal), QStringLiteral("7"));
    db.setMeta(Meta::Journal, QStringLiteral("8")); // no limit on a new connection
    QCOMPARE(db.meta(Meta::Journal), QStringLiteral("8"));
}

void tst_StateDb::damagedFileIsNamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("state.db");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'x')); // not a database
    f.close();
    StateDb db;
    QString error;
    QVERIFY(!db.open(path, error));
    QVERIFY(!db.isOpen());
    QVERIFY2(error.contains(path) && error.contains("is damaged") && error.contains("move it away"),
             qPrintable(error));
}


namespace {

using protocol::BlobRef;
using protocol::JournalRecord;
using protocol::VersionVector;

QByteArray hashOf(int n)
{
    return QByteArray(32, char(n));
}

BlobRef blob(int n, qint64 length, bool whole, qint64 offset = 0)
{
    BlobRef b;
    b.pack = QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'));
    b.offset = offset;
    b.length = length;
    b.hash = hashOf(n);
    b.whole = whole;
    return b;
}

} // namespace

// setVersions() keeps what it writes in the pass's cache when it reads back as it is: every kind of
// version, the usual ones and the odd ones, reads the same from the cache as from the table (a
// new connection, no cache), in the table's order.
void tst_StateDb::versionsReadAsStored()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("state.db");
    const QString a = QStringLiteral("00000000000000a1"), b = QStringLiteral("00000000000000b2");
    auto record = [&](JournalRecord::Kind kind, quint64 counterA, quint64 counterB) {
        JournalRecord r;
        r.path = QStringLiteral("docs/été/report.txt");
        QMap<QString, quint64> counters{{a, counterA}};
        if (counterB > 0)
            counters.insert(b, counterB);
        r.vv = VersionVector(counters);
        r.origin = a;
        r.originName = QStringLiteral("laptop");
        r.kind = kind;
        if (kind == JournalRecord::Kind::File) {
            r.size = 300;
            r.mtimeMs = 1'700'000'000'123;
            r.hash = hashOf(9);
        }
        return r;
    };
    QList<QList<StateDb::Version>> cases;
    const auto file = record(JournalRecord::Kind::File, 3, 0);
    cases.append({{file, false, false}});
    {
        auto packed = record(JournalRecord::Kind::File, 4, 1);
        packed.blobs = {blob(1, 100, false, 4096), blob(2, 200, false, 0)};
        packed.mode = 0640;
        auto whole = record(JournalRecord::Kind::File, 1, 5);
        whole.blobs = {blob(3, 300, true)};
        whole.repush = true;
        whole.origin = b;
        cases.append({{packed, true, false}, {whole, true, true}}); // written out of the table's order
    }
    cases.append({{record(JournalRecord::Kind::Directory, 2, 0), false, false},
                  {record(JournalRecord::Kind::Deleted, 7, 2), true, false}});
    {
        // Odd ones: what the text form drops or changes is read back from the table.
        auto mixed = record(JournalRecord::Kind::File, 5, 0);
        mixed.blobs = {blob(4, 100, true), blob(5, 200, false, 64)}; // written as blobs: `whole` goes
        auto longName = record(JournalRecord::Kind::File, 6, 0);
        longName.originName = QString(250, QLatin1Char('n')); // read back cut to 200
        auto dirWithSize = record(JournalRecord::Kind::Directory, 8, 0);
        dirWithSize.size = 12; // a folder's size is not written
        auto renamedNotPending = record(JournalRecord::Kind::File, 9, 0);
        cases.append({{mixed, false, false}});
        cases.append({{longName, false, false}});
        cases.append({{dirWithSize, false, false}});
        cases.append({{renamedNotPending, false, true}});
        auto same = record(JournalRecord::Kind::File, 10, 0);
        auto sameLater = same;
        sameLater.size = 0; // the same vector twice: the last one written stays
        sameLater.hash = hashOf(1);
        cases.append({{same, false, false}, {sameLater, true, false}});
        auto piece = record(JournalRecord::Kind::File, 11, 0);
        piece.piece = true;
        piece.from = 0;
        piece.blobs = {blob(6, 100, false)};
        cases.append({{piece, false, false}});
    }

    StateDb db;
    QString error;
    QVERIFY2(db.open(path, error), qPrintable(error));
    for (int i = 0; i < cases.size(); ++i) {
        const QString p = QStringLiteral("case %1").arg(i);
        QList<StateDb::Version> versions = cases.at(i);
        for (StateDb::Version& v : versions)
            v.record.path = p;
        db.begin();
        db.setVersions(p, versions);
        db.commit();
    }
    // Another connection reads the table (its own cache is new).
    auto compareAll = [&] {
        StateDb fresh;
        QVERIFY2(fresh.open(path, error), qPrintable(error));
        for (int i = 0; i < cases.size(); ++i) {
            const QString p = QStringLiteral("case %1").arg(i);
            const QList<StateDb::Version> cached = db.versions(p);
            const QList<StateDb::Version> stored = fresh.versions(p);
            QCOMPARE(cached.size(), stored.size());
            for (int j = 0; j < stored.size(); ++j) {
                QVERIFY2(cached.at(j).record == stored.at(j).record,
                         qPrintable(QStringLiteral("%1, version %2: %3 read %4")
                                        .arg(p)
                                        .arg(j)
                                        .arg(QString::fromUtf8(cached.at(j).record.toJsonText()),
                                             QString::fromUtf8(stored.at(j).record.toJsonText()))));
                QCOMPARE(cached.at(j).pending, stored.at(j).pending);
                QCOMPARE(cached.at(j).renamed, stored.at(j).renamed);
            }
        }
    };
    compareAll();
    if (QTest::currentTestFailed())
        return;
    // The table's own reading, written again and changed, stays what the table holds.
    StateDb fresh;
    QVERIFY2(fresh.open(path, error), qPrintable(error));
    for (int i = 0; i < cases.size(); ++i) {
        const QString p = QStringLiteral("case %1").arg(i);
        QList<StateDb::Version> again = fresh.versions(p);
        for (StateDb::Version& v : again)
            v.pending = !v.pending;
        db.begin();
        db.setVersions(p, again);
        db.commit();
    }
    compareAll();
    if (QTest::currentTestFailed())
        return;
    // Only some rows change: one goes, one comes, the others stay as they are.
    for (int i = 0; i < cases.size(); ++i) {
        const QString p = QStringLiteral("case %1").arg(i);
        QList<StateDb::Version> changed = db.versions(p);
        if (changed.size() > 1)
            changed.removeFirst();
        StateDb::Version added = changed.last();
        added.record.vv = added.record.vv.incremented(b);
        added.pending = true;
        changed.append(added);
        db.begin();
        db.setVersions(p, changed);
        db.commit();
        QCOMPARE(db.versions(p).size(), changed.size());
    }
    compareAll();
}

// What a snapshot lists (R17): every published version that no published version supersedes. A
// version made here supersedes published ones before it is published; they stay listed until it is,
// or until a published version supersedes them (model seed 1290132).
void tst_StateDb::publishedVersionsKeepWhatAWaitingOneSupersedes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("state.db");
    const QString a = QStringLiteral("00000000000000a1"), b = QStringLiteral("00000000000000b2");
    const QString p = QStringLiteral("f.txt"), other = QStringLiteral("g.txt");
    auto version = [&](const QString& at, JournalRecord::Kind kind, quint64 counterA, quint64 counterB,
                       bool pending) {
        JournalRecord r;
        r.path = at;
        QMap<QString, quint64> counters{{a, counterA}};
        if (counterB > 0)
            counters.insert(b, counterB);
        r.vv = VersionVector(counters);
        r.origin = counterB > 0 ? b : a;
        r.kind = kind;
        if (kind == JournalRecord::Kind::File) {
            r.size = 10;
            r.hash = hashOf(int(counterA * 10 + counterB));
        }
        return StateDb::Version{r, pending, false};
    };
    auto listed = [](const StateDb& db) {
        QStringList out;
        for (const StateDb::Version& v : db.publishedVersions())
            out << v.record.path + QLatin1Char(' ') + v.record.vv.toString() + (v.pending ? "*" : "");
        return out;
    };
    const auto v1 = version(p, JournalRecord::Kind::File, 1, 0, false);
    const auto g1 = version(other, JournalRecord::Kind::File, 1, 0, false);
    const QString v1Line = p + " " + v1.record.vv.toString(), g1Line = other + " " + g1.record.vv.toString();
    StateDb db;
    QString error;
    QVERIFY2(db.open(path, error), qPrintable(error));
    db.begin();
    db.setVersions(p, {v1});
    db.setVersions(other, {g1});
    db.commit();
    QCOMPARE(listed(db), QStringList({v1Line, g1Line}));
    // An edit made here, waiting: v1 is no known version any more, and still listed as published.
    const auto edit = version(p, JournalRecord::Kind::File, 2, 0, true);
    db.begin();
    db.setVersions(p, {edit});
    db.commit();
    QCOMPARE(db.versions(p).size(), 1);
    QCOMPARE(listed(db), QStringList({v1Line, g1Line}));
    // Read by a new connection (no cache): the same.
    {
        StateDb fresh;
        QVERIFY2(fresh.open(path, error), qPrintable(error));
        QCOMPARE(listed(fresh), QStringList({v1Line, g1Line}));
        // What a rolled-back transaction wrote is not listed.
        fresh.begin();
        fresh.setVersions(other, {version(other, JournalRecord::Kind::Deleted, 2, 0, true)});
        QCOMPARE(listed(fresh), QStringList({v1Line, g1Line}));
        fresh.abandon();
        QCOMPARE(fresh.versions(other).size(), 1);
        QCOMPARE(listed(fresh), QStringList({v1Line, g1Line}));
    }
    // A deletion from elsewhere, concurrent with the edit, supersedes v1: listed in its place.
    const auto deletion = version(p, JournalRecord::Kind::Deleted, 1, 1, false);
    const QString deletionLine = p + " " + deletion.record.vv.toString();
    db.begin();
    db.setVersions(p, {edit, deletion});
    db.commit();
    QCOMPARE(listed(db), QStringList({deletionLine, g1Line}));
    // The next edit, made over both, waits too: the deletion stays listed.
    const auto next = version(p, JournalRecord::Kind::File, 3, 1, true);
    db.begin();
    db.setVersions(p, {next});
    db.commit();
    QCOMPARE(listed(db), QStringList({deletionLine, g1Line}));
    StateDb::Version sent = next;
    sent.pending = false; // published: it stands for them
    db.begin();
    db.setVersions(p, {sent});
    db.commit();
    QCOMPARE(listed(db), QStringList({p + " " + next.record.vv.toString(), g1Line}));
    const QString nextLine = p + " " + next.record.vv.toString();
    // An edit that waits and is then withdrawn: what it superseded is still what was published last.
    db.begin();
    db.setVersions(other, {version(other, JournalRecord::Kind::File, 2, 0, true)});
    db.commit();
    QCOMPARE(listed(db), QStringList({nextLine, g1Line}));
    db.begin();
    db.setVersions(other, {});
    db.commit();
    QCOMPARE(listed(db), QStringList({nextLine, g1Line}));
    // Several changes in one transaction; the last one, published, supersedes g1.
    const auto g3 = version(other, JournalRecord::Kind::File, 3, 0, false);
    db.begin();
    db.setVersions(other, {version(other, JournalRecord::Kind::File, 2, 1, true)});
    db.setVersions(other, {version(other, JournalRecord::Kind::File, 2, 2, true)});
    QCOMPARE(listed(db), QStringList({nextLine, g1Line}));
    db.setVersions(other, {g3});
    db.commit();
    QCOMPARE(listed(db), QStringList({nextLine, other + " " + g3.record.vv.toString()}));
    // Published records that a version waiting here supersedes, read after it was made (taken back
    // from the journal, read again): listed; one already known, or older than one listed, is not.
    const auto waiting = version(other, JournalRecord::Kind::File, 5, 3, true);
    db.begin();
    db.setVersions(other, {waiting});
    db.commit();
    const QString g3Line = other + " " + g3.record.vv.toString();
    QCOMPARE(listed(db), QStringList({nextLine, g3Line}));
    const auto fromBob = version(other, JournalRecord::Kind::Deleted, 2, 2, false); // concurrent with g3
    const auto older = version(other, JournalRecord::Kind::File, 1, 1, false);      // g3 supersedes it
    const auto newer = version(other, JournalRecord::Kind::File, 4, 2, false);      // supersedes both
    db.begin();
    db.keepPublished(g3.record);
    db.keepPublished(older.record);
    db.keepPublished(fromBob.record);
    db.commit();
    QCOMPARE(listed(db), QStringList({nextLine, other + " " + fromBob.record.vv.toString(), g3Line}));
    db.begin();
    db.keepPublished(newer.record);
    db.keepPublished(version(other, JournalRecord::Kind::File, 6, 3, false).record); // nothing waits over it
    db.commit();
    QCOMPARE(listed(db), QStringList({nextLine, other + " " + newer.record.vv.toString()}));
    QCOMPARE(db.versions(other).size(), 1);
}

QTEST_GUILESS_MAIN(tst_StateDb)

// A peer's head as last read, kept between passes: its wants and lacks (R23) among the rest; a
// database of an earlier release (schema 3, no lacks column) gets the column, empty.
void tst_StateDb::peersKeepWhatTheirHeadsSay()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("state.db");
    StateDb::Peer peer;
    peer.client = QStringLiteral("00000000000000b2");
    peer.name = QStringLiteral("bob");
    peer.generation = 4;
    peer.consumed = 2;
    peer.journal = 3;
    peer.acks = {{QStringLiteral("00000000000000a1"), 7}};
    peer.wants = {hashOf(1), hashOf(2)};
    peer.lacks = {hashOf(3)};
    peer.missing = {{QStringLiteral("00000000000000a1"), 5}};
    QString error;
    {
        StateDb db;
        QVERIFY2(db.open(path, error), qPrintable(error));
        db.begin();
        db.putPeer(peer);
        db.commit();
    }
    {
        StateDb db;
        QVERIFY2(db.open(path, error), qPrintable(error));
        const StateDb::Peer back = db.peers().value(peer.client);
        QCOMPARE(back.wants, peer.wants);
        QCOMPARE(back.lacks, peer.lacks);
        QCOMPARE(back.missing, peer.missing);
        QCOMPARE(back.acks, peer.acks);
    }
    // As an earlier release left it: no lacks column, schema 3.
    {
        sqlite3* raw = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &raw), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, "ALTER TABLE peers DROP COLUMN lacks; PRAGMA user_version = 3", nullptr, nullptr,
                              nullptr),
                 SQLITE_OK);
        sqlite3_close(raw);
    }
    StateDb db;
    QVERIFY2(db.open(path, error), qPrintable(error));
    const StateDb::Peer upgraded = db.peers().value(peer.client);
    QCOMPARE(upgraded.wants, peer.wants);
    QVERIFY(upgraded.lacks.isEmpty());
    db.begin();
    db.putPeer(peer);
    db.commit();
    QCOMPARE(db.peers().value(peer.client).lacks, peer.lacks);
}

#include "tst_StateDb.moc"
