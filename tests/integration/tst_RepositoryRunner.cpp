// The runner drives the engine on its own thread: the file system watcher and adaptive relay
// polling make a change reach the other client without anyone asking, also when the system
// has no watches left.
#include "config/Config.h"
#include "sync/RepositoryRunner.h"

#include <QDir>
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

QTEST_GUILESS_MAIN(tst_RepositoryRunner)
#include "tst_RepositoryRunner.moc"
