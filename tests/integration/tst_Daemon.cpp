// escale --no-gui as a process: two or three daemons on a folder relay converge, stop
// cleanly on SIGTERM, and survive SIGKILL at random moments without ever showing a partial
// file or losing one.
#include "SyncHarness.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>
#include <memory>

class tst_Daemon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void syncsAndStopsCleanly();
    void survivesKillAtRandomMoments();
    void onceExitCodes();

private:
    struct Peer
    {
        QString name;
        QString folder;
        QString config;
        std::shared_ptr<QProcess> process;
    };
    Peer makePeer(const QString& root, const QString& name, const QString& relay,
                  const QString& extra = {}) const;
    void start(Peer& p) const;
    static int terminate(Peer& p);
    static QMap<QString, QString> tree(const QString& root);
    static bool waitFor(const std::function<bool()>& condition, int timeoutMs);

    QString m_bin;
};

namespace {
QByteArray contentFor(const QString& name, int size)
{
    QByteArray out;
    out.reserve(size);
    QByteArray seed = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256);
    while (out.size() < size) {
        out += seed;
        seed = QCryptographicHash::hash(seed, QCryptographicHash::Sha256);
    }
    out.truncate(size);
    return out;
}

void write(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}
} // namespace

void tst_Daemon::initTestCase()
{
    m_bin = qEnvironmentVariable("ESCALE_BIN");
    QVERIFY(QFile::exists(m_bin));
}

tst_Daemon::Peer tst_Daemon::makePeer(const QString& root, const QString& name, const QString& relay,
                                      const QString& extra) const
{
    Peer p;
    p.name = name;
    p.folder = root + "/" + name;
    QDir().mkpath(p.folder);
    QDir().mkpath(root + "/home-" + name);
    p.config = root + "/" + name + ".conf";
    QFile f(p.config);
    if (f.open(QIODevice::WriteOnly))
        f.write(QString("log file = %1/%2.log\nlog level = debug\nrefresh = 2\n[test]\nlocal path = %3\n"
                        "relay address = %4\nclient name = %2\nstate dir = %1/state-%2\n%5")
                    .arg(root, name, p.folder, relay, extra)
                    .toUtf8());
    return p;
}

void tst_Daemon::start(Peer& p) const
{
    p.process = std::make_shared<QProcess>();
    p.process->setProcessChannelMode(QProcess::MergedChannels);
    p.process->setStandardOutputFile(p.config + ".out", QIODevice::Append);
    p.process->start(m_bin, {"--no-gui", "-c", p.config});
    QVERIFY(p.process->waitForStarted());
}

int tst_Daemon::terminate(Peer& p)
{
    if (!p.process || p.process->state() == QProcess::NotRunning)
        return -1;
    ::kill(pid_t(p.process->processId()), SIGTERM);
    if (!p.process->waitForFinished(60'000)) {
        p.process->kill();
        p.process->waitForFinished();
        return -2;
    }
    return p.process->exitStatus() == QProcess::NormalExit ? p.process->exitCode() : -3;
}

QMap<QString, QString> tst_Daemon::tree(const QString& root)
{
    return harness::tree(root);
}

bool tst_Daemon::waitFor(const std::function<bool()>& condition, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (condition())
            return true;
        QTest::qWait(100);
    }
    return condition();
}

void tst_Daemon::syncsAndStopsCleanly()
{
    QTemporaryDir root;
    const QString relay = root.filePath("relay");
    Peer a = makePeer(root.path(), "alice", relay), b = makePeer(root.path(), "bob", relay);
    write(a.folder + "/docs/letter.txt", "Dear Bob,");
    start(a);
    start(b);
    QVERIFY2(waitFor([&] { return tree(a.folder) == tree(b.folder); }, 60'000),
             "the daemons did not converge");
    // A change while both run: the watcher and the polling carry it over.
    write(b.folder + "/docs/reply.txt", "Dear Alice,");
    QVERIFY2(
        waitFor(
            [&] { return QFile::exists(a.folder + "/docs/reply.txt") && tree(a.folder) == tree(b.folder); },
            60'000),
        "a change did not travel");
    QCOMPARE(terminate(a), 0);
    QCOMPARE(terminate(b), 0);
    QFile log(root.filePath("alice.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("stopped"));
}

void tst_Daemon::survivesKillAtRandomMoments()
{
    QTemporaryDir root;
    root.setAutoRemove(!qEnvironmentVariableIsSet("ESCALE_TEST_KEEP")); // keep the logs to look at
    const QString relay = root.filePath("relay");
    QList<Peer> peers;
    for (const char* name : {"alice", "bob", "carol"})
        peers.append(makePeer(root.path(), name, relay, "chunk size = 1MB\n"));
    // Each file's content follows from its name, so any file seen anywhere can be checked.
    QMap<QString, int> expected;
    for (int i = 0; i < 120; ++i)
        expected.insert(QString("set%1/file%2.bin").arg(i % 6).arg(i), 20'000 + i * 300);
    expected.insert("big/video.bin", 6 * 1024 * 1024 + 77);
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        write(peers[0].folder + "/" + it.key(), contentFor(it.key(), it.value()));
    for (Peer& p : peers)
        start(p);

    // Watch the receivers: a file that is visible must be whole.
    QStringList partial;
    QTimer inspector;
    QObject::connect(&inspector, &QTimer::timeout, [&] {
        for (int i = 0; i < peers.size(); ++i) {
            for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
                const QFileInfo info(peers[i].folder + "/" + it.key());
                if (info.exists() && info.size() != it.value())
                    partial << peers[i].name + ": " + it.key() + " has " + QString::number(info.size()) +
                                   " bytes";
            }
        }
    });
    inspector.start(5);

    QRandomGenerator random(20261125);
    for (int round = 0; round < 12; ++round) {
        // Keep transfers in flight: new files appear on a random client at every round.
        Peer& writer = peers[int(random.bounded(peers.size()))];
        for (int i = 0; i < 8; ++i) {
            const QString name = QString("round%1/%2-%3.bin").arg(round).arg(writer.name).arg(i);
            const int size = 50'000 + int(random.bounded(1'500'000));
            expected.insert(name, size);
            write(writer.folder + "/" + name, contentFor(name, size));
        }
        QTest::qWait(150 + int(random.bounded(500)));
        Peer& victim = peers[int(random.bounded(peers.size()))];
        if (victim.process && victim.process->state() != QProcess::NotRunning) {
            victim.process->kill(); // SIGKILL
            victim.process->waitForFinished();
        }
        QTest::qWait(int(random.bounded(200)));
        start(victim);
    }
    const bool converged = waitFor(
        [&] {
            const auto first = tree(peers[0].folder);
            return first.size() == expected.size() + 7 + 12 && tree(peers[1].folder) == first &&
                   tree(peers[2].folder) == first;
        },
        120'000);
    // Once everyone has everything, the relay frees all content, chunks of the batches the kills
    // cut short included (their names were recorded before they were sent).
    auto leftChunks = [&] {
        QStringList left;
        QDirIterator it(relay + "/data", QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            left << it.next();
        return left;
    };
    const bool freed = converged && waitFor([&] { return leftChunks().isEmpty(); }, 60'000);
    inspector.stop();
    for (Peer& p : peers)
        QCOMPARE(terminate(p), 0);
    QVERIFY2(!converged || freed, qPrintable(QString("%1 chunks left on the relay, e.g. %2")
                                                 .arg(leftChunks().size())
                                                 .arg(leftChunks().value(0))));
    QVERIFY2(partial.isEmpty(), qPrintable(partial.mid(0, 5).join("; ")));
    QVERIFY2(converged, "the three clients did not converge after the kills");
    for (int i = 0; i < peers.size(); ++i)
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QFile f(peers[i].folder + "/" + it.key());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(f.readAll() == contentFor(it.key(), it.value()), qPrintable(it.key()));
        }
    // No temporary download is left behind.
    for (const Peer& p : peers) {
        QDirIterator it(p.folder, {".escale-tmp-*"}, QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        QVERIFY2(!it.hasNext(), qPrintable(p.name + " kept " + (it.hasNext() ? it.next() : QString())));
    }
}

void tst_Daemon::onceExitCodes()
{
    QTemporaryDir root;
    Peer a = makePeer(root.path(), "alice", root.filePath("relay"));
    write(a.folder + "/x.txt", "x");
    QProcess p;
    p.start(m_bin, {"--no-gui", "--once", "-c", a.config});
    QVERIFY(p.waitForFinished(60'000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(QFile::exists(root.filePath("relay/escale-repository.json")));

    // An unreachable relay (its folder cannot be created): exit 1 with the reason.
    Peer bad = makePeer(root.path(), "bad", "/proc/escale-cannot-be-here");
    p.start(m_bin, {"--no-gui", "--once", "-c", bad.config});
    QVERIFY(p.waitForFinished(60'000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains("[test] cannot"));

    // An encrypted repository: created with the passphrase from a file; nothing in clear.
    auto secretFile = [&](const QString& name, const QByteArray& text) {
        write(root.filePath(name), text);
        QFile::setPermissions(root.filePath(name), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    };
    secretFile("good.passphrase", "correct horse battery staple\n");
    secretFile("bad.passphrase", "correct horse battery stapler\n");
    Peer enc = makePeer(root.path(), "enc", root.filePath("relay-enc"),
                        "encryption = on\npassphrase = " + root.filePath("good.passphrase") + "\n");
    write(enc.folder + "/confidential-name.txt", "confidential content");
    p.start(m_bin, {"--no-gui", "--once", "-c", enc.config});
    QVERIFY(p.waitForFinished(60'000));
    QCOMPARE(p.exitCode(), 0);
    QFile header(root.filePath("relay-enc/escale-repository.json"));
    QVERIFY(header.open(QIODevice::ReadOnly));
    QVERIFY(header.readAll().contains("\"encryption\":\"aes-256-gcm\""));
    QDirIterator objects(root.filePath("relay-enc"), QDir::Files, QDirIterator::Subdirectories);
    int count = 0;
    while (objects.hasNext()) {
        QFile f(objects.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(!bytes.contains("confidential"), qPrintable(f.fileName()));
        ++count;
    }
    QVERIFY(count >= 4); // header, head, journal segment, chunk

    // Another client with a wrong passphrase: one line, exit 3, nothing changed anywhere.
    Peer wrong = makePeer(root.path(), "wrong", root.filePath("relay-enc"),
                          "encryption = on\npassphrase = " + root.filePath("bad.passphrase") + "\n");
    write(wrong.folder + "/mine.txt", "stays as it is");
    const auto before = tree(root.filePath("relay-enc"));
    p.start(m_bin, {"--no-gui", "--once", "-c", wrong.config});
    QVERIFY(p.waitForFinished(60'000));
    QCOMPARE(p.exitCode(), 3);
    QVERIFY(QString::fromUtf8(p.readAllStandardError())
                .contains("[test] wrong passphrase for the encrypted repository"));
    QCOMPARE(tree(root.filePath("relay-enc")), before);
    QCOMPARE(tree(wrong.folder),
             (QMap<QString, QString>{
                 {"mine.txt",
                  QString::fromLatin1(
                      QCryptographicHash::hash("stays as it is", QCryptographicHash::Sha256).toHex())}}));
    QVERIFY(!QFile::exists(wrong.folder + "/.escale-folder"));
    // As a daemon, the same stops that repository; with nothing else to run it exits with 3.
    p.start(m_bin, {"--no-gui", "-c", wrong.config});
    QVERIFY(p.waitForFinished(60'000));
    QCOMPARE(p.exitCode(), 3);
    QCOMPARE(tree(root.filePath("relay-enc")), before);

    // No passphrase at all: the same, with what to do.
    Peer none = makePeer(root.path(), "none", root.filePath("relay-enc"), "encryption = on\n");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("ESCALE_PASSPHRASE");
    p.setProcessEnvironment(env);
    p.start(m_bin, {"--no-gui", "--once", "-c", none.config});
    QVERIFY(p.waitForFinished(60'000));
    QCOMPARE(p.exitCode(), 3);
    const QString said = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(said.contains("no passphrase: keep it in the keychain") && said.contains("set 'passphrase = ") &&
                 said.contains("ESCALE_PASSPHRASE"),
             qPrintable(said));
    QCOMPARE(tree(root.filePath("relay-enc")), before);
}

QTEST_GUILESS_MAIN(tst_Daemon)
#include "tst_Daemon.moc"
