// The reproductions of issue 17 ("no edit is ever lost, no path blocks the others"), each a
// named scenario with real engines on one relay: every one failed before its fix.
#include "SyncHarness.h"
#include "config/ConfigLoader.h"
#include "control/Instance.h"
#include "maintenance/RepositoryReader.h"
#include "protocol/Chunker.h"
#include "protocol/Layout.h"
#include "protocol/TextObject.h"
#include "sync/Conflicts.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace harness;

namespace {

// The contents of every file of a tree (conflict copies included), sorted.
QStringList contents(const Client& c)
{
    QStringList out;
    for (const QString& p : c.tree().keys())
        if (QFileInfo(c.path(p)).isFile())
            out << QString::fromUtf8(c.read(p));
    out.sort();
    return out;
}

// Alice publishes three segments (f1.txt to f3.txt), none read by bob yet; the name of her second
// on the relay, empty when any of it failed.
QString aliceWritesThreeSegments(const Relay& relay, Client& a, Client& b)
{
    settle({&a, &b}, 1);
    for (int i = 1; i <= 3; ++i) {
        a.write(QString("f%1.txt").arg(i), "version " + QByteArray::number(i));
        if (!a.pass().ok())
            return {};
    }
    const QStringList second = relay.objects("journal/" + a.engine().clientId() + "/").filter(QRegularExpression("/2$"));
    return second.size() == 1 ? second.first() : QString();
}

// The paths of every record published in the journals on the relay.
QStringList publishedPaths(const Relay& relay)
{
    QStringList out;
    for (const QString& name : relay.objects("journal/")) {
        QString error;
        const auto text = protocol::TextObject::decode(relay.object(name), "journal", error);
        if (!text)
            qFatal("unreadable %s: %s", qPrintable(name), qPrintable(error));
        for (const QJsonObject& r : text->records)
            out << r.value("path").toString();
    }
    return out;
}

// The one data object whose bytes are `content` (plain repositories store bytes as they are).
QString objectHolding(const Relay& relay, const QByteArray& content)
{
    for (const QString& o : relay.objects("data/"))
        if (relay.object(o) == content)
            return o;
    return {};
}

// Writes `content` at `rel` with the modification time `secs` (which of two versions wins, R26).
void writeAt(const Client& c, const QString& rel, const QByteArray& content, qint64 secs)
{
    c.write(rel, content);
    setMtime(c.path(rel), secs);
}

// What one more pass of each client reports: failures and problems (empty: all quiet, nothing
// asked for and nothing waiting).
QString problemsAtRest(const QList<Client*>& clients)
{
    QStringList out;
    for (Client* c : clients) {
        const sync::PassResult r = c->pass();
        if (!r.ok())
            out << r.error;
        out += r.problems;
    }
    return out.join('\n');
}

// What `escale verify` finds wrong in the repository (empty: nothing).
QString verifyProblems(const Relay& relay)
{
    auto backend = relay.connect();
    sync::RepositoryReader reader(backend.get());
    QString error;
    if (reader.open(std::nullopt, error) != sync::RepositoryReader::Open::Ok)
        return "cannot open the repository: " + error;
    return reader.verify().problems.join('\n');
}

} // namespace

class tst_NoEditLost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failedDownloadThenLocalEdit();
    void editWhileRemoteVersionWaits();
    void fileMadeWhileItsDownloadWaits_data();
    void fileMadeWhileItsDownloadWaits();
    void heldDeletionAgainstRemoteEdit();
    void conflictCopiesArePublishedWithoutContent();
    void conflictOnALongNameKeepsBoth();
    void conflictWhoseCopyNameIsItsOwnName();
    void losingLocalVersionIsSent();
    void sameEditTwiceThenEditIsNoConflict();
    void stateRestoredFromBackup();
    void lostAnswerToPublishing();
    void uploadsLostWithTheStateAreSwept();
    void unknownRelayContentIsIgnored();
    void unreadableLocalFileWaits();
    void editStormKeepsEveryVersion();
    void fileFolderAndLinkTradePlaces();
    void linksAndFifosAreSaidOnce();
    void crashAtEveryStep();
    void cloneIsRefused();
    void changedInPlaceWhileWaiting();
    void modesTravel();
    void bitsChangedOverBytesChangedInPlace();
    void winnerDeletedWhereTheConflictWasSeen();
    void counterTakenBackIsNotUsedAgain();
    void snapshotKeepsWhatAWaitingEditSupersedes();
    void snapshotKeepsAVersionTakenBackUnderAWaitingEdit();
    void droppedVersionIsNeverSentAgain();
    void scanBeforeTakingBack_data();
    void scanBeforeTakingBack();
    void editAfterACrashThatPublished();
    void deletionAfterACrashThatPublished();
    void deletionScannedBeforeTakingBack();
    void restoreOlderThanTheJournalsLeft();
    void conflictSettledOnBothSides();
    void losingVersionsCopyEditedInPlace_data();
    void losingVersionsCopyEditedInPlace();
    void newBigFileChangedInPlaceBeforeItsPush_data();
    void newBigFileChangedInPlaceBeforeItsPush();
    void settledVersionWinsAgainOnlyInItsCopy_data();
    void settledVersionWinsAgainOnlyInItsCopy();
    void copyKeptElsewhereThenStaleCopyDeleted();
    void copyDeletedByARestoredClient_data();
    void copyDeletedByARestoredClient();
    void contentNoClientHolds_data();
    void contentNoClientHolds();
    void contentLostWhileAloneIsAskedFor();
    void snapshotUnreadWhileTakingBack();
    void relayFolderMovedAway();
    void stateOfAnEarlierRelease();
    void lostOrDamagedSegmentHeals_data();
    void lostOrDamagedSegmentHeals();
    void segmentReportAnsweredAfterACrash();
    void segmentReportAnsweredWhilePassesFail();
    void heldDeletionAgainstSameBytesMadeAgain();
    void folderMovedBackWhileItsDeletionsWereHeld_data();
    void folderMovedBackWhileItsDeletionsWereHeld();
    void folderCopiedBackWhileItsDeletionsWereHeld();
    void heldFilesPutBack_data();
    void heldFilesPutBack();
    void heldFilesPutBackInAnUploadOnlyFolder();
    void foldersMadeForAFileNotReceivedGo();
    void fileOverAFolderWhoseFileLives();
    void fileOverAFolderWhoseCopyNameIsTaken();
    void fileOverAFolderWhoseFileLivesForOthers_data();
    void fileOverAFolderWhoseFileLivesForOthers();
    void fileOverAFolderWhoseFileLivesFromAnUploadOnlyClient();
    void fileOverAFolderKeptByTwoClientsAtOnce();
    void fileOverAFolderWhoseFileComesInPieces();
    void fileOverAFolderInConservativeMode();
    void fileOverAFolderWhoseDeeperFileLives();
    void fileOverAFolderWhoseFileLivesThroughHeldDeletions();
    void folderMovedBackUnderARestoredEntry();
    void editInPlaceWhileItsPublicationFails();
    void lostAnswerHoldsNoFileNotSent();
    void deletionWaitingBehindFlagsIsApplied();
    void contentGoneFromFoldersNotSentIsSaidLacking();
    void fileMovedBackIntoAFolderNotSentThenDeletedElsewhere_data();
    void fileMovedBackIntoAFolderNotSentThenDeletedElsewhere();
    void folderMovedBackIntoAFolderNotSent_data();
    void folderMovedBackIntoAFolderNotSent();
    void conflictCopyRenamedBackOverAHeldName_data();
    void conflictCopyRenamedBackOverAHeldName();
    void uploadOnlyChangeSupersedesTheSameContent_data();
    void uploadOnlyChangeSupersedesTheSameContent();
    void relayPutBackFromAnOlderCopy();
    void verifyUnderstandsCompactedJournals();
    void gradualDeletionIsHeld();
    void nameNotUtf8IsReportedOnce();
    void filterChangesBringSkippedFiles();
    void fullRelaySendsWhatFits();
    void fullLocalDiskIsNamed();
    void fullDiskWhileABatchIsPlaced();
    void foldersMadeForAFileNotWrittenGo_data();
    void foldersMadeForAFileNotWrittenGo();
    void stateDatabaseFullStopsThePass();
    void stateDatabaseOnADiskFullOrReadOnly();
    void brokenStateStopsOnlyItsRepository();
};

// A small file system of its own (a tmpfs), mounted when the test machine lets it, unmounted at the end.
class SmallDisk
{
public:
    explicit SmallDisk(const char* size)
    {
        QProcess mount;
        mount.start("mount", {"-t", "tmpfs", "-o", QString("size=%1").arg(size), "tmpfs", m_dir.path()});
        m_mounted = mount.waitForFinished(10'000) && mount.exitStatus() == QProcess::NormalExit && mount.exitCode() == 0;
    }
    ~SmallDisk()
    {
        if (m_mounted)
            QProcess::execute("umount", {m_dir.path()});
    }
    bool mounted() const { return m_mounted; }
    // Room again: the same file system, larger.
    bool grow(const char* size)
    {
        return QProcess::execute("mount", {"-o", QString("remount,size=%1").arg(size), m_dir.path()}) == 0;
    }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

#define CONVERGED(a, b)                                                                                      \
    QVERIFY2((a).tree() == (b).tree(), qPrintable(describeDifference((a).tree(), (b).tree())))

// Reproduction (1): bob's edit could not be placed on alice's machine (its chunk failed its
// check); alice then edited: her version was built on bob's never-applied one and replaced it.
void tst_NoEditLost::failedDownloadThenLocalEdit()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "first");
    settle({&a, &b}, 1);
    b.write("f.txt", "bob's edit");
    QVERIFY(b.pass().ok());
    const QString chunk = objectHolding(relay, "bob's edit");
    QVERIFY(!chunk.isEmpty());
    relay.setObject(chunk, "bob's edi!");
    QVERIFY(a.pass().ok());
    QCOMPARE(a.read("f.txt"), QByteArray("first")); // not placed: failed its check
    relay.setObject(chunk, "bob's edit");            // repaired
    a.write("f.txt", "alice's edit");
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    QCOMPARE(contents(a), QStringList({"alice's edit", "bob's edit"}));
    QCOMPARE(a.tree().size(), 2); // the name and one conflict copy
}

// Reproduction (2): alice's file kept changing while bob's edit waited to be placed ("changed
// locally meanwhile"); her next version replaced bob's.
void tst_NoEditLost::editWhileRemoteVersionWaits()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "first");
    settle({&a, &b}, 1);
    b.write("f.txt", "bob's edit");
    QVERIFY(b.pass().ok());
    // Alice is writing: her scan leaves the fresh file alone, the materializer finds it changed.
    a.config().settleMs = 3'600'000;
    a.makeEngine();
    a.write("f.txt", "alice, still writing");
    QVERIFY(a.pass().ok());
    QCOMPARE(a.read("f.txt"), QByteArray("alice, still writing"));
    a.config().settleMs = 0;
    a.makeEngine();
    a.write("f.txt", "alice's edit");
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    QCOMPARE(contents(a), QStringList({"alice's edit", "bob's edit"}));
}

// A new file from alice is downloaded and waits for the batch's end to take its name; meanwhile
// bob makes a file of that name himself. His file stays as he wrote it (the rename into place
// refuses to replace it), alice's version waits, and both end as a conflict on both machines.
void tst_NoEditLost::fileMadeWhileItsDownloadWaits_data()
{
    QTest::addColumn<QString>("folder");
    QTest::newRow("at the top, made once the file is staged") << QString();
    // A name the batch places in a folder it made is not looked at before its content is staged:
    // the file bob makes there before it is placed is found by the rename, which refuses it, with
    // the outcome a look would have had.
    QTest::newRow("in a folder the batch makes, made before the file is placed") << QString("d/");
}

void tst_NoEditLost::fileMadeWhileItsDownloadWaits()
{
    QFETCH(QString, folder);
    const QString name = folder + "a.txt";
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    // Bob holds its content already: it is copied from there on the engine's thread, staged before
    // the next file is fetched (a small file fetched ahead would be written on another thread, at
    // a time this test cannot see).
    a.write("src.txt", "alice's new file");
    settle({&a, &b}, 1);
    // Files of several blobs: fetched in their turn, not read ahead as small ones are.
    auto randomFile = [](int seed) {
        QByteArray bytes(3 << 20, Qt::Uninitialized);
        QRandomGenerator(seed).fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
        return bytes;
    };
    if (!folder.isEmpty())
        a.write(folder + "0.bin", randomFile(7)); // fetched once the batch made the folder
    a.write(name, "alice's new file");
    const QByteArray big = randomFile(11);
    a.write("z.bin", big); // fetched once a.txt is staged
    QVERIFY(a.pass().ok());
    bool made = false;
    b.faults().setOperationHook([&](relay::FaultyRelay::Op op) {
        const bool due = folder.isEmpty()
                             ? !QDir(b.path()).entryList({".escale-tmp-*"}, QDir::Files | QDir::Hidden).isEmpty()
                             : QFileInfo(b.path(folder)).isDir();
        if (op == relay::FaultyRelay::Op::Get && due && !made) {
            b.write(name, "bob's own a.txt");
            made = true;
        }
        return true;
    });
    QVERIFY(b.pass().ok());
    b.faults().setOperationHook({});
    QVERIFY(made);
    QCOMPARE(b.read(name), QByteArray("bob's own a.txt"));
    QCOMPARE(b.read("z.bin"), big);
    QVERIFY2(b.last().problems.join('\n').contains(name + " changed locally meanwhile"),
             qPrintable(b.last().problems.join('\n')));
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    QStringList texts;
    for (const QString& file : a.tree().keys())
        if (!file.endsWith(".bin") && QFileInfo(a.path(file)).isFile())
            texts << QString::fromUtf8(a.read(file));
    texts.sort();
    QCOMPARE(texts, QStringList({"alice's new file", "alice's new file", "bob's own a.txt"}));
    QCOMPARE(a.read("z.bin"), big);
}

// Reproduction (3): alice's deletions were held by the mass-delete guard while bob edited one of
// the files; confirming them deleted bob's edit, though a change beats a deletion (R26).
void tst_NoEditLost::heldDeletionAgainstRemoteEdit()
{
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob");
    for (int i = 0; i < 12; ++i)
        a.write(QString("f%1.txt").arg(i), "x");
    settle({&a, &b}, 2);
    for (int i = 0; i < 12; ++i)
        QVERIFY(QFile::remove(a.path(QString("f%1.txt").arg(i))));
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().deletionsHeld, 12);
    b.write("f3.txt", "bob's edit");
    QVERIFY(b.pass().ok());
    QVERIFY(a.pass().ok());
    a.engine().confirmDeletions();
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    QCOMPARE(b.tree().keys(), QStringList({"f3.txt"}));
    QCOMPARE(a.read("f3.txt"), QByteArray("bob's edit"));
}

// Model seed 700027: a copy's name longer than 255 bytes (a fifth copy of a copy there; here a
// long name) could be written by no client and was refused by all as unsafe: the losing version
// was lost. The copy's name is cut to fit, alike on every client, and both edits survive.
void tst_NoEditLost::conflictOnALongNameKeepsBoth()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    const QString name = "d/" + QString(230, QLatin1Char('n')) + ".txt";
    a.write(name, "v1");
    settle({&a, &b}, 1);
    a.write(name, "alice's version");
    b.write(name, "bob's version, longer");
    setMtime(a.path(name), 1'700'000'000);
    setMtime(b.path(name), 1'700'000'100);
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    QCOMPARE(contents(a), QStringList({"alice's version", "bob's version, longer"}));
    QCOMPARE(a.read(name), QByteArray("bob's version, longer"));
    QCOMPARE(a.tree().size(), 3); // the folder, the name and its copy
    for (const QString& path : a.tree().keys())
        QVERIFY2(path.section('/', -1).toUtf8().size() <= 255, qPrintable(path));
    QCOMPARE(a.last().pendingUp + a.last().pendingDown + b.last().pendingUp + b.last().pendingDown, 0);
    QVERIFY2(a.last().problems.isEmpty() && b.last().problems.isEmpty(),
             qPrintable(a.last().problems.join('\n') + b.last().problems.join('\n')));
}

// Model run 1420001 (a crash: the engine's stack overflowed). A name of 255 bytes that ends as the
// copy of a losing version would be named: the copy's name, its stem cut to fit, is the name itself,
// and placing the name placed its copy, the name again, without end. The losing version's copy now
// takes a name of its own, cut one character more.
void tst_NoEditLost::conflictWhoseCopyNameIsItsOwnName()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    const QString suffix = " (conflict from bob 2023-11-14 221500 " + copyTag("bob's version") + ").txt";
    const QString name = QString(255 - suffix.size(), QLatin1Char('n')) + suffix;
    QCOMPARE(name.toUtf8().size(), 255);
    a.write(name, "v1");
    settle({&a, &b}, 1);
    a.write(name, "alice's version");
    b.write(name, "bob's version");
    setMtime(a.path(name), 1'700'000'200);
    setMtime(b.path(name), 1'700'000'100); // bob's loses: its copy would be named `name`
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    QCOMPARE(contents(a), QStringList({"alice's version", "bob's version"}));
    QCOMPARE(a.read(name), QByteArray("alice's version"));
    for (const QString& path : a.tree().keys())
        QVERIFY2(path.toUtf8().size() <= 255, qPrintable(path));
    QCOMPARE(a.last().pendingUp + a.last().pendingDown + b.last().pendingUp + b.last().pendingDown, 0);
}

// R26: every client that finds the conflict makes the same copy and publishes it, without
// chunks (its content is the losing version's); the losing version made here is sent, from its
// copy, so nothing stays to send.
void tst_NoEditLost::conflictCopiesArePublishedWithoutContent()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("report.odt", "v1");
    settle({&a, &b}, 1);
    a.write("report.odt", "alice's version");
    b.write("report.odt", "bob's version, longer");
    setMtime(a.path("report.odt"), 1'700'000'000);
    setMtime(b.path("report.odt"), 1'700'000'100);
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    const QString copy = "report (conflict from alice 2023-11-14 221320 " + copyTag("alice's version") + ").odt";
    QCOMPARE(a.read(copy), QByteArray("alice's version"));
    QVERIFY(publishedPaths(relay).contains(copy));
    // Nothing left to send on either side.
    QCOMPARE(a.last().pendingUp, 0);
    QCOMPARE(b.last().pendingUp, 0);
    // An edit of the name afterwards supersedes both versions: no second conflict.
    b.write("report.odt", "bob again");
    settle({&a, &b}, 2);
    CONVERGED(a, b);
    QCOMPARE(a.tree().size(), 2);
    QCOMPARE(a.read("report.odt"), QByteArray("bob again"));
}

// A version made here that loses a conflict before it is sent is sent from its conflict copy.
void tst_NoEditLost::losingLocalVersionIsSent()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "v1");
    settle({&a, &b}, 1);
    b.write("f.txt", "bob, later");
    setMtime(b.path("f.txt"), 1'700'000'100);
    QVERIFY(b.pass().ok());
    a.write("f.txt", "alice, earlier");
    setMtime(a.path("f.txt"), 1'700'000'000);
    // Alice scans her edit and receives bob's in the same pass: hers loses before it is sent.
    QVERIFY(a.pass().ok());
    QCOMPARE(a.read("f.txt"), QByteArray("bob, later"));
    QCOMPARE(a.last().pendingUp, 0);
    settle({&a, &b}, 2);
    CONVERGED(a, b);
    QCOMPARE(contents(b), QStringList({"alice, earlier", "bob, later"}));
}

// The same edit on two machines is no conflict; the next edit on either supersedes both.
void tst_NoEditLost::sameEditTwiceThenEditIsNoConflict()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "v1");
    settle({&a, &b}, 1);
    a.write("f.txt", "same");
    b.write("f.txt", "same");
    settle({&a, &b}, 2);
    CONVERGED(a, b);
    QCOMPARE(a.tree().size(), 1);
    a.write("f.txt", "alice's next");
    settle({&a, &b}, 2);
    CONVERGED(a, b);
    QCOMPARE(contents(b), QStringList({"alice's next"}));
}

// Reproduction: a client whose state database was restored from a backup failed every pass
// with "journal/<id>/N: File exists", its new heads refused by the others as replays.
void tst_NoEditLost::stateRestoredFromBackup()
{
    QTemporaryDir backups;
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "v1");
    settle({&a, &b}, 1);
    a.saveState(backups.filePath("alice.db"));
    for (int i = 2; i <= 4; ++i) { // published after the backup
        a.write("f.txt", "v" + QByteArray::number(i));
        a.write(QString("new%1.txt").arg(i), "made after the backup");
        settle({&a, &b}, 1);
    }
    QCOMPARE(b.read("f.txt"), QByteArray("v4"));
    a.restoreState(backups.filePath("alice.db"));
    a.write("g.txt", "after the restore");
    QVERIFY2(a.pass().ok(), qPrintable(a.last().error));
    QVERIFY2(b.pass().ok(), qPrintable(b.last().error));
    QVERIFY(b.last().problems.filter("replay").isEmpty());
    settle({&a, &b}, 3);
    QVERIFY2(a.last().ok(), qPrintable(a.last().error));
    CONVERGED(a, b);
    QCOMPARE(b.read("g.txt"), QByteArray("after the restore"));
    QCOMPARE(b.read("f.txt"), QByteArray("v4"));
    QCOMPARE(a.last().pendingUp, 0);
    // And it goes on publishing.
    a.write("h.txt", "later");
    settle({&a, &b}, 2);
    QCOMPARE(b.read("h.txt"), QByteArray("later"));
    QVERIFY(relay.objects("data/").isEmpty()); // everything freed, the adopted chunks too
}

// A pass sent a content, then failed before publishing the record naming it; the state is then put
// back from an older backup: nothing records that upload any more. The relay is looked through for
// this client's contents nothing names (R20), and another client's upload in progress is left alone.
void tst_NoEditLost::uploadsLostWithTheStateAreSwept()
{
    QTemporaryDir backups;
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "v1");
    settle({&a, &b}, 2);
    QVERIFY(relay.objects("data/").isEmpty());
    a.saveState(backups.filePath("alice.db"));
    // The backup is two days old: its last look through the relay, longer ago than a day.
    {
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(backups.filePath("alice.db")).constData(), &db), SQLITE_OK);
        const QByteArray sql = "UPDATE meta SET value = '" +
                               QByteArray::number(QDateTime::currentMSecsSinceEpoch() - 2LL * 24 * 3600 * 1000) +
                               "' WHERE key = 'swept'";
        QCOMPARE(sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_changes(db), 1);
        sqlite3_close(db);
    }
    // Each sends a content and fails to publish it (the second upload of the pass is its journal).
    auto failJournal = [](Client& c) {
        int puts = 0;
        c.faults().setOperationHook([&puts](relay::FaultyRelay::Op op) {
            return op != relay::FaultyRelay::Op::Put || ++puts != 2;
        });
        QVERIFY(!c.pass().ok());
        c.faults().setOperationHook({});
    };
    a.write("g.txt", "sent, never published");
    failJournal(a);
    b.write("h.txt", "bob's, being sent");
    failJournal(b);
    QCOMPARE(relay.objects("data/").size(), 2);
    const QString bobs = objectHolding(relay, "bob's, being sent");
    const QString lost = objectHolding(relay, "sent, never published");
    QVERIFY(!bobs.isEmpty() && !lost.isEmpty());
    a.restoreState(backups.filePath("alice.db"));
    QVERIFY2(a.pass().ok(), qPrintable(a.last().error));
    QCOMPARE(a.last().swept, 1);
    QVERIFY(relay.objects("data/").contains(bobs)); // bob's upload is bob's
    QVERIFY(!relay.objects("data/").contains(lost));
    QCOMPARE(a.last().uploaded, 1); // sent again, as a new object: the folder holds it
    // Nothing else goes: everything arrives, and the relay is empty once everyone has it.
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    QCOMPARE(b.read("g.txt"), QByteArray("sent, never published"));
    QCOMPARE(a.read("h.txt"), QByteArray("bob's, being sent"));
    settle({&a, &b}, 1);
    QVERIFY(relay.objects("data/").isEmpty());
    // A day has not passed: the next passes do not look again.
    QVERIFY2(a.pass().ok(), qPrintable(a.last().error));
    QCOMPARE(a.last().swept, 0);
}

// Files the format does not name (a note someone left, another tool's files) are left alone and said
// once per run at debug level (section 2); they stop nothing.
namespace {
QStringList* g_messages = nullptr;
QtMessageHandler g_previous = nullptr;
void collect(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (g_messages)
        g_messages->append(message);
    g_previous(type, context, message);
}
// Every message logged while it lives (and printed as usual).
struct MessageLog
{
    QStringList messages;
    MessageLog()
    {
        g_messages = &messages;
        g_previous = qInstallMessageHandler(collect);
    }
    ~MessageLog()
    {
        qInstallMessageHandler(g_previous);
        g_messages = nullptr;
    }
    MessageLog(const MessageLog&) = delete;
    MessageLog& operator=(const MessageLog&) = delete;
};
} // namespace

void tst_NoEditLost::unknownRelayContentIsIgnored()
{
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "one");
    settle({&a, &b}, 1);
    const QMap<QString, QByteArray> strays{{"heads/README.txt", "left by someone"},
                                           {"data/ab/notes", "not an object"},
                                           {"stray.txt", "at the top"}};
    for (auto it = strays.cbegin(); it != strays.cend(); ++it)
        relay.setObject(it.key(), it.value());
    MessageLog log;
    const QStringList& messages = log.messages;
    a.engine().sweepAtNextPass(); // it lists data/ too
    a.write("f.txt", "two");
    for (int i = 0; i < 3; ++i)
        settle({&a, &b}, 1);
    QVERIFY2(a.last().ok() && b.last().ok(), qPrintable(a.last().error + b.last().error));
    QCOMPARE(b.read("f.txt"), QByteArray("two"));
    for (auto it = strays.cbegin(); it != strays.cend(); ++it)
        QCOMPARE(relay.object(it.key()), it.value());
    QCOMPARE(messages.filter("ignored on the relay: heads/README.txt").size(), 2); // once per client
    QCOMPARE(messages.filter("ignored on the relay: data/ab/notes").size(), 1);
}

// A local file this machine cannot read (its permissions) is a version it cannot see: it stays, the
// version from elsewhere waits, said as such (not "changed locally meanwhile"), and everything else
// goes on; once readable, the waiting version comes.
void tst_NoEditLost::unreadableLocalFileWaits()
{
    {
        QTemporaryFile probe;
        QVERIFY(probe.open());
        probe.close();
        QVERIFY(QFile::setPermissions(probe.fileName(), {}));
        if (QFile(probe.fileName()).open(QIODevice::ReadOnly))
            QSKIP("this process reads any file (root): ctest's NoEditLostUnreadable runs this without "
                  "CAP_DAC_OVERRIDE");
    }
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "one");
    a.write("g.txt", "g1");
    settle({&a, &b}, 1);
    // bob's own edit, which he cannot read (written by another account's process, say).
    b.write("f.txt", "bob's edit");
    QVERIFY(QFile::setPermissions(b.path("f.txt"), {}));
    a.write("f.txt", "two");
    a.write("g.txt", "g2");
    QVERIFY(a.pass().ok());
    QVERIFY2(b.pass().ok(), qPrintable(b.last().error));
    QCOMPARE(b.read("g.txt"), QByteArray("g2")); // the rest goes on
    QVERIFY(!b.last().complete);
    const QString waiting = b.last().waiting.join('\n');
    QVERIFY2(waiting.contains("f.txt cannot be read here (Permission denied)") &&
                 waiting.contains("from alice waits") && !waiting.contains("changed locally meanwhile"),
             qPrintable(waiting));
    QVERIFY2(!b.last().problems.filter(QRegularExpression("cannot read .*f.txt.*Permission denied")).isEmpty(),
             qPrintable(b.last().problems.join('\n')));
    QVERIFY2(b.pass().ok() && !b.last().complete, qPrintable(b.last().error)); // and so it stays
    QVERIFY(QFile::setPermissions(b.path("f.txt"), QFile::ReadOwner | QFile::WriteOwner));
    QCOMPARE(b.read("f.txt"), QByteArray("bob's edit")); // untouched meanwhile
    // Readable again: bob's edit goes out, concurrent with alice's; both are kept (R26).
    settle({&a, &b}, 3);
    QVERIFY2(b.last().ok() && b.last().complete, qPrintable(b.last().error));
    CONVERGED(a, b);
    QCOMPARE(contents(a), QStringList({"bob's edit", "g2", "two"}));
}

// Two machines edit one file in rounds far less than a second apart (archive folders and conflict
// copies are named to the second): every version either is in a folder, a conflict copy or a
// local archive at the end, or was overwritten by a user who had it on disk.
void tst_NoEditLost::editStormKeepsEveryVersion()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "start");
    settle({&a, &b}, 1);
    QSet<QByteArray> written{"start"}, replaced;
    int n = 0;
    auto edit = [&](Client& c) {
        if (QFileInfo::exists(c.path("f.txt")))
            replaced.insert(c.read("f.txt"));
        const QByteArray content = c.config().clientName.toUtf8() + " edit " + QByteArray::number(++n);
        c.write("f.txt", content);
        written.insert(content);
    };
    for (int round = 0; round < 20; ++round) {
        edit(a);
        edit(b);
        a.pass();
        b.pass();
        if (round % 3 == 0)
            a.pass();
    }
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    // Copies from one device within one second have names of their own: no copy of a copy.
    for (const QString& p : a.tree().keys())
        QVERIFY2(p.count("(conflict from") <= 1, qPrintable(p));
    QSet<QByteArray> kept;
    for (Client* c : {&a, &b}) {
        for (QDirIterator it(c->path(""), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();)
            kept.insert(readFile(it.next()));
    }
    QStringList lost;
    for (const QByteArray& w : std::as_const(written))
        if (!kept.contains(w) && !replaced.contains(w))
            lost << QString::fromUtf8(w);
    QVERIFY2(lost.isEmpty(), qPrintable(lost.join(", ")));
}

// Symbolic links and FIFOs in the folder are not synchronised, said once per run (not at every
// pass, not in silence), and the rest syncs.
void tst_NoEditLost::linksAndFifosAreSaidOnce()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    QVERIFY(QFile::link("/etc/hostname", a.path("link")));
    QCOMPARE(::mkfifo(QFile::encodeName(a.path("pipe")).constData(), 0600), 0);
    a.write("real.txt", "synced");
    MessageLog log;
    const QStringList& messages = log.messages;
    settle({&a, &b}, 3);
    QCOMPARE(b.read("real.txt"), QByteArray("synced"));
    QVERIFY(!b.exists("link") && !b.exists("pipe"));
    QCOMPARE(messages.filter(QRegularExpression("link is a symbolic link: not synchronised")).size(), 1);
    QCOMPARE(messages.filter(QRegularExpression("pipe is a FIFO: not synchronised")).size(), 1);
}

// A file that became a folder on the other side while it was edited here, and a local symbolic
// link where another machine made a file: both resolved by the version rules, nothing replaced
// without a copy, and the rest of the journal goes on in the same pass.
void tst_NoEditLost::fileFolderAndLinkTradePlaces()
{
    QTemporaryDir outside;
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("x.txt", "a file");
    settle({&a, &b}, 2);
    // bob makes it a folder holding a file; alice edits the file meanwhile.
    QVERIFY(QFile::remove(b.path("x.txt")));
    b.write("x.txt/inside.txt", "bob's file in the folder");
    a.write("x.txt", "alice's edit");
    // bob has a link where alice makes a file.
    QVERIFY(QFile::link(outside.path(), b.path("shortcut")));
    a.write("shortcut", "alice's file named shortcut");
    a.write("other.txt", "goes on");
    QVERIFY(b.pass().ok());
    QVERIFY(a.pass().ok());
    QVERIFY2(b.pass().ok(), qPrintable(b.last().error));
    QCOMPARE(b.read("other.txt"), QByteArray("goes on")); // nothing blocks the rest
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    // The folder holding a file keeps the name; alice's edit is a conflict copy beside it.
    QVERIFY(QFileInfo(a.path("x.txt")).isDir());
    QCOMPARE(a.read("x.txt/inside.txt"), QByteArray("bob's file in the folder"));
    QVERIFY2(contents(a).contains("alice's edit"), qPrintable(contents(a).join(" | ")));
    // The file took the link's name on bob's side; the link itself is in bob's archive, and
    // nothing was written through it.
    QVERIFY(!QFileInfo(b.path("shortcut")).isSymLink());
    QCOMPARE(b.read("shortcut"), QByteArray("alice's file named shortcut"));
    QCOMPARE(QDir(outside.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{});
    QStringList links;
    for (QDirIterator it(b.path(".escale-archive"), QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot,
                         QDirIterator::Subdirectories);
         it.hasNext();)
        if (it.next(), it.fileInfo().isSymLink())
            links << it.fileInfo().symLinkTarget();
    QCOMPARE(links, QStringList{outside.path()});
}

// The relay stored a segment but its answer was lost: the next pass finds its own segment there
// and goes on, nothing published twice, nothing stuck.
void tst_NoEditLost::lostAnswerToPublishing()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    settle({&a, &b}, 1);
    a.write("empty.txt", ""); // no chunk: the journal is the first upload
    a.faults().loseRepliesOf(relay::FaultyRelay::Op::Put, 1);
    QVERIFY(!a.pass().ok());
    settle({&a, &b}, 3);
    QVERIFY2(a.last().ok(), qPrintable(a.last().error));
    QVERIFY(b.exists("empty.txt"));
    QCOMPARE(a.last().pendingUp, 0);
    CONVERGED(a, b);
}

// A pass stopped dead at each of its relay operations and state commits in turn: whatever was
// done before, the next passes finish the work, and both edits survive.
void tst_NoEditLost::crashAtEveryStep()
{
    // Step after step until the pass runs to its end before the crash is due.
    int steps = 0;
    for (int at = 1; at <= 200; ++at) {
        Relay relay("file");
        Client a(relay, "alice"), b(relay, "bob");
        a.write("f.txt", "v1");
        a.write("big.bin", QByteArray(3 * 1024 * 1024 + 17, 'x'));
        settle({&a, &b}, 1);
        a.write("f.txt", "alice's edit");
        a.write("new.txt", "new");
        QVERIFY(QFile::remove(a.path("big.bin")));
        b.write("f.txt", "bob's edit");
        QVERIFY(b.pass().ok());
        const bool crashed = a.crashingPass(at);
        const QString where = QString("crash at step %1: ").arg(at);
        settle({&a, &b}, 4);
        QVERIFY2(a.last().ok() && b.last().ok(), qPrintable(where + a.last().error + b.last().error));
        QVERIFY2(a.tree() == b.tree(), qPrintable(where + describeDifference(a.tree(), b.tree())));
        QCOMPARE(contents(a), QStringList({"alice's edit", "bob's edit", "new"}));
        QCOMPARE(a.last().pendingUp, 0);
        QCOMPARE(b.last().pendingDown, 0);
        QVERIFY2(relay.objects("data/").isEmpty(), qPrintable(where + relay.objects("data/").join(' ')));
        if (!crashed)
            break; // that pass ended before step `at`: every step was a crash point
        ++steps;
    }
    QVERIFY2(steps >= 10, qPrintable(QString("only %1 steps").arg(steps))); // relay calls and commits
    qInfo() << "crashed at each of" << steps << "steps";
}

// Two machines under one identity (a state database copied with the machine): one of them finds
// the other's segments while it runs, refuses to write more, and says how to become a new client.
void tst_NoEditLost::cloneIsRefused()
{
    QTemporaryDir backups;
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "alice, cloned");
    a.write("f.txt", "v1");
    settle({&a, &b}, 1);
    a.saveState(backups.filePath("alice.db"));
    c.restoreState(backups.filePath("alice.db")); // same identity, its own folder
    c.config().localPath = c.path();
    for (const QString& name : a.tree().keys() + QStringList{".escale-folder"})
        c.write(name, a.read(name));
    QVERIFY2(c.pass().ok(), qPrintable(c.last().error));
    bool refused = false;
    for (int round = 0; round < 4 && !refused; ++round) {
        a.write(QString("a%1.txt").arg(round), "from alice");
        c.write(QString("c%1.txt").arg(round), "from the clone");
        for (Client* x : {&a, &c, &b}) {
            const sync::PassResult r = x->pass();
            if (r.status == sync::PassResult::Status::Refused) {
                QVERIFY2(r.error.contains("under this client's identity") && r.error.contains("move"),
                         qPrintable(r.error));
                refused = true;
            }
        }
    }
    QVERIFY(refused);
}

// Reproduction: a file waiting for relay space, changed in place keeping its size and time (as
// on FAT or SMB), was published with its scan-time hash and the new bytes: every reader failed its
// check, for ever.
void tst_NoEditLost::changedInPlaceWhileWaiting()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    settle({&a, &b}, 1);
    a.config().diskQuota = 100;
    a.makeEngine();
    a.write("f.txt", QByteArray(400, 'a'));
    setMtime(a.path("f.txt"), 1'700'000'000);
    QVERIFY(a.pass().ok());
    QVERIFY(a.last().waitingForSpace);
    {
        QFile f(a.path("f.txt"));
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.write(QByteArray(400, 'b')); // same size, same inode
    }
    setMtime(a.path("f.txt"), 1'700'000'000); // same time
    a.config().diskQuota.reset();
    a.makeEngine();
    settle({&a, &b}, 2);
    QVERIFY2(b.last().problems.isEmpty(), qPrintable(b.last().problems.join('\n')));
    QCOMPARE(b.read("f.txt"), QByteArray(400, 'b'));
    QCOMPARE(b.last().pendingDown, 0);
    CONVERGED(a, b);
}

// Reproduction: a 0600 file became 0644 (readable by every account) after a remote edit, and
// scripts lost their execute bit. Permission bits are part of a version (R34).
void tst_NoEditLost::modesTravel()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    auto mode = [](const Client& c, const QString& rel) {
        struct stat st;
        return ::stat(QFile::encodeName(c.path(rel)).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
    };
    a.write("secret.txt", "private");
    QVERIFY(QFile::setPermissions(a.path("secret.txt"), QFile::ReadOwner | QFile::WriteOwner));
    a.write("run.sh", "#!/bin/sh\necho hi\n");
    QVERIFY(QFile::setPermissions(a.path("run.sh"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                          QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                                          QFile::ExeOther));
    settle({&a, &b}, 1);
    QCOMPARE(mode(b, "secret.txt"), 0600);
    QCOMPARE(mode(b, "run.sh"), 0755);
    // A remote edit keeps them.
    b.write("secret.txt", "still private");
    b.write("run.sh", "#!/bin/sh\necho hello\n");
    settle({&a, &b}, 2);
    QCOMPARE(a.read("secret.txt"), QByteArray("still private"));
    QCOMPARE(mode(a, "secret.txt"), 0600);
    QCOMPARE(mode(a, "run.sh"), 0755);
    // A change of the bits alone travels, without content.
    const QStringList before = relay.objects("data/");
    QVERIFY(QFile::setPermissions(b.path("run.sh"), QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(b.pass().ok());
    QCOMPARE(b.last().published, 1);
    QCOMPARE(b.last().uploaded, 0);
    QVERIFY(a.pass().ok());
    QCOMPARE(mode(a, "run.sh"), 0600);
    QCOMPARE(a.read("run.sh"), QByteArray("#!/bin/sh\necho hello\n"));
    CONVERGED(a, b);
}

// Reproduction (model seed 40649): a file edited in place (same size, time and inode, so no scan
// sees it) then given other permission bits was sent again for a newcomer with the bytes read
// then, packed under the hash the scan had kept for the bits: the pack's blob failed its check
// (`verify`), and the newcomer could never have it. What is sent again is now read and checked.
void tst_NoEditLost::bitsChangedOverBytesChangedInPlace()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", QByteArray(400, 'a'));
    setMtime(a.path("f.txt"), 1'700'000'000);
    settle({&a, &b}, 2);
    QCOMPARE(relay.objects("data/"), QStringList()); // freed: a newcomer asks for it again
    {
        QFile f(a.path("f.txt"));
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.write(QByteArray(400, 'b')); // same size, same inode
    }
    setMtime(a.path("f.txt"), 1'700'000'000); // same time
    QVERIFY(QFile::setPermissions(a.path("f.txt"), QFile::ReadOwner | QFile::WriteOwner));
    Client c(relay, "carol");
    QVERIFY(c.pass().ok()); // asks for f.txt's content
    settle({&a, &b, &c}, 4);
    const QString verified = verifyProblems(relay);
    QVERIFY2(verified.isEmpty(), qPrintable(verified));
    // The bytes on alice's disk are the version everyone ends with (found when it was read for
    // carol), with its bits; nothing else was written anywhere.
    QCOMPARE(a.read("f.txt"), QByteArray(400, 'b'));
    QCOMPARE(c.read("f.txt"), QByteArray(400, 'b'));
    QCOMPARE(b.read("f.txt"), QByteArray(400, 'b'));
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(c.path("f.txt")).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
    CONVERGED(a, b);
    CONVERGED(a, c);
}

// Reproduction (model seed 50720, an edit lost): alice's state was put back from a backup older
// than her version of f.txt, which had lost a conflict to bob's. Taking her journal back, then
// scanning the folder (holding bob's bytes), she made a version numbered after hers and dropped it
// as bob's very version; her next edit then took her old counter again, and bob's later edit, which
// descends from her old version, passed for its successor: her edit was replaced, never sent.
void tst_NoEditLost::counterTakenBackIsNotUsedAgain()
{
    QTemporaryDir backups;
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("other.txt", "x");
    settle({&a, &b}, 2);
    a.saveState(backups.filePath("alice.db"));
    a.write("f.txt", "alice v1");
    setMtime(a.path("f.txt"), 1'700'000'000);
    b.write("f.txt", "bob v1");
    setMtime(b.path("f.txt"), 1'700'000'100); // the later one wins the name
    QVERIFY(b.pass().ok());
    QVERIFY(a.pass().ok()); // alice's v1 loses, kept as a copy, and is published
    QCOMPARE(a.read("f.txt"), QByteArray("bob v1"));
    QVERIFY(b.pass().ok());
    b.write("f.txt", "bob v2"); // made from both versions
    setMtime(b.path("f.txt"), 1'700'000'200);
    a.restoreState(backups.filePath("alice.db"));
    QVERIFY2(a.pass().ok(), qPrintable(a.last().error)); // takes its journal back
    a.write("f.txt", "alice v2"); // before bob's v2 reaches her
    setMtime(a.path("f.txt"), 1'700'000'150);
    QVERIFY(b.pass().ok());
    settle({&a, &b}, 4);
    CONVERGED(a, b);
    // Both edits meet as a conflict; nothing anyone wrote is gone.
    QCOMPARE(contents(b), QStringList({"alice v1", "alice v2", "bob v2", "x"}));
}

// Model seed 1290132 (an edit lost). Bob's edit waited for room on the relay (his quota) and
// superseded, here only, alice's published deletion of the file; a snapshot he wrote meanwhile
// (R17) left out that deletion and his published version under it, as if his waiting edit stood for
// them, and his segments went (R18). Put back from a backup, his state took back that snapshot,
// which no longer said his counter for the file: his scan numbered the edit with a counter alice's
// deletion already knew, and that deletion, read again, passed for its successor: the file went
// from his folder, the edit never sent.
void tst_NoEditLost::snapshotKeepsWhatAWaitingEditSupersedes()
{
    QTemporaryDir backups;
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    b.config().diskQuota = 64 * 1024;
    b.makeEngine();
    a.write("f.txt", "alice v1");
    a.write("g.txt", "g");
    settle({&a, &b}, 2);
    b.saveState(backups.filePath("bob.db"));
    b.engine().setSnapshotInterval(1);
    b.write("f.txt", "bob v2");
    QVERIFY(b.pass().ok());
    QVERIFY(a.pass().ok());
    QCOMPARE(a.read("f.txt"), QByteArray("bob v2"));
    QVERIFY(QFile::remove(a.path("f.txt")));
    a.write("big.bin", QByteArray(100 * 1024, 'x')); // more than bob's quota, until bob has it
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok()); // the deletion placed; big.bin received
    QVERIFY(!b.exists("f.txt"));
    QVERIFY(b.pass().ok()); // alice read all his segments: they go, his snapshot covers them
    const QString own = "journal/" + b.engine().clientId() + "/";
    b.write("f.txt", "bob's edit");          // made again over the deletion
    QVERIFY(QFile::remove(b.path("g.txt"))); // a record with no content: a segment, a snapshot
    QVERIFY(b.pass().ok());
    QVERIFY(b.last().waitingForSpace);
    QVERIFY2(relay.objects(own).size() <= 1, qPrintable(relay.objects(own).join(' ')));
    b.restoreState(backups.filePath("bob.db"));
    QVERIFY2(b.pass().ok(), qPrintable(b.last().error)); // takes his snapshot back
    settle({&a, &b}, 4);
    CONVERGED(a, b);
    QCOMPARE(b.read("f.txt"), QByteArray("bob's edit"));
    QVERIFY(!b.exists("g.txt"));
}

// The same loss by another way (review of the fix): bob's pass stopped dead after his segment with
// his deletion E reached the relay, before his state recorded it (a record with no content: no
// upload of his says a segment may be there). His file made again, waiting for room, superseded E
// before his push, finding that segment there, took E back: no known version took it in, and his
// snapshot left it out. Put back from a backup, his state numbered his file with E's counter, and
// alice's file made over E passed for its successor.
void tst_NoEditLost::snapshotKeepsAVersionTakenBackUnderAWaitingEdit()
{
    for (int at = 1; at <= 40; ++at) {
        QTemporaryDir backups;
        Relay relay("memory");
        Client a(relay, "alice"), b(relay, "bob");
        b.config().diskQuota = 64 * 1024;
        b.makeEngine();
        a.write("f.txt", "v1");
        for (const char* other : {"g.txt", "h.txt", "i.txt", "j.txt", "k.txt"})
            a.write(other, other);
        settle({&a, &b}, 2);
        b.saveState(backups.filePath("bob.db"));
        const QString own = "journal/" + b.engine().clientId() + "/";
        const int segments = int(relay.objects(own).size());
        QVERIFY(QFile::remove(b.path("f.txt")));
        if (!b.crashingPass(at))
            QFAIL("no step between his segment and his state's commit");
        if (relay.objects(own).size() == segments || b.engine().database().pendingCount() == 0)
            continue; // stopped elsewhere
        b.engine().setSnapshotInterval(1);
        a.write("big.bin", QByteArray(100 * 1024, 'x')); // more than bob's quota, until bob has it
        QVERIFY(a.pass().ok());                          // (his head does not name that segment yet)
        b.write("f.txt", "bob's file");
        QVERIFY(QFile::remove(b.path("g.txt"))); // a record with no content: a segment, a snapshot
        QVERIFY2(b.pass().ok(), qPrintable(b.last().error));
        QVERIFY(b.last().waitingForSpace);
        QVERIFY(a.pass().ok());
        QVERIFY(!a.exists("f.txt"));
        QVERIFY(b.pass().ok()); // alice read his segments: they go, his snapshot covers them
        QVERIFY2(relay.objects(own).size() <= 1, qPrintable(relay.objects(own).join(' ')));
        a.write("f.txt", "alice's file"); // made over E
        QVERIFY(a.pass().ok());
        b.restoreState(backups.filePath("bob.db"));
        QVERIFY2(b.pass().ok(), qPrintable(b.last().error)); // takes his snapshot back
        settle({&a, &b}, 4);
        CONVERGED(a, b);
        QVERIFY(contents(b).contains("alice's file"));
        QVERIFY(contents(b).contains("bob's file"));
        return;
    }
    QFAIL("no pass stopped between his segment and his state's commit");
}

// Model seed 110270 (an edit lost). After a state put back from a backup, alice's scan found a file
// she had received from carol as new: a version of her own (her first counter), not published yet,
// with carol's bytes. Bob had asked for those bytes again (lost from the relay). Her pull planned
// to send them again as the first version of that content the path listed, her unpublished one
// when her id sorts first; her push took carol's version as the folder's and dropped her own, then
// sent the planned one all the same. The others now knew a version she had dropped: her next edit
// took its counter again, and carol's deletion, made from the dropped version, passed for its
// successor. The client ids are chosen so that alice's version is listed first.
void tst_NoEditLost::droppedVersionIsNeverSentAgain()
{
    QTemporaryDir backups;
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    a.setClientId("1111111111111111");
    b.setClientId("7777777777777777");
    c.setClientId("eeeeeeeeeeeeeeee");
    a.write("other.txt", "x");
    settle({&a, &b, &c}, 2);
    a.saveState(backups.filePath("alice.db"));
    c.write("f.txt", "carol v1");
    QVERIFY(c.pass().ok());
    QVERIFY(a.pass().ok());
    QCOMPARE(a.read("f.txt"), QByteArray("carol v1"));
    a.write("other.txt", "x2");
    QVERIFY(a.pass().ok()); // her journal goes past the backup
    const QString pack = objectHolding(relay, "carol v1");
    QVERIFY(!pack.isEmpty());
    relay.removeObject(pack); // lost before bob read it: he asks for it again
    QVERIFY(b.pass().ok());
    QVERIFY(!b.exists("f.txt"));
    a.restoreState(backups.filePath("alice.db"));
    QVERIFY2(a.pass().ok(), qPrintable(a.last().error)); // takes back; carol's version is the folder's
    QVERIFY(a.pass().ok());                                 // sends carol's bytes again for bob
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("f.txt"), QByteArray("carol v1"));
    c.write("f.txt", "carol v2");
    QVERIFY(c.pass().ok());
    a.write("f.txt", "alice's edit"); // before carol's v2 reaches her
    QVERIFY(a.pass().ok());
    QVERIFY(QFile::remove(c.path("f.txt"))); // carol deletes the name before alice's edit reaches her
    QVERIFY(c.pass().ok());
    settle({&a, &b, &c}, 4);
    CONVERGED(a, b);
    CONVERGED(a, c);
    // Alice's edit and carol's v2 met as a conflict; carol's deletion took only what she had seen.
    QVERIFY2(contents(a).contains("alice's edit"), qPrintable(contents(a).join(" | ")));
    QVERIFY2(contents(a).contains("carol v2"), qPrintable(contents(a).join(" | ")));
}

// Model seed 110166: alice's state was put back from a backup made before her first pass, so her
// next pass scanned her folder before it knew her repository, and found notes.md (holding bob's
// version, which had won over her deletion) as a new file: a version of her own. Taking her journal
// back then put the path's state back to her last record of it, that deletion; the version the scan
// had made, standing on the state replaced, was published all the same (without content: bob's
// version has the same bytes). Nothing done later superseded it: once bob deleted the name and the
// bytes were freed, everyone asked for its content forever. It goes with the state it stood on.
// The other row: the file the scan found was an edit made after the backup; the next scan, which
// compares the folder with the taken-back version, makes its version again, and it reaches bob,
// superseding the version he has.
void tst_NoEditLost::scanBeforeTakingBack_data()
{
    QTest::addColumn<bool>("editAfterBackup");
    QTest::newRow("the seed: a version of another's bytes, then the name deleted by both") << false;
    QTest::newRow("an edit made after the backup is sent") << true;
}

void tst_NoEditLost::scanBeforeTakingBack()
{
    QFETCH(bool, editAfterBackup);
    QTemporaryDir backups;
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.saveState(backups.filePath("alice.db")); // before her first pass
    a.write("notes.md", "alice v1");
    settle({&a, &b}, 2);
    if (editAfterBackup) {
        a.write("notes.md", "alice v2, made after the backup");
    } else {
        b.write("notes.md", "bob v1");
        QVERIFY(b.pass().ok());
        QVERIFY(QFile::remove(a.path("notes.md")));
        QVERIFY(a.pass().ok()); // her deletion meets bob's edit: the edit stays
        QCOMPARE(a.read("notes.md"), QByteArray("bob v1"));
    }
    a.restoreState(backups.filePath("alice.db"));
    QVERIFY2(a.pass().ok(), qPrintable(a.last().error)); // scans, then takes her journal back
    if (!editAfterBackup) {
        // Both delete the name, each before the other's news: bob's bytes are freed by then.
        QVERIFY(QFile::remove(a.path("notes.md")));
        QVERIFY(QFile::remove(b.path("notes.md")));
        QVERIFY(b.pass().ok());
    }
    settle({&a, &b}, 4);
    CONVERGED(a, b);
    if (editAfterBackup) {
        QCOMPARE(b.read("notes.md"), QByteArray("alice v2, made after the backup"));
        QCOMPARE(b.tree().size(), 1); // no conflict copy: v2 supersedes v1
    } else {
        QVERIFY(!a.exists("notes.md"));
    }
    const QString atRest = problemsAtRest({&a, &b}); // nothing asked for, nothing waiting
    QVERIFY2(atRest.isEmpty(), qPrintable(atRest));
}

// Around model seed 170480 (an edit lost; its exact sequence is a regression row of tst_Model):
// alice's pass deleting f.txt stops at each of its steps in turn, among them the one after her
// deletion was published and before her state recorded it. She writes the name again; her next
// pass scans it and, where the crash left her state behind, takes her journal back after that
// scan. Bob deletes the name meanwhile, never having seen her new file: it must survive, whatever
// the crash point. (In the seed, the scan's version was numbered after the taken-back deletion;
// dropped with the state, the next scan numbered the file as the path's first version again, and
// a deletion from elsewhere passed for its successor.)
void tst_NoEditLost::editAfterACrashThatPublished()
{
    int crashes = 0;
    for (int at = 1; at < 40; ++at) {
        Relay relay("memory");
        Client a(relay, "alice"), b(relay, "bob");
        a.write("f.txt", "alice v1");
        settle({&a, &b}, 2);
        QVERIFY(QFile::remove(a.path("f.txt")));
        if (!a.crashingPass(at))
            break; // the pass ended before that step: every point was tried
        ++crashes;
        a.write("f.txt", "alice v2, after the crash");
        QVERIFY(QFile::remove(b.path("f.txt"))); // bob deletes the name, never having seen v2
        QVERIFY(b.pass().ok());
        QVERIFY2(a.pass().ok(), qPrintable(a.last().error));
        settle({&a, &b}, 4);
        CONVERGED(a, b);
        QVERIFY2(contents(b) == QStringList({"alice v2, after the crash"}),
                 qPrintable(QString("crash at step %1: %2").arg(at).arg(contents(b).join(" | "))));
    }
    QVERIFY(crashes > 3);
}

// The mirror of editAfterACrashThatPublished, found by a review: alice's pass publishing her edit
// v2 stops at each step in turn; she deletes the file, and her next pass (scanning the deletion, a
// successor of v2, before it takes her journal back) stops at each of its steps in turn too. Then
// she writes the name again with v2's very bytes. What she wrote last must stand on both sides:
// the scan's deletion is not a version standing on the state put back, and the taken-back v2 must
// not become the folder's state under it (the re-created file, equal to that state, would then be
// taken for v2 and deleted by her own deletion).
void tst_NoEditLost::deletionAfterACrashThatPublished()
{
    int tried = 0;
    for (int first = 1; first < 40; ++first) {
        bool firstCrashed = true;
        for (int second = 1; second < 40; ++second) {
            Relay relay("memory");
            Client a(relay, "alice"), b(relay, "bob");
            a.write("f.txt", "alice v1");
            settle({&a, &b}, 2);
            a.write("f.txt", "alice v2");
            if (!a.crashingPass(first)) {
                firstCrashed = false;
                break;
            }
            QVERIFY(QFile::remove(a.path("f.txt")));
            const bool secondCrashed = a.crashingPass(second);
            ++tried;
            a.write("f.txt", "alice v2"); // written again, with the same bytes
            settle({&a, &b}, 4);
            CONVERGED(a, b);
            QVERIFY2(contents(b) == QStringList({"alice v2"}),
                     qPrintable(QString("crashes at steps %1 and %2: %3")
                                    .arg(first)
                                    .arg(second)
                                    .arg(contents(b).join(" | "))));
            if (!secondCrashed)
                break;
        }
        if (!firstCrashed)
            break;
    }
    QVERIFY(tried > 10);
}

// A guard around the take-back (a review asked for the case of a deletion scanned before it):
// alice's state is put back from a backup made while her version v2 of f.txt waited to be sent (it
// was sent after the backup). She deletes f.txt; her next pass scans the deletion, a successor of
// v2, takes her journal back, and stops at each of its steps in turn. Then she writes f.txt again
// with v2's very bytes: that file must stand on both sides, not be taken for v2 and removed by her
// deletion. (Here v2, still waiting in the state put back, is found published after all; the
// review's exact case, no version of the path left to match, has not been reached by a scenario.)
void tst_NoEditLost::deletionScannedBeforeTakingBack()
{
    QTemporaryDir backups;
    const QString backup = backups.filePath("alice.db");
    // The pass that makes v2 stops after its scan is recorded, before anything is sent.
    auto prepare = [&](Relay& relay, Client& a, Client& b) {
        a.write("f.txt", "alice v1");
        settle({&a, &b}, 2);
        a.saveState(backups.filePath("before.db"));
        a.write("f.txt", "alice v2");
        for (int at = 1; at < 40; ++at) {
            const int segments = int(relay.objects("journal/" + a.engine().clientId() + "/").size());
            if (!a.crashingPass(at))
                return false;
            bool waiting = false;
            for (const auto& v : a.engine().database().versions("f.txt"))
                waiting = waiting || v.pending;
            if (waiting && int(relay.objects("journal/" + a.engine().clientId() + "/").size()) == segments) {
                a.saveState(backup); // v2 recorded, waiting to be sent
                return true;
            }
            // Stopped elsewhere: as it was before that pass (v2 still only in the folder).
            a.restoreState(backups.filePath("before.db"));
        }
        return false;
    };
    int tried = 0;
    for (int at = 1; at < 60; ++at) {
        Relay relay("memory");
        Client a(relay, "alice"), b(relay, "bob");
        QVERIFY2(prepare(relay, a, b), "no step of the pass leaves v2 recorded and unsent");
        QVERIFY2(a.pass().ok(), qPrintable(a.last().error)); // v2 sent
        QVERIFY(b.pass().ok());
        QCOMPARE(b.read("f.txt"), QByteArray("alice v2"));
        a.restoreState(backup);
        QVERIFY(QFile::remove(a.path("f.txt")));
        const bool crashed = a.crashingPass(at);
        ++tried;
        a.write("f.txt", "alice v2"); // written again, the same bytes
        settle({&a, &b}, 4);
        CONVERGED(a, b);
        QVERIFY2(contents(b) == QStringList({"alice v2"}),
                 qPrintable(QString("crash at step %1: %2").arg(at).arg(contents(b).join(" | "))));
        if (!crashed)
            break;
    }
    QVERIFY(tried > 3);
}

// Found by a review: alice's state was put back from a backup older than every segment of her
// journal still on the relay (each deleted once her snapshot covered it and bob read it). Taking
// her journal back found nothing to read, so nothing told her which counters of f.txt she had
// used: her next edit took one again, and bob, holding her version of that counter, dropped the
// edit as one he had. Her snapshot says what her deleted segments said.
void tst_NoEditLost::restoreOlderThanTheJournalsLeft()
{
    QTemporaryDir backups;
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "alice v1");
    settle({&a, &b}, 2);
    a.saveState(backups.filePath("alice.db"));
    a.engine().setSnapshotInterval(2);
    a.write("f.txt", "alice v2");
    settle({&a, &b}, 2);
    for (int i = 1; i <= 4; ++i) { // more segments, of another file
        a.write("other.txt", QByteArray::number(i));
        settle({&a, &b}, 2);
    }
    QCOMPARE(b.read("f.txt"), QByteArray("alice v2"));
    // Her segments covered by her snapshot are deleted: of the six, at most the last is left.
    QVERIFY(relay.objects("journal/" + a.engine().clientId() + "/").size() <= 1);
    a.restoreState(backups.filePath("alice.db"));
    a.write("f.txt", "alice, after the restore");
    settle({&a, &b}, 4);
    CONVERGED(a, b);
    QCOMPARE(b.read("f.txt"), QByteArray("alice, after the restore"));
    QCOMPARE(b.tree().size(), 2); // no conflict copy: her edit supersedes her v2
    const QString atRest = problemsAtRest({&a, &b}); // nothing asked for, nothing waiting
    QVERIFY2(atRest.isEmpty(), qPrintable(atRest));
    a.write("f.txt", "alice, later"); // her journal goes on where the relay's is
    settle({&a, &b}, 2);
    QCOMPARE(b.read("f.txt"), QByteArray("alice, later"));
}

// Around model seed 190044 (its exact sequence is a regression row of tst_Model): alice and bob
// settle the same conflict at once, each by deleting the copy: two versions of the winner's bytes,
// concurrent. Alice's next edit supersedes hers only; bob's becomes a conflict copy on her side
// (its bytes, sent without content, asked for again), which she then edits, settling the name
// again. Her version of the name must take in bob's, so that deleting the name leaves nothing
// standing whose bytes nobody holds. (In the seed, the name's folder state had not taken in bob's
// version when the copy was edited; settling now merges the copy's losing versions itself.)
void tst_NoEditLost::conflictSettledOnBothSides()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "base");
    settle({&a, &b}, 2);
    a.write("f.txt", "alice v1");
    setMtime(a.path("f.txt"), 1'700'000'100); // the later one wins the name
    b.write("f.txt", "bob v1");
    setMtime(b.path("f.txt"), 1'700'000'000);
    QVERIFY(b.pass().ok());
    settle({&a, &b}, 2);
    QCOMPARE(b.read("f.txt"), QByteArray("alice v1"));
    QStringList copies;
    for (const QString& p : a.tree().keys())
        if (p.contains("conflict"))
            copies << p;
    QCOMPARE(copies.size(), 1);
    QVERIFY(QFile::remove(a.path(copies.first()))); // both settle it, each before the other's news
    QVERIFY(QFile::remove(b.path(copies.first())));
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    a.write("f.txt", "alice v2");
    QVERIFY(a.pass().ok());
    settle({&a, &b}, 3);
    for (const QString& p : a.tree().keys()) // a copy of bob's settling, if any, edited here
        if (p.contains("conflict"))
            a.write(p, "alice edits the copy");
    settle({&a, &b}, 3);
    QVERIFY(QFile::remove(a.path("f.txt")));
    settle({&a, &b}, 4);
    CONVERGED(a, b);
    QVERIFY(!b.exists("f.txt"));
    const QString atRest = problemsAtRest({&a, &b}); // nothing asked for, nothing waiting
    QVERIFY2(atRest.isEmpty(), qPrintable(atRest));
}

// The counterpart of model seed 50530 (a deletion made here beside a version it does not
// supersede: the folder is made to match in the same pass): alice saw a conflict (hers won the
// name, bob's went to a copy), then deleted the name. Her deletion was made from both versions, so
// it supersedes both: the name goes everywhere, bob's version stays in its copy, and nothing
// brings the name back.
void tst_NoEditLost::winnerDeletedWhereTheConflictWasSeen()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "base");
    settle({&a, &b}, 2);
    b.write("f.txt", "bob's");
    setMtime(b.path("f.txt"), 1'700'000'000);
    QVERIFY(b.pass().ok());
    a.write("f.txt", "alice's");
    setMtime(a.path("f.txt"), 1'700'000'100); // the later one wins the name
    QVERIFY(a.pass().ok());
    QCOMPARE(a.read("f.txt"), QByteArray("alice's"));
    QCOMPARE(a.tree().size(), 2); // and bob's copy
    QVERIFY(QFile::remove(a.path("f.txt")));
    settle({&a, &b}, 3);
    QVERIFY(!a.exists("f.txt"));
    CONVERGED(a, b);
    QCOMPARE(contents(b), QStringList({"bob's"}));
    QCOMPARE(b.last().pendingDown, 0);
}

// A new file read again to be sent is changed in place between the scan and the push (same size,
// time and inode: a coarse-time file system, a tool that sets the time back). What is sent is what
// the scan hashed or nothing: no blob is packed under a hash that does not name its bytes, no
// record names a content its blobs do not make (no reader ever finds a check failing); the next
// pass sends what the file holds. The push checks what it reads against the scan's BlobCheck.
// (Review of 51861fa for a file of one blob over the size the scan cuts from; the other rows
// failed before the checks: a file of one blob below it was packed unhashed, and a file of several
// blobs went out with the scan's hash over the new blobs.)
void tst_NoEditLost::newBigFileChangedInPlaceBeforeItsPush_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<int>("blobs");     // of the first content
    QTest::addColumn<bool>("scanCuts"); // the scan cuts it (else the push does, checking the whole)
    // Another file holding the first content is touched before each pass: the scan hashes that
    // content again every time (its check is not the changed file's, which is read again).
    QTest::addColumn<bool>("copyTouched");
    QTest::addColumn<QByteArray>("base"); // what everyone held at the path before (none: a new file)
    auto random = [](qsizetype size, int seed) {
        QByteArray bytes(size, Qt::Uninitialized);
        QRandomGenerator(seed).fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
        return bytes;
    };
    QTest::newRow("one blob, cut by the scan")
        << QByteArray(2 << 20, 'a') << QByteArray(2 << 20, 'b') << 1 << true << false << QByteArray();
    QByteArray small = random(500 * 1024, 3); // not kept by the scan (over 64 KiB), under a blob's least
    QByteArray smallChanged = small;
    smallChanged.replace(200 * 1024, 4, "edit");
    QTest::newRow("one blob, below the size the scan cuts from")
        << small << smallChanged << 1 << false << false << QByteArray();
    QByteArray several = random(6 << 20, 5);
    QByteArray severalChanged = several;
    severalChanged.replace(3 << 20, 4, "edit");
    QTest::newRow("several blobs cut by the scan, one changed")
        << several << severalChanged << 4 << true << false << QByteArray();
    QTest::newRow("several blobs, a copy touched at each pass")
        << several << severalChanged << 4 << true << true << QByteArray();
    QTest::newRow("several blobs cut by the push, one changed")
        << several << severalChanged << 4 << false << false << QByteArray();
    // An edit: the scan cuts it, and the push reads only its new blobs, hashing them again.
    QByteArray base = several;
    base.replace((3 << 20) - 100, 8, "previous");
    QTest::newRow("an edit of several blobs, its new blob changed")
        << several << severalChanged << 4 << true << false << base;
}

void tst_NoEditLost::newBigFileChangedInPlaceBeforeItsPush()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(int, blobs);
    QFETCH(bool, scanCuts);
    QFETCH(bool, copyTouched);
    QFETCH(QByteArray, base);
    QCOMPARE(protocol::Chunker(protocol::Chunker::plainGear()).cut(first).size(), blobs);
    if (!scanCuts) {
        a.config().scanCutsFrom = qint64(1) << 40;
        a.makeEngine();
    }
    settle({&a, &b}, 1);
    if (!base.isEmpty()) {
        a.write("big.bin", base);
        setMtime(a.path("big.bin"), 1'600'000'000);
        settle({&a, &b}, 2);
        QVERIFY(b.read("big.bin") == base);
        b.write("note.txt", "bob's"); // (alice's next pass reads it after her scan: the hook below)
        QVERIFY(b.pass().ok());
    }
    a.write("big.bin", first);
    setMtime(a.path("big.bin"), 1'700'000'000);
    if (copyTouched)
        a.write("copy.bin", first);
    int passes = 0;
    auto touchCopy = [&] {
        if (copyTouched)
            setMtime(a.path("copy.bin"), 1'700'000'100 + ++passes);
    };
    touchCopy();
    bool changed = false;
    a.faults().setOperationHook([&](relay::FaultyRelay::Op op) {
        if (op == relay::FaultyRelay::Op::Get && !changed) { // (the pull reads a head, after the scan)
            QFile f(a.path("big.bin"));
            if (f.open(QIODevice::ReadWrite)) { // in place: the same inode
                f.write(second);
                f.close();
            }
            setMtime(a.path("big.bin"), 1'700'000'000);
            changed = true;
        }
        return true;
    });
    QVERIFY(a.pass().ok());
    a.faults().setOperationHook({});
    QVERIFY(changed);
    QVERIFY(b.pass().ok());
    QVERIFY2(b.last().problems.filter("failed its check").isEmpty(), qPrintable(b.last().problems.join('\n')));
    for (int round = 0; round < 3; ++round) {
        touchCopy();
        QVERIFY(a.pass().ok());
        QVERIFY(b.pass().ok());
        QVERIFY2(b.last().problems.filter("failed its check").isEmpty(),
                 qPrintable(b.last().problems.join('\n')));
    }
    QVERIFY(b.read("big.bin") == second);
    if (copyTouched)
        QVERIFY(b.read("copy.bin") == first);
    CONVERGED(a, b);
    const QString verified = verifyProblems(relay);
    QVERIFY2(verified.isEmpty(), qPrintable(verified));
}

// Reproduction (model seed 50173): alice's version lost a conflict before she could send it; its
// content lives in the conflict copy, which she then edited in place (same size, time and inode).
// The push read the losing version's content from the copy and sent those bytes as that version;
// the copy's own record named a content nobody held, which bob asked for forever, and the name
// kept a vector that no deletion could reach.
void tst_NoEditLost::losingVersionsCopyEditedInPlace_data()
{
    QTest::addColumn<bool>("deletedMeanwhile");
    QTest::newRow("bob deletes the name after") << false;
    QTest::newRow("bob deleted the name before alice's next pass") << true;
}

void tst_NoEditLost::losingVersionsCopyEditedInPlace()
{
    QFETCH(bool, deletedMeanwhile);
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "base");
    settle({&a, &b}, 2);
    a.write("f.txt", "alice's");
    setMtime(a.path("f.txt"), 1'700'000'000);
    b.write("f.txt", "bob's!!");
    setMtime(b.path("f.txt"), 1'700'000'100); // the later one wins the name
    QVERIFY(b.pass().ok());
    // Alice's pass places bob's version and keeps hers as a copy, then cannot send anything.
    a.faults().setOperationHook([](relay::FaultyRelay::Op op) { return op != relay::FaultyRelay::Op::Put; });
    a.pass();
    a.faults().setOperationHook({});
    QCOMPARE(a.read("f.txt"), QByteArray("bob's!!"));
    QString copy;
    for (const QString& name : a.tree().keys())
        if (name.startsWith("f (conflict from alice"))
            copy = name;
    QVERIFY2(!copy.isEmpty(), qPrintable(a.tree().keys().join(", ")));
    QCOMPARE(a.read(copy), QByteArray("alice's"));
    {
        QFile f(a.path(copy));
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.write("ALICE'S"); // same size, same inode
    }
    setMtime(a.path(copy), 1'700'000'000); // same time
    if (deletedMeanwhile) {
        QVERIFY(QFile::remove(b.path("f.txt")));
        QVERIFY(b.pass().ok());
    }
    settle({&a, &b}, 4);
    QVERIFY2(b.last().ok() && b.last().pendingDown == 0, qPrintable(b.last().waiting.join('\n')));
    QCOMPARE(a.last().pendingUp, 0);
    CONVERGED(a, b);
    // What alice's folder holds is what everyone holds: her copy as she edited it, bob's version
    // under the name (unless he deleted it: her losing version lives on in the copy she edited).
    // No content was sent under another content's name (verify).
    QCOMPARE(contents(b), deletedMeanwhile ? QStringList({"ALICE'S"}) : QStringList({"ALICE'S", "bob's!!"}));
    const QString verified = verifyProblems(relay);
    QVERIFY2(verified.isEmpty(), qPrintable(verified));
    if (deletedMeanwhile) {
        QVERIFY(!a.exists("f.txt"));
        return;
    }
    // Then bob deletes the name: alice's file goes too.
    QVERIFY(QFile::remove(b.path("f.txt")));
    settle({&a, &b}, 3);
    QVERIFY(!a.exists("f.txt"));
    CONVERGED(a, b);
}

// Reproduction (model seed 360205): carol settled a conflict by editing her copy, which made a
// version of the name holding the winner's content without chunks. That version then lost to
// bob's edit and lived on in carol's new copy alone. Alice deleted bob's version without knowing
// carol's, so carol's won the name again (content beats deletion); carol's pass learnt of it and
// stopped before placing it, then she edited that copy. Its former content was nowhere any more,
// and every client asked for it forever.
void tst_NoEditLost::settledVersionWinsAgainOnlyInItsCopy_data()
{
    QTest::addColumn<bool>("edited");
    QTest::newRow("carol edits that copy: its former content is let go") << true;
    QTest::newRow("carol only makes that copy executable: its content is still here, and takes the name") << false;
}

void tst_NoEditLost::settledVersionWinsAgainOnlyInItsCopy()
{
    QFETCH(bool, edited);
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    a.write("f.txt", "base");
    settle({&a, &b, &c}, 2);
    // A first conflict: alice's version keeps the name, carol's goes to a copy.
    writeAt(a, "f.txt", "alice's", 1'700'000'100);
    writeAt(c, "f.txt", "carol's", 1'700'000'050);
    QVERIFY(c.pass().ok());
    QVERIFY(a.pass().ok());
    QVERIFY(c.pass().ok());
    QCOMPARE(c.read("f.txt"), QByteArray("alice's"));
    const QString carolsCopy = "f (conflict from carol 2023-11-14 221410 " + copyTag("carol's") + ").txt";
    QCOMPARE(c.read(carolsCopy), QByteArray("carol's"));
    c.write(carolsCopy, "carol's, edited"); // settles the first conflict at carol's next pass
    // Bob edits the name after placing alice's version; alice places bob's.
    QVERIFY(b.pass().ok());
    writeAt(b, "f.txt", "bob's", 1'700'000'200);
    QVERIFY(b.pass().ok());
    QVERIFY(a.pass().ok());
    QCOMPARE(a.read("f.txt"), QByteArray("bob's"));
    // Carol's settling version (alice's content) loses to bob's: it lives on in a copy.
    QVERIFY(c.pass().ok());
    QCOMPARE(c.read("f.txt"), QByteArray("bob's"));
    const QString settledCopy = "f (conflict from carol 2023-11-14 221500 " + copyTag("alice's") + ").txt";
    QCOMPARE(c.read(settledCopy), QByteArray("alice's"));
    // Alice deletes bob's version, before she knows carol's: carol's wins the name again.
    QVERIFY(QFile::remove(a.path("f.txt")));
    QVERIFY(a.pass().ok());
    QVERIFY2(objectHolding(relay, "alice's").isEmpty(), "alice's content is still on the relay");
    // Carol's pass learns of it and stops before placing it, then she edits that copy.
    c.engine().interrupt();
    c.pass();
    c.engine().interrupt(false);
    QVERIFY(c.last().interrupted);
    QCOMPARE(c.read("f.txt"), QByteArray("bob's"));
    if (edited) {
        c.write(settledCopy, "alice's, edited by carol");
    } else {
        QFile copy(c.path(settledCopy));
        QVERIFY(copy.setPermissions(copy.permissions() | QFileDevice::ExeOwner));
    }
    settle({&a, &b, &c}, 4);
    const QString atRest = problemsAtRest({&a, &b, &c}); // nothing asked for, nothing waiting
    QVERIFY2(atRest.isEmpty(), qPrintable(atRest));
    for (Client* x : {&a, &b, &c})
        QVERIFY2(x->last().ok() && x->last().pendingDown == 0 && x->last().pendingUp == 0,
                 qPrintable(x->last().waiting.join('\n')));
    CONVERGED(a, b);
    CONVERGED(a, c);
    if (edited) {
        // What carol edited is what everyone holds; the name went with alice's deletion.
        QVERIFY(!a.exists("f.txt"));
        QCOMPARE(contents(b), QStringList({"alice's, edited by carol", "carol's, edited"}));
    } else {
        // The content is still in carol's copy: her version keeps the name, sent from there.
        QCOMPARE(b.read("f.txt"), QByteArray("alice's"));
        QCOMPARE(contents(b), QStringList({"alice's", "alice's", "carol's, edited"}));
    }
}

// The review's counterpart of the rule above: bob keeps his losing version ("keep the copy": it
// takes the name, a later version of the same content), and carol, who learnt of it but had not
// placed it yet, deletes her stale copy. The copy was made from bob's first version, not from the
// one he kept: nothing is let go, and bob's choice keeps the name everywhere.
void tst_NoEditLost::copyKeptElsewhereThenStaleCopyDeleted()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    a.write("f.txt", "base");
    settle({&a, &b, &c}, 2);
    writeAt(a, "f.txt", "alice's", 1'700'000'100);
    writeAt(b, "f.txt", "bob's", 1'700'000'000);
    QVERIFY(b.pass().ok());
    settle({&a, &b, &c}, 2);
    const QString copy = "f (conflict from bob 2023-11-14 221320 " + copyTag("bob's") + ").txt";
    for (Client* x : {&a, &b, &c}) {
        QCOMPARE(x->read("f.txt"), QByteArray("alice's"));
        QCOMPARE(x->read(copy), QByteArray("bob's"));
    }
    QString result, error;
    QVERIFY2(sync::resolveConflict(b.path(), *sync::parseConflictCopy(copy), sync::KeepVersion::Copy, result, error),
             qPrintable(error));
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("f.txt"), QByteArray("bob's"));
    // Carol's pass learns of bob's choice and stops before placing it; then she deletes the copy.
    c.engine().interrupt();
    c.pass();
    c.engine().interrupt(false);
    QVERIFY(c.last().interrupted);
    QCOMPARE(c.read("f.txt"), QByteArray("alice's"));
    QVERIFY(QFile::remove(c.path(copy)));
    settle({&a, &b, &c}, 4);
    const QString atRest = problemsAtRest({&a, &b, &c});
    QVERIFY2(atRest.isEmpty(), qPrintable(atRest));
    CONVERGED(a, b);
    CONVERGED(a, c);
    QCOMPARE(a.read("f.txt"), QByteArray("bob's"));
    QCOMPARE(contents(a), QStringList({"bob's"}));
}

// Model seed 470047: carol kept alice's version as a conflict copy, deleted the copy, and had her
// state put back from a backup older than the conflict before her next pass. That pass took back
// the copy she had published, sent its deletion, and made her next change of the name from the
// state taken back: concurrent with alice's version, which she no longer knew. Alice and bob deleted
// their copies, the only files holding alice's content; carol's edit, held back for room on the
// relay, came later, older than alice's version, which won the name with its content in no folder:
// all three asked for it for ever. (Deleting the name instead, the version came back there from
// the copies, although carol had deleted both.) Carol, reading alice's version again, settles the
// name: her copy of it was deleted here.
void tst_NoEditLost::copyDeletedByARestoredClient_data()
{
    QTest::addColumn<QString>("then"); // what carol does to the name after the restore
    QTest::newRow("edited") << "edit";
    QTest::newRow("deleted") << "delete";
    QTest::newRow("copy renamed, not deleted: nothing is let go") << "rename";
    // The name made a folder (a file in it): the folder stays, alice's version goes with her copy.
    QTest::newRow("made a folder") << "folder";
}

void tst_NoEditLost::copyDeletedByARestoredClient()
{
    QFETCH(QString, then);
    QTemporaryDir backups;
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    a.write("f.txt", "base");
    settle({&a, &b, &c}, 2);
    c.saveState(backups.filePath("carol.db"));
    writeAt(a, "f.txt", "alice's", 1'700'000'100);
    QVERIFY(a.pass().ok());
    writeAt(c, "f.txt", "carol's", 1'700'000'200);
    settle({&c, &a, &b}, 2);
    const QString copy = "f (conflict from alice 2023-11-14 221500 " + copyTag("alice's") + ").txt";
    for (Client* x : {&a, &b, &c}) {
        QCOMPARE(x->read("f.txt"), QByteArray("carol's"));
        QCOMPARE(x->read(copy), QByteArray("alice's"));
    }
    // A file of alice's that bob has not taken yet fills most of carol's relay space.
    QByteArray big(40 * 1024, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32*>(big.data()), big.size() / 4);
    a.write("big.bin", big);
    QVERIFY(a.pass().ok());
    if (then == "rename")
        QVERIFY(QFile::rename(c.path(copy), c.path("kept.txt")));
    else
        QVERIFY(QFile::remove(c.path(copy)));
    c.config().diskQuota = 48 * 1024;
    c.restoreState(backups.filePath("carol.db"));
    // Older than alice's version, and concurrent with it: carol's state no longer knows it.
    const QByteArray again = QByteArray("carol's again\n").repeated(1500);
    if (then == "delete" || then == "folder")
        QVERIFY(QFile::remove(c.path("f.txt")));
    else
        writeAt(c, "f.txt", again, 1'700'000'050);
    if (then == "folder") {
        QVERIFY(QDir().mkpath(c.path("f.txt")));
        c.write("f.txt/in.txt", again);
    }
    // Her pass sends the copy's deletion; an edit waits for room on the relay.
    QVERIFY2(c.pass().ok(), qPrintable(c.last().error));
    if (then == "edit")
        QVERIFY(c.last().pendingUp > 0);
    settle({&a, &b}, 1);
    QVERIFY(!QFileInfo::exists(a.path(copy)));
    settle({&c, &a, &b}, 4);
    const QString atRest = problemsAtRest({&a, &b, &c});
    QVERIFY2(atRest.isEmpty(), qPrintable(atRest));
    CONVERGED(a, b);
    CONVERGED(a, c);
    QCOMPARE(a.read("big.bin"), big);
    QVERIFY(!QFileInfo::exists(a.path(copy)));
    if (then == "rename") {
        // Its content still in carol's folder: alice's version stays, and wins the name.
        QCOMPARE(a.read("kept.txt"), QByteArray("alice's"));
        QCOMPARE(a.read("f.txt"), QByteArray("alice's"));
        QVERIFY(contents(a).contains(QString::fromLatin1(again)));
        return;
    }
    // Deleted by carol, knowingly.
    QVERIFY(!contents(a).contains("alice's"));
    if (then == "edit")
        QCOMPARE(a.read("f.txt"), again);
    else if (then == "folder")
        QCOMPARE(a.read("f.txt/in.txt"), again);
    else
        QVERIFY(!QFileInfo::exists(a.path("f.txt")));
}

// Model seeds 550023, 550047, 550110: a version's content is in no folder any more and the relay
// has freed it. Here alice leaves '*.md' out, so that she acknowledges bob's notes without taking
// them, and bob's machine is then put back from a backup older than his last edit of them (its
// state and its folder). Every client asked for that content for ever. Now, once every other
// client's head says it wants or lacks the content, one client settles the name (R23, "A content
// no client holds"): the version's author when it asks for it too, with what its folder holds.
// A client away that may still hold it keeps the content asked for.
void tst_NoEditLost::contentNoClientHolds_data()
{
    QTest::addColumn<QString>("row");
    QTest::newRow("nothing left: deleted everywhere") << QString("nothing");
    // Some relays say "not found" for other failures (FTP's 550, WebDAV's 409): while bob's relay
    // says so for every data folder, object and the repository's own folder, he cannot tell the
    // content is gone, and settles nothing; once it answers again, he does.
    QTest::newRow("nothing left, the relay first saying 'not found' for everything") << QString("not found");
    QTest::newRow("the restored folder holds an older version: it comes back") << QString("older");
    // The same, while alice's edit of that older version, made before she saw bob's, stands beside
    // the lost one (the review of ee25168: settling only over no other newer version left it stuck).
    QTest::newRow("the same, an edit from elsewhere beside the lost version: both stay") << QString("edited");
    QTest::newRow("the author leaves it out: settled by the client asking") << QString("excluded");
    // Alice, the first that asks, does not send that name (its send flag is off): she says she lacks
    // it as well as wants it, and carol, who asks too, settles it.
    QTest::newRow("the first that asks cannot publish the name: the next one settles") << QString("not sent");
    QTest::newRow("a client away holds it: asked for until it comes back") << QString("away");
    // Model seed 620028: bob's file is still there, left out by his filters, and his state put
    // back has no entry for it. He does not say he lacks it; once he lets it in, he sends it.
    QTest::newRow("the author's file is left out, untracked: asked for until it is let in") << QString("kept");
    // Model seed 1320090: a folder made elsewhere at the name, concurrent with the lost version,
    // took the name; the lost version was asked for under its conflict copy's name for ever. The
    // author, whose folder now holds that folder there, settles it with a version of it.
    QTest::newRow("a folder made elsewhere took the name: settled with it") << QString("folder");
    // The same, the folder's own version never sent (alice's send flag is off for it, on for the
    // file in it): bob's folder, made for that file, has no version of its own.
    QTest::newRow("a folder without a version of its own: settled with one") << QString("bare folder");
}

void tst_NoEditLost::contentNoClientHolds()
{
    QFETCH(QString, row);
    QTemporaryDir backups;
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    // Alice comes first by id: where bob, the author, asks for the content too, he settles it.
    a.setClientId("1111111111111111");
    b.setClientId("7777777777777777");
    c.setClientId("eeeeeeeeeeeeeeee");
    if (row != "edited") { // (alice leaves them out once she edited the notes)
        a.config().exclude = QStringList{"*.md"};
        a.makeEngine();
    }
    if (row != "away") { // carol leaves them out too, and says she lacks them when asked
        c.config().exclude = QStringList{"*.md"};
        c.makeEngine();
    }
    const QByteArray older = "bob's notes, first\n";
    if (row == "older" || row == "edited")
        writeAt(b, "notes.md", older, 1'700'000'100);
    b.write("a.txt", "kept");
    settle({&b, &a, &c}, 2);
    b.saveState(backups.filePath("bob.db"));
    const QByteArray edit = "alice's edit of bob's notes\n";
    if (row == "edited") {
        QCOMPARE(a.read("notes.md"), older);
        writeAt(a, "notes.md", edit, 1'700'000'150);
        QVERIFY(a.pass().ok());
        a.config().exclude = QStringList{"*.md"};
        a.makeEngine();
    }
    // His journal compacted into a snapshot (R17), which a state put back takes his versions from
    // without knowing what his folder held (R20).
    b.engine().setSnapshotInterval(1);
    const QByteArray lost = "bob's notes, then\n";
    writeAt(b, "notes.md", lost, 1'700'000'200);
    settle({&b, &a, &c}, 3);
    QVERIFY(objectHolding(relay, lost).isEmpty()); // acknowledged by all: freed
    QCOMPARE(c.exists("notes.md"), row == "away");
    if (row == "kept") {
        b.config().exclude = QStringList{"*.md"};
        b.makeEngine();
        QVERIFY(b.pass().ok());
    }
    // Bob's machine put back from its backup: state and folder (in the last row, his state only).
    b.restoreState(backups.filePath("bob.db"));
    if (row == "older" || row == "edited")
        writeAt(b, "notes.md", older, 1'700'000'100);
    else if (row != "kept")
        QVERIFY(QFile::remove(b.path("notes.md")));
    if (row == "excluded" || row == "not sent") {
        b.config().exclude = QStringList{"*.md"};
        b.makeEngine();
    }
    a.config().exclude.clear();
    a.makeEngine();
    if (row == "folder" || row == "bare folder") {
        if (row == "bare folder") {
            a.engine().setAccess("notes.md", false, std::nullopt);
            a.engine().setAccess("notes.md/inner.txt", true, std::nullopt);
        }
        QVERIFY(QDir().mkpath(a.path("notes.md")));
        a.write("notes.md/inner.txt", "alice's");
    }
    if (row == "not sent") {
        a.engine().setAccess("notes.md", false, std::nullopt);
        c.config().exclude.clear();
        c.makeEngine();
    }
    QStringList said;
    auto rounds = [&](const QList<Client*>& clients, int n) {
        for (int i = 0; i < n; ++i)
            for (Client* x : clients) {
                const sync::PassResult r = x->pass();
                QVERIFY2(r.ok(), qPrintable(r.error));
                for (const QString& line : r.problems)
                    if (line.contains("is lost"))
                        said << x->config().clientName + ": " + line;
            }
    };
    if (row == "kept") {
        rounds({&b, &a, &c}, 5);
        QVERIFY2(said.isEmpty(), qPrintable(said.join('\n')));
        QVERIFY(!a.exists("notes.md"));
        QVERIFY(a.last().pendingDown > 0); // still asked for
        b.config().exclude.clear();
        b.makeEngine();
        rounds({&b, &a, &c}, 3);
        QVERIFY2(said.isEmpty(), qPrintable(said.join('\n')));
        QCOMPARE(a.read("notes.md"), lost);
        QCOMPARE(b.read("notes.md"), lost);
    } else if (row == "away") {
        rounds({&a, &b}, 5);
        QVERIFY2(said.isEmpty(), qPrintable(said.join('\n')));
        QVERIFY(!a.exists("notes.md") && !b.exists("notes.md"));
        QVERIFY(a.last().pendingDown > 0 && b.last().pendingDown > 0); // still asked for
        rounds({&c, &a, &b}, 3); // carol is back, and sends it again
        QVERIFY2(said.isEmpty(), qPrintable(said.join('\n')));
        for (Client* x : {&a, &b, &c})
            QCOMPARE(x->read("notes.md"), lost);
    } else {
        if (row == "not found") {
            b.faults().setNotFoundWhen([](const QString& path) { return path.isEmpty() || path.startsWith("data"); });
            rounds({&b, &a, &c}, 5);
            QVERIFY2(said.isEmpty(), qPrintable(said.join('\n')));
            QVERIFY(b.faults().injectedFaults() > 0);
            QVERIFY(a.last().pendingDown > 0 && b.last().pendingDown > 0); // still asked for
            b.faults().setNotFoundWhen({});
        }
        rounds({&b, &a, &c}, 5);
        // Said once, by the client that settled it.
        QCOMPARE(said.size(), 1);
        const QString settler = row == "excluded" ? "alice" : row == "not sent" ? "carol" : "bob";
        QVERIFY2(said.first().startsWith(settler + ": notes.md: the version of bob is lost"), qPrintable(said.first()));
        if (row == "older") {
            QCOMPARE(a.read("notes.md"), older);
            QCOMPARE(b.read("notes.md"), older);
        } else if (row == "edited") {
            for (Client* x : {&a, &b}) { // (carol leaves '*.md' out)
                const QStringList held = contents(*x);
                QVERIFY2(held.contains(QString::fromLatin1(older)) &&
                             held.contains(QString::fromLatin1(edit)) &&
                             !held.contains(QString::fromLatin1(lost)),
                         qPrintable(x->tree().keys().join(' ')));
            }
        } else if (row == "folder" || row == "bare folder") {
            for (Client* x : {&a, &b, &c}) {
                QCOMPARE(x->read("notes.md/inner.txt"), QByteArray("alice's"));
                QVERIFY2(!contents(*x).contains(QString::fromLatin1(lost)),
                         qPrintable(x->tree().keys().join(' ')));
            }
            QVERIFY(said.first().contains("the folder there replaces it everywhere"));
        } else {
            QVERIFY(!a.exists("notes.md") && !b.exists("notes.md"));
        }
    }
    const QString atRest = problemsAtRest({&a, &b, &c});
    QVERIFY2(atRest.isEmpty(), qPrintable(atRest));
    for (Client* x : {&a, &b, &c}) {
        QCOMPARE(x->last().pendingDown, 0);
        QCOMPARE(x->read("a.txt"), QByteArray("kept"));
    }
    CONVERGED(a, b);
}

// A client alone, whose relay lost an object: nobody has read the relay yet, so a machine that joins
// later may hold that content (a folder copied by hand). It is asked for, not settled as lost
// (R23, "A content no client holds"), and comes from the first client that holds it.
void tst_NoEditLost::contentLostWhileAloneIsAskedFor()
{
    QTemporaryDir backups;
    Relay relay("memory");
    Client a(relay, "alice");
    a.write("a.txt", "kept");
    QVERIFY(a.pass().ok());
    a.saveState(backups.filePath("alice.db"));
    a.engine().setSnapshotInterval(1);
    const QByteArray notes = "alice's notes\n";
    a.write("notes.md", notes);
    QVERIFY(a.pass().ok());
    const QString object = objectHolding(relay, notes);
    QVERIFY(!object.isEmpty());
    relay.removeObject(object);
    // The segment that named it lost too: her snapshot stands for it (R35), with her versions but
    // not what her folder held (R20).
    const QStringList segments = relay.objects("journal/").filter(QRegularExpression("/2$"));
    QCOMPARE(segments.size(), 1);
    relay.removeObject(segments.first());
    // Her machine put back from its backup: state and folder.
    a.restoreState(backups.filePath("alice.db"));
    QVERIFY(QFile::remove(a.path("notes.md")));
    for (int i = 0; i < 4; ++i) {
        QVERIFY2(a.pass().ok(), qPrintable(a.last().error));
        QVERIFY2(a.last().problems.filter("is lost").isEmpty(), qPrintable(a.last().problems.join('\n')));
    }
    QVERIFY(a.last().pendingDown > 0);
    // A machine holding the same folder joins: it sends that content again.
    Client b(relay, "bob");
    b.write("a.txt", "kept");
    b.write("notes.md", notes);
    settle({&b, &a}, 3);
    QCOMPARE(a.read("notes.md"), notes);
    const QString atRest = problemsAtRest({&a, &b});
    QVERIFY2(atRest.isEmpty(), qPrintable(atRest));
    CONVERGED(a, b);
}

// Model seed 590109: a state put back from a backup takes back what this client published, from its
// snapshot where its segments are gone (R17, R20). The relay failed while the snapshot was read; the
// pass went on without it, and the next version of a name took again the counter of a deletion
// the snapshot held: the two clients kept different versions under one vector. The pass stops
// there now, as for a segment it cannot read. Each read of the pass fails in turn.
void tst_NoEditLost::snapshotUnreadWhileTakingBack()
{
    for (int failing = 1; failing <= 12; ++failing) {
        QTemporaryDir backups;
        Relay relay("memory");
        Client a(relay, "alice"), b(relay, "bob");
        a.write("f.txt", "one");
        settle({&a, &b}, 2);
        a.saveState(backups.filePath("alice.db"));
        a.engine().setSnapshotInterval(1);
        QVERIFY(QFile::remove(a.path("f.txt")));
        settle({&a, &b}, 3); // the deletion read by bob: its segment goes, the snapshot stands for it
        QVERIFY(!b.exists("f.txt"));
        a.restoreState(backups.filePath("alice.db"));
        a.write("f.txt", "two");
        int gets = 0;
        a.faults().setOperationHook([&](relay::FaultyRelay::Op op) {
            return op != relay::FaultyRelay::Op::Get || ++gets != failing;
        });
        a.pass();
        a.faults().setOperationHook({});
        settle({&a, &b}, 3);
        QVERIFY2(a.tree() == b.tree(), qPrintable(QString("read %1 failing: ").arg(failing) +
                                                  describeDifference(a.tree(), b.tree())));
        QCOMPARE(b.read("f.txt"), QByteArray("two"));
        if (gets < failing)
            break; // every read of that pass has failed once
    }
}

// Reproduction: with clients running on a folder relay, moving the relay folder away made a
// client write a new repository at that path within a second (on a USB drive or a NAS, into the
// empty mount point); every client then reported "holds another repository".
void tst_NoEditLost::relayFolderMovedAway()
{
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "v1");
    settle({&a, &b}, 1);
    const QString place = relay.folder();
    QVERIFY(QDir().rename(place, place + ".unplugged"));
    a.write("g.txt", "written while unplugged");
    QVERIFY(!a.pass().ok());
    QVERIFY2(a.last().error.contains("is not there") && a.last().error.contains("plugged"),
             qPrintable(a.last().error));
    QVERIFY(!QFileInfo::exists(place)); // nothing written there, not even the folder
    QVERIFY(!b.pass().ok());
    QVERIFY(!QFileInfo::exists(place));
    // An empty folder in its place (a mount point without its disk): refused too, left empty.
    QVERIFY(QDir().mkpath(place));
    QVERIFY(!a.pass().ok());
    QVERIFY2(a.last().error.contains("holds no repository"), qPrintable(a.last().error));
    QCOMPARE(QDir(place).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    // Plugged in again: both go on where they were.
    QVERIFY(QDir(place).removeRecursively());
    QVERIFY(QDir().rename(place + ".unplugged", place));
    settle({&a, &b}, 2);
    QVERIFY2(a.last().ok() && b.last().ok(), qPrintable(a.last().error + b.last().error));
    QCOMPARE(b.read("g.txt"), QByteArray("written while unplugged"));
    CONVERGED(a, b);
}

// A state database written by an earlier release (no vector nor permission bits on its local
// entries) is upgraded in place: its entries read without them, new ones keep them.
void tst_NoEditLost::stateOfAnEarlierRelease()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("state.db");
    {
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        const char* old =
            "CREATE TABLE local (path TEXT PRIMARY KEY, kind INTEGER NOT NULL, size INTEGER NOT NULL, "
            "mtime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, hash BLOB, origin TEXT NOT NULL DEFAULT '');"
            "INSERT INTO local VALUES ('a.txt', 0, 3, 1000, 42, x'00', 'abc');";
        QCOMPARE(sqlite3_exec(db, old, nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    state::StateDb db;
    QString error;
    QVERIFY2(db.open(path, error), qPrintable(error));
    const auto a = db.local("a.txt");
    QVERIFY(a);
    QCOMPARE(a->size, 3);
    QVERIFY(!a->vv); // not known: the engine takes every known version, as that release did
    QCOMPARE(a->mode, 0);
    state::StateDb::LocalEntry b = *a;
    b.path = "b.txt";
    b.vv = protocol::VersionVector({{"0123456789abcdef", 2}});
    b.mode = 0640;
    db.putLocal(b);
    db.close();
    QVERIFY(db.open(path, error)); // opened again: no second upgrade
    QCOMPARE(db.local("b.txt")->vv, b.vv);
    QCOMPARE(db.local("b.txt")->mode, 0640);
}

void tst_NoEditLost::lostOrDamagedSegmentHeals_data()
{
    QTest::addColumn<QString>("spoil");
    QTest::newRow("deleted") << "deleted";
    QTest::newRow("damaged") << "damaged";
    QTest::newRow("cut short") << "cut short";
}

// Reproduction: with journal/<id>/2 deleted or damaged on the relay, the other client waited "for a
// good copy" for ever, nothing after it arrived, and the writer said nothing. Now the reader says
// which segment it cannot read in its head; the writer answers with a snapshot standing for it.
void tst_NoEditLost::lostOrDamagedSegmentHeals()
{
    QFETCH(QString, spoil);
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    const QString second = aliceWritesThreeSegments(relay, a, b);
    QVERIFY(!second.isEmpty());
    if (spoil == "deleted") {
        relay.removeObject(second);
    } else {
        QByteArray bytes = relay.object(second);
        if (spoil == "damaged")
            bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x20);
        else
            bytes.chop(bytes.size() / 3);
        relay.setObject(second, bytes);
    }
    QVERIFY(b.pass().ok());
    QVERIFY(b.exists("f1.txt"));
    QVERIFY(!b.exists("f3.txt")); // stopped at the segment it cannot read
    QVERIFY2(b.last().problems.filter("is asked to send what it holds").size() == 1,
             qPrintable(b.last().problems.join('\n')));
    QVERIFY(b.last().pendingDown > 0);
    QVERIFY(a.pass().ok());
    QVERIFY2(a.last().problems.filter("cannot read").size() == 1, qPrintable(a.last().problems.join('\n')));
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    QCOMPARE(b.read("f3.txt"), QByteArray("version 3"));
    QCOMPARE(b.last().pendingDown, 0);
    QVERIFY2(b.last().problems.isEmpty(), qPrintable(b.last().problems.join('\n')));
}

// Model seed 660036: the writer took a report of a segment it no longer has (R35) and recorded it
// as answered, then its pass stopped before the snapshot reached the relay (a crash; a relay
// refusing the write is the same). No later pass wrote one, and the reader waited for ever. Now a
// report counts as answered only once the snapshot is written: the pass is stopped dead at each of
// its steps in turn, and the next passes still bring the reader everything.
void tst_NoEditLost::segmentReportAnsweredAfterACrash()
{
    int steps = 0;
    for (int at = 1; at <= 100; ++at) {
        const QString where = QString("crash at step %1: ").arg(at);
        Relay relay("memory");
        Client a(relay, "alice"), b(relay, "bob");
        const QString second = aliceWritesThreeSegments(relay, a, b);
        QVERIFY(!second.isEmpty());
        relay.removeObject(second);
        QVERIFY(b.pass().ok());
        QVERIFY(!b.exists("f3.txt"));
        QVERIFY(b.last().problems.filter("is asked to send what it holds").size() == 1);
        const bool crashed = a.crashingPass(at);
        settle({&a, &b}, 3);
        QVERIFY2(a.last().ok() && b.last().ok(), qPrintable(where + a.last().error + b.last().error));
        QVERIFY2(relay.objects("snapshots/" + a.engine().clientId() + "/").size() == 1, qPrintable(where));
        QVERIFY2(b.read("f3.txt") == "version 3", qPrintable(where + b.read("f3.txt")));
        QVERIFY2(b.last().problems.isEmpty(), qPrintable(where + b.last().problems.join('\n')));
        QCOMPARE(b.last().pendingDown, 0);
        CONVERGED(a, b);
        if (!crashed)
            break; // that pass ended before step `at`: every step was a crash point
        ++steps;
    }
    QVERIFY2(steps >= 5, qPrintable(QString("only %1 steps").arg(steps)));
    qInfo() << "crashed at each of" << steps << "steps";
}

// A writer whose every pass fails for another reason (here a file larger than the server takes in
// one request, refused with a failure that lasts) still answers a report of a missing segment (R35):
// the reader gets everything else.
void tst_NoEditLost::segmentReportAnsweredWhilePassesFail()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    const QString second = aliceWritesThreeSegments(relay, a, b);
    QVERIFY(!second.isEmpty());
    relay.removeObject(second);
    QVERIFY(b.pass().ok());
    QVERIFY(!b.exists("f3.txt"));
    a.faults().refusePutsLargerThan(512 * 1024, relay::RelayError::Kind::Permission);
    a.write("big.bin", QByteArray(2 * 1024 * 1024, 'b'));
    for (int round = 0; round < 3; ++round) {
        const sync::PassResult r = a.pass();
        QVERIFY2(!r.ok() && r.error.contains("big.bin"), qPrintable(r.error));
        QVERIFY(b.pass().ok());
    }
    QCOMPARE(relay.objects("snapshots/" + a.engine().clientId() + "/").size(), 1);
    QCOMPARE(b.read("f3.txt"), QByteArray("version 3"));
    QVERIFY2(b.last().problems.isEmpty(), qPrintable(b.last().problems.join('\n')));
    QVERIFY(!b.exists("big.bin"));
}

// Model seed 680062, reduced: alice's deletions were held by the mass-delete guard (there, her state
// had been put back from a backup) while bob deleted one of the files and made it again with the
// same bytes, a version newer than his deletion. Confirming them made alice's deletion from her
// entry's vector with every known version of the same content: it superseded bob's new file, which
// her folder never held, and it was gone everywhere. A version made here now descends from the
// entry's own vector only (R24): the deletion is concurrent with bob's file, which is kept (R26).
void tst_NoEditLost::heldDeletionAgainstSameBytesMadeAgain()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    for (int i = 0; i < 12; ++i)
        a.write(QString("f%1.txt").arg(i), "x");
    settle({&a, &b}, 2);
    for (int i = 0; i < 12; ++i)
        QVERIFY(QFile::remove(a.path(QString("f%1.txt").arg(i))));
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().deletionsHeld, 12);
    QVERIFY(QFile::remove(b.path("f3.txt")));
    QVERIFY(b.pass().ok());
    b.write("f3.txt", "x"); // made again, with the same bytes
    QVERIFY(b.pass().ok());
    QVERIFY(a.pass().ok());
    QVERIFY(!a.exists("f3.txt"));
    a.engine().confirmDeletions();
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    QCOMPARE(b.tree().keys(), QStringList({"f3.txt"}));
    QCOMPARE(a.read("f3.txt"), QByteArray("x"));
}

void tst_NoEditLost::folderMovedBackWhileItsDeletionsWereHeld_data()
{
    QTest::addColumn<bool>("aliceHolds"); // her deletions held too, published after bob's move back
    QTest::newRow("alice's move published whole") << false;
    QTest::newRow("alice's deletions held until after bob's move back") << true;
}

// Model seed 820088: alice moved f/e to g; bob did the same, and his deletions were held (most of
// his files gone at once). He took alice's g as his, then moved g back to f/e. His files there
// were as his state knew them, so alice's deletions were placed over them, while his deletion of
// g superseded alice's g: the folder's content was nowhere any more. A file moved back where a
// held deletion was is a new version (R24), even when the move's deletions come after it (the
// second row, from the review of the first fix: alice's deletions were held too, her g published
// first, and his scan found f/e's versions still standing).
void tst_NoEditLost::folderMovedBackWhileItsDeletionsWereHeld()
{
    QFETCH(bool, aliceHolds);
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("r1.txt", "one");
    a.write("r2.txt", "two");
    for (int i = 0; i < 12; ++i)
        a.write(QString("f/e/%1.txt").arg(i), QString("content %1").arg(i).toUtf8());
    a.write("f/e/__init__.py", ""); // (empty: its content is everywhere; the rename keeps its inode)
    settle({&a, &b}, 2);
    QVERIFY(QDir().rename(a.path("f/e"), a.path("g")));
    if (!aliceHolds)
        a.engine().confirmDeletions();
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().deletionsHeld > 0, aliceHolds);
    QVERIFY(QDir().rename(b.path("f/e"), b.path("g")));
    QVERIFY(b.pass().ok());
    QVERIFY(b.last().deletionsHeld >= 12); // (the folders f/e counted too)
    QVERIFY(b.exists("g/0.txt"));
    QVERIFY(QDir().rename(b.path("g"), b.path("f/e")));
    QVERIFY(b.pass().ok());
    QCOMPARE(b.last().deletionsHeld, 0);
    QCOMPARE(b.last().uploaded, 0); // moved back: the others have the content
    if (aliceHolds) {
        QVERIFY(a.pass().ok());
        a.engine().confirmDeletions();
    }
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    for (int i = 0; i < 12; ++i)
        QCOMPARE(b.read(QString("f/e/%1.txt").arg(i)), QString("content %1").arg(i).toUtf8());
    QVERIFY(b.exists("f/e/__init__.py"));
    QVERIFY(!b.exists("g"));
    QCOMPARE(b.tree().size(), 17); // r1.txt, r2.txt, f, f/e and its 13 files
}

// As above, but bob copies g back to f/e (a file manager's copy: new inodes, the same bytes and
// times), and deletes g only later: at the copy's scan the content is still at g, where his own
// scan found it. That is no move made elsewhere (R24): the files are put back, and alice's
// deletions, made before, do not remove them. (Review of the fix: they were placed over the copy,
// which went to bob's archive, and his deletion of g took the content from everyone.)
void tst_NoEditLost::folderCopiedBackWhileItsDeletionsWereHeld()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("r1.txt", "one");
    a.write("r2.txt", "two");
    for (int i = 0; i < 12; ++i)
        a.write(QString("f/e/%1.txt").arg(i), QString("content %1").arg(i).toUtf8());
    settle({&a, &b}, 2);
    QVERIFY(QDir(a.path("f/e")).removeRecursively());
    a.engine().confirmDeletions();
    QVERIFY(a.pass().ok());
    QVERIFY(QDir().rename(b.path("f/e"), b.path("g")));
    QVERIFY(b.pass().ok());
    QVERIFY(b.last().deletionsHeld >= 12);
    QVERIFY(b.exists("g/0.txt")); // (and alice's deletions read, waiting: the files are not there)
    QCOMPARE(QProcess::execute("cp", {"-a", b.path("g"), b.path("f/e")}), 0);
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("f/e/3.txt"), QByteArray("content 3"));
    QVERIFY(QDir(b.path("g")).removeRecursively());
    b.engine().confirmDeletions();
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    for (int i = 0; i < 12; ++i)
        QCOMPARE(a.read(QString("f/e/%1.txt").arg(i)), QString("content %1").arg(i).toUtf8());
    QVERIFY(!a.exists("g"));
}

void tst_NoEditLost::heldFilesPutBack_data()
{
    QTest::addColumn<QString>("meanwhile"); // what alice did to e/3.txt while bob's folder was away
    QTest::addColumn<QString>("leftOut");   // what leaves bob's e/3.txt out as it comes back, for a time
    QTest::newRow("nothing") << "nothing" << "";
    QTest::newRow("edited") << "edited" << "";
    QTest::newRow("deleted") << "deleted" << "";
    QTest::newRow("renamed") << "renamed" << "";
    QTest::newRow("deleted, left out by a filter") << "deleted" << "filter";
    QTest::newRow("deleted, its receive flag off") << "deleted" << "receive flag";
}

// Bob's folder e went away (moved out of the synced folder), its deletions held; then it came
// back as it was. A file alice edited meanwhile takes her edit, as if the folder had never gone;
// one she deleted was put back by bob, who put it there: it is kept, not removed again, and goes
// back to alice; one she renamed is not (its content lives on); what nobody changed publishes
// nothing. The last rows leave bob's e/3.txt out (his filters, or its receive flag off) when the
// folder comes back, and let it in later: the scan that found the folder did not look at it, so
// what says it was gone and held stays until one does (R24); without it, the file looked
// unchanged and alice's deletion was placed over it.
void tst_NoEditLost::heldFilesPutBack()
{
    QFETCH(QString, meanwhile);
    QFETCH(QString, leftOut);
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("r.txt", "root");
    for (int i = 0; i < 12; ++i)
        a.write(QString("e/%1.txt").arg(i), QString("content %1").arg(i).toUtf8());
    settle({&a, &b}, 2);
    QTemporaryDir away;
    QVERIFY(QDir().rename(b.path("e"), away.filePath("e")));
    QVERIFY(b.pass().ok());
    QVERIFY(b.last().deletionsHeld >= 12);
    if (meanwhile == "edited")
        a.write("e/3.txt", "alice's edit");
    else if (meanwhile == "deleted")
        QVERIFY(QFile::remove(a.path("e/3.txt")));
    else if (meanwhile == "renamed")
        QVERIFY(QFile::rename(a.path("e/3.txt"), a.path("e/30.txt")));
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    auto leaveOut = [&](bool out) {
        if (leftOut == "filter") {
            b.config().exclude = out ? QStringList{"3.txt"} : QStringList();
            b.makeEngine();
        } else if (leftOut == "receive flag") {
            b.engine().setAccess("e/3.txt", std::nullopt, out ? std::optional<bool>(false) : std::nullopt);
        }
    };
    leaveOut(true);
    QDir().mkpath(b.path("e")); // (there already when alice's new name came)
    for (const QString& name : QDir(away.filePath("e")).entryList(QDir::Files))
        QVERIFY(QFile::rename(away.filePath("e/" + name), b.path("e/" + name)));
    QVERIFY(b.pass().ok());
    if (!leftOut.isEmpty()) {
        QCOMPARE(b.last().published, 0);
        settle({&a, &b}, 2);
        QVERIFY(!a.exists("e/3.txt"));
        QCOMPARE(b.read("e/3.txt"), QByteArray("content 3"));
        leaveOut(false);
        QVERIFY(b.pass().ok());
    }
    QCOMPARE(b.last().published, meanwhile == "deleted" ? 1 : 0);
    QCOMPARE(b.last().uploaded, meanwhile == "deleted" ? 1 : 0); // (its content was freed)
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    QCOMPARE(b.tree().size(), 14); // r.txt, e and its 12 files: no conflict copy
    if (meanwhile == "renamed") { // (its content lives on under the new name: the deletion was a move)
        QVERIFY(!b.exists("e/3.txt"));
        QCOMPARE(b.read("e/30.txt"), QByteArray("content 3"));
    } else {
        QCOMPARE(b.read("e/3.txt"), meanwhile == "edited" ? QByteArray("alice's edit") : QByteArray("content 3"));
    }
    QCOMPARE(b.read("e/4.txt"), QByteArray("content 4"));
}

// Model seed 700027: bob's state was put back from a backup in which a.txt held bob's version,
// as the file now named "a (conflict from bob ...).txt" (the same file, renamed when alice's
// version took the name). His a.txt was gone, its deletion held; he renamed the copy back to
// a.txt: the very file the entry names, so unchanged to a scan. Alice's later edit supersedes
// the copy's version (the name's winner took it in, R26), and was placed over it while bob's
// rename deleted the copy: bob's version was nowhere. A copy renamed back to its name that a
// held deletion had left is a new version of the name, that keeps it.
void tst_NoEditLost::conflictCopyRenamedBackOverAHeldName_data()
{
    QTest::addColumn<bool>("confirmedFirst"); // else: the rename's scan still holds the deletions
    QTest::newRow("deletions confirmed, then the rename scanned") << true;
    QTest::newRow("the rename scanned, the deletions confirmed later") << false;
}

void tst_NoEditLost::conflictCopyRenamedBackOverAHeldName()
{
    QFETCH(bool, confirmedFirst);
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("a.txt", "base");
    for (int i = 0; i < 12; ++i)
        a.write(QString("d/%1.txt").arg(i), QString("content %1").arg(i).toUtf8());
    settle({&a, &b}, 2);
    b.write("a.txt", "bob's version");
    QVERIFY(b.pass().ok());
    QTemporaryDir backups;
    b.saveState(backups.filePath("bob.db"));
    a.write("a.txt", "alice's version");
    QVERIFY(a.pass().ok());
    settle({&a, &b}, 2);
    const QStringList copies = QDir(b.path()).entryList({"a (conflict*"}, QDir::Files);
    QCOMPARE(copies.size(), 1);
    QCOMPARE(b.read(copies.first()), QByteArray("bob's version"));
    QCOMPARE(b.read("a.txt"), QByteArray("alice's version"));
    QVERIFY(QFile::remove(b.path("a.txt")));
    QVERIFY(QDir(b.path("d")).removeRecursively());
    QVERIFY(b.pass().ok());
    QVERIFY(b.last().deletionsHeld >= 12);
    b.restoreState(backups.filePath("bob.db"));
    QVERIFY(b.pass().ok());
    QVERIFY(b.last().deletionsHeld >= 12);
    a.write("a.txt", "alice's edit");
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    QVERIFY(QFile::rename(b.path(copies.first()), b.path("a.txt")));
    if (!confirmedFirst) {
        QVERIFY(b.pass().ok());
        QVERIFY(b.last().deletionsHeld >= 12);
        QVERIFY(a.pass().ok());
    }
    b.engine().confirmDeletions();
    settle({&a, &b}, 4);
    CONVERGED(a, b);
    QVERIFY2(contents(b).contains("bob's version"), qPrintable(contents(b).join(", ")));
    QVERIFY2(contents(b).contains("alice's edit"), qPrintable(contents(b).join(", ")));
}

// An upload-only folder is never made to match the others: nothing there needs putting back
// (review of the fix for model seed 820088). Bob's files came back after alice deleted one: it
// stays deleted for alice, and bob keeps his.
void tst_NoEditLost::heldFilesPutBackInAnUploadOnlyFolder()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob", config::SyncMode::Upload);
    b.write("r.txt", "root");
    for (int i = 0; i < 12; ++i)
        b.write(QString("e/%1.txt").arg(i), QString("content %1").arg(i).toUtf8());
    settle({&b, &a}, 2);
    QCOMPARE(a.read("e/3.txt"), QByteArray("content 3"));
    QTemporaryDir away;
    QVERIFY(QDir().rename(b.path("e"), away.filePath("e")));
    QVERIFY(b.pass().ok());
    QVERIFY(b.last().deletionsHeld >= 12);
    QVERIFY(QFile::remove(a.path("e/3.txt")));
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    QVERIFY(QDir().rename(away.filePath("e"), b.path("e")));
    QVERIFY(b.pass().ok());
    QCOMPARE(b.last().published, 0);
    settle({&a, &b}, 3);
    QVERIFY(!a.exists("e/3.txt"));
    QCOMPARE(b.read("e/3.txt"), QByteArray("content 3"));
    QCOMPARE(a.read("e/4.txt"), QByteArray("content 4"));
}

// Model seed 970035 (access flags): bob, his send flag off on d/h/e/notes.md, deleted his folder
// d/h (the file left out was not deleted for the others), and later made a file d/h. Alice, her
// receive flag on that file turned back on, asked for it in the batch that brought bob's d/h, and
// its content was gone from the relay: the folders made for it stayed, d/h one of them, so bob's
// file could not be placed, and d/h/e, which bob had deleted, was kept "for what it holds"
// (nothing): it came back everywhere, and bob could not place it under his file. The folders
// made for a file that is not received go again; one deleted elsewhere is kept only for a file
// that came.
void tst_NoEditLost::foldersMadeForAFileNotReceivedGo()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.engine().setAccess("d/h/e/notes.md", std::nullopt, false);
    b.write("d/h/e/notes.md", "notes");
    b.write("d/other.txt", "other");
    settle({&b, &a}, 2);
    QVERIFY(!a.exists("d/h/e/notes.md"));
    QCOMPARE(relay.objects("data/").size(), 0); // (freed: alice acknowledged what she leaves out)
    b.engine().setAccess("d/h/e/notes.md", false, std::nullopt);
    QVERIFY(QDir(b.path("d/h")).removeRecursively());
    QVERIFY(b.pass().ok());
    QVERIFY(a.pass().ok());
    QVERIFY(!a.exists("d/h"));
    b.write("d/h", "bob's file");
    QVERIFY(b.pass().ok());
    a.engine().setAccess("d/h/e/notes.md", std::nullopt, std::nullopt);
    QVERIFY(a.pass().ok());
    QCOMPARE(a.read("d/h"), QByteArray("bob's file"));
    b.engine().setAccess("d/h/e/notes.md", std::nullopt, std::nullopt);
    settle({&a, &b}, 4);
    CONVERGED(a, b);
    QCOMPARE(b.read("d/h"), QByteArray("bob's file"));
    QCOMPARE(b.tree().size(), 3); // d, d/h, d/other.txt
}

// A file placed where a folder was, and then a file of that folder that lives (an edit that beats the
// deletion of it, made where the folder is gone): the folder keeps the name, as when the file
// comes to a folder that still holds files (R26, "File and folder"): the file goes beside it as a
// conflict copy, and a version of the folder made here tells the others. Model seed 1470072: both
// clients held a file at d/h and set d/h/notes.md aside at every pass, "d/h is a file here, a
// folder elsewhere", for ever.
void tst_NoEditLost::fileOverAFolderWhoseFileLives()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("d/h/notes.md", "v1");
    a.write("d/other.txt", "other");
    settle({&a, &b}, 2);
    a.write("d/h/notes.md", "alice's edit");
    QVERIFY(a.pass().ok()); // published; alice is away
    QVERIFY(QDir(b.path("d/h")).removeRecursively());
    b.write("d/h", "bob's file");
    // bob's scan records the deletion and the file (not sent yet), then his pull finds alice's edit,
    // which beats the deletion: it needs the folder back, and bob's file goes beside it.
    QVERIFY2(b.pass().ok(), qPrintable(b.last().error));
    QVERIFY2(b.last().problems.isEmpty(), qPrintable(b.last().problems.join(QLatin1Char('\n'))));
    QVERIFY(QFileInfo(b.path("d/h")).isDir());
    QCOMPARE(b.read("d/h/notes.md"), QByteArray("alice's edit"));
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    for (Client* c : {&a, &b})
        QVERIFY2(c->last().problems.isEmpty(), qPrintable(c->last().problems.join(QLatin1Char('\n'))));
    QCOMPARE(a.read("d/h/notes.md"), QByteArray("alice's edit"));
    QStringList all = contents(a);
    all.sort();
    QCOMPARE(all, QStringList({"alice's edit", "bob's file", "other"}));
    const QStringList copies = a.tree().keys().filter(QRegularExpression("^d/h \\(conflict from bob "));
    QCOMPARE(copies.size(), 1);
    QCOMPARE(a.read(copies.first()), QByteArray("bob's file"));
    QCOMPARE(a.last().pendingUp + a.last().pendingDown + b.last().pendingUp + b.last().pendingDown, 0);
}

// The same, a file of bob's own already at the name the copy would take: nothing moves, the file
// that lives waits and says why, both files stay as they are; once that name is free, the folder
// keeps the name.
void tst_NoEditLost::fileOverAFolderWhoseCopyNameIsTaken()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("d/h/notes.md", "v1");
    settle({&a, &b}, 2);
    a.write("d/h/notes.md", "alice's edit");
    QVERIFY(a.pass().ok());
    QVERIFY(QDir(b.path("d/h")).removeRecursively());
    b.write("d/h", "bob's file");
    setMtime(b.path("d/h"), 1'700'000'000);
    const QString copy = "d/h (conflict from bob 2023-11-14 221320 " + copyTag("bob's file") + ")";
    b.write(copy, "bob's other file");
    for (int i = 0; i < 2; ++i) {
        QVERIFY2(b.pass().ok(), qPrintable(b.last().error));
        QVERIFY2(b.last().problems.join(QLatin1Char('\n')).contains("is taken (move it away)"),
                 qPrintable(b.last().problems.join(QLatin1Char('\n'))));
        QCOMPARE(b.read("d/h"), QByteArray("bob's file"));
        QCOMPARE(b.read(copy), QByteArray("bob's other file"));
    }
    QVERIFY(QFile::remove(b.path(copy)));
    settle({&b, &a}, 3);
    CONVERGED(a, b);
    QCOMPARE(a.read("d/h/notes.md"), QByteArray("alice's edit"));
    QCOMPARE(a.read(copy), QByteArray("bob's file"));
    for (Client* x : {&a, &b})
        QVERIFY2(x->last().problems.isEmpty(), qPrintable(x->last().problems.join(QLatin1Char('\n'))));
}

// The same seen by a third client that does not receive the file that lives (its receive flag off)
// and holds the file at the folder's name: the folder's version replaces it there, and the copy
// takes its content from it, nothing sent again; then the file is let in.
void tst_NoEditLost::fileOverAFolderWhoseFileLivesForOthers_data()
{
    QTest::addColumn<bool>("fileFirst");
    QTest::newRow("the file not sent yet") << false;
    QTest::newRow("the file sent first") << true;
}

void tst_NoEditLost::fileOverAFolderWhoseFileLivesForOthers()
{
    QFETCH(bool, fileFirst);
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob"), c(relay, "carol");
    c.engine().setAccess("d/h/notes.md", std::nullopt, false);
    a.write("d/h/notes.md", "v1");
    a.write("d/other.txt", "other");
    settle({&a, &b, &c}, 2);
    MessageLog log;
    if (fileFirst) {
        // bob's file is placed at carol's; alice's edit comes after, and she keeps the folder.
        QVERIFY(QDir(b.path("d/h")).removeRecursively());
        b.write("d/h", "bob's file");
        QVERIFY(b.pass().ok());
        QVERIFY(c.pass().ok());
        QCOMPARE(c.read("d/h"), QByteArray("bob's file"));
        a.write("d/h/notes.md", "alice's edit");
        QVERIFY(a.pass().ok());
        QVERIFY(QFileInfo(a.path("d/h")).isDir());
    } else {
        a.write("d/h/notes.md", "alice's edit");
        QVERIFY(a.pass().ok()); // published; alice is away
        QVERIFY(QDir(b.path("d/h")).removeRecursively());
        b.write("d/h", "bob's file");
        QVERIFY(c.pass().ok()); // (alice's edit, not received)
        QVERIFY(b.pass().ok()); // the folder keeps the name, bob's file goes beside it
        QVERIFY(QFileInfo(b.path("d/h")).isDir());
    }
    QVERIFY(c.pass().ok());
    QVERIFY2(c.last().problems.isEmpty(), qPrintable(c.last().problems.join(QLatin1Char('\n'))));
    QVERIFY(QFileInfo(c.path("d/h")).isDir());
    settle({&a, &b, &c}, 3);
    QCOMPARE(log.messages.filter(QRegularExpression("again for")), QStringList());
    // Carol's file went to its copy's name, not to her archive.
    for (QDirIterator it(c.path(".escale-archive"), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
         it.hasNext();)
        QVERIFY2(readFile(it.next()) != "bob's file", qPrintable(it.filePath()));
    QCOMPARE(b.tree(), a.tree());
    QMap<QString, QString> expected = a.tree();
    expected.remove("d/h/notes.md");
    QCOMPARE(c.tree(), expected);
    c.engine().setAccess("d/h/notes.md", std::nullopt, std::nullopt);
    settle({&a, &b, &c}, 2);
    CONVERGED(a, c);
    QStringList all = contents(c);
    all.sort();
    QCOMPARE(all, QStringList({"alice's edit", "bob's file", "other"}));
    for (Client* x : {&a, &b, &c})
        QVERIFY2(x->last().problems.isEmpty(), qPrintable(x->last().problems.join(QLatin1Char('\n'))));
}

// The same, the file at the folder's name sent already: the edit that lives comes from an
// upload-only client, which keeps its folder (it places nothing). Bob's copy goes without content
// (the others have it), carol's file goes to the copy's name, and nothing is sent twice.
void tst_NoEditLost::fileOverAFolderWhoseFileLivesFromAnUploadOnlyClient()
{
    Relay relay("memory");
    Client a(relay, "alice", config::SyncMode::Upload), b(relay, "bob"), c(relay, "carol");
    a.write("d/h/notes.md", "v1");
    a.write("d/other.txt", "other");
    settle({&a, &b, &c}, 2);
    QVERIFY(QDir(b.path("d/h")).removeRecursively());
    b.write("d/h", "bob's file");
    QVERIFY(b.pass().ok());
    QVERIFY(c.pass().ok());
    QCOMPARE(c.read("d/h"), QByteArray("bob's file"));
    QVERIFY(a.pass().ok()); // (upload only: the folder stays)
    a.write("d/h/notes.md", "alice's edit");
    QVERIFY(a.pass().ok());
    MessageLog log;
    QVERIFY(b.pass().ok());
    QVERIFY2(b.last().problems.isEmpty(), qPrintable(b.last().problems.join(QLatin1Char('\n'))));
    QVERIFY(QFileInfo(b.path("d/h")).isDir());
    QCOMPARE(b.read("d/h/notes.md"), QByteArray("alice's edit"));
    QCOMPARE(b.last().uploaded, 0); // the copy's content is with the others already
    settle({&c, &b}, 3);
    CONVERGED(b, c);
    QCOMPARE(log.messages.filter(QRegularExpression("again for")), QStringList());
    QCOMPARE(log.messages.filter(QRegularExpression("d/h: a folder took its name")).size(), 1);
    const QStringList copies = c.tree().keys().filter(QRegularExpression("^d/h \\(conflict from bob "));
    QCOMPARE(copies.size(), 1);
    QCOMPARE(c.read(copies.first()), QByteArray("bob's file"));
    QCOMPARE(c.read("d/h/notes.md"), QByteArray("alice's edit"));
    for (Client* x : {&a, &b, &c})
        QVERIFY2(x->last().problems.isEmpty(), qPrintable(x->last().problems.join(QLatin1Char('\n'))));
}

// The same, bob and carol both holding bob's file and both placing alice's edit before either
// reads the other's folder (bob's publication fails): each keeps the folder and makes the copy
// alone; the copies are one (named after the same version), the folders' versions agree.
void tst_NoEditLost::fileOverAFolderKeptByTwoClientsAtOnce()
{
    Relay relay("memory");
    Client a(relay, "alice", config::SyncMode::Upload), b(relay, "bob"), c(relay, "carol");
    a.write("d/h/notes.md", "v1");
    settle({&a, &b, &c}, 2);
    QVERIFY(QDir(b.path("d/h")).removeRecursively());
    b.write("d/h", "bob's file");
    QVERIFY(b.pass().ok());
    QVERIFY(c.pass().ok());
    QVERIFY(a.pass().ok());
    a.write("d/h/notes.md", "alice's edit");
    QVERIFY(a.pass().ok());
    b.faults().failNext(relay::FaultyRelay::Op::Put, 100);
    b.pass(); // bob keeps the folder; nothing of it reaches the relay
    QVERIFY(QFileInfo(b.path("d/h")).isDir());
    QVERIFY(c.pass().ok()); // carol, alone
    QVERIFY(QFileInfo(c.path("d/h")).isDir());
    b.faults().failNext(relay::FaultyRelay::Op::Put, 0);
    settle({&b, &c, &a}, 3);
    CONVERGED(b, c);
    QCOMPARE(b.tree().keys().filter(QRegularExpression("conflict")).size(), 1);
    QStringList all = contents(c);
    all.sort();
    QCOMPARE(all, QStringList({"alice's edit", "bob's file"}));
    for (Client* x : {&a, &b, &c})
        QVERIFY2(x->last().problems.isEmpty(), qPrintable(x->last().problems.join(QLatin1Char('\n'))));
    QCOMPARE(b.last().pendingUp + b.last().pendingDown + c.last().pendingUp + c.last().pendingDown, 0);
}

// The same, the edit that lives larger than the relay's quota: it comes in pieces over several
// passes (R28), assembled beside bob's file; once it is whole, the folder keeps the name. (Before,
// the first piece could not make its folder, and the whole batch waited for it at every pass.)
void tst_NoEditLost::fileOverAFolderWhoseFileComesInPieces()
{
    Relay relay("memory");
    const qint64 quota = 2 * 1024 * 1024;
    Client a(relay, "alice", config::SyncMode::Upload), b(relay, "bob");
    for (Client* x : {&a, &b}) {
        x->config().diskQuota = quota;
        x->makeEngine();
    }
    a.write("d/h/notes.md", "v1");
    settle({&a, &b}, 2);
    QVERIFY(QDir(b.path("d/h")).removeRecursively());
    b.write("d/h", "bob's file");
    QVERIFY(b.pass().ok());
    QVERIFY(a.pass().ok());
    const QByteArray big = randomBytes(5 * 1024 * 1024 + 321, 11);
    a.write("d/h/notes.md", big);
    a.write("later.txt", "after it in the journal");
    MessageLog log;
    int rounds = 0;
    while (b.read("d/h/notes.md") != big && rounds++ < 30) {
        a.pass();
        QVERIFY2(b.pass().ok(), qPrintable(b.last().error));
        if (rounds == 1)
            b.makeEngine(); // a restart in the middle keeps what came so far
        QVERIFY(!b.exists("d/h/notes.md") || b.read("d/h/notes.md") == big);
        if (!QFileInfo(b.path("d/h")).isDir())
            QCOMPARE(b.read("d/h"), QByteArray("bob's file"));
    }
    QVERIFY2(rounds > 1 && rounds < 30, qPrintable(QString::number(rounds)));
    settle({&a, &b}, 2);
    QCOMPARE(b.read("later.txt"), QByteArray("after it in the journal"));
    QCOMPARE(log.messages.filter(QRegularExpression("again for|asked the others")), QStringList());
    QCOMPARE(a.last().pendingUp + b.last().pendingUp + b.last().pendingDown, 0);
    const QStringList copies = b.tree().keys().filter(QRegularExpression("^d/h \\(conflict from bob "));
    QCOMPARE(copies.size(), 1);
    QCOMPARE(b.read(copies.first()), QByteArray("bob's file"));
    QVERIFY2(b.last().problems.isEmpty(), qPrintable(b.last().problems.join(QLatin1Char('\n'))));
    for (QDirIterator it(b.path("d"), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
         it.hasNext();)
        QVERIFY2(!it.next().contains(".escale-part-"), qPrintable(it.filePath()));
}

// The same in conservative mode, bob's file made there: it is never moved by others' versions;
// the file that lives waits, and says why.
void tst_NoEditLost::fileOverAFolderInConservativeMode()
{
    Relay relay("memory");
    Client a(relay, "alice", config::SyncMode::Upload), b(relay, "bob", config::SyncMode::Conservative);
    a.write("d/h/notes.md", "v1");
    settle({&a, &b}, 2);
    QVERIFY(QDir(b.path("d/h")).removeRecursively());
    b.write("d/h", "bob's file");
    QVERIFY(b.pass().ok());
    a.write("d/h/notes.md", "alice's edit");
    QVERIFY(a.pass().ok());
    for (int i = 0; i < 2; ++i) {
        QVERIFY(b.pass().ok());
        QVERIFY2(b.last().problems.join(QLatin1Char('\n')).contains("kept this machine's version of d/h"),
                 qPrintable(b.last().problems.join(QLatin1Char('\n'))));
        QCOMPARE(b.read("d/h"), QByteArray("bob's file"));
        QCOMPARE(b.tree().keys(), QStringList({"d", "d/h"}));
    }
    // An edit larger than the relay's quota, in pieces (R28): bob takes none, and says why, but
    // holds nobody up: alice sends it all, the relay is freed, nothing is asked again.
    for (Client* x : {&a, &b}) {
        x->config().diskQuota = 2 * 1024 * 1024;
        x->makeEngine();
    }
    a.write("d/h/notes.md", randomBytes(5 * 1024 * 1024, 12));
    a.write("later.txt", "after it");
    MessageLog log;
    settle({&a, &b}, 8);
    QCOMPARE(b.read("later.txt"), QByteArray("after it"));
    QCOMPARE(b.read("d/h"), QByteArray("bob's file"));
    QCOMPARE(a.last().pendingUp, 0);
    QCOMPARE(relay.objects("data/").size(), 0);
    QCOMPARE(log.messages.filter(QRegularExpression("again for|asked the others")), QStringList());
    QVERIFY2(b.last().problems.join(QLatin1Char('\n')).contains("kept this machine's version of d/h"),
             qPrintable(b.last().problems.join(QLatin1Char('\n'))));
}

// The same, the file that lives deeper (d/h/e/x.txt), its folders deleted here with it in the same
// pass: they come back for it (R26), and stay until it is in place (model seed 1610029: its
// content fetched beside the name's file, the folder d/h/e, made for it and deleted here, was empty
// when the batch's deletions came, went, and the file could not be written).
void tst_NoEditLost::fileOverAFolderWhoseDeeperFileLives()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("d/h/e/x.txt", "v1");
    settle({&a, &b}, 2);
    b.write("d/h/e/x.txt", "bob's edit");
    QVERIFY(b.pass().ok());
    QVERIFY(QDir(a.path("d/h")).removeRecursively());
    a.write("d/h", "alice's file");
    QVERIFY2(a.pass().ok(), qPrintable(a.last().error));
    QVERIFY2(a.last().problems.isEmpty(), qPrintable(a.last().problems.join(QLatin1Char('\n'))));
    QCOMPARE(a.read("d/h/e/x.txt"), QByteArray("bob's edit"));
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    QStringList all = contents(b);
    all.sort();
    QCOMPARE(all, QStringList({"alice's file", "bob's edit"}));
    for (Client* x : {&a, &b})
        QVERIFY2(x->last().problems.isEmpty(), qPrintable(x->last().problems.join(QLatin1Char('\n'))));
}

// The same, the folders' deletion made here held for confirmation (many files gone at once), the
// edit set aside meanwhile, then the deletion confirmed: the edit comes back with its folders, and
// the name's file goes beside them. (Near model seed 1610029, where the folder made for the edit
// was also in the batch's deletions, set aside itself; this does not reach that, and passes
// without its fix too.)
void tst_NoEditLost::fileOverAFolderWhoseFileLivesThroughHeldDeletions()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("r1.txt", "one");
    a.write("r2.txt", "two");
    for (int i = 0; i < 12; ++i)
        a.write(QString("d/h/e/%1.txt").arg(i), QString("content %1").arg(i).toUtf8());
    settle({&a, &b}, 2);
    b.write("d/h/e/0.txt", "bob's edit");
    QVERIFY(b.pass().ok());
    QVERIFY(QDir(a.path("d/h")).removeRecursively());
    a.write("d/h", "alice's file");
    QVERIFY(a.pass().ok());
    QVERIFY(a.last().deletionsHeld > 0);
    QVERIFY(a.pass().ok());
    a.engine().confirmDeletions();
    for (int i = 0; i < 2; ++i)
        QVERIFY(a.pass().ok());
    QVERIFY2(a.last().problems.isEmpty(), qPrintable(a.last().problems.join(QLatin1Char('\n'))));
    QCOMPARE(a.read("d/h/e/0.txt"), QByteArray("bob's edit"));
    settle({&a, &b}, 3);
    CONVERGED(a, b);
    QStringList all = contents(b);
    all.sort();
    QCOMPARE(all, QStringList({"alice's file", "bob's edit", "one", "two"}));
}

// Alice and carol both move a folder away, alice's state is put back from a backup older than her
// move, and she moves the folder back: the file returns under the entry the restore brought back
// (same size, time and inode), and its content survives. (Written from a first reading of model
// seed 1710031, which it does not reproduce: folderMovedBackIntoAFolderNotSent does.)
void tst_NoEditLost::folderMovedBackUnderARestoredEntry()
{
    Relay relay("memory");
    Client a(relay, "alice"), c(relay, "carol");
    a.write("f/e/x.txt", "the content");
    a.write("other.txt", "other");
    settle({&a, &c}, 2);
    QTemporaryDir backup;
    a.saveState(backup.filePath("state.db"));
    QVERIFY(QDir().mkpath(a.path("d")));
    QVERIFY(QDir().rename(a.path("f/e"), a.path("d/h")));
    QVERIFY(a.pass().ok());
    QVERIFY(QDir().mkpath(c.path("d")));
    QVERIFY(QDir().rename(c.path("f/e"), c.path("d/h")));
    QVERIFY(c.pass().ok());
    QCOMPARE(c.read("d/h/x.txt"), QByteArray("the content"));
    a.restoreState(backup.filePath("state.db"));
    QVERIFY(a.pass().ok());
    QVERIFY(c.pass().ok());
    QVERIFY(QDir().rename(a.path("d/h"), a.path("f/e")));
    settle({&a, &c}, 4);
    QStringList all = contents(a) + contents(c);
    QVERIFY2(all.contains("the content"), qPrintable(all.join(" | ")));
    CONVERGED(a, c);
}

// Model seed 1760089: alice's edit waits to be published (the relay failed); she changes the file
// in place, keeping its size and time (no scan sees it), and the push reads the new bytes, which
// the record then names: but the publication fails again. Her entry had taken the new bytes' hash
// at once, so at the next pass no file held the waiting version's content: it was withdrawn as
// gone, and with it the knowledge of her first version, which it superseded and bob holds. Her
// folder kept the new bytes under no version at all: the trees never met again.
void tst_NoEditLost::editInPlaceWhileItsPublicationFails()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "one");
    settle({&a, &b}, 2);
    QCOMPARE(b.read("f.txt"), QByteArray("one"));
    a.write("f.txt", "two!");
    setMtime(a.path("f.txt"), 1'700'000'000);
    a.faults().failNext(relay::FaultyRelay::Op::Put, 100);
    QVERIFY(!a.pass().ok()); // the edit waits to be published
    a.faults().failNext(relay::FaultyRelay::Op::Put, 0);
    {
        QFile f(a.path("f.txt"));
        QVERIFY(f.open(QIODevice::ReadWrite)); // in place: the same inode, size and time
        QCOMPARE(f.write("TWO!"), qint64(4));
    }
    setMtime(a.path("f.txt"), 1'700'000'000);
    int puts = 0;
    a.faults().setOperationHook([&puts](relay::FaultyRelay::Op op) {
        return op != relay::FaultyRelay::Op::Put || ++puts != 2; // the pack goes, the journal does not
    });
    QVERIFY(!a.pass().ok());
    QVERIFY2(a.last().error.contains("cannot publish the journal"), qPrintable(a.last().error));
    a.faults().setOperationHook({});
    settle({&a, &b}, 3);
    QCOMPARE(a.read("f.txt"), QByteArray("TWO!"));
    CONVERGED(a, b);
}

// A publication whose answer was lost, then another change: the next pass finds its own segment
// on the relay and takes it back, as for a state put back from a backup; but every record there
// waits here, so nothing was left behind, and the files of a folder whose send flag is off are not
// held (they would no longer take anything from the others).
void tst_NoEditLost::lostAnswerHoldsNoFileNotSent()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    b.write("inbox/x.txt", "one");
    b.write("inbox/y.txt", "why");
    settle({&a, &b}, 2);
    a.engine().setAccess("inbox", false, std::nullopt);
    a.write("empty.txt", ""); // no chunk: the journal is the first upload
    a.faults().loseRepliesOf(relay::FaultyRelay::Op::Put, 1);
    QVERIFY(!a.pass().ok());
    a.write("other.txt", "other"); // the next batch is another text: the segment there is taken back
    QVERIFY(a.pass().ok());
    b.write("inbox/x.txt", "bob's edit");
    QVERIFY(QFile::remove(b.path("inbox/y.txt")));
    settle({&a, &b}, 3);
    QVERIFY2(a.last().problems.isEmpty(), qPrintable(a.last().problems.join('\n')));
    QCOMPARE(a.read("inbox/x.txt"), QByteArray("bob's edit"));
    QVERIFY(!a.exists("inbox/y.txt"));
    CONVERGED(a, b);
}

// Alice's f is neither sent nor received; carol deletes f/x.txt meanwhile. When alice turns her
// flags back on, her file is as its entry says and the deletion supersedes it: it is applied, not
// taken for a file put back (only files whose size, time and inode another entry records are held
// when a send flag turns on).
void tst_NoEditLost::deletionWaitingBehindFlagsIsApplied()
{
    Relay relay("memory");
    Client a(relay, "alice"), c(relay, "carol");
    c.write("f/x.txt", "the content");
    c.write("f/y.txt", "why");
    settle({&a, &c}, 2);
    a.engine().setAccess("f", false, false);
    QVERIFY(QFile::remove(c.path("f/x.txt")));
    settle({&a, &c}, 2);
    QVERIFY(a.exists("f/x.txt")); // not received meanwhile
    a.engine().setAccess("f", std::nullopt, std::nullopt);
    settle({&a, &c}, 3);
    QVERIFY(!a.exists("f/x.txt"));
    QVERIFY(!c.exists("f/x.txt"));
    CONVERGED(a, c);
}

// Alice and bob hold bob's f/x.txt, then turn f's send flag off and delete the file: neither
// deletion is sent, and their entries stay, their files gone. Carol joins and asks for the content,
// which the relay freed long ago. Nobody can send it: alice and bob must say they lack it (their
// entries hold it, their folders do not), so that it is settled as lost rather than waited for.
void tst_NoEditLost::contentGoneFromFoldersNotSentIsSaidLacking()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    b.write("f/x.txt", "the content");
    b.write("other.txt", "other");
    settle({&a, &b}, 3);
    QCOMPARE(a.read("f/x.txt"), QByteArray("the content"));
    for (Client* x : {&a, &b}) {
        x->engine().setAccess("f", false, std::nullopt);
        QVERIFY(QFile::remove(x->path("f/x.txt")));
        QVERIFY(x->pass().ok());
    }
    Client c(relay, "carol");
    settle({&a, &b, &c}, 6);
    QCOMPARE(c.read("other.txt"), QByteArray("other"));
    QVERIFY(!c.exists("f/x.txt"));
    QCOMPARE(c.last().pendingDown, 0); // not waiting for ever
    QVERIFY(c.last().complete);
}

// The ways of the two scenarios below of moving a file back into a folder not sent.
static void movedBackRows(bool restore)
{
    QTest::addColumn<QString>("how");
    QTest::newRow("directly") << "directly";
    QTest::newRow("in two steps") << "in two steps";
    QTest::newRow("while neither folder is sent") << "while neither folder is sent";
    QTest::newRow("then a pass in upload mode") << "upload";
    QTest::newRow("then a pass in download mode") << "download";
    if (restore)
        QTest::newRow("then the state put back from before the moves") << "restore";
    QTest::newRow("into a hidden folder") << "hidden";
}

// A pass of `a` in upload or download mode (`how`), then shared again.
static void passInAnotherMode(Client& a, const QString& how)
{
    if (how != "upload" && how != "download")
        return;
    a.config().mode = how == "upload" ? config::SyncMode::Upload : config::SyncMode::Download;
    a.makeEngine();
    QVERIFY(a.pass().ok());
    a.config().mode = config::SyncMode::Shared;
    a.makeEngine();
}

// `a` sends everything again: hidden files on, no send flag off.
static void sendEverything(Client& a)
{
    if (!a.config().hiddenFiles) {
        a.config().hiddenFiles = true;
        a.makeEngine();
    }
    a.engine().setAccess("f", std::nullopt, std::nullopt);
    a.engine().setAccess("d", std::nullopt, std::nullopt);
}

void tst_NoEditLost::folderMovedBackIntoAFolderNotSent_data()
{
    movedBackRows(true);
}

// Model seed 1710031: alice's send flags are off for f and d. She moves f/e to d/h (nothing is
// scanned there), carol moves it too, and carol's d/h/x.txt is taken as alice's own file (same
// content). Alice turns d's send flag back on and moves d/h back to f/e: her scan of d publishes
// the deletion of d/h/x.txt, and the file is back at f/e/x.txt, where her entry, if it were still
// there, would record its size, time and inode. Carol's deletion of f/e/x.txt must not take it: it
// is the file that left d/h, kept at alice (f is not sent), and sent once f's send flag is on
// again. (Carol's deletion, read while alice's file was away, takes her entry now, both agreeing:
// the holds are exercised by the scenario after this one, and by the restore row here.) The rows move it back
// through another folder not sent, or while d is not sent either; switch the mode for a pass, or put alice's
// state back from before the moves after the move back; or use a hidden folder (hidden files off at alice)
// instead of f's flag.
void tst_NoEditLost::folderMovedBackIntoAFolderNotSent()
{
    QFETCH(QString, how);
    const QString f = how == "hidden" ? ".f" : "f";
    Relay relay("memory");
    Client a(relay, "alice"), c(relay, "carol");
    a.config().hiddenFiles = c.config().hiddenFiles = true;
    a.makeEngine();
    c.makeEngine();
    c.write(f + "/e/x.txt", "the content");
    c.write("other.txt", "other");
    settle({&a, &c}, 2);
    QCOMPARE(a.read(f + "/e/x.txt"), QByteArray("the content"));
    if (how == "hidden") {
        a.config().hiddenFiles = false;
        a.makeEngine();
    } else {
        a.engine().setAccess("f", false, std::nullopt);
    }
    a.engine().setAccess("d", false, std::nullopt);
    QTemporaryDir backup;
    a.saveState(backup.filePath("state.db"));
    QVERIFY(QDir().mkpath(a.path("d")));
    QVERIFY(QDir().rename(a.path(f + "/e"), a.path("d/h")));
    QVERIFY(a.pass().ok());
    QVERIFY(QDir().mkpath(c.path("d")));
    QVERIFY(QDir().rename(c.path(f + "/e"), c.path("d/h")));
    QVERIFY(c.pass().ok());
    QVERIFY(a.pass().ok());
    QCOMPARE(a.read("d/h/x.txt"), QByteArray("the content"));
    a.engine().setAccess("d", std::nullopt, std::nullopt);
    QVERIFY(a.pass().ok());
    if (how == "in two steps") {
        QVERIFY(QDir().rename(a.path("d/h"), a.path(f + "/h")));
        QVERIFY(a.pass().ok());
        QVERIFY(c.pass().ok());
        QVERIFY(QDir().rename(a.path(f + "/h"), a.path(f + "/e")));
    } else if (how == "while neither folder is sent") {
        a.engine().setAccess("d", false, std::nullopt);
        QVERIFY(a.pass().ok());
        QVERIFY(QDir().rename(a.path("d/h"), a.path(f + "/e")));
        QVERIFY(a.pass().ok());
        QCOMPARE(a.read(f + "/e/x.txt"), QByteArray("the content"));
        a.engine().setAccess("d", std::nullopt, std::nullopt);
    } else {
        QVERIFY(QDir().rename(a.path("d/h"), a.path(f + "/e")));
    }
    QVERIFY(a.pass().ok());
    passInAnotherMode(a, how);
    if (how == "restore")
        a.restoreState(backup.filePath("state.db"));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(a.pass().ok());
        QVERIFY(c.pass().ok());
        QCOMPARE(a.read(f + "/e/x.txt"), QByteArray("the content")); // kept while it is not sent
    }
    QVERIFY(!c.exists("d/h/x.txt"));
    sendEverything(a);
    settle({&a, &c}, 4);
    QCOMPARE(a.read(f + "/e/x.txt"), QByteArray("the content"));
    CONVERGED(a, c);
}

void tst_NoEditLost::fileMovedBackIntoAFolderNotSentThenDeletedElsewhere_data()
{
    movedBackRows(false);
}

// Alice's f is not sent. She moves f/x.txt to d/x.txt (sent: a new version there), then back, and
// her scan publishes the deletion of d/x.txt; her entry of f/x.txt, from before, says what the file
// says. Carol, who never saw the move back, deletes f/x.txt: that deletion supersedes the entry's
// version, but the file there is the one that left d (held, HeldFiles): it stays, said so, and goes
// out once f is sent again. The rows move it back through another folder not sent, or while d is
// not sent either; switch the mode for a pass; or use a hidden folder instead of f's flag.
void tst_NoEditLost::fileMovedBackIntoAFolderNotSentThenDeletedElsewhere()
{
    QFETCH(QString, how);
    const QString f = how == "hidden" ? ".f" : "f";
    Relay relay("memory");
    Client a(relay, "alice"), c(relay, "carol");
    c.write(f + "/x.txt", "the content");
    c.write("d/other.txt", "other");
    settle({&a, &c}, 2);
    if (how == "hidden") {
        a.config().hiddenFiles = false;
        a.makeEngine();
    } else {
        a.engine().setAccess("f", false, std::nullopt);
    }
    QVERIFY(QDir().rename(a.path(f + "/x.txt"), a.path("d/x.txt")));
    QVERIFY(a.pass().ok());
    QVERIFY(c.pass().ok());
    QCOMPARE(c.read("d/x.txt"), QByteArray("the content"));
    if (how == "in two steps") {
        QVERIFY(QDir().rename(a.path("d/x.txt"), a.path(f + "/y.txt")));
        QVERIFY(a.pass().ok());
        QVERIFY(c.pass().ok());
        QVERIFY(QDir().rename(a.path(f + "/y.txt"), a.path(f + "/x.txt")));
    } else if (how == "while neither folder is sent") {
        a.engine().setAccess("d", false, std::nullopt);
        QVERIFY(a.pass().ok());
        QVERIFY(QDir().rename(a.path("d/x.txt"), a.path(f + "/x.txt")));
    } else {
        QVERIFY(QDir().rename(a.path("d/x.txt"), a.path(f + "/x.txt")));
    }
    QVERIFY(a.pass().ok());
    passInAnotherMode(a, how);
    QVERIFY(c.pass().ok());
    QVERIFY(QFile::remove(c.path(f + "/x.txt")));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(c.pass().ok());
        QVERIFY(a.pass().ok());
        QCOMPARE(a.read(f + "/x.txt"), QByteArray("the content")); // kept while it is not sent
        const QString said = a.last().problems.join('\n');
        QVERIFY2(how == "hidden" || said.contains(f + "/x.txt stays as it is"), qPrintable(said));
        QVERIFY(a.last().complete); // (it waits for its user, not for the next pass)
    }
    sendEverything(a);
    settle({&a, &c}, 4);
    QCOMPARE(a.read(f + "/x.txt"), QByteArray("the content"));
    CONVERGED(a, c);
}

void tst_NoEditLost::uploadOnlyChangeSupersedesTheSameContent_data()
{
    QTest::addColumn<bool>("uploadMode"); // else: a shared folder whose receive flag is off for the file
    QTest::newRow("upload-only folder") << true;
    QTest::newRow("receive flag off") << false;
}

// A folder no pass places files in (upload only, or a path whose receive flag is off) takes in a
// version of the very content its file holds as it reads it (R24): bob changed the file's bits only,
// then alice edited it; her edit supersedes bob's version, no conflict copy of her own former bytes.
// (Since a change made here descends from the local entry alone, model seed 680062, nothing else
// takes such a version in there.)
void tst_NoEditLost::uploadOnlyChangeSupersedesTheSameContent()
{
    QFETCH(bool, uploadMode);
    Relay relay("memory");
    Client a(relay, "alice", uploadMode ? config::SyncMode::Upload : config::SyncMode::Shared), b(relay, "bob");
    if (!uploadMode)
        a.engine().setAccess("p.txt", std::nullopt, false);
    a.write("p.txt", "first\n");
    settle({&a, &b}, 2);
    QCOMPARE(b.read("p.txt"), QByteArray("first\n"));
    QVERIFY(QFile::setPermissions(b.path("p.txt"), QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(b.pass().ok());
    QVERIFY(a.pass().ok());
    a.write("p.txt", "alice's edit\n");
    settle({&a, &b}, 3);
    QCOMPARE(b.read("p.txt"), QByteArray("alice's edit\n"));
    QVERIFY2(b.tree().size() == 1, qPrintable(QStringList(b.tree().keys()).join(", ")));
}

namespace {
void copyTree(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + "/" + QDir(from).relativeFilePath(source);
        if (it.fileInfo().isDir())
            QDir().mkpath(target);
        else
            QFile::copy(source, target);
    }
}
} // namespace

// The relay put back from an older copy (a restored NAS, a snapshot of the share): the clients
// find their own heads older than they wrote, send snapshots of what they know, and every
// change made since arrives; nothing is refused for ever as a replay.
void tst_NoEditLost::relayPutBackFromAnOlderCopy()
{
    QTemporaryDir backup;
    Relay relay("file");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("f.txt", "v1");
    settle({&a, &b}, 2);
    copyTree(relay.folder(), backup.filePath("relay"));
    a.write("f.txt", "v2 by alice");
    a.write("g.txt", "new from alice");
    QVERIFY(a.pass().ok());
    // Put back before bob read any of it: alice's segments, chunks and head since are gone.
    QVERIFY(QDir(relay.folder()).removeRecursively());
    copyTree(backup.filePath("relay"), relay.folder());
    b.write("h.txt", "new from bob");
    QVERIFY(b.pass().ok());
    settle({&a, &b}, 4);
    QVERIFY2(a.last().ok() && b.last().ok(), qPrintable(a.last().error + b.last().error));
    CONVERGED(a, b);
    QCOMPARE(b.read("f.txt"), QByteArray("v2 by alice"));
    QCOMPARE(b.read("g.txt"), QByteArray("new from alice"));
    QCOMPARE(a.read("h.txt"), QByteArray("new from bob"));
    QCOMPARE(a.last().pendingDown, 0);
    QCOMPARE(b.last().pendingDown, 0);
    // And later changes go on.
    b.write("later.txt", "later");
    settle({&a, &b}, 2);
    QCOMPARE(a.read("later.txt"), QByteArray("later"));
}

// Reproduction: escalectl verify reported a healthy repository as broken once a snapshot covered
// a whole journal and its segments were deleted (R18).
void tst_NoEditLost::verifyUnderstandsCompactedJournals()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.engine().setSnapshotInterval(2);
    for (int i = 0; i < 6; ++i) {
        a.write("f.txt", "version " + QByteArray::number(i));
        settle({&a, &b}, 2);
    }
    const QString mine = "journal/" + a.engine().clientId() + "/";
    QCOMPARE(relay.objects(mine), QStringList()); // every segment covered, all deleted
    const QString verified = verifyProblems(relay);
    QVERIFY2(verified.isEmpty(), qPrintable(verified));
}

// Reproduction: 45 % of the files deleted before each of three passes got past the mass-delete
// guard, leaving 15 of 100 files on every machine.
void tst_NoEditLost::gradualDeletionIsHeld()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    for (int i = 0; i < 100; ++i)
        a.write(QString("f%1.txt").arg(i), "x");
    settle({&a, &b}, 1);
    for (int i = 0; i < 45; ++i)
        QVERIFY(QFile::remove(a.path(QString("f%1.txt").arg(i))));
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().deletionsHeld, 0); // under half: they go out
    for (int i = 45; i < 90; ++i)
        QVERIFY(QFile::remove(a.path(QString("f%1.txt").arg(i))));
    QVERIFY(a.pass().ok());
    QCOMPARE(a.last().deletionsHeld, 45); // 90 of 100 within the hour: held
    QVERIFY2(a.last().problems.join('\n').contains("90 of 100 files"), qPrintable(a.last().problems.join('\n')));
    QVERIFY(b.pass().ok());
    QCOMPARE(b.tree().size(), 55);
    a.engine().confirmDeletions();
    settle({&a, &b}, 2);
    QCOMPARE(b.tree().size(), 10);
}

// Reproduction: names that are not valid UTF-8 were never synced and reported at every pass as
// "No such file or directory".
void tst_NoEditLost::nameNotUtf8IsReportedOnce()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    const QByteArray raw = QFile::encodeName(a.path()) + "/caf\xe9 latin-1.txt";
    const int fd = ::open(raw.constData(), O_WRONLY | O_CREAT | O_EXCL, 0644);
    QVERIFY(fd >= 0);
    QCOMPARE(::write(fd, "x", 1), ssize_t(1));
    ::close(fd);
    a.write("fine.txt", "fine");
    QVERIFY(a.pass().ok());
    const QStringList said = a.last().problems.filter("not valid UTF-8");
    QCOMPARE(said.size(), 1);
    QVERIFY2(said.first().contains("caf\\xe9 latin-1.txt"), qPrintable(said.first()));
    QVERIFY(a.last().problems.filter("No such file").isEmpty());
    QVERIFY(a.pass().ok());
    QVERIFY2(a.last().problems.isEmpty(), qPrintable(a.last().problems.join('\n'))); // once
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("fine.txt"), QByteArray("fine"));
    QCOMPARE(b.tree().size(), 1);
}

// Reproduction: removing 'exclude = *.log' never brought the logs (passes said "complete"); the
// same for hidden files. Files a filter now leaves out stay where they are.
void tst_NoEditLost::filterChangesBringSkippedFiles()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    b.config().exclude = QStringList{"*.log"};
    b.config().hiddenFiles = false; // not the default any more
    b.makeEngine();
    a.write("x.log", "a log");
    a.write(".hidden", "hidden");
    a.config().hiddenFiles = true;
    a.makeEngine();
    a.write("y.txt", "text");
    settle({&a, &b}, 3);
    QCOMPARE(b.tree().keys(), QStringList({"y.txt"}));
    QVERIFY(relay.objects("data/").isEmpty()); // everyone acknowledged: the content is gone
    b.config().exclude.clear();
    b.config().hiddenFiles = true;
    b.makeEngine();
    {
        // The first pass after the change stops at once (Escale stopping): the next ones look at
        // every path again (model seed 211554: the change was recorded as made, a file left out).
        int reports = 0;
        const auto stop = QObject::connect(&b.engine(), &sync::SyncEngine::progress, &b.engine(),
                                           [&](const sync::PassProgress&) {
                                               if (++reports == 1)
                                                   b.engine().interrupt();
                                           });
        const sync::PassResult r = b.pass();
        QObject::disconnect(stop);
        b.engine().interrupt(false);
        QVERIFY(r.interrupted);
        QVERIFY(!b.exists("x.log"));
    }
    settle({&a, &b}, 3);
    QCOMPARE(b.read("x.log"), QByteArray("a log"));
    QCOMPARE(b.read(".hidden"), QByteArray("hidden"));
    QCOMPARE(b.last().pendingDown, 0);
    // Excluded again: they stay here, and nothing is deleted elsewhere.
    b.config().exclude = QStringList{"*.log"};
    b.makeEngine();
    settle({&a, &b}, 2);
    QVERIFY(b.exists("x.log"));
    QVERIFY(a.exists("x.log"));
}

// Reproduction: on a full relay, one file that did not fit held back all the others.
void tst_NoEditLost::fullRelaySendsWhatFits()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    settle({&a, &b}, 1);
    a.write("big.bin", QByteArray(2 * 1024 * 1024, 'b'));
    a.write("note.txt", "small");
    a.write("z.txt", "small too");
    a.faults().refusePutsLargerThan(100 * 1024);
    QVERIFY2(a.pass().ok(), qPrintable(a.last().error));
    QVERIFY(a.last().waitingForSpace);
    QVERIFY2(a.last().problems.join('\n').contains("the relay is full"), qPrintable(a.last().problems.join('\n')));
    QVERIFY(b.pass().ok());
    QCOMPARE(b.read("note.txt"), QByteArray("small"));
    QCOMPARE(b.read("z.txt"), QByteArray("small too"));
    QVERIFY(!b.exists("big.bin"));
    a.faults().refusePutsLargerThan(-1); // room again
    settle({&a, &b}, 2);
    QCOMPARE(b.read("big.bin").size(), 2 * 1024 * 1024);
    CONVERGED(a, b);
}

// Reproduction: a full local disk said "Unknown error" and held the whole journal back. Needs a
// small file system of its own (a tmpfs, mounted when the test may).
void tst_NoEditLost::fullLocalDiskIsNamed()
{
    SmallDisk mountPoint("256k");
    if (!mountPoint.mounted())
        QSKIP("cannot mount a small file system here");
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    b.config().localPath = mountPoint.path();
    b.makeEngine();
    settle({&a, &b}, 1);
    a.write("big.bin", QByteArray(400 * 1024, 'x'));
    a.write("small.txt", "fits");
    QVERIFY(a.pass().ok());
    QVERIFY(b.pass().ok());
    QCOMPARE(readFile(mountPoint.filePath("small.txt")), QByteArray("fits")); // the rest goes on
    QVERIFY(!QFileInfo::exists(mountPoint.filePath("big.bin")));
    QVERIFY2(b.last().waiting.join('\n').contains("the disk is full"), qPrintable(b.last().waiting.join('\n')));
    QVERIFY(b.last().problems.filter("Unknown error").isEmpty());
}

// A batch of small files is written to download files, then renamed into place at its end (the new
// ones on another thread). A disk that fills meanwhile: each file that could not be written is set
// aside with the cause, is not counted nor announced as received, leaves no download file behind,
// and arrives once there is room; every file that was placed holds exactly its version.
void tst_NoEditLost::fullDiskWhileABatchIsPlaced()
{
    SmallDisk mountPoint("256k");
    if (!mountPoint.mounted())
        QSKIP("cannot mount a small file system here");
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    b.config().localPath = mountPoint.path();
    b.makeEngine();
    settle({&a, &b}, 1);
    QMap<QString, QByteArray> written; // the oracle: what alice wrote
    for (int i = 0; i < 120; ++i) {
        QByteArray content(4096, Qt::Uninitialized);
        for (qsizetype k = 0; k < content.size(); ++k)
            content[k] = char((i * 131 + k * 7) % 251);
        const QString name = QString("d%1/f%2.bin").arg(i % 3).arg(i, 3, 10, QChar('0'));
        a.write(name, content);
        written.insert(name, content);
    }
    QVERIFY(a.pass().ok());
    QSignalSpy events(&b.engine(), &sync::SyncEngine::fileEvent);
    const sync::PassResult r = b.pass();
    QVERIFY2(r.ok(), qPrintable(r.error));
    QStringList placed, announced;
    for (auto it = written.cbegin(); it != written.cend(); ++it)
        if (QFileInfo::exists(mountPoint.filePath(it.key()))) {
            QCOMPARE(readFile(mountPoint.filePath(it.key())), it.value());
            placed << it.key();
        }
    for (const QList<QVariant>& e : std::as_const(events))
        if (e.first().value<sync::FileEvent>().kind == sync::FileEvent::Kind::Received)
            announced << e.first().value<sync::FileEvent>().path;
    announced.sort();
    QVERIFY2(!placed.isEmpty() && placed.size() < written.size(), qPrintable(QString::number(placed.size())));
    QCOMPARE(announced, placed);
    QCOMPARE(r.downloaded, int(placed.size()));
    QVERIFY2(r.waiting.join('\n').contains("the disk is full"), qPrintable(r.waiting.join('\n')));
    QVERIFY(r.problems.filter("Unknown error").isEmpty());
    QDirIterator leftovers(mountPoint.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (leftovers.hasNext()) {
        const QString f = leftovers.next();
        QVERIFY2(!f.contains("/.escale-tmp"), qPrintable(f));
    }
    QVERIFY(mountPoint.grow("4m"));
    settle({&a, &b}, 3);
    for (auto it = written.cbegin(); it != written.cend(); ++it)
        QCOMPARE(readFile(mountPoint.filePath(it.key())), it.value());
    QCOMPARE(harness::tree(mountPoint.path()), a.tree());
}

// Bob deleted his folder d/h while alice added d/h/e/n.txt. The batch that brings it makes d/h
// and d/h/e again, and the file is written behind; the disk is full, so it is not placed. The
// folders made for it go again, and d/h, which bob deleted, is not published again for a file that
// is not there (R25; review of the fix for model seed 970035: it was kept as soon as the file was
// staged, and the folders stayed). Once there is room, the file arrives, with its folders. In the
// second row bob's deletions are held (most of his files gone at once): the folders, still known,
// are made for the file all the same, and go again as they were, missing, their deletion held.
void tst_NoEditLost::foldersMadeForAFileNotWrittenGo_data()
{
    QTest::addColumn<bool>("held");
    QTest::newRow("bob's deletion published") << false;
    QTest::newRow("bob's deletions held") << true;
}

void tst_NoEditLost::foldersMadeForAFileNotWrittenGo()
{
    QFETCH(bool, held);
    SmallDisk mountPoint("256k");
    if (!mountPoint.mounted())
        QSKIP("cannot mount a small file system here");
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    b.config().localPath = mountPoint.path();
    b.makeEngine();
    for (int i = 0; i < 6; ++i)
        a.write(QString("r%1.txt").arg(i), "root");
    for (int i = 0; i < (held ? 12 : 1); ++i)
        a.write(QString("d/h/e/x%1.txt").arg(i), "x");
    settle({&a, &b}, 2);
    QVERIFY(QFileInfo::exists(mountPoint.filePath("d/h/e/x0.txt")));
    const QByteArray notes = harness::randomBytes(32 * 1024, 5);
    a.write("d/h/e/n.txt", notes);
    QVERIFY(a.pass().ok());
    QVERIFY(QDir(mountPoint.filePath("d/h")).removeRecursively());
    QFile filler(mountPoint.filePath("filler"));
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray block(4096, 'f');
    while (filler.write(block) == block.size() && filler.flush()) {
    }
    filler.close();
    QVERIFY(b.pass().ok());
    QCOMPARE(b.last().deletionsHeld > 0, held);
    QVERIFY2(b.last().waiting.join('\n').contains("the disk is full"), qPrintable(b.last().waiting.join('\n')));
    QVERIFY(!QFileInfo::exists(mountPoint.filePath("d/h/e/n.txt")));
    QVERIFY(!QFileInfo::exists(mountPoint.filePath("d/h")));
    QVERIFY(QFile::remove(filler.fileName()));
    b.engine().confirmDeletions();
    settle({&a, &b}, 3);
    QCOMPARE(readFile(mountPoint.filePath("d/h/e/n.txt")), notes);
    QVERIFY(!a.exists("d/h/e/x0.txt"));
    QCOMPARE(harness::tree(mountPoint.path()), a.tree());
}

// The state database cannot grow any more (its disk full): the pass stops with the cause named, no
// crash, and once there is room again everything arrives and nothing made meanwhile is lost.
void tst_NoEditLost::stateDatabaseFullStopsThePass()
{
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    a.write("first.txt", "first");
    settle({&a, &b}, 1);
    QCOMPARE(b.read("first.txt"), QByteArray("first"));
    for (int i = 0; i < 300; ++i)
        a.write(QString("many/%1.txt").arg(i), "file " + QByteArray::number(i));
    a.write("first.txt", "alice's edit");
    QVERIFY(a.pass().ok());
    b.engine().database().limitGrowth(0);
    const sync::PassResult r = b.pass();
    QCOMPARE(r.status, sync::PassResult::Status::LocalFolder);
    QVERIFY2(r.error.contains(b.statePath()) && r.error.contains("disk is full") && r.error.contains("nothing is lost"),
             qPrintable(r.error));
    b.write("bob.txt", "bob's file, written while his disk was full");
    // Room again (the next pass opens the database afresh): everything travels, both ways.
    QVERIFY(settleUntil({&a, &b}, [&] { return a.exists("bob.txt") && a.tree() == b.tree(); }));
    QVERIFY(b.last().ok());
    CONVERGED(a, b);
    QCOMPARE(b.read("first.txt"), QByteArray("alice's edit"));
    QCOMPARE(a.read("bob.txt"), QByteArray("bob's file, written while his disk was full"));
    for (int i = 0; i < 300; ++i)
        QCOMPARE(b.read(QString("many/%1.txt").arg(i)), "file " + QByteArray::number(i));
    QVERIFY(b.last().conflicts == 0 && a.last().conflicts == 0);
}

// The same on a real file system: the state database on a small disk that fills up, then is
// read-only when Escale starts (remounted while it was stopped), then comes back.
void tst_NoEditLost::stateDatabaseOnADiskFullOrReadOnly()
{
    SmallDisk mountPoint("2m");
    if (!mountPoint.mounted())
        QSKIP("cannot mount a small file system here");
    auto remount = [&](const char* how) {
        return QProcess::execute("mount", {"-o", QString("remount,%1").arg(how), mountPoint.path()}) == 0;
    };
    Relay relay("memory");
    Client a(relay, "alice"), b(relay, "bob");
    b.setStateDir(mountPoint.path());
    a.write("first.txt", "first");
    settle({&a, &b}, 1);
    QCOMPARE(b.read("first.txt"), QByteArray("first"));

    // Full: a file takes the room left.
    QFile filler(mountPoint.filePath("filler"));
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray block(64 * 1024, 'f');
    while (filler.write(block) == block.size() && filler.flush()) {
    }
    filler.close();
    for (int i = 0; i < 300; ++i)
        a.write(QString("many/%1.txt").arg(i), "file " + QByteArray::number(i));
    QVERIFY(a.pass().ok());
    sync::PassResult r = b.pass();
    QCOMPARE(r.status, sync::PassResult::Status::LocalFolder);
    QVERIFY2(r.error.contains("state database") && r.error.contains("disk is full"), qPrintable(r.error));
    QVERIFY(QFile::remove(filler.fileName()));
    QVERIFY(settleUntil({&a, &b}, [&] { return a.tree() == b.tree(); }));
    QVERIFY(b.last().ok());

    // Read-only.
    a.write("second.txt", "second");
    QVERIFY(a.pass().ok());
    b.stopEngine();
    QVERIFY(remount("ro"));
    b.restartEngine();
    r = b.pass();
    QCOMPARE(r.status, sync::PassResult::Status::LocalFolder);
    QVERIFY2(r.error.contains("state database") && r.error.contains("read-only"), qPrintable(r.error));
    b.write("bob.txt", "written while the state was read-only");
    QVERIFY(remount("rw"));
    QVERIFY(settleUntil({&a, &b}, [&] { return a.exists("bob.txt") && a.tree() == b.tree(); }));
    CONVERGED(a, b);
    QCOMPARE(b.read("second.txt"), QByteArray("second"));
    QCOMPARE(a.read("bob.txt"), QByteArray("written while the state was read-only"));
    for (int i = 0; i < 300; ++i)
        QCOMPARE(b.read(QString("many/%1.txt").arg(i)), "file " + QByteArray::number(i));
}

// One repository's state database is damaged: that repository stops and says why; the instance
// (the daemon, the tray's) keeps running the others.
void tst_NoEditLost::brokenStateStopsOnlyItsRepository()
{
    QTemporaryDir root;
    for (const char* d : {"docs", "notes"})
        QDir().mkpath(root.filePath(d));
    writeFile(root.filePath("notes/n.txt"), "a note");
    const QString text = QString("[docs]\nlocal path = %1\nrelay address = %2\nstate dir = %3\nrefresh = 1\n\n"
                                 "[notes]\nlocal path = %4\nrelay address = %5\nstate dir = %3\nrefresh = 1\n")
                             .arg(root.filePath("docs"), root.filePath("relay-docs"), root.filePath("state"),
                                  root.filePath("notes"), root.filePath("relay-notes"));
    const auto loaded = config::ConfigLoader::load(text.toUtf8(), root.filePath("escale.conf"), root.path());
    QVERIFY(!loaded.hasErrors());
    const QString docsState =
        sync::SyncEngine::defaultStatePath(root.filePath("state"), root.filePath("docs"));
    QDir().mkpath(QFileInfo(docsState).absolutePath());
    writeFile(docsState, QByteArray(8192, 'x')); // not a database any more
    control::Instance instance(loaded.config, false);
    instance.start();
    auto stop = qScopeGuard([&] { instance.stop(); });
    QTRY_VERIFY_WITH_TIMEOUT(instance.status(0).state == control::RepositoryStatus::State::Stopped, 30'000);
    QVERIFY2(instance.status(0).lastError.contains(docsState) && instance.status(0).lastError.contains("is damaged"),
             qPrintable(instance.status(0).lastError));
    // The other one syncs, now and later.
    QTRY_VERIFY_WITH_TIMEOUT(instance.status(1).lastSuccess.isValid(), 30'000);
    QVERIFY(!QDir(root.filePath("relay-notes/journal")).isEmpty());
    writeFile(root.filePath("notes/later.txt"), "a later note");
    const int sent = instance.status(1).sent;
    QTRY_VERIFY_WITH_TIMEOUT(instance.status(1).sent > sent, 30'000);
    QCOMPARE(instance.status(0).state, control::RepositoryStatus::State::Stopped);
    QCOMPARE(readFile(docsState), QByteArray(8192, 'x')); // left as it was, for the user to look at
}

QTEST_GUILESS_MAIN(tst_NoEditLost)
#include "tst_NoEditLost.moc"
