// Several real engines on one relay (in memory and a folder): every scenario ends with the
// trees compared byte for byte, and with the relay checked.
#include "SyncHarness.h"

#include <QSignalSpy>
#include "crypto/RepositoryKeys.h"
#include "protocol/JournalObjects.h"
#include "protocol/Layout.h"
#include "protocol/Records.h"
#include "protocol/TextObject.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <fcntl.h>
#include <sys/stat.h>
#include <QRegularExpression>

using namespace harness;
using escale::config::SyncMode;

class tst_SyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void progressEventsAndPeers();
    void transfersAnnounced();
    void relays_data();
    void plainAndEncrypted_data();
    void createModifyDelete_data() { relays_data(); }
    void createModifyDelete();
    void emptyFilesAndFolders_data() { relays_data(); }
    void emptyFilesAndFolders();
    void dotFilesSyncTemporaryFilesStay();
    void renameAndMoveFolder_data() { relays_data(); }
    void renameAndMoveFolder();
    void unicodeNames_data() { relays_data(); }
    void unicodeNames();
    void bigFileInChunks_data() { relays_data(); }
    void bigFileInChunks();
    void editsTravelAsNewBlobsOnly_data() { plainAndEncrypted_data(); }
    void editsTravelAsNewBlobsOnly();
    void scanCutsAreCheckedBeforeUse();
    void smallFilesAreSentAsScanned();
    void smallFilesTravelInFewRequests_data() { plainAndEncrypted_data(); }
    void smallFilesTravelInFewRequests();
    void identicalFoldersJoinWithoutSendingTwice();
    void concurrentEditTwoClients_data() { relays_data(); }
    void concurrentEditTwoClients();
    void concurrentEditThreeClients_data() { relays_data(); }
    void concurrentEditThreeClients();
    void deleteAgainstModify_data() { relays_data(); }
    void deleteAgainstModify();
    void sameEditOnTwoClientsIsNoConflict_data() { relays_data(); }
    void sameEditOnTwoClientsIsNoConflict();
    void interruptedPushKeepsWhatWentOut_data() { relays_data(); }
    void interruptedPushKeepsWhatWentOut();
    void relayEmptiedOnceEveryoneHasIt_data() { relays_data(); }
    void relayEmptiedOnceEveryoneHasIt();
    void pullersWaitForLateClient_data() { relays_data(); }
    void pullersWaitForLateClient();
    void lateClientGetsEverythingSentAgain_data() { relays_data(); }
    void lateClientGetsEverythingSentAgain();
    void renameReachesClientWithoutTheSource();
    void renameWhileItsDeletionWaits();
    void clientBackAfterRetention_data() { relays_data(); }
    void clientBackAfterRetention();
    void packsOthersNameAreKept_data() { relays_data(); }
    void packsOthersNameAreKept();
    void blobsInOthersPacksAreNamed_data() { relays_data(); }
    void blobsInOthersPacksAreNamed();
    void journalsShrinkAndNewcomersUseSnapshots_data() { relays_data(); }
    void journalsShrinkAndNewcomersUseSnapshots();
    void clientBackAfterJournalDeleted();
    void filters_data() { relays_data(); }
    void filters();
    void tenThousandSmallFiles();
    void archiveRetention();
    void fileBeingWrittenWaits();
    void accessFlags();
    void conservativeMode();
    void massDeletionWaitsForConfirmation();
    void unmountedFolderIsRefused();
    void quotaBackPressure();
    void fileLargerThanQuotaPassesInPieces_data() { relays_data(); }
    void fileLargerThanQuotaPassesInPieces();
    void fileInPiecesChangedInPlaceMeanwhile();
    void idlePollIsOneListing();
    void modes_data() { relays_data(); }
    void modes();
    void restartResumesWithoutRehash();
    void tamperedChunkIsNeverWritten_data();
    void tamperedChunkIsNeverWritten();
    void hostileJournalPathsAreRefused();
    void aBlobIsCheckedAsTheBytesItNames();
    void aDamagedBlobOfABigFileIsAskedAgain_data();
    void aDamagedBlobOfABigFileIsAskedAgain();
    void symlinkTricksAreRefused();
    void blobsInPacksAreRead_data() { relays_data(); }
    void blobsInPacksAreRead();
    void formatOneIsUpgradedInPlace_data() { relays_data(); }
    void formatOneIsUpgradedInPlace();
    void encryptedUpgradeKeepsTheKey();
    void repositoryMismatchesAreRefused();
    void forwardReadWhileWrittenIsFollowed();
    void faultyRelayConverges_data();
    void faultyRelayConverges();
    void scenariosUnderFaults_data();
    void scenariosUnderFaults();
    void lostUploadIsSentAgain();
    void editsDuringFaultsConverge_data();
    void editsDuringFaultsConverge();
    void missingLocalFolder();
    void codecSitsBetweenProtocolAndRelay();
    void encryptedRepository_data();
    void encryptedRepository();
    void passphraseChangeRewrapsOnly();
    void tamperingRelay_data();
    void tamperingRelay();
    void namesDifferingOnlyByCase_data() { relays_data(); }
    void namesDifferingOnlyByCase();
};

namespace {

qint64 dataBytes(const Relay& relay)
{
    qint64 total = 0;
    for (const QString& name : relay.objects("data/"))
        total += relay.object(name).size();
    return total;
}

bool hasPartial(const Client& c)
{
    QDirIterator it(c.path(), {".escale-part-*"}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    return it.hasNext();
}

} // namespace

void tst_SyncEngine::relays_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("memory") << "memory";
    QTest::newRow("file") << "file";
}

#define CONVERGED(a, b)                                                                                      \
    QVERIFY2((a).tree() == (b).tree(), qPrintable(describeDifference((a).tree(), (b).tree())))

void tst_SyncEngine::createModifyDelete()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob");
    a.write("notes/shopping.txt", "bread, cheese");
    a.write("README", "hello");
    a.write("deep/er/still/file.bin", QByteArray(5000, 'z'));
    QVERIFY2(a.pass().ok(), qPrintable(a.last().error));
    QCOMPARE(a.last().published, 7); // 3 files + 4 folders
    QVERIFY2(b.pass().ok(), qPrintable(b.last().error));
    QCOMPARE(b.read("notes/shopping.txt"), QByteArray("bread, cheese"));
    CONVERGED(a, b);

    // Modify on B, back to A.
    b.write("notes/shopping.txt", "bread, cheese, wine");
    QVERIFY(b.pass().ok());
    QVERIFY(a.pass().ok());
    QCOMPARE(a.read("notes/shopping.txt"), QByteArray("bread, cheese, wine"));
    CONVERGED(a, b);

    // Delete on A: B loses it, and keeps it in its local archive.
    QVERIFY(QFile::remove(a.path("README")));
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    QVERIFY(!b.exists("README"));
    QCOMPARE(b.last().deleted, 1);
    CONVERGED(a, b);
    QDirIterator archive(b.path(".escale-archive"), QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(archive.hasNext());
    QCOMPARE(readFile(archive.next()), QByteArray("hello"));

    // An edit that keeps size and mtime but changes the inode is still seen.
    a.write("notes/shopping.txt.new", "bread, cheese, beer");
    QVERIFY(QFile::remove(a.path("notes/shopping.txt")));
    QVERIFY(QFile::rename(a.path("notes/shopping.txt.new"), a.path("notes/shopping.txt")));
    settle({&a, &b}, 2);
    QCOMPARE(b.read("notes/shopping.txt"), QByteArray("bread, cheese, beer"));
    CONVERGED(a, b);
}

void tst_SyncEngine::emptyFilesAndFolders()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob");
    QVERIFY(QDir().mkpath(a.path("empty/nested/folder")));
    a.write("empty.txt", QByteArray());
    settle({&a, &b}, 1);
    QVERIFY(QFileInfo(b.path("empty/nested/folder")).isDir());
    QCOMPARE(QFileInfo(b.path("empty.txt")).size(), 0);
    CONVERGED(a, b);
    // Removing the folder removes it everywhere.
    QVERIFY(QDir(a.path("empty")).removeRecursively());
    settle({&a, &b}, 1);
    QVERIFY(!b.exists("empty"));
    CONVERGED(a, b);
}

// The defaults a user expects: hidden files and folders (.env, .git/) sync; editors' and systems'
// temporary files (a LibreOffice lock, a vim swap file, a backup~, .DS_Store) stay on their machine.
void tst_SyncEngine::dotFilesSyncTemporaryFilesStay()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write(".env", "KEY=1");
    a.write(".git/config", "[core]");
    a.write("notes.txt", "notes");
    for (const char* temporary : {"notes.txt~", ".notes.txt.swp", ".~lock.report.odt#", "~$report.docx", ".DS_Store",
                                  ".Trash-1000/files/old.txt"})
        a.write(temporary, "of this machine");
    settle({&a, &b}, 1);
    QCOMPARE(b.read(".env"), QByteArray("KEY=1"));
    QCOMPARE(b.read(".git/config"), QByteArray("[core]"));
    QCOMPARE(b.read("notes.txt"), QByteArray("notes"));
    for (const char* temporary : {"notes.txt~", ".notes.txt.swp", ".~lock.report.odt#", "~$report.docx", ".DS_Store",
                                  ".Trash-1000"})
        QVERIFY2(!b.exists(temporary), temporary);
    // bob's own lock file stays his, and does not disturb alice's.
    b.write(".~lock.report.odt#", "bob's lock");
    settle({&a, &b}, 1);
    QCOMPARE(a.read(".~lock.report.odt#"), QByteArray("of this machine"));
}

void tst_SyncEngine::renameAndMoveFolder()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob");
    a.write("project/src/main.c", "int main(void) { return 0; }");
    a.write("project/doc/guide.md", QByteArray(3000, 'g'));
    a.write("photo.jpg", QByteArray(200'000, 'p'));
    settle({&a, &b}, 1);
    CONVERGED(a, b);

    // A rename: B moves its copy instead of downloading.
    QVERIFY(QFile::rename(a.path("photo.jpg"), a.path("holiday.jpg")));
    QVERIFY(QDir().rename(a.path("project"), a.path("archive/project-2024")) ||
            (QDir().mkpath(a.path("archive")) &&
             QDir().rename(a.path("project"), a.path("archive/project-2024"))));
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().uploaded, 0); // a rename sends no content (R27)
    QCOMPARE(relay.objects("data/").size(), 0);
    auto before = relay.kind() == "memory" ? relay.store()->counters().get : 0;
    QVERIFY(b.pass().ok());
    if (relay.kind() == "memory") {
        // heads listing aside, B read the header, a head and a journal segment: no content.
        const int gets = relay.store()->counters().get - before;
        QVERIFY2(gets <= 3, qPrintable(QString("B downloaded %1 objects for a rename").arg(gets)));
    }
    QVERIFY(!b.exists("photo.jpg"));
    QCOMPARE(b.read("holiday.jpg"), QByteArray(200'000, 'p'));
    QCOMPARE(b.read("archive/project-2024/src/main.c"), QByteArray("int main(void) { return 0; }"));
    QVERIFY(!b.exists("project"));
    CONVERGED(a, b);
}

void tst_SyncEngine::unicodeNames()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob");
    const QString nfc = QString::fromUtf8("\xC3\xA9t\xC3\xA9 2024/caf\xC3\xA9 cr\xC3\xA8me.txt");
    const QString nfd = QString::fromUtf8("re\xCC\x81sume\xCC\x81.txt"); // e + combining acute
    a.write(nfc, "summer");
    a.write(nfd, "cv");
    a.write("Name.TXT", "upper");
    a.write("name.txt", "lower"); // differs only by case: both kept on this file system
    a.write("spaces  and\ttabs.txt", "odd");
    settle({&a, &b}, 1);
    QCOMPARE(b.read(nfc), QByteArray("summer"));
    // The NFD name travels, and lands, in NFC.
    const QString asNfc = nfd.normalized(QString::NormalizationForm_C);
    QCOMPARE(b.read(asNfc), QByteArray("cv"));
    QCOMPARE(b.read("Name.TXT"), QByteArray("upper"));
    QCOMPARE(b.read("name.txt"), QByteArray("lower"));
    CONVERGED(a, b);
}

void tst_SyncEngine::bigFileInChunks()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob");
    QByteArray big(3 * 1024 * 1024 + 123, Qt::Uninitialized);
    QRandomGenerator rng(3);
    rng.fillRange(reinterpret_cast<quint32*>(big.data()), big.size() / 4);
    a.write("big.bin", big);
    QVERIFY(a.pass().ok());
    // Cut into blobs of 512 KiB to 8 MiB, in packs of up to 1 MiB (this harness's chunk size) or
    // one blob larger than that: several objects, holding the file's bytes once.
    QVERIFY(relay.objects("data/").size() >= 2);
    QCOMPARE(dataBytes(relay), big.size());
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("big.bin"), big);
    CONVERGED(a, b);
}

void tst_SyncEngine::plainAndEncrypted_data()
{
    QTest::addColumn<bool>("encrypted");
    QTest::newRow("plain") << false;
    QTest::newRow("encrypted") << true;
}

void tst_SyncEngine::editsTravelAsNewBlobsOnly()
{
    // R36-R40: a big file edited in place (middle, start, end) sends and fetches only the blobs
    // around the edit; the receiver rebuilds the rest from its own copy, each blob checked.
    QFETCH(bool, encrypted);
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    if (encrypted) {
        a.encrypt("delta");
        b.encrypt("delta");
        b.config().transfers = 1; // and one read at a time: ranges, single blobs and local ones in turn
        b.makeEngine();
    }
    QByteArray image(12 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator rng(31);
    rng.fillRange(reinterpret_cast<quint32*>(image.data()), image.size() / 4);
    a.write("disk.img", image);
    settle({&a, &b}, 1);
    QCOMPARE(b.read("disk.img"), image);
    auto random = [&](qsizetype n) {
        QByteArray r(n, Qt::Uninitialized);
        for (qsizetype i = 0; i < n; ++i)
            r[i] = char(rng.generate());
        return r;
    };
    // A blob is 512 KiB to 8 MiB, about 1 MiB mostly: an edit touches a few (the whole file is 12).
    const qint64 bound = 6 * 1024 * 1024;
    auto step = [&](const char* what) {
        a.write("disk.img", image);
        relay.store()->resetCounters();
        QVERIFY2(a.pass().ok(), what);
        const qint64 up = relay.store()->counters().bytesWritten;
        relay.store()->resetCounters();
        QVERIFY2(b.pass().ok(), what);
        const qint64 down = relay.store()->counters().bytesRead;
        QVERIFY2(b.read("disk.img") == image, what);
        QVERIFY2(up < bound && down < bound,
                 qPrintable(QString("%1: %2 bytes up, %3 down").arg(what).arg(up).arg(down)));
    };
    image.replace(6 * 1024 * 1024, 65536, random(65536));
    step("64 KiB overwritten in the middle");
    image.prepend(random(1000));
    step("1000 bytes inserted at the start");
    image.truncate(7 * 1024 * 1024 + 77);
    step("truncated");
    image.append(random(100'000));
    step("appended");

    // Bob's copy changed underneath, keeping its size and time: a blob read from it fails its check
    // and is fetched instead; the file placed is alice's version, whole.
    image.replace(100, 10, "0123456789");
    a.write("disk.img", image);
    QVERIFY(a.pass().ok());
    const QString mine = b.path("disk.img");
    struct stat before {};
    QCOMPARE(::stat(QFile::encodeName(mine).constData(), &before), 0);
    {
        QFile f(mine);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(5 * 1024 * 1024);
        f.write(QByteArray(4096, 'Z'));
    }
    const struct timespec times[2] = {before.st_atim, before.st_mtim};
    QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(mine).constData(), times, 0), 0);
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("disk.img"), image);
    CONVERGED(a, b);
}

void tst_SyncEngine::transfersAnnounced()
{
    // The engine tells the relay how many packs are about to travel, so that a relay whose logins
    // are slow opens its connections meanwhile: the sender after its scan (by the bytes to send),
    // the receiver as it reads the records naming them (each new pack).
    Relay relay("folder");
    Client a(relay, "alice");
    Client b(relay, "bob");
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    a.faults().takeAnnounced();
    b.faults().takeAnnounced();
    for (int i = 0; i < 10; ++i) // 5 MiB in all, packs of 1 MiB (`chunk size` in the harness)
        a.write(QString("f%1").arg(i), harness::randomBytes(512 * 1024, quint32(i + 1)));
    QVERIFY(a.pass().ok());
    QCOMPARE(a.faults().takeAnnounced(), QList<int>{6});
    QVERIFY(b.pass().ok());
    const QList<int> told = b.faults().takeAnnounced();
    QVERIFY2(told.size() >= 5 && told.first() == 1 && told.last() == told.size(), qPrintable(QString::number(told.size())));
    QCOMPARE(b.read("f3"), harness::randomBytes(512 * 1024, 4));
    // Nothing to send, or content the others have: nothing announced.
    QVERIFY(a.pass().ok());
    QVERIFY(a.faults().takeAnnounced().isEmpty());
    QVERIFY(QFile::rename(a.path("f0"), a.path("g0")));
    QVERIFY(a.pass().ok());
    QVERIFY(a.faults().takeAnnounced().isEmpty());
    QVERIFY(b.pass().ok());
    QVERIFY(b.faults().takeAnnounced().isEmpty());
    QCOMPARE(b.read("g0"), harness::randomBytes(512 * 1024, 1));
    // One small file: one.
    a.write("small", "x");
    QVERIFY(a.pass().ok());
    QCOMPARE(a.faults().takeAnnounced(), QList<int>{1});
}

void tst_SyncEngine::scanCutsAreCheckedBeforeUse()
{
    // A big file is cut into blobs by the scan; the push reads only the new ones. Changed in place
    // between the scan and the push, keeping its size and time (as on a file system with coarse
    // times), its new bytes are never packed under the scan's hashes: the version that goes out,
    // now or at a later pass, is what the file holds, and bob gets exactly that.
    Relay relay("folder");
    Client a(relay, "alice");
    Client b(relay, "bob");
    const QByteArray v0 = harness::randomBytes(3 * 1024 * 1024, 1);
    a.write("big.bin", v0);
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("big.bin"), v0);
    auto edited = [&](const QByteArray& from, quint32 seed) {
        QByteArray v = from;
        v.replace(1536 * 1024, 64 * 1024, harness::randomBytes(64 * 1024, seed));
        return v;
    };
    const QByteArray v1 = edited(v0, 2);
    const QByteArray v2 = edited(v0, 3);
    a.write("big.bin", v1);
    struct stat scanned;
    QVERIFY(::stat(QFile::encodeName(a.path("big.bin")).constData(), &scanned) == 0);
    bool changed = false;
    a.faults().setOperationHook([&](relay::FaultyRelay::Op op) {
        if (!changed && op == relay::FaultyRelay::Op::List) { // the pull, after the scan
            changed = true;
            QFile f(a.path("big.bin"));
            if (f.open(QIODevice::ReadWrite) && f.seek(1536 * 1024))
                f.write(v2.mid(1536 * 1024, 64 * 1024));
            f.close();
            const struct timespec times[2] = {scanned.st_atim, scanned.st_mtim};
            ::utimensat(AT_FDCWD, QFile::encodeName(a.path("big.bin")).constData(), times, 0);
        }
        return true;
    });
    a.pass();
    a.faults().setOperationHook({});
    QVERIFY(changed);
    QCOMPARE(a.read("big.bin"), v2);
    // Bob never meets bytes that fail their hash (what would follow from packing the file's new
    // bytes under the scan's hashes), and ends with what alice's file holds.
    QStringList bobSaw;
    for (int i = 0; i < 3; ++i) {
        a.pass();
        b.pass();
        bobSaw << b.last().problems;
    }
    QVERIFY2(b.last().ok(), qPrintable(b.last().error));
    QVERIFY2(bobSaw.filter("check").isEmpty(), qPrintable(bobSaw.join('\n')));
    QCOMPARE(b.read("big.bin"), v2);
}

void tst_SyncEngine::smallFilesAreSentAsScanned()
{
    // A small file is sent as the scan read it, not read again: rewritten between the scan and
    // the push, the scanned version still goes out whole (bytes and hash agree), and the next pass
    // sends the rewrite as its successor, with no conflict copy. (Read again, the push found it
    // changed and sent nothing at that pass.)
    Relay relay("folder");
    Client a(relay, "alice");
    Client b(relay, "bob");
    a.write("note.txt", "as scanned");
    bool changed = false;
    a.faults().setOperationHook([&](relay::FaultyRelay::Op op) {
        if (!changed && op == relay::FaultyRelay::Op::List) { // the pull, after the scan
            changed = true;
            a.write("note.txt", "rewritten after the scan");
        }
        return true;
    });
    QVERIFY2(a.pass().ok(), qPrintable(a.last().error));
    a.faults().setOperationHook({});
    QVERIFY(changed);
    QCOMPARE(a.last().published, 1);
    QVERIFY2(b.pass().ok(), qPrintable(b.last().error));
    QCOMPARE(b.read("note.txt"), QByteArray("as scanned"));
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    QVERIFY2(b.last().problems.isEmpty(), qPrintable(b.last().problems.join('\n')));
    QCOMPARE(b.read("note.txt"), QByteArray("rewritten after the scan"));
    QCOMPARE(b.tree(), a.tree()); // no conflict copy
}

void tst_SyncEngine::smallFilesTravelInFewRequests()
{
    // R37, R40: 300 small files go out in a couple of packs and come in through a few ranged reads,
    // not one request per file each way.
    QFETCH(bool, encrypted);
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    if (encrypted) {
        a.encrypt("few requests");
        b.encrypt("few requests");
    }
    settle({&a, &b}, 1);
    QHash<QString, QByteArray> written;
    QRandomGenerator rng(41);
    for (int i = 0; i < 300; ++i) {
        QByteArray content(1000 + int(rng.bounded(3000)), Qt::Uninitialized);
        for (char& c : content)
            c = char(rng.generate());
        const QString path = QString("notes/%1/n%2.txt").arg(i % 7).arg(i);
        a.write(path, content);
        written.insert(path, content);
    }
    relay.store()->resetCounters();
    QVERIFY(a.pass().ok());
    const auto up = relay.store()->counters();
    const qsizetype packs = relay.objects("data/").size();
    QVERIFY2(packs >= 1 && packs <= 2, qPrintable(QString::number(packs))); // ~750 KB in packs of up to 1 MiB
    QVERIFY2(up.put <= packs + 3, qPrintable(QString::number(up.put))); // the packs, the segment, the head
    relay.store()->resetCounters();
    QVERIFY(b.pass().ok());
    const auto down = relay.store()->counters();
    for (auto it = written.cbegin(); it != written.cend(); ++it)
        QCOMPARE(b.read(it.key()), it.value());
    QCOMPARE(b.last().downloaded, 300);
    // A read or two per pack, a few for heads and the journal.
    QVERIFY2(down.getRange <= 2 * packs && down.get <= 2 * packs + 8,
             qPrintable(QString("%1 reads, %2 of them ranged").arg(down.get).arg(down.getRange)));
    CONVERGED(a, b);
}

void tst_SyncEngine::identicalFoldersJoinWithoutSendingTwice()
{
    // Three machines holding the same files (an upgrade, a folder copied by USB) join one relay in
    // turn: the content travels once (the later ones take alice's versions as theirs), the relay
    // never holds more than the folder and the journals, no conflict copy, quiet after two rounds.
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    QRandomGenerator rng(51);
    qint64 folder = 0;
    QMap<QString, QByteArray> files;
    for (int i = 0; i < 40; ++i) {
        QByteArray content(i % 10 == 0 ? 1'500'000 + int(rng.bounded(500'000)) : 1 + int(rng.bounded(20'000)),
                           Qt::Uninitialized);
        for (char& ch : content)
            ch = char(rng.generate());
        files.insert(QString("shared/%1/f%2.bin").arg(i % 4).arg(i), content);
        folder += content.size();
    }
    for (Client* x : {&a, &b, &c})
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            x->write(it.key(), it.value());
    relay.store()->resetCounters();
    qint64 peak = 0;
    for (int round = 0; round < 3; ++round) {
        for (Client* x : {&a, &b, &c}) {
            QVERIFY(x->pass().ok());
            peak = std::max(peak, dataBytes(relay));
            if (round == 0 && x != &a) // alice's versions taken as theirs: at most their 5 folders go out
                QVERIFY2(x->last().published <= 5, qPrintable(QString::number(x->last().published)));
            if (round == 2) {
                QCOMPARE(x->last().published, 0);
                QCOMPARE(x->last().uploaded, 0);
                QCOMPARE(x->last().downloaded, 0);
            }
        }
    }
    const qint64 written = relay.store()->counters().bytesWritten; // text objects included
    QVERIFY2(written <= folder * 11 / 10, qPrintable(QString("%1 written for a folder of %2").arg(written).arg(folder)));
    QVERIFY2(peak <= folder, qPrintable(QString("%1 held at the peak for a folder of %2").arg(peak).arg(folder)));
    for (Client* x : {&a, &b, &c}) {
        QCOMPARE(x->tree().size(), files.size() + 5); // the files and their 5 folders: no conflict copy
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            QCOMPARE(x->read(it.key()), it.value());
    }
    // A newcomer with nothing gets everything, though only alice sent the content.
    Client d(relay, "dave");
    for (int i = 0; i < 4 && d.tree().size() < files.size(); ++i) {
        d.pass();
        for (Client* x : {&a, &b, &c})
            x->pass();
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        QCOMPARE(d.read(it.key()), it.value());
    CONVERGED(a, d);
}

void tst_SyncEngine::concurrentEditTwoClients()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob");
    a.write("report.odt", "v1");
    settle({&a, &b}, 1);
    // Both edit before seeing the other's edit.
    a.write("report.odt", "alice's version");
    b.write("report.odt", "bob's version, longer");
    setMtime(a.path("report.odt"), 1'700'000'000);
    setMtime(b.path("report.odt"), 1'700'000'100);
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    CONVERGED(a, b);
    // The later edit keeps the name; the other is a conflict copy named after alice.
    QCOMPARE(a.read("report.odt"), QByteArray("bob's version, longer"));
    const QString copy = "report (conflict from alice 2023-11-14 221320 " + copyTag("alice's version") + ").odt";
    QCOMPARE(a.read(copy), QByteArray("alice's version"));
    QCOMPARE(b.read(copy), QByteArray("alice's version"));
    QCOMPARE(a.tree().size(), 2);
}

void tst_SyncEngine::concurrentEditThreeClients()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    a.write("plan.txt", "v1");
    settle({&a, &b, &c}, 1);
    a.write("plan.txt", "A");
    b.write("plan.txt", "BB");
    c.write("plan.txt", "CCC");
    int t = 1'700'000'000;
    for (Client* x : {&a, &b, &c})
        setMtime(x->path("plan.txt"), t += 60);
    settle({&a, &b, &c}, 3);
    CONVERGED(a, b);
    CONVERGED(b, c);
    QCOMPARE(a.read("plan.txt"), QByteArray("CCC"));
    QCOMPARE(a.tree().size(), 3); // the name, and two conflict copies: nothing lost
    QStringList contents;
    for (const QString& p : a.tree().keys())
        contents << QString::fromUtf8(a.read(p));
    contents.sort();
    QCOMPARE(contents, QStringList({"A", "BB", "CCC"}));
}

void tst_SyncEngine::deleteAgainstModify()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob");
    a.write("keep.txt", "original");
    settle({&a, &b}, 1);
    QVERIFY(QFile::remove(a.path("keep.txt")));
    b.write("keep.txt", "edited by bob");
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    QCOMPARE(a.read("keep.txt"), QByteArray("edited by bob"));
}

void tst_SyncEngine::sameEditOnTwoClientsIsNoConflict()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob");
    a.write("same.txt", "identical");
    b.write("same.txt", "identical");
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    QCOMPARE(a.tree().size(), 1);
}

void tst_SyncEngine::interruptedPushKeepsWhatWentOut()
{
    // Escale stopping in a push (SyncEngine::interrupt, here once some packs went out): the files
    // sent whole are published; the packs of a big file cut in its middle stay on the relay as
    // spares (R2) and the next pass names them instead of sending them again; every byte arrives;
    // once bob has everything, the relay holds no content (spares included).
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob");
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    for (int i = 0; i < 6; ++i)
        a.write(QString("small%1.txt").arg(i), QByteArray(3000 + i, char('a' + i)));
    const QByteArray big = harness::randomBytes(12 * 1024 * 1024, 77);
    a.write("zbig.bin", big); // after the small files (smallest first)
    bool stopped = false;
    const auto connection = QObject::connect(&a.engine(), &sync::SyncEngine::progress, &a.engine(),
                                             [&](const sync::PassProgress& p) {
                                                 if (!stopped && p.bytesSent >= 4 * 1024 * 1024) {
                                                     stopped = true;
                                                     a.engine().interrupt();
                                                 }
                                             });
    sync::PassResult r = a.pass();
    QObject::disconnect(connection);
    QVERIFY(stopped);
    QVERIFY(r.ok());
    QVERIFY(r.interrupted);
    QVERIFY(!r.complete);
    QCOMPARE(r.uploaded, 6); // the small files went out whole, the big one did not
    const QStringList spares = relay.objects("data/");
    const qint64 spareBytes = dataBytes(relay);
    QVERIFY2(spareBytes >= 4 * 1024 * 1024, qPrintable(QString::number(spareBytes)));
    QVERIFY(b.pass().ok());
    QCOMPARE(b.last().downloaded, 6);
    QVERIFY(!QFileInfo::exists(b.path("zbig.bin")));

    a.engine().interrupt(false);
    a.restartEngine(); // as at the next start
    r = a.pass();
    QVERIFY(r.ok());
    QVERIFY(!r.interrupted);
    QCOMPARE(r.uploaded, 1);
    // What this pass wrote: the big file's rest only (the spares are named, not sent again).
    qint64 written = 0;
    const QStringList now = relay.objects("data/");
    for (const QString& o : now)
        if (!spares.contains(o))
            written += relay.object(o).size();
    QVERIFY2(written < big.size() - spareBytes + 2 * 1024 * 1024,
             qPrintable(QString("%1 written again after %2").arg(written).arg(spareBytes)));
    QVERIFY(b.pass().ok());
    QCOMPARE(harness::readFile(b.path("zbig.bin")), big);
    CONVERGED(a, b);
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    QVERIFY(a.pass().ok());
    QCOMPARE(relay.objects("data/"), QStringList{}); // every pack freed once bob had it
}

void tst_SyncEngine::relayEmptiedOnceEveryoneHasIt()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    for (Client* x : {&a, &b, &c})
        QVERIFY(x->pass().ok()); // all three registered
    for (int i = 0; i < 20; ++i)
        a.write(QString("f%1.txt").arg(i), QByteArray(1000 + i, char('a' + i)));
    QVERIFY(a.pass().ok());
    QCOMPARE(relay.objects("data/").size(), 1); // one pack (R37)
    QCOMPARE(dataBytes(relay), 20 * 1000 + 190);
    QVERIFY(b.pass().ok());
    QVERIFY(a.pass().ok());
    QCOMPARE(relay.objects("data/").size(), 1); // carol has not got them yet
    QVERIFY(c.pass().ok());
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().freed, 1);
    QCOMPARE(relay.objects("data/"), QStringList{});
    CONVERGED(a, b);
    CONVERGED(a, c);
    // What stays: the header, three heads and the journal segments (no content).
    QCOMPARE(relay.objects("heads/").size(), 3);
}

void tst_SyncEngine::packsOthersNameAreKept()
{
    // R41: bob's edit of alice's big file names alice's blobs around it (his basis, R39 c). Her
    // pack stays on the relay until every other client read bob's segment, also when all of them
    // read hers long ago; carol, who took neither version yet, then gets bob's in one pass,
    // nothing asked again (R23); and the relay is empty once everyone read everything.
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    for (Client* x : {&a, &b, &c})
        QVERIFY(x->pass().ok());
    c.engine().setAccess("disk.img", std::nullopt, false); // carol does not take it for now
    const qsizetype mib = 1024 * 1024;
    QByteArray image = harness::randomBytes(6 * mib, 41);
    a.write("disk.img", image);
    QVERIFY(a.pass().ok());
    const QStringList hers = relay.objects("data/");
    QVERIFY(!hers.isEmpty());
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("disk.img"), image);
    QVERIFY(c.pass().ok()); // alice's segment read, the file left out
    QVERIFY(!c.exists("disk.img"));
    image.replace(3 * mib, 4096, harness::randomBytes(4096, 42));
    b.write("disk.img", image);
    QVERIFY(b.pass().ok());
    QVERIFY(a.pass().ok()); // bob and carol read her segment; bob's names her packs but one or two
    QCOMPARE(a.read("disk.img"), image);
    const QStringList after = relay.objects("data/");
    qsizetype kept = 0;
    for (const QString& pack : hers)
        kept += after.contains(pack) ? 1 : 0;
    // Packs of about 1 MiB here: the 4 KiB changed one blob, maybe two around a cut.
    QVERIFY2(hers.size() >= 4 && kept >= hers.size() - 2 && kept + a.last().freed == hers.size(),
             qPrintable(QString("%1 of %2 kept").arg(kept).arg(hers.size())));
    QVERIFY(after.size() > kept); // bob's new blob

    c.engine().setAccess("disk.img", std::nullopt, std::nullopt);
    QVERIFY(c.pass().ok());
    QCOMPARE(c.read("disk.img"), image);
    QVERIFY(a.pass().ok());
    QVERIFY(a.last().freed >= int(kept));
    QVERIFY(b.pass().ok());
    QCOMPARE(relay.objects("data/"), QStringList{});
    CONVERGED(a, b);
    CONVERGED(a, c);
}

void tst_SyncEngine::blobsInOthersPacksAreNamed()
{
    // R39 d: bob copies alice's big file while carol has yet to read alice's segment (so alice
    // keeps her packs): his copy goes out naming her blobs, nothing uploaded. Once every client
    // read everything, a copy goes out with its own blobs (her packs may be gone by then).
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    for (Client* x : {&a, &b, &c})
        QVERIFY(x->pass().ok());
    const QByteArray image = harness::randomBytes(6 * 1024 * 1024, 51);
    a.write("disk.img", image);
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    b.write("copy.img", image);
    const QStringList before = relay.objects("data/");
    QVERIFY(b.pass().ok());
    QCOMPARE(relay.objects("data/"), before);
    QVERIFY(a.pass().ok());
    QCOMPARE(a.read("copy.img"), image);
    QCOMPARE(a.last().freed, 0); // carol has read neither
    QVERIFY(c.pass().ok());
    QCOMPARE(c.read("copy.img"), image);
    QCOMPARE(c.read("disk.img"), image);
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    QCOMPARE(relay.objects("data/"), QStringList{});

    b.write("second.img", image);
    QVERIFY(b.pass().ok());
    QVERIFY(dataBytes(relay) >= image.size());
    settle({&a, &c, &b}, 2);
    QCOMPARE(a.read("second.img"), image);
    QCOMPARE(c.read("second.img"), image);
    QCOMPARE(relay.objects("data/"), QStringList{});
    CONVERGED(a, b);
    CONVERGED(a, c);
}

void tst_SyncEngine::pullersWaitForLateClient()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob");
    a.config().pullers = 2;
    a.makeEngine();
    a.write("doc.txt", "for everyone");
    settle({&a, &b}, 2);
    // Only bob has it: with pullers = 2 the relay keeps it for a client yet to come.
    QCOMPARE(relay.objects("data/").size(), 1);
    Client c(relay, "carol");
    QVERIFY(c.pass().ok());
    QCOMPARE(c.read("doc.txt"), QByteArray("for everyone"));
    QVERIFY(a.pass().ok());
    QCOMPARE(relay.objects("data/"), QStringList{});
    CONVERGED(a, c);
}

void tst_SyncEngine::lateClientGetsEverythingSentAgain()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob");
    a.write("old/report.txt", "from last year");
    a.write("old/big.bin", QByteArray(1024 * 1024 + 10, 'x'));
    b.write("bob.txt", "bob's");
    settle({&a, &b}, 3);
    QCOMPARE(relay.objects("data/"), QStringList{}); // everyone had it: freed
    // A client that joins months later asks for what is gone, and gets it.
    Client c(relay, "carol");
    QVERIFY(c.pass().ok());
    QVERIFY(!c.exists("old/report.txt"));
    QVERIFY(c.last().problems.join('\n').contains("asked the others to send it again"));
    settle({&a, &b, &c}, 3);
    CONVERGED(a, c);
    CONVERGED(b, c);
    // ... and once carol has it all, the relay is emptied again.
    settle({&a, &b, &c}, 1);
    QCOMPARE(relay.objects("data/"), QStringList{});
}

void tst_SyncEngine::renameReachesClientWithoutTheSource()
{
    // Carol never had the source (filters), so the rename's content is sent to her on request.
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    c.config().exclude = {"*.draft"};
    c.makeEngine();
    a.write("report.draft", "final text");
    settle({&a, &b, &c}, 2);
    QVERIFY(!c.exists("report.draft"));
    QVERIFY(QFile::rename(a.path("report.draft"), a.path("report.txt")));
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().uploaded, 0);
    settle({&b, &c, &a, &b, &c}, 2);
    QCOMPARE(b.read("report.txt"), QByteArray("final text"));
    QCOMPARE(c.read("report.txt"), QByteArray("final text"));
    QVERIFY(!b.exists("report.draft"));
    CONVERGED(a, b);
}

// As Escale runs (a file changed within the last second is being written), a deletion waits until
// files stop disappearing for three times that: a rename's source is gone, its deletion waits.
// The new name goes out as a rename all the same, without its content (R27), and the deletion
// follows; the others move their copy.
void tst_SyncEngine::renameWhileItsDeletionWaits()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.config().settleMs = 1000;
    a.makeEngine();
    qint64 later = 0;
    a.engine().setClock([&later] { return QDateTime::currentMSecsSinceEpoch() + later; });
    const QByteArray photo = harness::randomBytes(300'000, 3);
    a.write("photo.jpg", photo);
    setMtime(a.path("photo.jpg"), 1'700'000'000);
    settle({&a, &b}, 2);
    QCOMPARE(b.read("photo.jpg"), photo);
    QCOMPARE(relay.objects("data/"), QStringList{}); // (freed: bob has it)
    QVERIFY(QFile::rename(a.path("photo.jpg"), a.path("holiday.jpg")));
    QVERIFY(a.pass().ok());
    QVERIFY(!a.last().complete); // the deletion waits
    QCOMPARE(a.last().uploaded, 0);
    QCOMPARE(relay.objects("data/"), QStringList{});
    later = 10'000;
    settle({&a, &b}, 2);
    QCOMPARE(relay.objects("data/"), QStringList{});
    QVERIFY(!b.exists("photo.jpg"));
    QCOMPARE(b.read("holiday.jpg"), photo);
    CONVERGED(a, b);
}

void tst_SyncEngine::clientBackAfterRetention()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    settle({&a, &b, &c}, 1);
    // carol is "silent for too long" once an hour went by on alice's clock since her head last
    // changed, while bob's heads keep changing.
    constexpr qint64 kHour = 3'600'000;
    a.config().retentionMs = kHour;
    a.makeEngine();
    qint64 later = 0;
    a.engine().setClock([&later] { return QDateTime::currentMSecsSinceEpoch() + later; });
    a.write("news.txt", "while carol was away");
    QVERIFY(a.pass().ok()); // alice sees carol's last head
    later = 2 * kHour;
    settle({&b, &a, &b}, 1);
    // alice did not hold the relay copy for carol.
    QCOMPARE(relay.objects("data/"), QStringList{});
    settle({&c, &a, &b, &c}, 2);
    QCOMPARE(c.read("news.txt"), QByteArray("while carol was away"));
    CONVERGED(a, c);
}

void tst_SyncEngine::filters()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob");
    b.config().exclude = {"*.tmp"};
    b.config().excludeDirectories = {"build"};
    b.makeEngine();
    a.write("src/main.c", "code");
    a.write("src/main.tmp", "scratch");
    a.write("build/main.o", "object");
    b.write("notes.tmp", "bob's scratch");
    b.write("build/local.o", "bob's object");
    settle({&a, &b}, 2);
    QCOMPARE(b.read("src/main.c"), QByteArray("code"));
    QVERIFY(!b.exists("src/main.tmp"));
    QVERIFY(!b.exists("build/main.o"));
    QVERIFY(!a.exists("notes.tmp"));
    QVERIFY(!a.exists("build/local.o"));
    // Alice deletes her excluded files: bob's own stay untouched.
    QVERIFY(QDir(a.path("build")).removeRecursively());
    settle({&a, &b}, 2);
    QCOMPARE(b.read("build/local.o"), QByteArray("bob's object"));
    // Bob widens his filters: what was excluded is not taken for deleted on the others.
    b.config().exclude.clear();
    b.config().excludeDirectories = {"nothing"};
    b.makeEngine();
    settle({&b, &a}, 2);
    QCOMPARE(a.read("src/main.tmp"), QByteArray("scratch"));
    QCOMPARE(a.read("notes.tmp"), QByteArray("bob's scratch"));
}

void tst_SyncEngine::tenThousandSmallFiles()
{
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob");
    for (int i = 0; i < 10'000; ++i)
        a.write(QString("d%1/f%2.bin").arg(i % 100, 3, 10, QChar('0')).arg(i),
                QByteArray::number(i).repeated(20));
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().published, 10'100);
    // A pack per segment (2,000 records) holds them all.
    const qsizetype packs = relay.objects("data/").size();
    QVERIFY2(packs >= 1 && packs <= 10'100 / 2000 + 1, qPrintable(QString::number(packs))); // a segment's worth each
    QVERIFY(b.pass().ok());
    QCOMPARE(b.last().downloaded, 10'000);
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().freed, packs);
    CONVERGED(a, b);
}

void tst_SyncEngine::fileBeingWrittenWaits()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.config().settleMs = 60'000; // anything changed in the last minute is "being written"
    a.makeEngine();
    a.write("growing.log", "first line");
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().published, 0);
    QVERIFY(!a.last().complete);                    // the runner comes back soon
    setMtime(a.path("growing.log"), 1'700'000'000); // done writing, long ago
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().published, 1);
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("growing.log"), QByteArray("first line"));
}

void tst_SyncEngine::archiveRetention()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("doc.txt", "v1");
    settle({&a, &b}, 1);
    a.write("doc.txt", "v2, longer");
    settle({&a, &b}, 1);
    // The replaced version is in bob's archive; an old archive folder goes at the next pass.
    QDirIterator kept(b.path(".escale-archive"), QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(kept.hasNext());
    QCOMPARE(readFile(kept.next()), QByteArray("v1"));
    writeFile(b.path(".escale-archive/20200101-000000/old.txt"), "from 2020");
    b.makeEngine(); // a new run prunes at once
    QVERIFY(b.pass().ok());
    QVERIFY(!QFileInfo::exists(b.path(".escale-archive/20200101-000000")));
    QDirIterator still(b.path(".escale-archive"), QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(still.hasNext()); // the recent one stays (30 days by default)
    // 'archive retention = 0' keeps nothing.
    b.config().archiveRetentionMs = 0;
    b.makeEngine();
    QVERIFY(b.pass().ok());
    QCOMPARE(QDir(b.path(".escale-archive")).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList{});
}

void tst_SyncEngine::progressEventsAndPeers()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.config().chunkSize = 256 * 1024;
    a.makeEngine();
    settle({&a, &b}, 1);                // both known to each other
    QByteArray big = harness::randomBytes(3 * 1024 * 1024, 5); // several blobs
    a.write("big.bin", big);
    a.write("notes/one.txt", "one");
    a.write("notes/two.txt", "two!");
    QSignalSpy aProgress(&a.engine(), &sync::SyncEngine::progress);
    QSignalSpy aEvents(&a.engine(), &sync::SyncEngine::fileEvent);
    a.pass();
    QVERIFY(a.last().ok());
    QVERIFY(!aProgress.isEmpty());
    // Every change reported once, as this machine's; the totals known from the start of sending.
    QStringList sent;
    for (const QList<QVariant>& e : std::as_const(aEvents)) {
        const auto event = e.first().value<sync::FileEvent>();
        QCOMPARE(event.kind, sync::FileEvent::Kind::Sent);
        QCOMPARE(event.by, QString("alice"));
        QVERIFY(event.when.isValid());
        sent << event.path;
    }
    sent.sort();
    QCOMPARE(sent, QStringList({"big.bin", "notes/one.txt", "notes/two.txt"}));
    const auto first = aProgress.first().first().value<sync::PassProgress>();
    QCOMPARE(first.filesToSend, 3);
    QCOMPARE(first.bytesToSend, qint64(big.size() + 3 + 4));
    QCOMPARE(first.filesLeft(), 3);
    // The big file's chunks show as they go: some report has part of it sent. What a file shows
    // done is what reached the relay, not what was cut into packs still on their way.
    bool partial = false;
    for (const QList<QVariant>& p : std::as_const(aProgress)) {
        const auto g = p.first().value<sync::PassProgress>();
        if (g.current == "big.bin" && g.currentSending) {
            partial |= g.currentDoneShown() > 0 && g.currentDoneShown() < big.size();
            QVERIFY2(g.currentDoneShown() <= g.bytesSent,
                     qPrintable(QString("%1 shown done, %2 sent").arg(g.currentDoneShown()).arg(g.bytesSent)));
            QVERIFY(g.currentDone <= g.bytesPacked);
        }
        QVERIFY(g.filesSent <= g.filesToSend && g.bytesSent <= g.bytesToSend && g.bytesSent <= g.bytesPacked);
    }
    QVERIFY(partial);

    QSignalSpy bProgress(&b.engine(), &sync::SyncEngine::progress);
    QSignalSpy bEvents(&b.engine(), &sync::SyncEngine::fileEvent);
    b.pass();
    QCOMPARE(b.read("big.bin"), big);
    QCOMPARE(bEvents.size(), 3);
    for (const QList<QVariant>& e : std::as_const(bEvents)) {
        QCOMPARE(e.first().value<sync::FileEvent>().kind, sync::FileEvent::Kind::Received);
        QCOMPARE(e.first().value<sync::FileEvent>().by, QString("alice"));
    }
    int mostReceived = 0;
    qint64 totalBytes = 0;
    for (const QList<QVariant>& p : std::as_const(bProgress)) {
        const auto g = p.first().value<sync::PassProgress>();
        mostReceived = std::max(mostReceived, g.filesToReceive);
        totalBytes = std::max(totalBytes, g.bytesToReceive);
        QVERIFY(g.bytesReceived <= g.bytesToReceive);
    }
    QCOMPARE(mostReceived, 3);
    QCOMPARE(totalBytes, qint64(big.size() + 7));
    // Bob's view of alice after the pass: nothing left to apply from her.
    QCOMPARE(b.last().peers.size(), 1);
    QCOMPARE(b.last().peers.first().name, QString("alice"));
    QCOMPARE(b.last().peers.first().unapplied, quint64(0));
    // Alice's view of bob before he acknowledged in a head she read: her journal waits for him.
    a.pass();
    QCOMPARE(a.last().peers.size(), 1);
    QCOMPARE(a.last().peers.first().name, QString("bob"));

    // A deletion and a conflict, as bob sees them.
    QFile::remove(a.path("notes/one.txt"));
    a.write("notes/two.txt", "alice's two");
    b.write("notes/two.txt", "bob's two");
    a.pass();
    bEvents.clear();
    b.pass();
    QList<sync::FileEvent::Kind> kinds;
    for (const QList<QVariant>& e : std::as_const(bEvents))
        kinds << e.first().value<sync::FileEvent>().kind;
    QVERIFY2(kinds.contains(sync::FileEvent::Kind::Deleted), qPrintable(QString::number(kinds.size())));
    QVERIFY(kinds.contains(sync::FileEvent::Kind::Conflict));
}

void tst_SyncEngine::accessFlags()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.engine().setAccess("private", false, std::nullopt);           // r-: not sent
    a.engine().setAccess("private/shared.txt", true, std::nullopt); // r+ below it wins
    QCOMPARE(a.engine().access("private/x/y.txt").send, false);
    QCOMPARE(a.engine().access("private/x/y.txt").sendSetAt, QString("private"));
    QCOMPARE(a.engine().access("private/shared.txt").send, true);
    QCOMPARE(a.engine().access("other.txt").send, true);
    QCOMPARE(a.engine().access("other.txt").sendSetAt, QString());
    a.write("private/diary.txt", "secret");
    a.write("private/shared.txt", "for bob");
    a.write("readonly.txt", "v1");
    settle({&a, &b}, 2);
    QVERIFY(!b.exists("private/diary.txt"));
    QCOMPARE(b.read("private/shared.txt"), QByteArray("for bob"));
    QCOMPARE(b.read("readonly.txt"), QByteArray("v1"));
    // w- on bob: what alice changes no longer lands there; the rest still does.
    b.engine().setAccess("readonly.txt", std::nullopt, false);
    QCOMPARE(b.engine().access("readonly.txt").receive, false);
    a.write("readonly.txt", "v2");
    a.write("new.txt", "new");
    settle({&a, &b}, 2);
    QCOMPARE(b.read("readonly.txt"), QByteArray("v1"));
    QCOMPARE(b.read("new.txt"), QByteArray("new"));
    // Clearing the flag: the file catches up without waiting for another change, from the
    // version already known; its content was freed (bob had acknowledged it), so bob asks for it
    // again (R23) and alice sends it.
    b.engine().setAccess("readonly.txt", std::nullopt, std::nullopt);
    QVERIFY(settleUntil(
        {&b, &a}, [&] { return b.read("readonly.txt") == "v2"; }, 3));
    // The flags written into the database by another process count from the next pass.
    {
        state::StateDb other;
        QString error;
        QVERIFY2(other.open(b.statePath(), error), qPrintable(error));
        other.setAccess("readonly.txt", state::StateDb::Access{std::nullopt, false});
    }
    a.write("readonly.txt", "v3");
    settle({&a, &b}, 2);
    QCOMPARE(b.read("readonly.txt"), QByteArray("v2"));
    b.engine().setAccess("readonly.txt", std::nullopt, std::nullopt);
    a.write("readonly.txt", "v4");
    settle({&a, &b}, 2);
    QCOMPARE(b.read("readonly.txt"), QByteArray("v4"));
    // A flag turned back on while Escale is not running (escalectl, then a start; model seed
    // 800015: the flags were taken as the ones the folder matched, and what arrived while it was
    // off never came).
    b.engine().setAccess("readonly.txt", std::nullopt, false);
    a.write("readonly.txt", "v5");
    settle({&a, &b}, 2);
    QCOMPARE(b.read("readonly.txt"), QByteArray("v4"));
    {
        state::StateDb other;
        QString error;
        QVERIFY2(other.open(b.statePath(), error), qPrintable(error));
        other.setAccess("readonly.txt", state::StateDb::Access{std::nullopt, std::nullopt});
    }
    b.makeEngine(); // a new start
    QVERIFY(settleUntil(
        {&b, &a}, [&] { return b.read("readonly.txt") == "v5"; }, 3));
}

void tst_SyncEngine::conservativeMode()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob", SyncMode::Conservative);
    a.write("theirs.txt", "t1");
    a.write("mine.txt", "m1");
    settle({&a, &b}, 2);
    b.write("mine.txt", "bob's edit");
    settle({&b, &a}, 2);
    QCOMPARE(a.read("mine.txt"), QByteArray("bob's edit")); // conservative clients still send
    a.write("mine.txt", "alice overwrites");
    a.write("theirs.txt", "t2");
    settle({&a, &b}, 2);
    QCOMPARE(b.read("mine.txt"), QByteArray("bob's edit")); // never overwritten on bob
    QCOMPARE(b.read("theirs.txt"), QByteArray("t2"));       // files bob did not change follow
}

void tst_SyncEngine::massDeletionWaitsForConfirmation()
{
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob");
    for (int i = 0; i < 20; ++i)
        a.write(QString("f%1.txt").arg(i), "x");
    settle({&a, &b}, 2);
    for (int i = 0; i < 15; ++i)
        QVERIFY(QFile::remove(a.path(QString("f%1.txt").arg(i))));
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().deletionsHeld, 15);
    QVERIFY(b.pass().ok());
    QCOMPARE(b.tree().size(), 20); // nothing deleted elsewhere
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().deletionsHeld, 15); // still waiting
    a.engine().confirmDeletions();
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().deletionsHeld, 0);
    QVERIFY(b.pass().ok());
    QCOMPARE(b.tree().size(), 5);
    CONVERGED(a, b);
    // A few deletions pass without asking.
    QVERIFY(QFile::remove(a.path("f15.txt")));
    settle({&a, &b}, 1);
    QCOMPARE(a.last().deletionsHeld, 0);
    QVERIFY(!b.exists("f15.txt"));
}

void tst_SyncEngine::unmountedFolderIsRefused()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("data.txt", "precious");
    settle({&a, &b}, 2);
    // The disk is unmounted: the mount point is an empty folder.
    QVERIFY(QDir(a.path()).removeRecursively());
    QVERIFY(QDir().mkpath(a.path()));
    const auto r = a.pass();
    QCOMPARE(r.status, escale::sync::PassResult::Status::LocalFolder);
    QVERIFY2(r.error.contains("lost its marker .escale-folder"), qPrintable(r.error));
    QVERIFY(r.markerLost); // the windows offer to confirm
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("data.txt"), QByteArray("precious"));
    QVERIFY(!a.exists("data.txt")); // and nothing was written into the bare mount point either
}

void tst_SyncEngine::quotaBackPressure()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.config().diskQuota = qint64(3) * 1024 * 1024 + 512 * 1024; // 3.5 MiB
    a.makeEngine();
    settle({&a, &b}, 1);
    for (int i = 0; i < 6; ++i)
        a.write(QString("part%1.bin").arg(i), QByteArray(1024 * 1024, char('0' + i)));
    int rounds = 0;
    bool saidOnce = false;
    while (b.tree().size() < 6 && rounds++ < 12) {
        QVERIFY(a.pass().ok());
        QVERIFY2(relay.store()->totalBytes() < 4 * 1024 * 1024, "the relay went over the quota");
        // Files left waiting are one line for the pass, however many (not one per file).
        const QStringList waiting = a.last().problems.filter("waiting for relay space");
        QVERIFY2(waiting.size() <= 1, qPrintable(waiting.join("\n")));
        if (rounds == 1) {
            QVERIFY(a.last().waitingForSpace);
            QCOMPARE(waiting.size(), 1);
            QVERIFY2(waiting.first().contains(" files (") && waiting.first().contains("of 'disk quota' in use"),
                     qPrintable(waiting.first()));
            saidOnce = true;
        }
        QVERIFY(b.pass().ok());
    }
    QCOMPARE(b.tree().size(), 6);
    QVERIFY(saidOnce);
    QVERIFY(rounds > 1); // it took several rounds: the quota held uploads back
    settle({&a, &b}, 1);
    CONVERGED(a, b);
}


void tst_SyncEngine::fileLargerThanQuotaPassesInPieces()
{
    // A file larger than the relay's quota goes in pieces that the others take in turn (R28);
    // the relay never holds more than the quota, and no partial file appears under its name.
    QFETCH(QString, kind);
    Relay relay(kind);
    const qint64 quota = 4 * 1024 * 1024;
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    for (Client* x : {&a, &b, &c}) {
        x->config().diskQuota = quota;
        x->makeEngine();
    }
    settle({&a, &b, &c}, 1);
    QByteArray big(10 * 1024 * 1024 + 12345, Qt::Uninitialized);
    QRandomGenerator rng(7);
    rng.fillRange(reinterpret_cast<quint32*>(big.data()), big.size() / 4);
    a.write("media/big.bin", big);
    a.write("small.txt", "goes along");
    bool sawPartial = false;
    int rounds = 0;
    while ((b.read("media/big.bin") != big || c.read("media/big.bin") != big) && rounds++ < 30) {
        QVERIFY(a.pass().ok());
        QVERIFY2(dataBytes(relay) <= quota, "the relay went over the quota");
        QVERIFY(b.pass().ok());
        QVERIFY(c.pass().ok());
        for (Client* x : {&b, &c})
            QVERIFY(!x->exists("media/big.bin") || x->read("media/big.bin") == big);
        sawPartial = sawPartial || hasPartial(b);
        if (rounds == 2)
            b.makeEngine(); // a restart in the middle keeps what came so far
    }
    QVERIFY2(rounds > 2 && rounds < 30, qPrintable(QString::number(rounds)));
    QVERIFY(sawPartial);
    settle({&a, &b, &c}, 2);
    QCOMPARE(b.read("small.txt"), QByteArray("goes along"));
    CONVERGED(a, b);
    CONVERGED(b, c);
    QCOMPARE(dataBytes(relay), 0);
    QVERIFY(!hasPartial(b) && !hasPartial(c));

    // A newcomer asks for it; it comes again in pieces, still under the quota.
    Client d(relay, "dave");
    d.config().diskQuota = quota;
    d.makeEngine();
    rounds = 0;
    while (d.read("media/big.bin") != big && rounds++ < 30) {
        d.pass();
        a.pass();
        QVERIFY2(dataBytes(relay) <= quota, "the relay went over the quota");
        b.pass();
        c.pass();
        QVERIFY(!d.exists("media/big.bin") || d.read("media/big.bin") == big);
    }
    QCOMPARE(d.read("media/big.bin"), big);
    settle({&a, &b, &c, &d}, 2);
    CONVERGED(a, d);
    QCOMPARE(dataBytes(relay), 0);
    QVERIFY(!hasPartial(d));
}

// A file sent in pieces over several passes (R28) is changed in place between two of them, keeping
// its size, time and inode: no piece's read says so, but the pieces no longer make the content the
// record names. Its last piece is not published under that name (every reader would fail the
// assembled file's check and ask again, for ever, its sender reading the same changed bytes): the
// file is read again, and what it holds goes out.
void tst_SyncEngine::fileInPiecesChangedInPlaceMeanwhile()
{
    Relay relay("memory");
    const qint64 quota = 4 * 1024 * 1024;
    Client a(relay, "alice"), b(relay, "bob");
    for (Client* x : {&a, &b}) {
        x->config().diskQuota = quota;
        x->makeEngine();
    }
    settle({&a, &b}, 1);
    QByteArray big(10 * 1024 * 1024 + 12345, Qt::Uninitialized);
    QRandomGenerator(11).fillRange(reinterpret_cast<quint32*>(big.data()), big.size() / 4);
    a.write("big.bin", big);
    setMtime(a.path("big.bin"), 1'700'000'000);
    QVERIFY(a.pass().ok()); // its first piece
    QVERIFY(b.pass().ok());
    QByteArray changed = big;
    changed.replace(9 * 1024 * 1024, 6, "change");
    {
        QFile f(a.path("big.bin"));
        QVERIFY(f.open(QIODevice::ReadWrite)); // in place: the same inode
        QVERIFY(f.seek(9 * 1024 * 1024));
        QCOMPARE(f.write("change"), qint64(6));
    }
    setMtime(a.path("big.bin"), 1'700'000'000);
    int rounds = 0;
    while (b.read("big.bin") != changed && rounds++ < 30) {
        QVERIFY(a.pass().ok());
        QVERIFY2(dataBytes(relay) <= quota, "the relay went over the quota");
        QVERIFY(b.pass().ok());
        QVERIFY2(b.last().problems.filter("failed its check").isEmpty(),
                 qPrintable(b.last().problems.join('\n')));
        QVERIFY(!b.exists("big.bin") || b.read("big.bin") == changed);
    }
    QVERIFY2(b.read("big.bin") == changed, qPrintable(QString::number(rounds)));
    settle({&a, &b}, 2);
    CONVERGED(a, b);
    QCOMPARE(dataBytes(relay), 0);
}

void tst_SyncEngine::journalsShrinkAndNewcomersUseSnapshots()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob");
    a.engine().setSnapshotInterval(3);
    for (int round = 0; round < 8; ++round) {
        a.write(QString("r%1.txt").arg(round), QByteArray::number(round).repeated(100));
        if (round % 3 == 0)
            QVERIFY(QFile::remove(a.path(QString("r%1.txt").arg(round))) || round == 0);
        settle({&a, &b}, 1);
    }
    settle({&a, &b}, 2);
    CONVERGED(a, b);
    // alice's journal lost the segments her snapshot covers and bob read.
    const QStringList journal = relay.objects("journal/" + a.engine().clientId() + "/");
    QVERIFY2(journal.size() < 4, qPrintable(journal.join(", ")));
    QCOMPARE(relay.objects("snapshots/" + a.engine().clientId() + "/").size(), 1);
    // A newcomer starts from the snapshot, then gets the content sent again.
    Client c(relay, "carol");
    QVERIFY(settleUntil(
        {&c, &a, &b}, [&] { return c.tree() == a.tree(); }, 6));
    QVERIFY(c.tree().size() > 3);
}

void tst_SyncEngine::clientBackAfterJournalDeleted()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    settle({&a, &b, &c}, 1);
    // carol is soon inactive (an hour without a new head, on alice's clock): nobody waits for her.
    constexpr qint64 kHour = 3'600'000;
    a.config().retentionMs = kHour;
    a.makeEngine();
    a.engine().setSnapshotInterval(2);
    qint64 later = 0;
    a.engine().setClock([&later] { return QDateTime::currentMSecsSinceEpoch() + later; });
    for (int i = 0; i < 6; ++i) {
        a.write(QString("while-away-%1.txt").arg(i), "news");
        settle({&a, &b}, 1);
        later = 2 * kHour; // alice has seen carol's last head
    }
    settle({&a, &b}, 1);
    QVERIFY(relay.objects("journal/" + a.engine().clientId() + "/").size() < 6);
    QVERIFY(settleUntil(
        {&c, &a, &b}, [&] { return c.tree() == a.tree(); }, 6));
}

void tst_SyncEngine::idlePollIsOneListing()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("x.txt", "x");
    settle({&a, &b}, 3);
    relay.store()->resetCounters();
    QVERIFY(a.pass().ok());
    // An idle pass lists the heads and nothing more (R11).
    const auto counters = relay.store()->counters();
    QCOMPARE(counters.list, 1);
    QCOMPARE(counters.total(), 1);
}

void tst_SyncEngine::modes()
{
    QFETCH(QString, kind);
    Relay relay(kind);
    Client sender(relay, "sender", SyncMode::Upload), receiver(relay, "receiver", SyncMode::Download),
        both(relay, "both");
    sender.write("from-sender.txt", "s");
    receiver.write("from-receiver.txt", "r");
    both.write("from-both.txt", "b");
    settle({&sender, &receiver, &both}, 3);
    // upload: sends, never writes locally; download: receives, never sends.
    QVERIFY(!sender.exists("from-both.txt"));
    QCOMPARE(receiver.read("from-sender.txt"), QByteArray("s"));
    QCOMPARE(receiver.read("from-both.txt"), QByteArray("b"));
    QCOMPARE(both.read("from-sender.txt"), QByteArray("s"));
    QVERIFY(!both.exists("from-receiver.txt"));
    QVERIFY(!sender.exists("from-receiver.txt"));
}

void tst_SyncEngine::restartResumesWithoutRehash()
{
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob");
    for (int i = 0; i < 50; ++i)
        a.write(QString("d/f%1").arg(i), QByteArray(100, char(i)));
    settle({&a, &b}, 1);
    const QString id = a.engine().clientId();
    a.makeEngine(); // a restart: same state database
    QCOMPARE(a.engine().clientId(), id);
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().published, 0);
    QCOMPARE(a.last().uploaded, 0);
    CONVERGED(a, b);
}

void tst_SyncEngine::tamperedChunkIsNeverWritten_data()
{
    QTest::addColumn<bool>("big"); // cut into several blobs, of which the edit changes the first
    QTest::addColumn<int>("transfers");
    QTest::addColumn<bool>("encrypted");
    QTest::newRow("one blob") << false << 4 << false;
    QTest::newRow("big file, parallel downloads") << true << 4 << false;
    QTest::newRow("big file, one at a time") << true << 1 << false;
    QTest::newRow("big file, encrypted, parallel") << true << 4 << true;
}

void tst_SyncEngine::tamperedChunkIsNeverWritten()
{
    QFETCH(bool, big);
    QFETCH(int, transfers);
    QFETCH(bool, encrypted);
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    b.config().transfers = transfers;
    b.makeEngine();
    if (encrypted) {
        a.encrypt("secret");
        b.encrypt("secret");
    }
    QByteArray content(big ? 5 * 1024 * 1024 + 4321 : 16, Qt::Uninitialized);
    QRandomGenerator rng(11);
    rng.fillRange(reinterpret_cast<quint32*>(content.data()), content.size() / 4);
    a.write("secret.bin", content);
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("secret.bin"), content); // both clients set up
    const QStringList first = relay.objects("data/");
    content[5] = 'x';
    a.write("secret.bin", content);
    QVERIFY(a.pass().ok());
    // The edit changed the first blob only: the new pack holds it, the others are named where they
    // were (R39); a small file's old pack was freed (bob had it).
    QStringList fresh = relay.objects("data/");
    fresh.removeIf([&](const QString& o) { return first.contains(o); });
    QCOMPARE(fresh.size(), 1);
    // The old pack that held only the old first blob is freed (bob had it); one that also holds a
    // blob the new version names is kept.
    const qsizetype now = relay.objects("data/").size();
    QVERIFY2(big ? now == first.size() + 1 || now == first.size() : now == 1, qPrintable(QString::number(now)));
    const QString target = fresh.first();
    const QByteArray before = b.read("secret.bin");
    const QByteArray honest = relay.object(target);
    QByteArray altered = honest;
    altered[altered.size() / 2] = char(altered.at(altered.size() / 2) ^ 0x20);
    relay.setObject(target, altered);
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("secret.bin"), before); // the old version stays whole
    QVERIFY(!b.last().complete);
    QVERIFY2(b.last().problems.join('\n').contains("failed its check"),
             qPrintable(b.last().problems.join('\n')));
    for (const QString& name : b.tree().keys())
        QVERIFY2(name == "secret.bin", qPrintable(name)); // no partial file visible
    // The honest content comes back: B gets it on its next pass.
    relay.setObject(target, honest);
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("secret.bin"), content);
}

namespace {
// Writes a journal segment and a head on the relay as a hostile client would.
// A record of the forged client `id` ("mallory") at `path`: its first version there.
escale::protocol::JournalRecord forgedRecord(const QString& id, const QString& path)
{
    escale::protocol::JournalRecord r;
    r.path = path;
    r.vv = escale::protocol::VersionVector().incremented(id);
    r.origin = id;
    r.originName = "mallory";
    return r;
}

void forgeClient(const Relay& relay, const QString& id, const QString& name,
                 const QList<QJsonObject>& records)
{
    escale::protocol::TextObject segment;
    segment.header = QJsonObject{{"format", 1}, {"type", "journal"}, {"client", id}, {"seq", 1}};
    segment.records = records;
    relay.setObject(escale::protocol::layout::journalPath(id, 1), segment.encode());
    escale::protocol::Head head;
    head.client = id;
    head.generation = 1;
    head.name = name;
    head.journal = 1;
    escale::protocol::TextObject headText;
    headText.header = head.toJson();
    relay.setObject(escale::protocol::layout::headPath(id, 1), headText.encode());
}
} // namespace

void tst_SyncEngine::hostileJournalPathsAreRefused()
{
    Relay relay("file");
    Client victim(relay, "victim");
    QVERIFY(victim.pass().ok());
    QTemporaryDir outside;
    // A forged client with a journal that tries to write outside the folder.
    const QString evil = "00000000000000ee";
    QList<QJsonObject> records;
    for (const QString& path :
         {QString("../escaped.txt"), outside.filePath("abs.txt"), QString("a/../../x.txt"),
          QString("ok/../../../etc/x"), QString(".escale-tmp-x"), QString("fine.txt")}) {
        escale::protocol::JournalRecord r = forgedRecord(evil, path);
        r.kind = escale::protocol::JournalRecord::Kind::Directory;
        records.append(r.toJson());
    }
    forgeClient(relay, evil, "mallory", records);

    QVERIFY(victim.pass().ok());
    QCOMPARE(victim.last().problems.filter("refused a path from mallory").size(), 5);
    QVERIFY(QFileInfo(victim.path("fine.txt")).isDir());
    QVERIFY(!QFile::exists(QFileInfo(victim.path()).dir().filePath("escaped.txt")));
    QVERIFY(!QFile::exists(outside.filePath("abs.txt")));
    QCOMPARE(QDir(outside.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{});
}

// A forged client names the first half of a pack's blob under the whole blob's hash. The receiver,
// which checks the blobs of a range fetched ahead on other threads, never takes those 4 KiB for
// that content: the check is of the very bytes each record names (offset and length), whichever
// record of the range is taken first.
void tst_SyncEngine::aBlobIsCheckedAsTheBytesItNames()
{
    Relay relay("file");
    Client victim(relay, "victim");
    QVERIFY(victim.pass().ok());
    const QString evil = "00000000000000ed";
    const QByteArray blob = harness::randomBytes(8192, 7);
    const QByteArray hash = QCryptographicHash::hash(blob, QCryptographicHash::Sha256);
    const QString pack = "0123456789abcdef0123456789abcde0";
    relay.setObject(escale::protocol::layout::dataPath(pack), blob);
    QList<QJsonObject> records;
    for (const auto& [path, length] : {std::pair{QString("a-half.bin"), 4096}, std::pair{QString("b-whole.bin"), 8192}}) {
        escale::protocol::JournalRecord r = forgedRecord(evil, path);
        r.size = length;
        r.hash = hash;
        r.blobs = {escale::protocol::BlobRef{pack, 0, length, hash, false}};
        records.append(r.toJson());
    }
    forgeClient(relay, evil, "mallory", records);
    victim.pass();
    victim.pass();
    QCOMPARE(victim.read("b-whole.bin"), blob);
    QVERIFY(!QFile::exists(victim.path("a-half.bin")));
    QVERIFY2(!victim.last().problems.filter("a-half.bin").isEmpty(), qPrintable(victim.last().problems.join('\n')));
}

void tst_SyncEngine::aDamagedBlobOfABigFileIsAskedAgain_data()
{
    QTest::addColumn<bool>("basis"); // bob holds the older version: its blobs are taken from his folder
    QTest::newRow("a new file") << false;
    QTest::newRow("an edit of a file bob holds") << true;
}

// A big file's blobs are checked with the whole file, not one by one as well (R40). One byte
// damaged on the relay in a plain repository (no encryption to refuse it) fails the whole; the
// file is fetched again with each blob checked, which names the damaged one: the file is asked for
// again (R23) and arrives as written, and bob's folder never holds the damaged bytes.
void tst_SyncEngine::aDamagedBlobOfABigFileIsAskedAgain()
{
    QFETCH(bool, basis);
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob");
    QByteArray big = harness::randomBytes(4 * 1024 * 1024, 33);
    if (basis) {
        a.write("big.bin", big);
        settle({&a, &b}, 2);
        big.replace(2 * 1024 * 1024, 4096, harness::randomBytes(4096, 34)); // one blob or two change
        big.append(harness::randomBytes(3 * 1024 * 1024, 35));              // and new ones at the end
    }
    a.write("big.bin", big);
    const QStringList before = relay.objects("data/");
    QVERIFY(a.pass().ok());
    QString pack; // the largest written now
    for (const QString& o : relay.objects("data/"))
        if (!before.contains(o) && (pack.isEmpty() || relay.object(o).size() > relay.object(pack).size()))
            pack = o;
    QVERIFY(!pack.isEmpty());
    QByteArray damaged = relay.object(pack);
    QVERIFY(damaged.size() > 1024 * 1024);
    damaged[damaged.size() - 1000] = char(damaged[damaged.size() - 1000] ^ 0x40);
    relay.setObject(pack, damaged);
    b.pass();
    QVERIFY2(!b.last().problems.filter("a chunk from the relay failed its check").isEmpty(),
             qPrintable(b.last().problems.join('\n')));
    if (basis)
        QCOMPARE(b.read("big.bin").size(), 4 * 1024 * 1024); // the older version, as it was
    else
        QVERIFY(!b.exists("big.bin"));
    settle({&a, &b}, 4);
    QCOMPARE(b.read("big.bin"), big);
    CONVERGED(a, b);
}

void tst_SyncEngine::formatOneIsUpgradedInPlace()
{
    // R43: a repository of format 1 (whole chunks, format-1 text objects) is read as it is; the first
    // client of format 2 rewrites its header (format 2, all else unchanged) and from then on writes
    // blobs in packs; another newcomer reads both formats.
    QFETCH(QString, kind);
    Relay relay(kind);
    const QByteArray header =
        R"({"format":1,"repository":"abcdefabcdefabcdefabcdefabcdef01","created":"2026-01-01T00:00:00Z","encryption":"off"})";
    relay.setObject(escale::protocol::layout::headerPath(), header + "\n");
    const QString old = "00000000000000f1";
    QByteArray big = harness::randomBytes(1'500'000, 21);
    const QByteArray small = "written by Escale of format 1";
    auto sha = [](const QByteArray& b) { return QCryptographicHash::hash(b, QCryptographicHash::Sha256); };
    const QString c1 = "f1f1f1f1f1f1f1f1f1f1f1f1" + QString("00000001"), c2 = "f1f1f1f1f1f1f1f1f1f1f1f1" + QString("00000002"),
                  c3 = "f1f1f1f1f1f1f1f1f1f1f1f1" + QString("00000003");
    relay.setObject(escale::protocol::layout::dataPath(c1), small);
    relay.setObject(escale::protocol::layout::dataPath(c2), big.left(1'000'000));
    relay.setObject(escale::protocol::layout::dataPath(c3), big.mid(1'000'000));
    QList<QJsonObject> records;
    auto file = [&](const QString& path, const QByteArray& content, const QList<escale::protocol::BlobRef>& chunks,
                    int counter) {
        escale::protocol::JournalRecord r;
        r.path = path;
        for (int i = 0; i < counter; ++i)
            r.vv = r.vv.incremented(old);
        r.origin = old;
        r.originName = "older";
        r.size = content.size();
        r.hash = sha(content);
        r.blobs = chunks;
        records.append(r.toJson());
        QVERIFY(records.last().contains("chunks")); // format 1's form
    };
    file("notes.txt", small, {{c1, 0, small.size(), sha(small), true}}, 1);
    file("media/big.bin", big,
         {{c2, 0, 1'000'000, sha(big.left(1'000'000)), true}, {c3, 0, 500'000, sha(big.mid(1'000'000)), true}}, 2);
    forgeClient(relay, old, "older", records);

    Client a(relay, "alice");
    QVERIFY(a.pass().ok());
    QCOMPARE(a.read("notes.txt"), small);
    QCOMPARE(a.read("media/big.bin"), big);
    // The header says format 2, and only that changed.
    QString error;
    const auto upgraded = escale::protocol::RepositoryHeader::fromBytes(
        relay.object(escale::protocol::layout::headerPath()), error);
    QVERIFY2(upgraded, qPrintable(error));
    QCOMPARE(upgraded->format, 2);
    auto before = escale::protocol::RepositoryHeader::fromBytes(header, error);
    before->format = 2;
    QCOMPARE(upgraded->toBytes(), before->toBytes());
    // What alice writes is format 2: blobs in a pack, named by a format-2 segment.
    a.write("new.txt", "written by Escale of format 2");
    big.append("an appended tail");
    a.write("media/big.bin", big);
    QVERIFY(a.pass().ok());
    QStringList segments = relay.objects("journal/" + a.engine().clientId() + "/");
    QVERIFY(!segments.isEmpty());
    QByteArray text = relay.object(segments.last());
    if (text.startsWith('z')) // compressed (R8a)
        text = qUncompress(text.mid(1));
    QVERIFY2(text.left(text.indexOf('\n')).contains("\"format\":2,"), text.left(80).constData());
    QVERIFY2(text.contains("\"blobs\"") && !text.contains("\"chunks\""), text.constData());
    // A newcomer reads the format-1 journal and alice's format-2 one.
    Client b(relay, "bob");
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("notes.txt"), small);
    QCOMPARE(b.read("new.txt"), QByteArray("written by Escale of format 2"));
    QCOMPARE(b.read("media/big.bin"), big);
    CONVERGED(a, b);
}

void tst_SyncEngine::encryptedUpgradeKeepsTheKey()
{
    // The format is not bound to the key (R43): an encrypted format-1 header, upgraded, opens with
    // the same passphrase, for the client that upgraded it and for one that had it open before.
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.encrypt("the passphrase");
    b.encrypt("the passphrase");
    a.write("secret.txt", "kept secret");
    QVERIFY(a.pass().ok());
    QByteArray header = relay.object(escale::protocol::layout::headerPath());
    QVERIFY(header.contains("\"format\":2"));
    header.replace("\"format\":2", "\"format\":1"); // as Escale of format 1 wrote it
    relay.setObject(escale::protocol::layout::headerPath(), header);
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("secret.txt"), QByteArray("kept secret"));
    QByteArray now = relay.object(escale::protocol::layout::headerPath());
    QVERIFY(now.contains("\"format\":2"));
    now.replace("\"format\":2", "\"format\":1");
    QCOMPARE(now, header); // nothing else changed
    b.write("reply.txt", "also secret");
    QVERIFY(b.pass().ok());
    a.makeEngine(); // a restart: the key opened again from the upgraded header
    QVERIFY(a.pass().ok());
    QCOMPARE(a.read("reply.txt"), QByteArray("also secret"));
    CONVERGED(a, b);
}

void tst_SyncEngine::blobsInPacksAreRead()
{
    // Records of format 2 (relay-format.md R38, R40), as a client writing packs publishes them:
    // each blob is read as a part of its pack and checked; one that fails its check, or lies past
    // its pack's end, is never written and its content is asked for again; the rest applies.
    QFETCH(QString, kind);
    Relay relay(kind);
    Client reader(relay, "reader");
    QVERIFY(reader.pass().ok());
    const QString writer = "00000000000000aa";
    const QString pack1 = "11111111111111111111111100000000";
    const QString pack2 = "22222222222222222222222200000000";
    auto bytes = [](int n, int seed) {
        QByteArray b(n, Qt::Uninitialized);
        for (int i = 0; i < n; ++i)
            b[i] = char((i * 37 + seed * 11) ^ (i >> 7));
        return b;
    };
    const QByteArray small1 = bytes(5000, 1), small2 = bytes(70'000, 2), bigHead = bytes(300'000, 3),
                     bigTail = bytes(123'457, 4), bad = bytes(1000, 5), late = bytes(2000, 6);
    relay.setObject(escale::protocol::layout::dataPath(pack1), small1 + small2 + bigHead + bad);
    relay.setObject(escale::protocol::layout::dataPath(pack2), late + bigTail);
    auto sha = [](const QByteArray& b) { return QCryptographicHash::hash(b, QCryptographicHash::Sha256); };
    QList<QJsonObject> records;
    int counter = 0;
    auto file = [&](const QString& path, const QByteArray& content, QList<escale::protocol::BlobRef> blobs) {
        escale::protocol::JournalRecord r;
        r.path = path;
        r.vv = escale::protocol::VersionVector();
        for (int i = 0; i <= counter; ++i)
            r.vv = r.vv.incremented(writer);
        ++counter;
        r.origin = writer;
        r.originName = "packer";
        r.size = content.size();
        r.hash = sha(content);
        for (escale::protocol::BlobRef& b : blobs)
            b.whole = false;
        r.blobs = blobs;
        records.append(r.toJson());
        QVERIFY(records.last().contains("blobs"));
    };
    const qint64 at2 = small1.size(), at3 = at2 + small2.size(), at4 = at3 + bigHead.size();
    file("one.txt", small1, {{pack1, 0, small1.size(), sha(small1)}});
    file("docs/two.bin", small2, {{pack1, at2, small2.size(), sha(small2)}});
    file("big.bin", bigHead + bigTail,
         {{pack1, at3, bigHead.size(), sha(bigHead)}, {pack2, late.size(), bigTail.size(), sha(bigTail)}});
    file("late.txt", late, {{pack2, 0, late.size(), sha(late)}});
    // Its blob's hash says other bytes than the pack holds there; another runs past its pack.
    file("tampered.txt", bad, {{pack1, at4, bad.size(), sha(small1.left(1000))}});
    file("beyond.txt", bad, {{pack1, at4 + 500, bad.size(), sha(bad)}});
    forgeClient(relay, writer, "packer", records);

    if (kind == "memory")
        relay.store()->resetCounters();
    const auto result = reader.pass();
    QVERIFY(result.ok());
    QCOMPARE(reader.read("one.txt"), small1);
    QCOMPARE(reader.read("docs/two.bin"), small2);
    QCOMPARE(reader.read("big.bin"), bigHead + bigTail);
    QCOMPARE(reader.read("late.txt"), late);
    QVERIFY(!reader.exists("tampered.txt"));
    QVERIFY(!reader.exists("beyond.txt"));
    QCOMPARE(result.problems.filter("no longer on the relay").size() + result.problems.filter("failed its check").size(),
             2);
    if (kind == "memory") // parts, not whole packs
        QVERIFY2(relay.store()->counters().getRange >= 7, qPrintable(QString::number(relay.store()->counters().getRange)));
}

void tst_SyncEngine::symlinkTricksAreRefused()
{
    Relay relay("file");
    Client victim(relay, "victim");
    QTemporaryDir outside;
    QVERIFY(QFile::link(outside.path(), victim.path("link"))); // a link inside the folder
    QVERIFY(victim.pass().ok());
    // A forged client publishes content for paths under that link.
    const QString evil = "00000000000000ef";
    const QByteArray content = "overwritten!";
    const QString chunk = "0123456789abcdef0123456789abcdef";
    relay.setObject(escale::protocol::layout::dataPath(chunk), content);
    QList<QJsonObject> records;
    auto record = [&](const QString& path, escale::protocol::JournalRecord::Kind kind) {
        escale::protocol::JournalRecord r = forgedRecord(evil, path);
        r.kind = kind;
        if (kind == escale::protocol::JournalRecord::Kind::File) {
            r.size = content.size();
            r.hash = QCryptographicHash::hash(content, QCryptographicHash::Sha256);
            r.blobs = {escale::protocol::BlobRef{chunk, 0, content.size(), r.hash}};
        }
        records.append(r.toJson());
    };
    record("link/evil.txt", escale::protocol::JournalRecord::Kind::File);
    record("link/sub", escale::protocol::JournalRecord::Kind::Directory);
    record("link", escale::protocol::JournalRecord::Kind::Deleted);
    record("ok/inside.txt", escale::protocol::JournalRecord::Kind::File);
    forgeClient(relay, evil, "mallory", records);

    QVERIFY(victim.pass().ok());
    // Nothing is written through the link: it goes to the archive, and a real folder takes its
    // name (another machine has a folder there), holding what the journal says.
    QCOMPARE(QDir(outside.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{});
    QVERIFY(!QFileInfo(victim.path("link")).isSymLink());
    QVERIFY(QFileInfo(victim.path("link")).isDir());
    QCOMPARE(victim.read("link/evil.txt"), content);
    QDirIterator archived(victim.path(".escale-archive"), QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot,
                          QDirIterator::Subdirectories);
    QStringList links;
    while (archived.hasNext())
        if (archived.next(), archived.fileInfo().isSymLink())
            links << archived.fileInfo().symLinkTarget();
    QCOMPARE(links, QStringList{outside.path()}); // the link itself, kept
    QCOMPARE(victim.read("ok/inside.txt"), content); // the rest of the journal applies
}

void tst_SyncEngine::forwardReadWhileWrittenIsFollowed()
{
    // Some servers (s3rver, a share) let a read see an object still being written: a forwarding
    // record read cut short is read again, not refused as forged, and the move is followed.
    Relay relay("folder");
    Client a(relay, "alice");
    a.write("x", "x");
    QVERIFY(a.pass().ok());
    QTemporaryDir moved;
    const QString to = moved.filePath("relay2");
    QVERIFY(QDir().mkpath(to));
    for (const QString& o : relay.objects()) {
        QVERIFY(QDir().mkpath(QFileInfo(to + "/" + o).path()));
        QVERIFY(QFile::copy(relay.folder() + "/" + o, to + "/" + o));
    }
    protocol::Forward forward;
    forward.repository = a.engine().database().meta(state::Meta::Repository);
    forward.address = to;
    relay.setObject(protocol::layout::forwardPath(), protocol::encodeForward(forward));
    const QStringList before = relay.objects();
    const qsizetype copied = harness::tree(to).size();
    a.write("y", "after the move");
    a.faults().truncateNextGets(2);
    auto r = a.pass();
    QVERIFY2(r.status != escale::sync::PassResult::Status::Refused, qPrintable(r.error));
    for (int i = 0; i < 3 && !(r.ok() && r.complete); ++i)
        r = a.pass();
    QVERIFY2(r.ok(), qPrintable(r.error));
    // Nothing more written on the old relay; the new one got alice's new version.
    QCOMPARE(relay.objects(), before);
    QVERIFY2(harness::tree(to).size() > copied, qPrintable(QString::number(harness::tree(to).size())));
}

void tst_SyncEngine::repositoryMismatchesAreRefused()
{
    Relay relay("memory");
    Client a(relay, "alice");
    a.write("x", "x");
    QVERIFY(a.pass().ok());
    // Another repository takes the relay's place while the client runs: its own head is gone,
    // so it checks the header again, refuses, and changes nothing.
    for (const QString& o : relay.objects())
        relay.removeObject(o);
    relay.setObject(
        "escale-repository.json",
        R"({"format":1,"repository":"ffffffffffffffffffffffffffffffff","created":"2026-01-01T00:00:00Z","encryption":"off"})");
    const auto before = relay.objects();
    auto r = a.pass();
    QCOMPARE(r.status, escale::sync::PassResult::Status::Refused);
    QVERIFY2(r.error.contains("holds another repository"), qPrintable(r.error));
    QCOMPARE(relay.objects(), before);
    // A format from the future, found at the next start.
    relay.setObject("escale-repository.json", R"({"format":3,"repository":"x"})");
    a.makeEngine();
    r = a.pass();
    QCOMPARE(r.status, escale::sync::PassResult::Status::Refused);
    QVERIFY2(r.error.contains("format 3"), qPrintable(r.error));
    // An encrypted repository when this client has encryption off.
    Relay other("memory");
    other.setObject(
        "escale-repository.json",
        R"({"format":1,"repository":"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee","created":"x","encryption":"aes-256-gcm"})");
    Client c(other, "carol");
    r = c.pass();
    QCOMPARE(r.status, escale::sync::PassResult::Status::Refused);
    QVERIFY2(r.error.contains("is encrypted"), qPrintable(r.error));
    QCOMPARE(other.objects().size(), 1);
}

void tst_SyncEngine::faultyRelayConverges_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("seed");
    for (int seed : {1, 2, 3}) {
        QTest::newRow(qPrintable(QString("memory seed %1").arg(seed))) << "memory" << seed;
        QTest::newRow(qPrintable(QString("file seed %1").arg(seed))) << "file" << seed;
    }
}

void tst_SyncEngine::faultyRelayConverges()
{
    QFETCH(QString, kind);
    QFETCH(int, seed);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    for (Client* x : {&a, &b, &c}) {
        x->faults().setSeed(quint32(seed * 31 + x->config().clientName.size()));
        x->faults().setFailureRate(0.15);
        x->faults().setReorderListings(true);
    }
    a.write("a/1.txt", "one");
    b.write("b/2.txt", QByteArray(2 * 1024 * 1024 + 5, 'b'));
    c.write("c/3.txt", "three");
    settle({&a, &b, &c}, 3);
    a.write("a/1.txt", "one, edited");
    QFile::remove(c.path("c/3.txt"));
    b.faults().truncateNextGets(1);
    c.faults().corruptNextGets(1);
    settle({&a, &b, &c}, 6);
    // Faults off: everything settles, nothing was lost on the way.
    for (Client* x : {&a, &b, &c})
        x->faults().setFailureRate(0);
    // Content freed before a client the writer did not know yet got it is sent again on
    // request: one round to ask, one to send, one to receive.
    settle({&a, &b, &c}, 4);
    CONVERGED(a, b);
    CONVERGED(b, c);
    QCOMPARE(a.read("a/1.txt"), QByteArray("one, edited"));
    QCOMPARE(c.read("b/2.txt"), QByteArray(2 * 1024 * 1024 + 5, 'b'));
    QVERIFY(!b.exists("c/3.txt"));
    QVERIFY(a.faults().injectedFaults() + b.faults().injectedFaults() + c.faults().injectedFaults() > 0);
}

void tst_SyncEngine::scenariosUnderFaults_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("seed");
    for (int seed : {11, 12}) {
        QTest::newRow(qPrintable(QString("memory seed %1").arg(seed))) << "memory" << seed;
        QTest::newRow(qPrintable(QString("file seed %1").arg(seed))) << "file" << seed;
    }
}

void tst_SyncEngine::scenariosUnderFaults()
{
    // Concurrent edits, a rename, a folder move, a delete against a modify and late content,
    // all with a relay that fails one request in five, stales listings and spoils downloads.
    QFETCH(QString, kind);
    QFETCH(int, seed);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    auto faults = [&](double rate) {
        int i = 0;
        for (Client* x : {&a, &b, &c}) {
            x->faults().setSeed(quint32(seed * 7 + i++));
            x->faults().setFailureRate(rate);
            x->faults().setReorderListings(rate > 0);
        }
    };
    faults(0.2);
    a.write("shared/plan.txt", "v1");
    a.write("shared/photo.bin", QByteArray(300'000, 'p'));
    b.write("keep.txt", "k1");
    QVERIFY(settleUntil(
        {&a, &b, &c}, [&] { return a.tree() == b.tree() && b.tree() == c.tree() && a.tree().size() == 4; }));
    a.write("shared/plan.txt", "alice");
    c.write("shared/plan.txt", "carol, longer");
    setMtime(a.path("shared/plan.txt"), 1'700'000'000);
    setMtime(c.path("shared/plan.txt"), 1'700'000'500);
    b.faults().serveStaleListings(2);
    c.faults().corruptNextGets(2);
    QVERIFY(settleUntil(
        {&a, &b, &c}, [&] { return a.tree() == b.tree() && b.tree() == c.tree() && a.tree().size() == 5; }));
    QVERIFY(QFile::rename(b.path("shared/photo.bin"), b.path("shared/photo-renamed.bin")));
    QVERIFY(QFile::remove(a.path("keep.txt")));
    c.write("keep.txt", "k2 by carol");
    settle({&a, &b, &c}, 4);
    faults(0);
    settle({&a, &b, &c}, 4);
    CONVERGED(a, b);
    CONVERGED(b, c);
    QCOMPARE(a.read("shared/plan.txt"), QByteArray("carol, longer"));
    QCOMPARE(a.read("shared/plan (conflict from alice 2023-11-14 221320 " + copyTag("alice") + ").txt"),
             QByteArray("alice"));
    QCOMPARE(a.read("shared/photo-renamed.bin"), QByteArray(300'000, 'p'));
    QVERIFY(!a.exists("shared/photo.bin"));
    QCOMPARE(a.read("keep.txt"), QByteArray("k2 by carol"));
}

void tst_SyncEngine::editsDuringFaultsConverge_data()
{
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= 8; ++seed)
        QTest::newRow(qPrintable(QString("seed %1").arg(seed))) << seed;
}

void tst_SyncEngine::editsDuringFaultsConverge()
{
    // Random edits, deletions and renames on three clients while the relay misbehaves, with no
    // waiting between them: once the faults stop, everyone ends with the same tree.
    QFETCH(int, seed);
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    QList<Client*> clients{&a, &b, &c};
    QRandomGenerator random{quint32(seed)};
    for (int i = 0; i < 3; ++i) {
        clients[i]->faults().setSeed(quint32(seed * 13 + i));
        clients[i]->faults().setFailureRate(0.15);
        clients[i]->engine().setSnapshotInterval(2); // journals shrink while this goes on
    }
    for (int step = 0; step < 40; ++step) {
        Client* x = clients[int(random.bounded(3))];
        const QString name = QString("f%1.txt").arg(random.bounded(6));
        switch (random.bounded(4)) {
        case 0:
        case 1:
            x->write(name, QByteArray::number(random.generate()).repeated(1 + int(random.bounded(50))));
            break;
        case 2:
            QFile::remove(x->path(name));
            break;
        case 3:
            QFile::rename(x->path(name), x->path(QString("f%1.txt").arg(random.bounded(6))));
            break;
        }
        x->pass();
        if (random.bounded(2))
            clients[int(random.bounded(3))]->pass();
    }
    for (Client* x : clients)
        x->faults().setFailureRate(0);
    QVERIFY2(
        settleUntil(
            clients, [&] { return a.tree() == b.tree() && b.tree() == c.tree(); }, 12),
        qPrintable(describeDifference(a.tree(), b.tree()) + " / " + describeDifference(b.tree(), c.tree())));
}

void tst_SyncEngine::lostUploadIsSentAgain()
{
    // The relay acknowledges an upload and loses it: the receiver asks, the sender re-sends.
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    settle({&a, &b}, 1);
    a.faults().dropNextPuts(1); // the pack
    a.write("fragile.txt", "lost once");
    settle({&a, &b}, 4);
    QCOMPARE(b.read("fragile.txt"), QByteArray("lost once"));
    CONVERGED(a, b);
    // A lost pack shared by several files, one of them a big file cut into blobs across packs:
    // each is asked for again (R23) and sent again in new packs, never named in the lost one.
    QByteArray big = harness::randomBytes(3 * 1024 * 1024, 61);
    a.faults().dropNextPuts(1);
    for (int i = 0; i < 5; ++i)
        a.write(QString("many/%1.txt").arg(i), QByteArray(100 + i, char('a' + i)));
    a.write("many/big.bin", big);
    settle({&a, &b}, 6);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(b.read(QString("many/%1.txt").arg(i)), QByteArray(100 + i, char('a' + i)));
    QCOMPARE(b.read("many/big.bin"), big);
    CONVERGED(a, b);
}

void tst_SyncEngine::missingLocalFolder()
{
    Relay relay("memory");
    Client a(relay, "alice");
    a.config().localPath = a.path() + "/not-mounted";
    a.makeEngine();
    const auto r = a.pass();
    QCOMPARE(r.status, escale::sync::PassResult::Status::LocalFolder);
    QVERIFY(r.error.contains("does not exist"));
    QCOMPARE(relay.objects(), QStringList{});
}

void tst_SyncEngine::encryptedRepository_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("suite");
    QTest::newRow("memory aes") << "memory" << int(escale::config::Encryption::Aes256Gcm);
    QTest::newRow("file aes") << "file" << int(escale::config::Encryption::Aes256Gcm);
    QTest::newRow("file chacha") << "file" << int(escale::config::Encryption::ChaCha20Poly1305);
}

void tst_SyncEngine::encryptedRepository()
{
    QFETCH(QString, kind);
    QFETCH(int, suite);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    for (Client* x : {&a, &b, &c})
        x->encrypt("pass one", escale::config::Encryption(suite));
    a.write("secret-folder/plan.txt", "secret-content of the plan");
    a.write("secret-folder/empty.txt", "");
    QByteArray big(2 * 1024 * 1024 + 99, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char((i * 13) ^ (i >> 9));
    a.write("media/film.bin", big);
    settle({&a, &b, &c}, 2);
    CONVERGED(a, b);
    CONVERGED(a, c);
    QCOMPARE(c.read("secret-folder/plan.txt"), QByteArray("secret-content of the plan"));

    // Edits, renames, deletions, conflicts: as in clear.
    b.write("secret-folder/plan.txt", "bob's plan");
    c.write("secret-folder/plan.txt", "carol's plan");
    QVERIFY(QFile::rename(a.path("media/film.bin"), a.path("media/renamed.bin")));
    settle({&a, &b, &c}, 3);
    CONVERGED(a, b);
    CONVERGED(a, c);
    QCOMPARE(a.read("media/renamed.bin"), big);
    QVERIFY(a.tree().size() >= 6); // the conflict copy is there

    // Nothing on the relay reads in clear: names, paths, contents, client names.
    const QString header = escale::protocol::layout::headerPath();
    QVERIFY(relay.object(header).contains(
        suite == int(escale::config::Encryption::Aes256Gcm) ? "aes-256-gcm" : "chacha20-poly1305"));
    int objects = 0;
    for (const QString& name : relay.objects()) {
        if (name == header)
            continue;
        const QByteArray bytes = relay.object(name);
        for (const char* leak :
             {"secret", "plan", "film", "renamed", "alice", "\"path\"", "\"vv\"", "journal"})
            QVERIFY2(!bytes.contains(leak), qPrintable(name + " shows " + leak));
        QVERIFY2(bytes.startsWith("ESC\x01"), qPrintable(name));
        ++objects;
    }
    QVERIFY(objects >= 3);
    QCOMPARE(relay.objects("data/"), QStringList{}); // freed once everyone had it

    // A head of alice copied under a newer name is refused: it is bound to its own name.
    const QStringList heads = relay.objects("heads/" + a.engine().clientId());
    QCOMPARE(heads.size(), 1);
    const QString forged = QString(heads.first()).replace(QRegularExpression("\\.(\\d+)$"), ".999999");
    relay.setObject(forged, relay.object(heads.first()));
    QVERIFY(b.pass().ok());
    QVERIFY2(b.last().problems.join("\n").contains("failed authentication"),
             qPrintable(b.last().problems.join("\n")));
    relay.removeObject(forged);

    // A wrong passphrase: one line, and nothing changes, locally or on the relay.
    Client d(relay, "dave");
    d.encrypt("pass two");
    d.write("mine.txt", "untouched");
    QMap<QString, QByteArray> before;
    for (const QString& name : relay.objects())
        before.insert(name, relay.object(name));
    auto r = d.pass();
    QCOMPARE(r.status, escale::sync::PassResult::Status::Auth);
    QVERIFY2(r.error.startsWith("wrong passphrase for the encrypted repository"), qPrintable(r.error));
    QVERIFY(!r.error.contains("pass two"));
    QMap<QString, QByteArray> after;
    for (const QString& name : relay.objects())
        after.insert(name, relay.object(name));
    QCOMPARE(after, before);
    QCOMPARE(d.tree().keys(), QStringList{"mine.txt"});
    QVERIFY(!d.exists(".escale-folder"));

    // A client in clear never reads nor writes it.
    Client e(relay, "eve");
    r = e.pass();
    QCOMPARE(r.status, escale::sync::PassResult::Status::Refused);
    QVERIFY(r.error.contains("encrypted"));
}

void tst_SyncEngine::tamperingRelay_data()
{
    QTest::addColumn<QString>("attack");
    for (const char* attack : {"flip a byte", "truncate at a segment boundary", "drop the final segment",
                               "swap two content objects", "swap two journal segments",
                               "replay an older head", "delete a journal segment"})
        QTest::newRow(attack) << attack;
}

void tst_SyncEngine::tamperingRelay()
{
    // Each attack on an encrypted repository is detected, reported with the object named,
    // never written to the folder, and the rest of the repository keeps syncing.
    QFETCH(QString, attack);
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    for (Client* x : {&a, &b, &c})
        x->encrypt("shared secret");
    settle({&a, &b, &c}, 1);
    const QString aId = a.engine().clientId();
    const QString firstHead = relay.objects("heads/" + aId).value(0);
    const QByteArray firstHeadBytes = relay.object(firstHead);
    auto content = [](int i) {
        QByteArray bytes(200 * 1024 + i, Qt::Uninitialized);
        for (qsizetype k = 0; k < bytes.size(); ++k)
            bytes[k] = char(k * (i + 3) + (k >> 8));
        return bytes;
    };
    a.write("one.bin", content(1));
    QVERIFY(a.pass().ok());
    a.write("two.bin", content(2));
    QVERIFY(a.pass().ok()); // two journal segments, two chunks
    const QStringList data = relay.objects("data/");
    QCOMPARE(data.size(), 2);
    const QString seg1 = "journal/" + aId + "/1", seg2 = "journal/" + aId + "/2";
    QString named; // the object the report must name
    if (attack == "flip a byte") {
        QByteArray bytes = relay.object(data.at(0));
        bytes[30000] = char(bytes.at(30000) ^ 0x10);
        relay.setObject(data.at(0), bytes);
        named = data.at(0);
    } else if (attack == "truncate at a segment boundary") {
        relay.setObject(data.at(0), relay.object(data.at(0)).left(21 + 2 * (65536 + 16)));
        named = data.at(0);
    } else if (attack == "drop the final segment") {
        const QByteArray bytes = relay.object(data.at(0));
        const qsizetype segments = (bytes.size() - 21 + 65551) / 65552;
        relay.setObject(data.at(0), bytes.left(21 + (segments - 1) * 65552));
        named = data.at(0);
    } else if (attack == "swap two content objects") {
        const QByteArray first = relay.object(data.at(0));
        relay.setObject(data.at(0), relay.object(data.at(1)));
        relay.setObject(data.at(1), first);
        named = "failed authentication"; // whichever of the two is read first is named with it
    } else if (attack == "swap two journal segments") {
        const QByteArray first = relay.object(seg1);
        relay.setObject(seg1, relay.object(seg2));
        relay.setObject(seg2, first);
        named = seg1;
    } else if (attack == "replay an older head") {
        QVERIFY(b.pass().ok()); // bob saw alice's latest head
        const QString latest = relay.objects("heads/" + aId).value(0);
        QVERIFY(latest != firstHead);
        relay.removeObject(latest); // the relay hides the newer head and shows the first one again
        relay.setObject(firstHead, firstHeadBytes);
        named = "older head of alice";
    } else if (attack == "delete a journal segment") {
        relay.removeObject(seg1);
        named = seg1;
    }

    // carol keeps working meanwhile.
    c.write("carol.txt", "from carol");
    QVERIFY(c.pass().ok());
    b.pass();
    const QString report = b.last().problems.join('\n');
    QVERIFY2(report.contains(named), qPrintable(attack + " → " + report));
    if (attack == "swap two content objects")
        QVERIFY(report.contains(data.at(0)) || report.contains(data.at(1)));
    QVERIFY2(b.read("carol.txt") == "from carol", qPrintable(attack + ": the rest stopped"));
    for (int i : {1, 2}) {
        const QString name = i == 1 ? "one.bin" : "two.bin";
        QVERIFY2(!b.exists(name) || b.read(name) == content(i),
                 qPrintable(attack + ": wrong content written"));
    }
    // Nothing but real files in bob's folder: no partial download left visible.
    for (const QString& name : b.tree().keys())
        QVERIFY2(name == "carol.txt" || name == "one.bin" || name == "two.bin", qPrintable(name));
}

void tst_SyncEngine::passphraseChangeRewrapsOnly()
{
    // A new passphrase seals the same master key again: no content travels again, running
    // clients go on, and a newcomer needs the new passphrase.
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob");
    a.encrypt("old words");
    b.encrypt("old words");
    a.write("kept.txt", "kept");
    settle({&a, &b}, 1); // bob has not taken it yet: its chunk is still on the relay
    const QStringList dataBefore = relay.objects("data/");
    QVERIFY(!dataBefore.isEmpty());

    QString error;
    auto header = escale::protocol::RepositoryHeader::fromBytes(
        relay.object(escale::protocol::layout::headerPath()), error);
    QVERIFY(header);
    auto keys = escale::crypto::RepositoryKeys::unlock(*header, "old words", error);
    QVERIFY2(keys, qPrintable(error));
    QVERIFY(!escale::crypto::RepositoryKeys::unlock(*header, "new words", error));
    escale::crypto::RepositoryKeys::Cost cost;
    cost.scryptLogN = 12;
    QVERIFY(keys->rewrap(*header, "new words", cost, error));
    relay.setObject(escale::protocol::layout::headerPath(), header->toBytes());
    QCOMPARE(relay.objects("data/"), dataBefore);

    a.write("after.txt", "after the change");
    settle({&a, &b}, 2);
    QCOMPARE(b.read("after.txt"), QByteArray("after the change"));
    CONVERGED(a, b);

    Client late(relay, "late");
    late.encrypt("old words");
    QCOMPARE(late.pass().status, escale::sync::PassResult::Status::Auth);
    Client newcomer(relay, "newcomer");
    newcomer.encrypt("new words");
    QVERIFY(settleUntil(
        {&newcomer, &a, &b}, [&] { return newcomer.tree() == a.tree(); }, 6));
}

void tst_SyncEngine::namesDifferingOnlyByCase()
{
    // alice's file system tells case apart, carol's does not (as on Windows or macOS): carol
    // keeps one of two names that differ only by case, says so, and loses nothing.
    QFETCH(QString, kind);
    Relay relay(kind);
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    c.engine().setCaseInsensitive(true);
    a.write("Report.txt", "upper");
    a.write("report.txt", "lower");
    a.write("Notes.txt", "notes");
    a.write("docs/Plan.md", "plan");
    settle({&a, &b, &c}, 2);
    CONVERGED(a, b); // both names on a case-sensitive file system
    QCOMPARE(c.read("Report.txt"), QByteArray("upper"));
    QVERIFY(!c.exists("report.txt"));
    QVERIFY(c.last().problems.isEmpty()); // said once, when it arrived: no noise on every pass
    QCOMPARE(c.read("Notes.txt"), QByteArray("notes"));

    // A rename that only changes case reaches carol as a rename.
    QVERIFY(QFile::rename(a.path("Notes.txt"), a.path("notes.txt")));
    QVERIFY(QFile::rename(a.path("docs/Plan.md"), a.path("docs/PLAN.md")));
    settle({&a, &b, &c}, 2);
    QCOMPARE(c.read("notes.txt"), QByteArray("notes"));
    QVERIFY(!c.exists("Notes.txt"));
    QCOMPARE(c.read("docs/PLAN.md"), QByteArray("plan"));
    QVERIFY(!c.exists("docs/Plan.md"));
    // Renamed in place: neither deleted into the archive nor downloaded again.
    QVERIFY(!c.exists(".escale-archive"));
    CONVERGED(a, b);

    // carol's edits of the name she has travel as usual; the other name is untouched elsewhere.
    c.write("Report.txt", "upper, edited by carol");
    settle({&a, &b, &c}, 2);
    QCOMPARE(a.read("Report.txt"), QByteArray("upper, edited by carol"));
    QCOMPARE(a.read("report.txt"), QByteArray("lower"));
    QCOMPARE(b.read("report.txt"), QByteArray("lower"));
    CONVERGED(a, b);

    // Once the clash is gone on the others, carol gets the other file too.
    QVERIFY(QFile::rename(a.path("report.txt"), a.path("report (lower).txt")));
    settle({&a, &b, &c}, 2);
    QCOMPARE(c.read("report (lower).txt"), QByteArray("lower"));
    CONVERGED(a, c);
}

namespace {

// A test codec: the 8 first bytes of SHA-256 of the object's identity, the bytes XORed, then
// "END!". Decoding checks the identity and the end mark, as an authenticating codec would.
class MaskingCodec final : public escale::protocol::ObjectCodec
{
public:
    QString suite() const override { return "off"; }
    qint64 encodedSize(qint64 plainSize) const override { return plainSize + 12; }
    std::unique_ptr<QIODevice> encoder(QIODevice* source, qint64 plainSize, const QString& identity) override
    {
        // Test objects are small enough to encode in memory.
        auto buffer = std::make_unique<QBuffer>();
        QByteArray bytes = tag(identity) + source->read(plainSize);
        for (qsizetype i = 8; i < bytes.size(); ++i)
            bytes[i] = char(bytes.at(i) ^ 0x5a);
        buffer->setData(bytes + "END!");
        buffer->open(QIODevice::ReadOnly);
        return buffer;
    }
    std::unique_ptr<escale::protocol::DecodingSink> decoder(QIODevice* sink, const QString& identity) override
    {
        return std::make_unique<Sink>(sink, tag(identity));
    }
    static QByteArray tag(const QString& identity)
    {
        return QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).left(8);
    }
    // A part: its bytes unmasked, once the tag in the header names this object.
    StoredRange storedRange(qint64 offset, qint64 length) const override { return {8 + offset, length}; }
    int headerSize() const override { return 8; }
    QByteArray chunkerSeed() const override { return "masking chunker"; }
    std::unique_ptr<escale::protocol::DecodingSink> rangeDecoder(QIODevice* sink, const QString& identity,
                                                                 const QByteArray& header, qint64,
                                                                 qint64 length) override
    {
        return std::make_unique<PartSink>(sink, header == tag(identity), length);
    }

private:
    class PartSink final : public escale::protocol::DecodingSink
    {
    public:
        PartSink(QIODevice* sink, bool named, qint64 length)
            : m_sink(sink)
            , m_named(named)
            , m_left(length)
        {
            open(QIODevice::WriteOnly);
        }
        QString failure() const override { return m_named ? QString() : "not the object it claims to be"; }
        bool finish(QString& error) override
        {
            if (!m_named || m_left != 0)
                error = "not the object it claims to be, or cut short";
            return error.isEmpty();
        }

    protected:
        qint64 writeData(const char* data, qint64 size) override
        {
            if (!m_named || size > m_left)
                return -1;
            QByteArray plain(data, size);
            for (char& c : plain)
                c = char(c ^ 0x5a);
            m_left -= size;
            return m_sink->write(plain) == size ? size : -1;
        }

    private:
        QIODevice* m_sink;
        bool m_named;
        qint64 m_left;
    };

    class Sink final : public escale::protocol::DecodingSink
    {
    public:
        Sink(QIODevice* sink, const QByteArray& tag)
            : m_sink(sink)
            , m_tag(tag)
        {
            open(QIODevice::WriteOnly);
        }
        bool finish(QString& error) override
        {
            if (!m_all.startsWith(m_tag) || !m_all.endsWith("END!") || m_all.size() < 12) {
                error = "not the object it claims to be, or cut short";
                return false;
            }
            QByteArray plain = m_all.mid(8, m_all.size() - 12);
            for (char& c : plain)
                c = char(c ^ 0x5a);
            return m_sink->write(plain) == plain.size();
        }

    protected:
        qint64 writeData(const char* data, qint64 size) override
        {
            m_all.append(data, size);
            return size;
        }

    private:
        QIODevice* m_sink;
        QByteArray m_tag;
        QByteArray m_all;
    };
};

} // namespace

void tst_SyncEngine::codecSitsBetweenProtocolAndRelay()
{
    // Every object but the header passes through the repository's codec, both ways, and bound
    // to its name: the hook the encryption uses.
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob");
    auto factory = [](const escale::protocol::RepositoryHeader&, QString&) {
        return std::make_shared<MaskingCodec>();
    };
    a.engine().setCodecFactory(factory);
    b.engine().setCodecFactory(factory);
    a.write("notes/plan-secret.txt", "the secret-marker content");
    a.write("big.bin", QByteArray(3 * 1024 * 1024 + 5, 'x')); // several chunks
    settle({&a, &b}, 2);
    QCOMPARE(b.read("notes/plan-secret.txt"), QByteArray("the secret-marker content"));
    CONVERGED(a, b);
    int encoded = 0;
    for (const QString& name : relay.objects()) {
        if (name == escale::protocol::layout::headerPath())
            continue;
        const QByteArray bytes = relay.object(name);
        QVERIFY2(!bytes.contains("secret-marker") && !bytes.contains("plan-secret") &&
                     !bytes.contains("xxxx"),
                 qPrintable(name));
        QVERIFY2(bytes.endsWith("END!"), qPrintable(name));
        ++encoded;
    }
    QVERIFY(encoded >= 3); // heads, a journal segment, chunks

    // An object swapped for another one on the relay fails its check: nothing is written.
    a.write("one.txt", "first one");
    a.pass();
    a.write("two.txt", "second one"); // a pack of its own
    a.pass();
    QStringList data = relay.objects("data/");
    QVERIFY(data.size() >= 2);
    const QByteArray first = relay.object(data.at(0));
    for (const QString& name : data)
        relay.setObject(name, first);
    b.pass();
    QVERIFY(!b.exists("one.txt") || b.read("one.txt") == "first one");
    QVERIFY(!b.exists("two.txt") || b.read("two.txt") == "second one");
    QVERIFY(!b.exists("one.txt") || !b.exists("two.txt"));
    QVERIFY(b.last().problems.join('\n').contains("failed its check"));

    // A client whose codec factory refuses the repository stops with that reason.
    Client c(relay, "carol");
    c.engine().setCodecFactory([](const escale::protocol::RepositoryHeader&, QString& error) {
        error = "wrong passphrase";
        return std::shared_ptr<escale::protocol::ObjectCodec>();
    });
    const auto r = c.pass();
    QCOMPARE(r.status, escale::sync::PassResult::Status::Refused);
    QCOMPARE(r.error, QString("wrong passphrase"));
    QCOMPARE(c.tree(), (QMap<QString, QString>{}));
}

QTEST_GUILESS_MAIN(tst_SyncEngine)
#include "tst_SyncEngine.moc"
