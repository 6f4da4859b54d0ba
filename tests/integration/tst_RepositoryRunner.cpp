// The runner drives the engine on its own thread: the file system watcher and adaptive relay
// polling make a change reach the other client without anyone asking, also when the system
// has no watches left.
#include "config/Config.h"
#include "config/Paths.h"
#include "sync/RepositoryRunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace escale;

class tst_RepositoryRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changesTravelOnTheirOwn();
    void withoutWatchesPollingTakesOver();
    void closedFileGoesInTheFirstPass();
    void withoutCloseEventsTwoLooks();
    void fileStillWrittenIsNotSentHalfWritten();
    void relayNotificationStartsAPass();
    void withoutNotificationsPollingFindsChanges();
    void pollsLookAtTheFolderOnlyWhenItChanged();
    void aBurstGoesOutInAFewPasses();

private:
    // Each test has its own relay and state folders.
    config::RepositoryConfig repo(const QTemporaryDir& shared, const QString& folder,
                                  const QString& name) const
    {
        config::RepositoryConfig c;
        c.name = "test";
        c.localPath = folder;
        c.clientName = name;
        c.relay.scheme = config::RelayAddress::Scheme::Folder;
        c.relay.path = shared.filePath("relay");
        c.stateDir = shared.filePath("state-" + name);
        c.refreshMs = 3000;
        c.settleMs = 0;
        return c;
    }
    static void write(const QString& path, const QByteArray& bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    static QByteArray read(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // A daemon's timing: files modified less than a second ago may be still written; no relay
    // polling after the start's (a day), unless a test sets 'refresh' again.
    config::RepositoryConfig daemon(const QTemporaryDir& shared, const QString& folder, const QString& name) const
    {
        config::RepositoryConfig c = repo(shared, folder, name);
        c.settleMs = 1000;
        c.refreshMs = 24 * 3600 * 1000;
        c.fastWindowMs = 0;
        return c;
    }
    // Waits for the runner's passes to stop: none under way (as many started as finished), none
    // started or finished for `quietMs`. The spies were made before the runner started.
    static void waitQuiet(QSignalSpy& started, QSignalSpy& finished, int quietMs = 1200)
    {
        for (qsizetype seen = -1; seen != started.size() + finished.size() || started.size() != finished.size();) {
            seen = started.size() + finished.size();
            QTest::qWait(quietMs);
        }
    }
};

void tst_RepositoryRunner::changesTravelOnTheirOwn()
{
    QTemporaryDir shared, a, b;
    sync::RepositoryRunner alice(repo(shared, a.path(), "alice")), bob(repo(shared, b.path(), "bob"));
    QSignalSpy alicePasses(&alice, &sync::RepositoryRunner::passFinished);
    QSignalSpy bobPasses(&bob, &sync::RepositoryRunner::passFinished);
    alice.start();
    bob.start();
    QTRY_VERIFY_WITH_TIMEOUT(alicePasses.size() >= 1 && bobPasses.size() >= 1, 20000);
    const auto first = alicePasses.first().first().value<sync::PassResult>();
    QVERIFY2(first.ok(), qPrintable(first.error));

    // Nobody calls syncNow(): the watcher sees the new folder and file, polling brings them over.
    write(a.filePath("new folder/hello.txt"), "hello");
    QTRY_COMPARE_WITH_TIMEOUT(read(b.filePath("new folder/hello.txt")), QByteArray("hello"), 30000);
    write(b.filePath("new folder/reply.txt"), "hi");
    QTRY_COMPARE_WITH_TIMEOUT(read(a.filePath("new folder/reply.txt")), QByteArray("hi"), 30000);
    alice.stop();
    bob.stop();
}

void tst_RepositoryRunner::withoutWatchesPollingTakesOver()
{
    QTemporaryDir shared, a, b;
    config::RepositoryConfig ca = repo(shared, a.path(), "alice");
    ca.watchLimit = 1; // the folder itself, not its sub-folders
    QDir(a.path()).mkpath("deep/er");
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression("cannot watch 2 folders .*max_user_watches.*polling every 3 s"));
    sync::RepositoryRunner alice(ca), bob(repo(shared, b.path(), "bob"));
    alice.start();
    bob.start();
    write(a.filePath("deep/er/inside.txt"), "found by polling");
    QTRY_COMPARE_WITH_TIMEOUT(read(b.filePath("deep/er/inside.txt")), QByteArray("found by polling"), 30000);
    alice.stop();
    bob.stop();
}

// A file written and closed is sent by the first pass after the event: not skipped as "maybe still
// being written" because it is less than a second old (inotify's close-after-write event).
void tst_RepositoryRunner::closedFileGoesInTheFirstPass()
{
#ifndef Q_OS_LINUX
    QSKIP("close-after-write events are Linux's (inotify)");
#endif
    QTemporaryDir shared, a;
    sync::RepositoryRunner alice(daemon(shared, a.path(), "alice"));
    QSignalSpy passes(&alice, &sync::RepositoryRunner::passFinished);
    QSignalSpy started(&alice, &sync::RepositoryRunner::passStarted);
    alice.start();
    QTRY_VERIFY_WITH_TIMEOUT(passes.size() >= 1, 20000);
    for (int round = 0; round < 3; ++round) {
        // Paused while the file is written (no pass can start in the middle of it), then resumed:
        // the pass that resuming starts at once takes it, though it is less than a second old.
        alice.setPaused(true);
        waitQuiet(started, passes);
        const qsizetype before = passes.size();
        write(a.filePath(QString("saved %1.txt").arg(round)), QByteArray("version ") + QByteArray::number(round));
        alice.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(passes.size() > before, 20000);
        const auto first = passes.at(before).first().value<sync::PassResult>();
        QVERIFY2(first.ok(), qPrintable(first.error));
        QCOMPARE(first.uploaded, 1);
        QCOMPARE(first.settling, 0);
    }
    alice.stop();
}

// Without close events (Qt's watcher, as on other systems): a fresh file is looked at twice, a
// quarter of a second apart, then sent.
void tst_RepositoryRunner::withoutCloseEventsTwoLooks()
{
    QTemporaryDir shared, a, b;
    config::RepositoryConfig ca = daemon(shared, a.path(), "alice");
    ca.closeEvents = false;
    ca.settleMs = 60'000; // the rule for files modified long ago never decides here: two looks do
    sync::RepositoryRunner alice(ca), bob(daemon(shared, b.path(), "bob"));
    QSignalSpy passes(&alice, &sync::RepositoryRunner::passFinished);
    QSignalSpy started(&alice, &sync::RepositoryRunner::passStarted);
    alice.start();
    bob.start();
    QTRY_VERIFY_WITH_TIMEOUT(passes.size() >= 1, 20000);
    waitQuiet(started, passes);
    const qsizetype before = passes.size();
    write(a.filePath("fresh.txt"), "two looks");
    QTRY_COMPARE_WITH_TIMEOUT(read(b.filePath("fresh.txt")), QByteArray("two looks"), 20000);
    // The first pass after the change saw it too fresh (a first look), a later one sent it.
    QTRY_VERIFY(passes.size() >= before + 2);
    const auto first = passes.at(before).first().value<sync::PassResult>();
    QCOMPARE(first.uploaded, 0);
    QCOMPARE(first.settling, 1);
    alice.stop();
    bob.stop();
}

// A file held open and written in steps (each under a second apart, with pauses longer than two
// looks) is sent once, when closed: the receiver only ever holds its whole content.
void tst_RepositoryRunner::fileStillWrittenIsNotSentHalfWritten()
{
#ifndef Q_OS_LINUX
    QSKIP("close-after-write events are Linux's (inotify)");
#endif
    QTemporaryDir shared, a, b;
    config::RepositoryConfig cb = daemon(shared, b.path(), "bob");
    cb.refreshMs = 1000; // bob looks every second
    sync::RepositoryRunner alice(daemon(shared, a.path(), "alice")), bob(cb);
    QSignalSpy alicePasses(&alice, &sync::RepositoryRunner::passFinished);
    QSignalSpy aliceStarted(&alice, &sync::RepositoryRunner::passStarted);
    QSignalSpy sent(&alice, &sync::RepositoryRunner::fileEvent);
    alice.start();
    bob.start();
    QTRY_VERIFY_WITH_TIMEOUT(alicePasses.size() >= 1, 20000);
    waitQuiet(aliceStarted, alicePasses);

    QByteArray whole;
    QSet<QByteArray> seenOnBob;
    QFile log(a.filePath("growing.log"));
    QVERIFY(log.open(QIODevice::WriteOnly));
    for (int part = 0; part < 6; ++part) {
        const QByteArray line = "part " + QByteArray::number(part) + " of a file written in steps\n";
        QCOMPARE(log.write(line), line.size());
        QVERIFY(log.flush());
        whole += line;
        for (QElapsedTimer t; !t.isValid() || t.elapsed() < 450;) { // the next part in under a second
            if (!t.isValid())
                t.start();
            QTest::qWait(20);
            if (QFile::exists(b.filePath("growing.log")))
                seenOnBob.insert(read(b.filePath("growing.log")));
        }
    }
    log.close();
    QTRY_COMPARE_WITH_TIMEOUT(read(b.filePath("growing.log")), whole, 20000);
    seenOnBob.insert(read(b.filePath("growing.log")));
    QCOMPARE(seenOnBob, QSet<QByteArray>{whole});
    int sends = 0;
    for (const QList<QVariant>& event : std::as_const(sent)) {
        const auto e = event.first().value<sync::FileEvent>();
        sends += e.kind == sync::FileEvent::Kind::Sent && e.path == "growing.log" ? 1 : 0;
    }
    QCOMPARE(sends, 1);
    alice.stop();
    bob.stop();
}

// A folder relay on a local disk is watched: bob, who polls once a day, receives alice's change
// at once.
void tst_RepositoryRunner::relayNotificationStartsAPass()
{
    QTemporaryDir shared, a, b;
    QVERIFY(config::notifiesOtherMachines(shared.path()));
    sync::RepositoryRunner alice(daemon(shared, a.path(), "alice")), bob(daemon(shared, b.path(), "bob"));
    QSignalSpy alicePasses(&alice, &sync::RepositoryRunner::passFinished);
    QSignalSpy bobPasses(&bob, &sync::RepositoryRunner::passFinished);
    QSignalSpy bobStarted(&bob, &sync::RepositoryRunner::passStarted);
    alice.start();
    QTRY_VERIFY_WITH_TIMEOUT(alicePasses.size() >= 1, 20000); // the repository exists
    bob.start();
    QTRY_VERIFY_WITH_TIMEOUT(bobPasses.size() >= 1, 20000);
    waitQuiet(bobStarted, bobPasses);
    for (int round = 0; round < 2; ++round) {
        const QByteArray text = "seen at once " + QByteArray::number(round);
        write(a.filePath("note.txt"), text);
        QTRY_COMPARE_WITH_TIMEOUT(read(b.filePath("note.txt")), text, 20000);
        waitQuiet(bobStarted, bobPasses);
    }
    alice.stop();
    bob.stop();
}

// Where the relay cannot notify (simulated: a network file system), bob's polling finds the change;
// without polling (a day) it does not arrive.
void tst_RepositoryRunner::withoutNotificationsPollingFindsChanges()
{
    for (const qint64 refresh : {qint64(24) * 3600 * 1000, qint64(1000)}) {
        QTemporaryDir shared, a, b;
        config::RepositoryConfig cb = daemon(shared, b.path(), "bob");
        cb.relayNotifications = false;
        cb.refreshMs = refresh;
        sync::RepositoryRunner alice(daemon(shared, a.path(), "alice")), bob(cb);
        QSignalSpy alicePasses(&alice, &sync::RepositoryRunner::passFinished);
        QSignalSpy bobPasses(&bob, &sync::RepositoryRunner::passFinished);
        QSignalSpy bobStarted(&bob, &sync::RepositoryRunner::passStarted);
        alice.start();
        QTRY_VERIFY_WITH_TIMEOUT(alicePasses.size() >= 1, 20000);
        bob.start();
        QTRY_VERIFY_WITH_TIMEOUT(bobPasses.size() >= 1, 20000);
        if (refresh > 1000)
            waitQuiet(bobStarted, bobPasses); // (polling every second, bob is never quiet)
        write(a.filePath("note.txt"), "polled");
        if (refresh > 1000) {
            QTest::qWait(4000);
            QVERIFY(!QFile::exists(b.filePath("note.txt"))); // nothing told bob, and bob did not look
        } else {
            QTRY_COMPARE_WITH_TIMEOUT(read(b.filePath("note.txt")), QByteArray("polled"), 20000);
        }
        alice.stop();
        bob.stop();
    }
}

// In the fast window the relay is polled every second; the folder is looked at again only when its
// watcher saw something (or could not vouch for it: Qt's watcher, which tells no close, always looks).
void tst_RepositoryRunner::pollsLookAtTheFolderOnlyWhenItChanged()
{
    for (const bool closeEvents : {true, false}) {
#ifndef Q_OS_LINUX
        if (closeEvents)
            continue;
#endif
        QTemporaryDir shared, a;
        config::RepositoryConfig c = daemon(shared, a.path(), "alice");
        c.refreshMs = 30'000;
        c.fastWindowMs = 120'000;
        c.closeEvents = closeEvents;
        for (int i = 0; i < 50; ++i)
            write(a.filePath(QString("d%1/f%2.txt").arg(i % 5).arg(i)), "there before");
        sync::RepositoryRunner alice(c);
        QSignalSpy passes(&alice, &sync::RepositoryRunner::passFinished);
        alice.start();
        QTRY_VERIFY_WITH_TIMEOUT(passes.size() >= 5, 30000); // polls, a second apart
        auto result = [&](qsizetype i) { return passes.at(i).first().value<sync::PassResult>(); };
        QVERIFY(result(0).folderScanned);
        QCOMPARE(result(0).published > 0, true);
        QCOMPARE(result(passes.size() - 1).folderScanned, !closeEvents);
        const qsizetype before = passes.size();
        write(a.filePath("d3/new.txt"), "a change");
        QTRY_VERIFY_WITH_TIMEOUT(passes.size() > before && result(passes.size() - 1).uploaded + result(before).uploaded > 0, 20000);
        for (qsizetype i = before; i < passes.size(); ++i)
            if (result(i).uploaded > 0)
                QVERIFY(result(i).folderScanned);
        // "Sync now" looks at everything.
        const qsizetype now = passes.size();
        alice.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(passes.size() > now, 20000);
        bool looked = false;
        for (qsizetype i = now; i < passes.size(); ++i)
            looked = looked || result(i).folderScanned;
        QVERIFY(looked);
        alice.stop();
    }
}

// 1,000 files written in one go (as a copy or an archive extraction makes them) go out in a few
// passes, not one pass per file: the events of a burst are gathered.
void tst_RepositoryRunner::aBurstGoesOutInAFewPasses()
{
    QTemporaryDir shared, a, b;
    sync::RepositoryRunner alice(daemon(shared, a.path(), "alice")), bob(daemon(shared, b.path(), "bob"));
    QSignalSpy passes(&alice, &sync::RepositoryRunner::passFinished);
    QSignalSpy started(&alice, &sync::RepositoryRunner::passStarted);
    alice.start();
    bob.start();
    QTRY_VERIFY_WITH_TIMEOUT(passes.size() >= 1, 20000);
    waitQuiet(started, passes);
    const qsizetype before = passes.size();
    for (int i = 0; i < 1000; ++i)
        write(a.filePath(QString("burst/%1/file %2.txt").arg(i % 10).arg(i)), QByteArray::number(i));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(b.filePath("burst/9/file 999.txt")) &&
                                 QDir(b.filePath("burst/0")).entryList(QDir::Files).size() == 100,
                             60000);
    waitQuiet(started, passes);
    int sent = 0, passesThatSent = 0;
    for (qsizetype i = before; i < passes.size(); ++i) {
        const auto r = passes.at(i).first().value<sync::PassResult>();
        sent += r.uploaded;
        passesThatSent += r.uploaded > 0 ? 1 : 0;
    }
    QCOMPARE(sent, 1000);
    QVERIFY2(passesThatSent <= 50, qPrintable(QString::number(passesThatSent)));
    for (int i = 0; i < 1000; i += 97)
        QCOMPARE(read(b.filePath(QString("burst/%1/file %2.txt").arg(i % 10).arg(i))), QByteArray::number(i));
    alice.stop();
    bob.stop();
}

QTEST_GUILESS_MAIN(tst_RepositoryRunner)
#include "tst_RepositoryRunner.moc"
