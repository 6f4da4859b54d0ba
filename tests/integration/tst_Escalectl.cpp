// escalectl's relay commands against repositories written by real `escale --once` runs.
#include "RelayServers.h"
#include "SyncHarness.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <csignal>
#include <numeric>
#include <pwd.h>
#include <cstring>
#include <sys/un.h>
#include <sys/socket.h>
#include <unistd.h>
#include <QScopeGuard>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

// `escale --no-gui -c CONF` running for a test (its output merged), stopped with SIGTERM when it
// goes out of scope.
struct Daemon
{
    QProcess process;
    Daemon(const QString& escale, const QString& conf,
           const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
    {
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setProcessEnvironment(env);
        process.start(escale, {"--no-gui", "-c", conf});
        process.waitForStarted();
    }
    ~Daemon()
    {
        if (process.state() == QProcess::NotRunning)
            return;
        process.terminate();
        if (!process.waitForFinished(30'000))
            process.kill();
    }
};

class tst_Escalectl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verifyDecryptAndChangePassphrase();
    void plainRepositoryAndUsageErrors();
    void controlsARunningInstance();
    void statusShowsATransferUnderWay();
    void oneInstancePerStateWhateverTheEnvironment();
    void findsTheSystemUnitsInstance();
    void reloadsItsConfiguration();
    void tellsSystemd();
    void alertsByMailAndMonitoringCheck();
    void servicePathsForTheSandbox();
    void stoppingInterruptsATransfer();
    void backupAndRestoreThroughWebDav();
    void hostileOrDamagedArchives();
    void clientsAndWhatTheyStillNeed();
    void accessConflictsAndResolve();
    void desktopApplicationServesTheSocket();
    void forgetClient();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run run(const QString& program, const QStringList& args) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("ESCALE_PASSPHRASE");
        p.setProcessEnvironment(env);
        p.start(program, args);
        p.closeWriteChannel();
        if (!p.waitForFinished(120'000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    static void write(const QString& path, const QByteArray& bytes, bool secret = false)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
        f.close();
        if (secret)
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    // Dates `path` two seconds after `than`: the later edit, without waiting for the clock.
    static void laterThan(const QString& path, const QString& than)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QFileInfo(than).lastModified().addSecs(2), QFileDevice::FileModificationTime));
    }
    static QMap<QString, QString> tree(const QString& root) { return harness::tree(root); }
    QString config(const QTemporaryDir& root, const QString& extra) const
    {
        const QString path = root.filePath("escale.conf");
        write(path,
              QString("[docs]\nlocal path = %1\nrelay address = %2\nclient name = alice\nstate dir = %3\n%4")
                  .arg(root.filePath("folder"), root.filePath("relay"), root.filePath("state"), extra)
                  .toUtf8());
        return path;
    }

    // The running instance's status of the configuration's first repository (empty when none
    // answers).
    QJsonObject repositoryStatus(const QString& conf) const
    {
        const Run r = run(m_escalectl, {"-c", conf, "status", "--json"});
        return QJsonDocument::fromJson(r.out.toUtf8())
            .object()
            .value("repositories")
            .toArray()
            .first()
            .toObject();
    }
    // bob: a second client of the same relay, folder `bobs`.
    QString bobConfig(const QTemporaryDir& root) const
    {
        const QString path = root.filePath("bob.conf");
        write(path,
              QString("[docs]\nlocal path = %1\nrelay address = %2\nclient name = bob\nstate dir = %3\n")
                  .arg(root.filePath("bobs"), root.filePath("relay"), root.filePath("bobstate"))
                  .toUtf8());
        QDir().mkpath(root.filePath("bobs"));
        return path;
    }

    QString m_escale;
    QString m_escalectl;
};

void tst_Escalectl::initTestCase()
{
    m_escale = qEnvironmentVariable("ESCALE_BIN");
    m_escalectl = qEnvironmentVariable("ESCALECTL_BIN");
    QVERIFY(QFile::exists(m_escale));
    QVERIFY(QFile::exists(m_escalectl));
}

void tst_Escalectl::verifyDecryptAndChangePassphrase()
{
    QTemporaryDir root;
    write(root.filePath("old.pass"), "old passphrase words\n", true);
    write(root.filePath("new.pass"), "new passphrase words\n", true);
    write(root.filePath("wrong.pass"), "not the passphrase\n", true);
    write(root.filePath("folder/notes/today.txt"), "written today");
    write(root.filePath("folder/empty.txt"), "");
    QByteArray big(2 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char(i * 7 + (i >> 11));
    write(root.filePath("folder/media/big.bin"), big);
    QDir().mkpath(root.filePath("folder/empty folder"));
    const QString conf = config(root, "encryption = on\npassphrase = " + root.filePath("old.pass") + "\n");
    QCOMPARE(run(m_escale, {"--once", "-c", conf}).code, 0);

    // verify: every object read and authenticated.
    Run r = run(m_escalectl, {"-c", conf, "verify", "docs"});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains("1 clients") && r.out.contains("aes-256-gcm: OK"), qPrintable(r.out));
    r = run(m_escalectl, {"-c", conf, "verify", "docs", "--json"});
    QCOMPARE(r.code, 0);
    const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(report.value("ok").toBool(), true);
    QCOMPARE(report.value("clients").toArray().size(), 1);
    QCOMPARE(report.value("clients").toArray().first().toObject().value("name").toString(), QString("alice"));
    QVERIFY(report.value("chunks_checked").toInt() >= 1); // the pack of the three files
    QVERIFY(report.value("bytes_checked").toDouble() >= big.size());

    // decrypt: the relay address and the passphrase are enough.
    r = run(m_escalectl, {"decrypt", root.filePath("relay"), "--to", root.filePath("out"),
                          "--passphrase-file", root.filePath("old.pass")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(tree(root.filePath("out")), tree(root.filePath("folder")));
    r = run(m_escalectl, {"-c", conf, "decrypt", "docs", "--to", root.filePath("out")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("is not empty"));
    r = run(m_escalectl, {"decrypt", root.filePath("relay"), "--to", root.filePath("out2"),
                          "--passphrase-file", root.filePath("wrong.pass")});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("wrong passphrase"), qPrintable(r.err));
    QVERIFY(!QFile::exists(root.filePath("out2")));

    // passphrase: the key is sealed again, nothing else moves.
    auto relayState = [&] {
        QMap<QString, QString> state = tree(root.filePath("relay"));
        state.remove("escale-repository.json");
        return state;
    };
    const auto before = relayState();
    r = run(m_escalectl,
            {"-c", conf, "passphrase", "docs", "--new-passphrase-file", root.filePath("new.pass")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(relayState(), before);
    r = run(m_escale, {"--once", "-c", conf});
    QCOMPARE(r.code, 3);
    QVERIFY(r.err.contains("wrong passphrase"));
    const QString newConf = config(root, "encryption = on\npassphrase = " + root.filePath("new.pass") + "\n");
    write(root.filePath("folder/later.txt"), "after the change");
    QCOMPARE(run(m_escale, {"--once", "-c", newConf}).code, 0);
    r = run(m_escalectl, {"-c", newConf, "verify", "docs"});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    // The old passphrase cannot change it back.
    r = run(m_escalectl, {"decrypt", root.filePath("relay"), "--to", root.filePath("out3"),
                          "--passphrase-file", root.filePath("old.pass")});
    QCOMPARE(r.code, 3);

    // A damaged object is named.
    QDirIterator data(root.filePath("relay/data"), QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(data.hasNext());
    const QString victim = data.next();
    QFile f(victim);
    QVERIFY(f.open(QIODevice::ReadWrite));
    // One bit flipped (writing a fixed byte left the object intact when it already held that byte).
    f.seek(40);
    const char byte = f.read(1).at(0);
    f.seek(40);
    f.write(QByteArray(1, char(byte ^ 0x01)));
    f.close();
    r = run(m_escalectl, {"-c", newConf, "verify", "docs"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains("PROBLEM: data/") && r.out.contains("failed authentication"), qPrintable(r.out));
}

void tst_Escalectl::plainRepositoryAndUsageErrors()
{
    QTemporaryDir root;
    write(root.filePath("folder/a.txt"), "plain");
    const QString conf = config(root, QString());
    QCOMPARE(run(m_escale, {"--once", "-c", conf}).code, 0);
    Run r = run(m_escalectl, {"-c", conf, "verify", "docs"});
    QVERIFY2(r.code == 0 && r.out.contains("encryption off: OK"), qPrintable(r.out + r.err));
    r = run(m_escalectl, {"-c", conf, "passphrase", "docs"});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("not encrypted"));
    // Without a command, and in --help: every command and every exit code.
    r = run(m_escalectl, {});
    QCOMPARE(r.code, 2);
    const QStringList commands{"verify",  "decrypt",  "passphrase", "trust",   "backup", "restore",
                               "clients", "access",   "conflicts",  "resolve", "migrate", "forget-client",
                               "status",  "pause",    "resume",     "sync",    "confirm-deletions", "stop"};
    for (const QString& c : commands)
        QVERIFY2(r.err.contains(c), qPrintable(c + ": " + r.err));
    const Run help = run(m_escalectl, {"--help"});
    QCOMPARE(help.code, 0);
    for (const QString& c : commands)
        QVERIFY2(help.out.contains("  " + c) || help.out.contains("|" + c) || help.out.contains(", " + c),
                 qPrintable(c));
    for (const char* code : {"0 success", "1 failure", "2 bad usage", "3 wrong", "4 relay unreachable",
                             "5 local folder missing", "6 no running instance"})
        QVERIFY2(help.out.contains(QLatin1String(code)), code);
    r = run(m_escalectl, {"-c", conf, "frobnicate", "docs"});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("unknown command 'frobnicate'"));
    QCOMPARE(run(m_escalectl, {"-c", conf, "decrypt", "docs"}).code, 2);
    r = run(m_escalectl, {"-c", conf, "verify", "nosuch"});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("neither a repository"));
    r = run(m_escalectl, {"verify", root.filePath("empty-relay")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("no Escale repository"), qPrintable(r.err));
}

void tst_Escalectl::statusShowsATransferUnderWay()
{
    // A big file goes out slowly (a folder relay with 'bandwidth limit up', honoured there too):
    // the text status says what moves now, not "0 changes", then the pass ends.
    QTemporaryDir root;
    const QString conf = config(root, "bandwidth limit up = 1MB\n");
    QByteArray big(6 * 1000 * 1000, Qt::Uninitialized);
    QRandomGenerator(5).fillRange(reinterpret_cast<quint32*>(big.data()), big.size() / 4);
    write(root.filePath("folder/big.bin"), big);
    QProcess daemon;
    daemon.setProcessChannelMode(QProcess::MergedChannels);
    daemon.start(m_escale, {"--no-gui", "-c", conf});
    QVERIFY(daemon.waitForStarted());
    const auto stop = qScopeGuard([&] {
        run(m_escalectl, {"-c", conf, "stop"});
        if (!daemon.waitForFinished(30'000))
            daemon.kill();
    });
    QString seen;
    QTRY_VERIFY_WITH_TIMEOUT((seen = run(m_escalectl, {"-c", conf, "status"}).out).contains("now: sending 0 of 1 files ("),
                             30'000);
    QVERIFY2(seen.contains("of 5.7 MiB) (big.bin)") || seen.contains("of 6.0 MB) (big.bin)"), qPrintable(seen));
    QTRY_COMPARE_WITH_TIMEOUT(repositoryStatus(conf).value("files_sent").toInt(), 1, 60'000);
    QTRY_VERIFY_WITH_TIMEOUT(!run(m_escalectl, {"-c", conf, "status"}).out.contains("now:"), 30'000);
    QCOMPARE(QFile(root.filePath("relay/escale-repository.json")).exists(), true);
}

void tst_Escalectl::oneInstancePerStateWhateverTheEnvironment()
{
    // A second daemon that cannot see the first's control socket (a system service has its own
    // /tmp and no XDG_RUNTIME_DIR), and `escale --once` from cron while the daemon runs: both
    // refuse, naming the running process, instead of syncing the same folder against it; once the
    // daemon is gone, --once works.
    QTemporaryDir root;
    const QString conf = config(root, QString());
    write(root.filePath("folder/a.txt"), "first");
    Daemon running(m_escale, conf);
    QProcess& daemon = running.process;
    QVERIFY(daemon.state() == QProcess::Running);
    QTRY_COMPARE_WITH_TIMEOUT(repositoryStatus(conf).value("files_sent").toInt(), 1, 30'000);
    QTemporaryDir elsewhere; // another runtime directory and /tmp: another control socket
    QProcess second;
    second.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_RUNTIME_DIR", elsewhere.path());
    env.insert("TMPDIR", elsewhere.path());
    second.setProcessEnvironment(env);
    second.start(m_escale, {"--no-gui", "-c", conf});
    QVERIFY(second.waitForFinished(60'000));
    const QString said = QString::fromUtf8(second.readAll());
    QCOMPARE(second.exitCode(), 1);
    const QString holder = QString("another Escale (process %1) already syncs this repository").arg(daemon.processId());
    QVERIFY2(said.contains(holder), qPrintable(said));
    Run once = run(m_escale, {"--once", "-c", conf});
    QCOMPARE(once.code, 1);
    QVERIFY2((once.err + once.out).contains(holder), qPrintable(once.err + once.out));
    // The first daemon went on undisturbed.
    write(root.filePath("folder/b.txt"), "second");
    QTRY_COMPARE_WITH_TIMEOUT(repositoryStatus(conf).value("files_sent").toInt(), 2, 30'000);
    daemon.terminate();
    QVERIFY(daemon.waitForFinished(30'000));
    QCOMPARE(daemon.exitCode(), 0);
    once = run(m_escale, {"--once", "-c", conf});
    QVERIFY2(once.code == 0, qPrintable(once.err + once.out));
}

void tst_Escalectl::findsTheSystemUnitsInstance()
{
    // escale@USER.service exactly as systemd runs it: no XDG_RUNTIME_DIR, a /tmp of its own
    // (PrivateTmp), RUNTIME_DIRECTORY=/run/escale-USER (RuntimeDirectory=escale-%i, made 0700 for
    // USER). escalectl, run from a login shell with its own runtime folder and /tmp, finds the
    // instance for the same configuration and drives it.
    const passwd* pw = ::getpwuid(::getuid());
    QVERIFY(pw);
    const QString runtime = QString("/run/escale-%1").arg(QString::fromLocal8Bit(pw->pw_name));
    if (QFileInfo::exists(runtime) || !QDir().mkpath(runtime))
        QSKIP("needs to make /run/escale-USER as systemd would (run as root, no unit of that name running)");
    const auto removeRuntime = qScopeGuard([&] { QDir(runtime).removeRecursively(); });
    QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QTemporaryDir root, unitTmp, shellRuntime, shellTmp;
    const QString conf = config(root, QString());
    write(root.filePath("folder/a.txt"), "first");
    QProcessEnvironment unitEnv = QProcessEnvironment::systemEnvironment();
    unitEnv.remove("XDG_RUNTIME_DIR");
    unitEnv.insert("TMPDIR", unitTmp.path());
    unitEnv.insert("RUNTIME_DIRECTORY", runtime);
    Daemon running(m_escale, conf, unitEnv);
    QProcess& daemon = running.process;
    QVERIFY(daemon.state() == QProcess::Running);
    auto shell = [&](const QStringList& args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_RUNTIME_DIR", shellRuntime.path());
        env.insert("TMPDIR", shellTmp.path());
        env.remove("RUNTIME_DIRECTORY");
        p.setProcessEnvironment(env);
        p.start(m_escalectl, QStringList{"-c", conf} + args);
        p.waitForFinished(60'000);
        return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    };
    QTRY_VERIFY_WITH_TIMEOUT(QDir(runtime).entryList({"control-*.sock"}, QDir::System).size() == 1, 30'000);
    // (Up to two minutes, and what status said last: a fresh-clone CI run once saw no "up to date"
    // within 30 s, and said nothing more.)
    Run r;
    QTRY_VERIFY2_WITH_TIMEOUT((r = shell({"status"})).out.contains("docs: up to date"),
                              qPrintable(QString("last answer (%1): %2%3").arg(r.code).arg(r.out, r.err)), 120'000);
    r = shell({"pause", "docs"});
    QVERIFY2(r.code == 0 && r.out == "docs: paused\n", qPrintable(r.out + r.err));
    QCOMPARE(shell({"resume"}).code, 0);
    r = shell({"stop"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(daemon.waitForFinished(30'000));
    QCOMPARE(daemon.exitCode(), 0);
    QCOMPARE(shell({"status"}).code, 6);
}

void tst_Escalectl::reloadsItsConfiguration()
{
    // SIGHUP, or the file edited: a broken edit keeps the running configuration (the error and
    // its line in the log); a repository added starts, one whose keys changed restarts with them,
    // one removed stops; each says so. SIGHUP never stops the daemon.
    QTemporaryDir root;
    const QString conf = config(root, "refresh = 30\n");
    write(root.filePath("folder/a.txt"), "first");
    Daemon running(m_escale, conf);
    QProcess& daemon = running.process;
    QVERIFY(daemon.state() == QProcess::Running);
    QString log;
    auto logSays = [&](const QString& text) {
        log += QString::fromUtf8(daemon.readAll());
        return log.contains(text);
    };
    QTRY_COMPARE_WITH_TIMEOUT(repositoryStatus(conf).value("files_sent").toInt(), 1, 30'000);
    QFile original(conf);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray text = original.readAll();
    original.close();

    // A broken edit, then SIGHUP: logged with its line, nothing changes.
    write(conf, text + "this line is not a setting\n");
    ::kill(pid_t(daemon.processId()), SIGHUP);
    QTRY_VERIFY_WITH_TIMEOUT(logSays("not reloaded, the running configuration stays"), 30'000);
    QVERIFY2(log.contains(":7"), qPrintable(log.right(800))); // the line named
    QCOMPARE(daemon.state(), QProcess::Running);
    // Said once: other files of its folder changing do not repeat it.
    write(root.filePath("notes.txt"), "beside the configuration");
    QTest::qWait(1500);
    logSays(QString());
    QCOMPARE(log.count("not reloaded"), 1);
    QCOMPARE(run(m_escalectl, {"-c", conf, "status"}).code, 0);

    // A second repository and a changed key of the first, saved (watched, no signal).
    write(conf, QString(text).replace("refresh = 30", "refresh = 20").toUtf8() +
                    QString("[more]\nlocal path = %1\nrelay address = %2\nclient name = alice\nstate dir = %3\n")
                        .arg(root.filePath("more"), root.filePath("relay2"), root.filePath("state"))
                        .toUtf8());
    QDir().mkpath(root.filePath("more"));
    QTRY_VERIFY_WITH_TIMEOUT(logSays("[more] added: "), 30'000);
    QTRY_VERIFY_WITH_TIMEOUT(logSays("[docs] settings changed (refresh): restarted with them"), 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(
        QJsonDocument::fromJson(run(m_escalectl, {"-c", conf, "status", "--json"}).out.toUtf8())
            .object().value("repositories").toArray().size(),
        2, 30'000);
    write(root.filePath("more/m.txt"), "more");
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(root.filePath("relay2/escale-repository.json")), 30'000);

    // Removed again, with SIGHUP at once: stopped, the first goes on.
    write(conf, QString(text).replace("refresh = 30", "refresh = 20").toUtf8());
    ::kill(pid_t(daemon.processId()), SIGHUP);
    QTRY_VERIFY_WITH_TIMEOUT(logSays("[more] no longer in the configuration: stopped"), 30'000);
    write(root.filePath("folder/b.txt"), "second");
    QTRY_COMPARE_WITH_TIMEOUT(repositoryStatus(conf).value("files_sent").toInt(), 1, 30'000); // b.txt, since the restart
    QCOMPARE(daemon.state(), QProcess::Running);
    QVERIFY2(!log.contains("stopping"), qPrintable(log.right(800)));
}

void tst_Escalectl::alertsByMailAndMonitoringCheck()
{
    // 'maintainer': an e-mail through the system's sendmail (a fake one on PATH) when the
    // repository fails longer than 'alert delay' (0 here), one when it works again. `escalectl
    // check` says the same to a monitoring system: one line, performance data, exit 0-3.
    QTemporaryDir root;
    const QString conf = config(root, "refresh = 1\nmaintainer = ops@example.org\nalert delay = 0\n");
    write(root.filePath("folder/a.txt"), "first");
    const QString mails = root.filePath("mails.txt");
    write(root.filePath("bin/sendmail"),
          QString("#!/bin/sh\n{ echo \"ARGS: $*\"; cat; echo '-- end'; } >> '%1'\n").arg(mails).toUtf8());
    QFile::setPermissions(root.filePath("bin/sendmail"), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("PATH", root.filePath("bin") + ":" + env.value("PATH"));
    auto check = [&](const QStringList& args = {}) { return run(m_escalectl, QStringList{"-c", conf, "check"} + args); };
    auto mailText = [&] {
        QFile f(mails);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    };

    Run r = check();
    QCOMPARE(r.code, 2);
    QVERIFY2(r.out.startsWith("ESCALE CRITICAL - no Escale runs with "), qPrintable(r.out));

    Daemon running(m_escale, conf, env);
    QProcess& daemon = running.process;
    QTRY_COMPARE_WITH_TIMEOUT(repositoryStatus(conf).value("state").toString(), QString("up to date"), 30'000);
    // With a pass a second, a check may land while one is under way ('syncing'): OK as well, with the
    // same performance data (the state reached 'up to date' just above). Under a loaded CI run, a
    // check landing between two passes took over two minutes once (its last answer: "ESCALE OK -
    // docs: syncing, last sync 0 s ago").
    const QRegularExpression upToDate("^ESCALE OK - docs: (up to date|syncing), last sync \\d+ s ago \\| 'docs_age'=\\d+s;3600;86400;0; "
                                      "'docs_pending'=0;;;0; 'docs_conflicts'=0;1;;0; 'docs_relay'=\\d+B;;;0;\n$");
    QTRY_VERIFY2_WITH_TIMEOUT((r = check()).code == 0 && upToDate.match(r.out).hasMatch(),
                              qPrintable(QString("last answer (%1): %2%3").arg(r.code).arg(r.out, r.err)), 120'000);
    QCOMPARE(r.code, 0);
    QVERIFY2(upToDate.match(r.out).hasMatch(), qPrintable(r.out));
    // Thresholds: pending changes, and bad values (UNKNOWN, as monitoring systems expect).
    r = check({"--warning-age", "0", "--critical-age", "0", "docs"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("'docs_age'=") && r.out.contains("s;;;0;"), qPrintable(r.out));
    r = check({"--warning-age", "soon"});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.out.startsWith("ESCALE UNKNOWN - --warning-age: "), qPrintable(r.out));
    r = check({"nothing"});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.out.contains("no repository 'nothing' runs here"), qPrintable(r.out));
    QCOMPARE(check({"--no-such-option"}).code, 3);

    QCOMPARE(run(m_escalectl, {"-c", conf, "pause"}).code, 0);
    r = check();
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.startsWith("ESCALE WARNING - docs: paused |"), qPrintable(r.out));
    QCOMPARE(run(m_escalectl, {"-c", conf, "resume"}).code, 0);
    QTRY_COMPARE_WITH_TIMEOUT(check().code, 0, 30'000);
    QVERIFY(mailText().isEmpty()); // nothing went wrong yet

    // The relay goes away (a disk unplugged): the maintainer hears of it, once.
    QVERIFY(QDir().rename(root.filePath("relay"), root.filePath("relay-away")));
    write(root.filePath("folder/b.txt"), "while the relay is away");
    QTRY_VERIFY_WITH_TIMEOUT(mailText().contains("-- end"), 60'000);
    QString text = mailText();
    QVERIFY2(text.startsWith("ARGS: -oi -t\nTo: ops@example.org\nSubject: Escale on "), qPrintable(text));
    QVERIFY2(text.contains("'docs' is failing\n"), qPrintable(text));
    QVERIFY(text.contains("Auto-Submitted: auto-generated\n"));
    QVERIFY2(text.contains("\nError: ") && text.contains("Folder: " + root.filePath("folder")), qPrintable(text));
    r = check();
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.startsWith("ESCALE WARNING - docs: "), qPrintable(r.out));
    QTRY_VERIFY_WITH_TIMEOUT(check({"--critical-age", "1"}).code == 2, 30'000);
    QVERIFY2(check({"--critical-age", "1"}).out.contains("no successful sync for "), "");
    QTest::qWait(2000); // passes keep failing: still one e-mail
    QCOMPARE(mailText().count("-- end"), 1);

    // Back: one e-mail says it works again, and the check is OK.
    QVERIFY(QDir().rename(root.filePath("relay-away"), root.filePath("relay")));
    QTRY_COMPARE_WITH_TIMEOUT(mailText().count("-- end"), 2, 90'000);
    text = mailText();
    QVERIFY2(text.contains("'docs' works again\n"), qPrintable(text));
    QCOMPARE(check().code, 0);
    QString log;
    QTRY_VERIFY_WITH_TIMEOUT((log += QString::fromUtf8(daemon.readAll())).count("e-mail sent to ops@example.org") == 2,
                             10'000);
    QVERIFY2(log.contains("[docs] e-mail sent to ops@example.org: Escale on "), qPrintable(log.right(1000)));
}

void tst_Escalectl::servicePathsForTheSandbox()
{
    // The drop-in for the units' sandbox: every folder Escale writes outside the home (folders,
    // state databases, folder relays, the log's folder, rclone configurations), each skipped when
    // missing at start ('-'), one folder inside another named once; nothing inside the home, which
    // the units leave writable.
    QTemporaryDir root;
    const QString home = root.filePath("home");
    QDir().mkpath(home);
    const QString conf = root.filePath("escale.conf");
    write(root.filePath("rc/rclone.conf"), "[remote]\ntype = local\n");
    write(conf, QString("log file = %1/srv/state/logs/escale.log\n[docs]\nlocal path = %1/srv/docs\n"
                        "relay address = %1/mnt/relay\nstate dir = %2/state\n[photos]\nlocal path = ~/Photos\n"
                        "relay address = rclone://remote/p\nrclone config = %1/rc/rclone.conf\n[more]\n"
                        "local path = %1/srv/other\nrelay address = sftp://host/x\nstate dir = %1/srv/state\n")
                    .arg(root.path(), home)
                    .toUtf8());
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* v : {"XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"})
        env.remove(v);
    env.insert("HOME", home);
    p.setProcessEnvironment(env);
    p.start(m_escalectl, {"-c", conf, "service-paths"});
    QVERIFY(p.waitForFinished(30'000));
    QCOMPARE(p.exitCode(), 0);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QStringList lines = out.split('\n', Qt::SkipEmptyParts).filter(QRegularExpression("^[A-Z]"));
    QCOMPARE(lines, (QStringList{"BindPaths=-" + home, // not /home/USER: the system unit would hide it
                                 "ReadWritePaths=-" + root.filePath("mnt/relay"),
                                 "ReadWritePaths=-" + root.filePath("rc"),
                                 "ReadWritePaths=-" + root.filePath("srv/docs"),
                                 "ReadWritePaths=-" + root.filePath("srv/other"),
                                 "ReadWritePaths=-" + root.filePath("srv/state")})); // the logs inside
    QVERIFY2(out.contains("\n[Service]\n"), qPrintable(out));
    QVERIFY2(QString::fromUtf8(p.readAllStandardError()).contains("systemctl daemon-reload"), "");
    QCOMPARE(run(m_escalectl, {"-c", conf, "service-paths", "extra"}).code, 2);
}

void tst_Escalectl::stoppingInterruptsATransfer()
{
    // SIGTERM during a long upload (a bandwidth limit): the daemon stops at a file's boundary,
    // publishing what went out whole; the next run sends only the rest. The same for a long
    // download: what was placed stays, the next run fetches only the rest. Every file arrives
    // byte for byte.
    QTemporaryDir root;
    const QString conf = config(root, "refresh = 1\nchunk size = 1MB\nbandwidth limit up = 4MB\n");
    QMap<QString, QByteArray> files;
    for (int i = 0; i < 40; ++i) {
        const QString name = QString("big/f%1.bin").arg(i, 2, 10, QChar('0'));
        files.insert(name, QByteArray(1 << 20, char('a' + i % 26)) + QByteArray::number(i));
        write(root.filePath("folder/" + name), files.value(name));
    }
    auto sentBytes = [&] {
        return repositoryStatus(conf).value("progress").toObject().value("bytes_sent").toDouble();
    };
    int firstRun = 0;
    {
        Daemon running(m_escale, conf);
        QTRY_VERIFY_WITH_TIMEOUT(sentBytes() >= 4 << 20, 60'000);
        ::kill(pid_t(running.process.processId()), SIGTERM);
        QVERIFY(running.process.waitForFinished(60'000));
        QCOMPARE(running.process.exitCode(), 0);
        const QString log = QString::fromUtf8(running.process.readAll());
        const QRegularExpressionMatch m =
            QRegularExpression("stopped at a file's boundary, as Escale stops: (\\d+) sent").match(log);
        QVERIFY2(m.hasMatch(), qPrintable(log.right(1500)));
        firstRun = m.captured(1).toInt();
        QVERIFY2(firstRun > 0 && firstRun < 40, qPrintable(log.right(1500)));
    }
    // The next run sends the rest, and only the rest.
    Run r = run(m_escale, {"--once", "-c", conf});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains(QString("pass complete: %1 sent,").arg(40 - firstRun)), qPrintable(r.err));

    // bob, slowed down: interrupted while receiving, then the rest.
    const QString bob = bobConfig(root);
    write(bob, harness::readFile(bob) + "bandwidth limit down = 4MB\nrefresh = 1\n");
    int placed = 0;
    {
        Daemon receiving(m_escale, bob);
        QTRY_VERIFY_WITH_TIMEOUT(
            repositoryStatus(bob).value("progress").toObject().value("bytes_received").toDouble() >= 4 << 20, 60'000);
        ::kill(pid_t(receiving.process.processId()), SIGTERM);
        QVERIFY(receiving.process.waitForFinished(60'000));
        QCOMPARE(receiving.process.exitCode(), 0);
        const QString log = QString::fromUtf8(receiving.process.readAll());
        const QRegularExpressionMatch m =
            QRegularExpression("stopped at a file's boundary, as Escale stops: 0 sent, (\\d+) received").match(log);
        QVERIFY2(m.hasMatch(), qPrintable(log));
        placed = m.captured(1).toInt();
        QVERIFY2(placed > 0 && placed < 40, qPrintable(log.right(1500)));
        QCOMPARE(QDir(root.filePath("bobs/big")).entryList(QDir::Files).size(), placed); // nothing half-written
        QCOMPARE(QDir(root.filePath("bobs/big")).entryList(QDir::Hidden | QDir::Files).size(), placed); // no leftovers
    }
    r = run(m_escale, {"--once", "-c", bob});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains(QString(" 0 sent, %1 received").arg(40 - placed)), qPrintable(r.err));
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        QCOMPARE(harness::readFile(root.filePath("bobs/" + it.key())), it.value());

    // One big file, interrupted in its middle: the packs that went out whole are not sent again.
    const QByteArray big = harness::randomBytes(24 << 20, 7);
    write(root.filePath("folder/big.iso"), big);
    auto packsOnRelay = [&] {
        QMap<QString, qint64> packs;
        QDirIterator it(root.filePath("relay/data"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            packs.insert(it.fileName(), it.fileInfo().size());
        }
        return packs;
    };
    auto total = [](const QMap<QString, qint64>& packs) {
        return std::accumulate(packs.cbegin(), packs.cend(), qint64(0));
    };
    QMap<QString, qint64> before;
    {
        Daemon running(m_escale, conf);
        QTRY_VERIFY_WITH_TIMEOUT(sentBytes() >= 8 << 20, 60'000);
        ::kill(pid_t(running.process.processId()), SIGTERM);
        QVERIFY(running.process.waitForFinished(60'000));
        const QString log = QString::fromUtf8(running.process.readAll());
        QVERIFY2(log.contains("stopped at a file's boundary, as Escale stops: 0 sent"), qPrintable(log));
        before = packsOnRelay();
    }
    QVERIFY2(total(before) >= 8 << 20, qPrintable(QString::number(total(before))));
    r = run(m_escale, {"--once", "-c", conf});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains("pass complete: 1 sent,"), qPrintable(r.err));
    // What this run wrote: the packs that were not there before; those that were are named.
    const QMap<QString, qint64> after = packsOnRelay();
    QMap<QString, qint64> written;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (!before.contains(it.key()))
            written.insert(it.key(), it.value());
    QVERIFY2(total(written) < (24 << 20) - total(before) + (2 << 20),
             qPrintable(QString("%1 bytes written after %2 had gone").arg(total(written)).arg(total(before))));
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QVERIFY2(after.contains(it.key()), qPrintable(it.key() + " was deleted, not reused"));
    // bob stopped in the middle of receiving it: nothing half-written is left, the next start
    // fetches it whole.
    {
        Daemon receiving(m_escale, bob);
        QTRY_VERIFY_WITH_TIMEOUT(
            repositoryStatus(bob).value("progress").toObject().value("bytes_received").toDouble() >= 8 << 20, 60'000);
        ::kill(pid_t(receiving.process.processId()), SIGTERM);
        QVERIFY(receiving.process.waitForFinished(60'000));
        QCOMPARE(receiving.process.exitCode(), 0);
        const QString log = QString::fromUtf8(receiving.process.readAll());
        QVERIFY2(log.contains("stopped at a file's boundary, as Escale stops: 0 sent, 0 received"), qPrintable(log));
        QVERIFY2(!log.contains("warning"), qPrintable(log));
    }
    QVERIFY(!QFileInfo::exists(root.filePath("bobs/big.iso")));
    QCOMPARE(QDir(root.filePath("bobs")).entryList(QDir::Hidden | QDir::Files).filter(".escale-tmp"), QStringList());
    r = run(m_escale, {"--once", "-c", bob});
    QCOMPARE(r.code, 0);
    QCOMPARE(harness::readFile(root.filePath("bobs/big.iso")), big);
}

void tst_Escalectl::tellsSystemd()
{
    // Under systemd (Type=notify), as systemd would see it on $NOTIFY_SOCKET: READY=1 once the
    // repositories started, a one-line STATUS= that follows their state, WATCHDOG=1 twice per
    // WATCHDOG_USEC, STOPPING=1 at the end.
    QTemporaryDir root, sockets;
    const QString conf = config(root, QString());
    write(root.filePath("folder/a.txt"), "first");
    const QByteArray path = QFile::encodeName(sockets.filePath("notify"));
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    const auto closeSocket = qScopeGuard([fd] { ::close(fd); });
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), socklen_t(sizeof address)), 0);
    QStringList messages;
    auto receive = [&] {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n <= 0)
                break;
            messages << QString::fromUtf8(buffer, int(n));
        }
        return messages.join("|");
    };
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("NOTIFY_SOCKET", QString::fromUtf8(path));
    env.insert("WATCHDOG_USEC", "400000");
    {
        Daemon running(m_escale, conf, env);
        QVERIFY(running.process.state() == QProcess::Running);
        QTRY_VERIFY_WITH_TIMEOUT(receive().contains("READY=1\nSTATUS=1 repository: "), 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(receive().contains("STATUS=1 repository: 1 up to date"), 30'000);
        const int fed = int(receive().count("WATCHDOG=1"));
        QTRY_VERIFY_WITH_TIMEOUT(receive().count("WATCHDOG=1") >= fed + 3, 10'000);
        QCOMPARE(run(m_escalectl, {"-c", conf, "pause"}).code, 0);
        QTRY_VERIFY_WITH_TIMEOUT(receive().contains("STATUS=1 repository: 1 paused"), 30'000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(receive().contains("STOPPING=1"), 10'000);
    QCOMPARE(receive().count("READY=1"), 1);
}

void tst_Escalectl::controlsARunningInstance()
{
    // escale --no-gui runs; escalectl asks its status, pauses, resumes, syncs and stops it
    // through the control socket, in text and JSON, and says so when nothing runs.
    QTemporaryDir root;
    const QString conf = config(root, "refresh = 1\n");
    write(root.filePath("folder/a.txt"), "first");
    auto ctl = [&](const QStringList& args) {
        return run(m_escalectl, QStringList{"-c", conf} + args);
    };
    Run none = ctl({"status"});
    QCOMPARE(none.code, 6);
    QVERIFY2(none.err.contains("no running Escale uses this configuration"), qPrintable(none.err));

    QProcess daemon;
    daemon.setProcessChannelMode(QProcess::MergedChannels);
    daemon.start(m_escale, {"--no-gui", "-c", conf});
    QVERIFY(daemon.waitForStarted());
    auto status = [&] {
        return repositoryStatus(conf);
    };
    QTRY_COMPARE_WITH_TIMEOUT(status().value("files_sent").toInt(), 1, 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(status().value("state").toString(), QString("up to date"), 30'000);
    QJsonObject s = status();
    QCOMPARE(s.value("name").toString(), QString("docs"));
    QVERIFY(!s.value("last_sync").toString().isEmpty());
    Run text = ctl({"status"});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.startsWith("docs: up to date (last sync ") &&
                 text.out.contains(root.filePath("folder")),
             qPrintable(text.out));

    // A second instance of the same configuration is refused: it would sync the same folders.
    const Run second = run(m_escale, {"--no-gui", "-c", conf});
    QCOMPARE(second.code, 1);
    QVERIFY2(second.err.contains("another Escale runs with this configuration") ||
                 second.out.contains("another Escale runs with this configuration"),
             qPrintable(second.err + second.out));

    // Paused: a new file stays unsent, and `sync` says why it does nothing.
    Run r = ctl({"pause", "docs", "--json"});
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("repositories").toArray(),
             QJsonArray{"docs"});
    QCOMPARE(ctl({"resume"}).code, 0);
    r = ctl({"pause", "docs"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QString("docs: paused\n"));
    QCOMPARE(status().value("state").toString(), QString("paused"));
    const int heldBefore = status().value("passes_held").toInt();
    write(root.filePath("folder/b.txt"), "while paused");
    r = ctl({"sync", "docs"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("'docs' is paused: resume it first"), qPrintable(r.err));
    // The change is seen and its pass held back by the pause: no pass ran.
    QTRY_VERIFY_WITH_TIMEOUT(status().value("passes_held").toInt() > heldBefore, 30'000);
    QCOMPARE(status().value("files_sent").toInt(), 1);
    QCOMPARE(status().value("state").toString(), QString("paused"));
    r = ctl({"resume"});
    QCOMPARE(r.code, 0);
    QTRY_COMPARE_WITH_TIMEOUT(status().value("files_sent").toInt(), 2, 30'000);
    QTRY_VERIFY_WITH_TIMEOUT(
        status().value("state").toString() == "up to date" && !status().value("paused").toBool(), 30'000);
    QCOMPARE(ctl({"sync", "docs"}).code, 0);

    // Many files gone at once: held back (bob keeps his copies) until confirm-deletions.
    for (int i = 0; i < 12; ++i)
        write(root.filePath(QString("folder/many%1.txt").arg(i)), "many");
    QTRY_COMPARE_WITH_TIMEOUT(status().value("files_sent").toInt(), 14, 30'000);
    const QString bob = bobConfig(root);
    QCOMPARE(run(m_escale, {"--once", "-c", bob}).code, 0);
    QVERIFY(QFileInfo::exists(root.filePath("bobs/many5.txt")));
    QCOMPARE(ctl({"pause", "docs"}).code, 0);
    for (int i = 0; i < 12; ++i)
        QVERIFY(QFile::remove(root.filePath(QString("folder/many%1.txt").arg(i))));
    QCOMPARE(ctl({"resume", "docs"}).code, 0);
    QTRY_COMPARE_WITH_TIMEOUT(status().value("last_pass").toObject().value("deletions_held").toInt(), 12,
                              30'000);
    QCOMPARE(run(m_escale, {"--once", "-c", bob}).code, 0);
    QVERIFY(QFileInfo::exists(root.filePath("bobs/many5.txt")));
    r = ctl({"confirm-deletions", "docs"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QString("docs: the deletions held back go out with a pass now\n"));
    QTRY_COMPARE_WITH_TIMEOUT(status().value("last_pass").toObject().value("deletions_held").toInt(), 0,
                              30'000);
    QCOMPARE(run(m_escale, {"--once", "-c", bob}).code, 0);
    QVERIFY(!QFileInfo::exists(root.filePath("bobs/many5.txt")));
    QVERIFY(QFileInfo::exists(root.filePath("bobs/a.txt")));
    QCOMPARE(ctl({"confirm-deletions", "nothing"}).code, 2);

    // Usage errors.
    r = ctl({"status", "nothing"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("no repository 'nothing' runs here"), qPrintable(r.err));
    QCOMPARE(ctl({"stop", "docs"}).code, 2);
    QCOMPARE(ctl({"pause", "a", "b"}).code, 2);

    r = ctl({"stop"});
    QCOMPARE(r.code, 0);
    QVERIFY(daemon.waitForFinished(30'000));
    QCOMPARE(daemon.exitCode(), 0);
    const QString daemonLog = QString::fromUtf8(daemon.readAll());
    QVERIFY2(daemonLog.contains("stopping (asked through the control socket)"), "");
    // Pause and resume are in the log, once each time the state changes.
    QVERIFY2(daemonLog.contains("[docs] paused: nothing is sent or received until it is resumed"), qPrintable(daemonLog.right(2000)));
    QCOMPARE(daemonLog.count("[docs] paused:"), 3);
    QCOMPARE(daemonLog.count("[docs] resumed"), 3);
    QCOMPARE(ctl({"status"}).code, 6);

    // A pause survives a restart; a pause for a while ends by itself, restart or not.
    auto restart = [&] {
        daemon.start(m_escale, {"--no-gui", "-c", conf});
        QVERIFY(daemon.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!status().isEmpty(), 30'000);
    };
    restart();
    QTRY_COMPARE_WITH_TIMEOUT(status().value("state").toString(), QString("up to date"), 30'000);
    r = ctl({"pause", "docs", "--for", "1h"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith("docs: paused until "), qPrintable(r.out));
    const QDateTime until = QDateTime::fromString(status().value("paused_until").toString(), Qt::ISODate);
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(until) - 3600) < 60);
    QVERIFY2(ctl({"status"}).out.startsWith("docs: paused until "), "");
    QCOMPARE(ctl({"stop"}).code, 0);
    QVERIFY(daemon.waitForFinished(30'000));
    write(root.filePath("folder/c.txt"), "while stopped and paused");
    restart();
    s = status();
    QCOMPARE(s.value("state").toString(), QString("paused"));
    QCOMPARE(QDateTime::fromString(s.value("paused_until").toString(), Qt::ISODate), until);
    QTest::qWait(1500);
    QCOMPARE(status().value("passes").toInt(), 0); // no pass at start: c.txt not sent
    QVERIFY(QString::fromUtf8(daemon.readAll()).contains("[docs] paused, as it was when Escale stopped (until "));
    // Shortened to a few seconds: it resumes by itself and sends c.txt.
    QCOMPARE(ctl({"pause", "docs", "--for", "2s"}).code, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!status().value("paused").toBool(), 70'000);
    QTRY_COMPARE_WITH_TIMEOUT(status().value("files_sent").toInt(), 1, 30'000);
    QVERIFY(status().value("paused_until").toString().isEmpty());
    // Paused until resumed: across a restart as well.
    QCOMPARE(ctl({"pause"}).code, 0);
    QCOMPARE(ctl({"stop"}).code, 0);
    QVERIFY(daemon.waitForFinished(30'000));
    restart();
    QCOMPARE(status().value("state").toString(), QString("paused"));
    QVERIFY(status().value("paused_until").toString().isEmpty());
    QCOMPARE(ctl({"resume"}).code, 0);
    QTRY_COMPARE_WITH_TIMEOUT(status().value("state").toString(), QString("up to date"), 30'000);
    r = ctl({"pause", "docs", "--for", "soon"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--for: "), qPrintable(r.err));
    QCOMPARE(ctl({"resume", "--for", "1h"}).code, 2);
    QCOMPARE(ctl({"stop"}).code, 0);
    QVERIFY(daemon.waitForFinished(30'000));
}

void tst_Escalectl::backupAndRestoreThroughWebDav()
{
    // A folder relay written by escale, backed up, restored into a WebDAV server, backed up from
    // there and restored into a new folder: the same objects byte for byte, and escale goes on
    // from the restored relay.
    QTemporaryDir root;
    const QString conf =
        config(root, "chunk size = 1MB\nencryption = on\npassphrase = " + root.filePath("pass") + "\n");
    write(root.filePath("pass"), "backup passphrase", true);
    write(root.filePath("folder/a.txt"), "archived");
    QByteArray big(2'500'000, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char(i * 7 + (i >> 11));
    write(root.filePath("folder/big.bin"), big);
    QCOMPARE(run(m_escale, {"--once", "-c", conf}).code, 0);
    const QString first = root.filePath("one.zip"), second = root.filePath("two.zip");
    Run r = run(m_escalectl, {"-c", conf, "backup", "docs", first});
    QVERIFY2(r.code == 0 && r.out.contains("written to"), qPrintable(r.out + r.err));

    testing::RcloneWebDav dav;
    QVERIFY2(dav.started(), qPrintable(dav.log()));
    qputenv("ESCALE_PASSWORD", "testpw");
    const QString davUrl = dav.url();
    r = run(m_escalectl, {"restore", davUrl, first});
    QVERIFY2(r.code == 0 && r.out.contains("read back identical"), qPrintable(r.out + r.err));
    r = run(m_escalectl, {"restore", davUrl, first});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("is not empty") && r.err.contains("--force"), qPrintable(r.err));
    r = run(m_escalectl, {"backup", davUrl, second});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = run(m_escalectl, {"restore", root.filePath("relay2"), second});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(tree(root.filePath("relay2")), tree(root.filePath("relay")));
    // A new client syncs from the restored relay.
    const QString other = root.filePath("other.conf");
    write(
        other,
        QString(
            "[docs]\nlocal path = %1\nrelay address = %2\nstate dir = %3\nencryption = on\npassphrase = %4\n")
            .arg(root.filePath("copy"), root.filePath("relay2"), root.filePath("state2"),
                 root.filePath("pass"))
            .toUtf8());
    QDir().mkpath(root.filePath("copy"));
    QCOMPARE(run(m_escale, {"--once", "-c", other}).code, 0);
    QCOMPARE(tree(root.filePath("copy")), tree(root.filePath("folder")));
    qunsetenv("ESCALE_PASSWORD");
}

void tst_Escalectl::hostileOrDamagedArchives()
{
    QTemporaryDir root;
    const QString conf = config(root, "");
    write(root.filePath("folder/a.txt"), QByteArray(200'000, 'a'));
    QCOMPARE(run(m_escale, {"--once", "-c", conf}).code, 0);
    const QString zip = root.filePath("b.zip");
    QCOMPARE(run(m_escalectl, {"-c", conf, "backup", "docs", zip}).code, 0);

    // One byte changed in the stored content: refused as damaged.
    QFile f(zip);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    const qsizetype at = bytes.indexOf(QByteArray(1000, 'a'));
    QVERIFY(at > 0);
    bytes[at + 500] = 'b';
    f.seek(0);
    f.write(bytes);
    f.close();
    Run r = run(m_escalectl, {"restore", root.filePath("r1"), zip});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("the archive is damaged, nothing was written"), qPrintable(r.err));
    QVERIFY(QDir(root.filePath("r1")).isEmpty()); // the relay as it was

    // A manifest naming a path outside the relay: refused before anything is written.
    const QString evil = root.filePath("evil.zip");
    {
        QuaZip z(evil);
        QVERIFY(z.open(QuaZip::mdCreate));
        QuaZipFile e(&z);
        QVERIFY(e.open(QIODevice::WriteOnly, QuaZipNewInfo("escale-backup.json")));
        e.write(R"({"format": 1, "objects": [{"path": "../outside", "size": 1, "sha256": "00"}]})");
        e.close();
        z.close();
    }
    r = run(m_escalectl, {"restore", root.filePath("r2"), evil});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("'../outside'") && r.err.contains("refused"), qPrintable(r.err));
    QVERIFY(!QFile::exists(root.filePath("outside")));
    QVERIFY(QDir(root.filePath("r2")).isEmpty());
    r = run(m_escalectl, {"restore", root.filePath("r3"), conf}); // not a zip at all
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("cannot open") || r.err.contains("not an Escale backup"), qPrintable(r.err));
}

void tst_Escalectl::clientsAndWhatTheyStillNeed()
{
    // Two clients; alice publishes after bob's last pass: bob still has one of her segments to
    // receive, until his next pass.
    QTemporaryDir root;
    const QString alice = config(root, "");
    const QString bob = bobConfig(root);
    write(root.filePath("folder/a.txt"), "one");
    QCOMPARE(run(m_escale, {"--once", "-c", alice}).code, 0);
    QCOMPARE(run(m_escale, {"--once", "-c", bob}).code, 0);
    write(root.filePath("folder/b.txt"), "two");
    QCOMPARE(run(m_escale, {"--once", "-c", alice}).code, 0);

    Run r = run(m_escalectl, {"clients", root.filePath("relay")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(
                 QRegularExpression("^bob \\([0-9a-f]{16}\\): last seen 20[0-9-]+T[0-9:]+Z; still has to "
                                    "receive 1 journal segments \\(1 from alice\\)$",
                                    QRegularExpression::MultilineOption)),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression("^alice .*has everything the others published$",
                                               QRegularExpression::MultilineOption)),
             qPrintable(r.out));
    r = run(m_escalectl, {"clients", root.filePath("relay"), "--json"});
    QCOMPARE(r.code, 0);
    const QJsonArray clients = QJsonDocument::fromJson(r.out.toUtf8()).object().value("clients").toArray();
    QCOMPARE(clients.size(), 2);
    QString aliceId;
    for (const QJsonValue& v : clients)
        if (v.toObject().value("name") == "alice")
            aliceId = v.toObject().value("id").toString();
    for (const QJsonValue& v : clients)
        if (v.toObject().value("name") == "bob")
            QCOMPARE(v.toObject().value("segments_to_receive").toObject().value(aliceId).toInt(), 1);

    QCOMPARE(run(m_escale, {"--once", "-c", bob}).code, 0);
    r = run(m_escalectl, {"clients", root.filePath("relay")});
    QVERIFY2(r.out.contains(QRegularExpression("^bob .*has everything the others published$",
                                               QRegularExpression::MultilineOption)),
             qPrintable(r.out));
}

QTEST_GUILESS_MAIN(tst_Escalectl)
void tst_Escalectl::accessConflictsAndResolve()
{
    // alice runs `escale --no-gui`; bob syncs with `escale --once` through the same relay.
    QTemporaryDir root;
    const QString conf = config(root, "refresh = 1\n");
    const QString bobConf = bobConfig(root);
    write(root.filePath("folder/private/diary.txt"), "secret");
    write(root.filePath("folder/shared.txt"), "s1");
    auto ctl = [&](const QStringList& args) {
        return run(m_escalectl, QStringList{"-c", conf} + args);
    };
    auto bobPass = [&] {
        const Run r = run(m_escale, {"--once", "-c", bobConf});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    };
    auto read = [&](const QString& rel) {
        QFile f(root.filePath(rel));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
    };

    // Set with no instance running: kept in the state, applied from the first pass.
    Run r = ctl({"access", root.filePath("folder/private"), "r-"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QString("r-w? private [docs]: send no (set here), receive yes (default)\n"
                            "Escale applies it at its next pass.\n"));

    QProcess daemon;
    daemon.setProcessChannelMode(QProcess::MergedChannels);
    daemon.start(m_escale, {"--no-gui", "-c", conf});
    QVERIFY(daemon.waitForStarted());
    auto status = [&] {
        return repositoryStatus(conf);
    };
    QTRY_COMPARE_WITH_TIMEOUT(status().value("files_sent").toInt(), 1, 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(status().value("state").toString(), QString("up to date"), 30'000);
    QCOMPARE(status().value("pending_up").toInt(), 0);
    QCOMPARE(status().value("conflicts_waiting").toInt(), 0);
    QVERIFY(status().value("relay_usage").toDouble() > 0);
    bobPass();
    QCOMPARE(read("bobs/shared.txt"), QByteArray("s1"));
    QVERIFY(!QFile::exists(root.filePath("bobs/private/diary.txt")));

    // Inherited flags are shown as such, in JSON too; a relative path is taken from the
    // current folder.
    QProcess inFolder;
    inFolder.setWorkingDirectory(root.filePath("folder/private"));
    inFolder.start(m_escalectl, {"-c", conf, "access", "diary.txt", "--json"});
    QVERIFY(inFolder.waitForFinished(30'000));
    QCOMPARE(inFolder.exitCode(), 0);
    const QJsonObject flags = QJsonDocument::fromJson(inFolder.readAllStandardOutput()).object();
    QCOMPARE(flags.value("path").toString(), QString("private/diary.txt"));
    QCOMPARE(flags.value("flags").toString(), QString("r?w?"));
    QCOMPARE(flags.value("send").toBool(), false);
    QCOMPARE(flags.value("send_set_at").toString(), QString("private"));
    QCOMPARE(flags.value("receive").toBool(), true);
    QCOMPARE(flags.value("receive_set_at").toString(), QString());

    // Turned back on while the instance runs: sent at once.
    r = ctl({"access", root.filePath("folder/private"), "r+"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("The running Escale applies it now."), qPrintable(r.out));
    QTRY_COMPARE_WITH_TIMEOUT(status().value("files_sent").toInt(), 2, 30'000);
    bobPass();
    QCOMPARE(read("bobs/private/diary.txt"), QByteArray("secret"));

    // w- on alice: bob's change stops at her folder; w? lets it in without another change.
    QCOMPARE(ctl({"access", root.filePath("folder/shared.txt"), "w-"}).code, 0);
    write(root.filePath("bobs/shared.txt"), "s2 from bob");
    bobPass();
    // Until alice's head acknowledges bob's change: she has it, and left her file alone.
    auto aliceHasAll = [&] {
        const QJsonArray clients = QJsonDocument::fromJson(ctl({"clients", "docs", "--json"}).out.toUtf8())
                                       .object()
                                       .value("clients")
                                       .toArray();
        for (const QJsonValue& c : clients)
            if (c.toObject().value("name").toString() == "alice")
                return c.toObject().value("segments_to_receive").toObject().isEmpty();
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(aliceHasAll(), 30'000);
    QCOMPARE(read("folder/shared.txt"), QByteArray("s1"));
    QCOMPARE(ctl({"access", root.filePath("folder/shared.txt"), "w?"}).code, 0);
    QTRY_COMPARE_WITH_TIMEOUT(read("folder/shared.txt"), QByteArray("s2 from bob"), 30'000);

    // A conflict: alice (paused) and bob change notes.txt; bob's later edit keeps the name.
    write(root.filePath("folder/notes.txt"), "n1");
    QTRY_COMPARE_WITH_TIMEOUT(status().value("files_sent").toInt(), 3, 30'000);
    bobPass();
    QCOMPARE(ctl({"pause"}).code, 0);
    QTRY_COMPARE_WITH_TIMEOUT(status().value("state").toString(), QString("paused"), 30'000);
    write(root.filePath("folder/notes.txt"), "alice's notes");
    write(root.filePath("bobs/notes.txt"), "bob's notes");
    laterThan(root.filePath("bobs/notes.txt"), root.filePath("folder/notes.txt")); // bob edited last
    bobPass();
    r = ctl({"conflicts"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QString("No conflict copies.\n"));
    QCOMPARE(ctl({"resume"}).code, 0);
    QTRY_COMPARE_WITH_TIMEOUT(status().value("conflicts_waiting").toInt(), 1, 30'000);
    QCOMPARE(read("folder/notes.txt"), QByteArray("bob's notes"));
    r = ctl({"conflicts", "--json"});
    QCOMPARE(r.code, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8())
                                .object()
                                .value("repositories")
                                .toArray()
                                .first()
                                .toObject()
                                .value("conflicts")
                                .toArray();
    QCOMPARE(list.size(), 1);
    const QJsonObject conflict = list.first().toObject();
    QCOMPARE(conflict.value("path").toString(), QString("notes.txt"));
    QCOMPARE(conflict.value("device").toString(), QString("alice"));
    QVERIFY(conflict.value("original_exists").toBool());
    const QString copy = conflict.value("copy").toString();
    QVERIFY2(copy.startsWith("notes (conflict from alice ") && copy.endsWith(").txt"), qPrintable(copy));
    QCOMPARE(read("folder/" + copy), QByteArray("alice's notes"));
    r = ctl({"conflicts", "docs"});
    QVERIFY2(r.out.contains("docs: notes.txt\n  alice's version of notes.txt") ||
                 r.out.contains("docs: notes.txt\n  alice's version"),
             qPrintable(r.out));
    bobPass();
    QCOMPARE(read("bobs/" + copy), QByteArray("alice's notes"));

    // Failure modes: nothing changes.
    r = ctl({"resolve", root.filePath("folder/" + copy)});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--keep current, copy or both"), qPrintable(r.err));
    QCOMPARE(ctl({"resolve", root.filePath("folder/" + copy), "--keep", "mine"}).code, 2);
    r = ctl({"resolve", root.filePath("folder/notes.txt"), "--keep", "copy"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("is not a conflict copy"), qPrintable(r.err));
    r = ctl({"access", root.filePath("elsewhere.txt"), "r-"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("is in none of the synchronised folders"), qPrintable(r.err));
    r = ctl({"access", root.filePath("folder/notes.txt"), "x+"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("'x+' is not an access modifier"), qPrintable(r.err));
    QCOMPARE(ctl({"access", root.filePath("folder/.escale-folder")}).code, 2);
    QCOMPARE(ctl({"conflicts", "nothing"}).code, 2);
    QCOMPARE(read("folder/" + copy), QByteArray("alice's notes"));

    // Keep the copy's version: alice's notes take the name everywhere, bob's go to the archive.
    r = ctl({"resolve", root.filePath("folder/" + copy), "--keep", "copy"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("notes.txt now holds alice's version") &&
                 r.out.contains("The running Escale sends it now."),
             qPrintable(r.out));
    QCOMPARE(read("folder/notes.txt"), QByteArray("alice's notes"));
    QVERIFY(!QFile::exists(root.filePath("folder/" + copy)));
    bool archived = false;
    for (QDirIterator it(root.filePath("folder/.escale-archive"), QDir::Files, QDirIterator::Subdirectories);
         it.hasNext();)
        archived |= QRegularExpression("/notes( \\(\\d+\\))?\\.txt$").match(it.next()).hasMatch() &&
                    read(it.filePath().mid(root.path().size() + 1)) == "bob's notes"; // a name of its own
    QVERIFY(archived);
    QTRY_VERIFY_WITH_TIMEOUT(status().value("conflicts_waiting").toInt() == 0 &&
                                 status().value("pending_up").toInt() == 0,
                             30'000);
    bobPass();
    QCOMPARE(read("bobs/notes.txt"), QByteArray("alice's notes"));
    QVERIFY(!QFile::exists(root.filePath("bobs/" + copy)));
    const Run bobConflicts = run(m_escalectl, {"-c", bobConf, "conflicts"});
    QCOMPARE(bobConflicts.out, QString("No conflict copies.\n"));

    QCOMPARE(ctl({"stop"}).code, 0);
    QVERIFY(daemon.waitForFinished(30'000));
}

void tst_Escalectl::desktopApplicationServesTheSocket()
{
    // The desktop application runs the same instance: escalectl sees it sync, a second launch
    // hands over to it, and `stop` closes it.
    QTemporaryDir root;
    const QString conf = config(root, "refresh = 1\n");
    write(root.filePath("folder/a.txt"), "from the desktop");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("XDG_STATE_HOME", root.filePath("state-home"));
    QProcess app;
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(m_escale, {"-c", conf});
    QVERIFY(app.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(repositoryStatus(conf).value("files_sent").toInt(), 1, 30'000);
    QVERIFY(QFile::exists(root.filePath("relay/escale-repository.json")));
    QProcess second;
    second.setProcessEnvironment(env);
    second.start(m_escale, {"-c", conf});
    QVERIFY(second.waitForFinished(30'000));
    QCOMPARE(second.exitCode(), 0);
    QVERIFY2(second.readAllStandardError().contains("already running with this configuration"), "");
    QCOMPARE(app.state(), QProcess::Running);
    QCOMPARE(run(m_escalectl, {"-c", conf, "stop"}).code, 0);
    QVERIFY(app.waitForFinished(30'000));
    QCOMPARE(app.exitCode(), 0);
    // It wrote its log where the user guide says (the state folder, named after the configuration).
    const QString log = root.filePath("state-home/escale/" + QFileInfo(conf).completeBaseName() + ".log");
    const QByteArray logged = harness::readFile(log);
    QVERIFY2(logged.contains("info escale.app: Escale ") && logged.contains("(desktop)") &&
                 logged.contains("[docs]"),
             logged.left(2000).constData());
    QCOMPARE(QFile::permissions(log) & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
}

void tst_Escalectl::forgetClient()
{
    // carol stops syncing for good; once forgotten, nobody keeps relay space for her, and if
    // she comes back she stops and says so.
    QTemporaryDir root;
    const QString alice = config(root, "");
    const QString bob = bobConfig(root);
    const QString carol = root.filePath("carol.conf");
    write(carol, QString("[docs]\nlocal path = %1\nrelay address = %2\nclient name = carol\nstate dir = %3\n")
                     .arg(root.filePath("carols"), root.filePath("relay"), root.filePath("carolstate"))
                     .toUtf8());
    QDir().mkpath(root.filePath("carols"));
    auto pass = [&](const QString& conf) {
        const Run r = run(m_escale, {"--once", "-c", conf});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    };
    auto carolsHead = [&] {
        QStringList heads = QDir(root.filePath("relay/heads")).entryList(QDir::Files);
        for (const QString& h : heads)
            if (!h.endsWith(".forgotten")) {
                const QJsonArray clients =
                    QJsonDocument::fromJson(
                        run(m_escalectl, {"-c", alice, "clients", "docs", "--json"}).out.toUtf8())
                        .object()
                        .value("clients")
                        .toArray();
                for (const QJsonValue& c : clients)
                    if (c.toObject().value("name").toString() == "carol" &&
                        h.startsWith(c.toObject().value("id").toString()))
                        return root.filePath("relay/heads/" + h);
            }
        return QString();
    };
    // As if alice had not heard of carol for three days (her own record of it, R3).
    auto age = [&] {
        escale::state::StateDb db;
        QString error;
        QVERIFY2(db.open(escale::sync::SyncEngine::defaultStatePath(root.filePath("state"), root.filePath("folder")), error),
                 qPrintable(error));
        bool found = false;
        for (escale::state::StateDb::Peer p : db.peers())
            if (p.name == "carol") {
                p.lastChangeMs = QDateTime::currentMSecsSinceEpoch() - 3LL * 24 * 3600 * 1000;
                db.putPeer(p);
                found = true;
            }
        QVERIFY(found);
    };
    auto dataObjects = [&] {
        int n = 0;
        for (const QString& k : tree(root.filePath("relay")).keys())
            n += k.startsWith("data/") && tree(root.filePath("relay")).value(k) != "dir";
        return n;
    };
    write(root.filePath("folder/a.txt"), "one");
    pass(alice);
    pass(bob);
    pass(carol);
    write(root.filePath("carols/c.txt"), "carol's last words");
    pass(carol);
    const QString head = carolsHead();
    QVERIFY(!head.isEmpty());

    // alice has not seen carol yet: she cannot tell how long ago carol was heard of (the relay's
    // times are another machine's clock, R3), nor can anyone naming the relay by its address.
    Run r = run(m_escalectl, {"-c", alice, "forget-client", "docs", "carol"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("cannot tell when carol") && r.err.contains("--force"), qPrintable(r.err));
    r = run(m_escalectl, {"forget-client", root.filePath("relay"), "carol"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("cannot tell when carol"), qPrintable(r.err));
    // Heard of just now: refused, however old her head looks on the relay.
    pass(alice);
    QFile old(head);
    QVERIFY(old.open(QIODevice::ReadWrite) &&
            old.setFileTime(QDateTime::currentDateTimeUtc().addDays(-3), QFileDevice::FileModificationTime));
    old.close();
    r = run(m_escalectl, {"-c", alice, "forget-client", "docs", "carol"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("less than 24 hours ago"), qPrintable(r.err));
    // Not heard of for days, but her last change has not reached bob: refused.
    age();
    r = run(m_escalectl, {"-c", alice, "forget-client", "docs", "carol"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("not everything carol published has reached") &&
                 !r.err.contains("alice (") && r.err.contains("bob (1 journal segments)"),
             qPrintable(r.err));
    pass(bob);
    QCOMPARE(tree(root.filePath("bobs")).value("c.txt"), tree(root.filePath("carols")).value("c.txt"));

    // alice's new file: bob takes it, but the relay keeps it for carol.
    write(root.filePath("folder/big.bin"), QByteArray(300'000, 'x'));
    pass(alice);
    pass(bob);
    pass(alice);
    QVERIFY(dataObjects() > 0);
    // An upload carol never published (her tag ends its name, R20) goes with her.
    const QString carolsId = QFileInfo(carolsHead()).fileName().left(16);
    const QString unpublished = root.filePath("relay/data/ab/abababababababababababab" + carolsId.right(8));
    write(unpublished, "carol's upload in progress when she left");
    age();
    r = run(m_escalectl, {"-c", alice, "forget-client", "docs", "nobody"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("no client 'nobody' in this repository"), qPrintable(r.err));
    r = run(m_escalectl, {"-c", alice, "forget-client", "docs", "carol", "--json"});
    const QJsonObject forgot = QJsonDocument::fromJson(r.out.toUtf8()).object();
    // Its head, its journal segment, and the content of c.txt.
    QVERIFY2(r.code == 0 && forgot.value("name").toString() == "carol" &&
                 forgot.value("objects_removed").toInt() >= 3,
             qPrintable(r.out + r.err));
    QVERIFY(carolsHead().isEmpty());
    QVERIFY(!QFileInfo::exists(unpublished));
    // Nobody waits for her any more: the space is freed at alice's next pass.
    pass(bob);
    pass(alice);
    QCOMPARE(dataObjects(), 0);
    r = run(m_escalectl, {"-c", alice, "verify", "docs", "--json"});
    const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY2(r.code == 0 && report.value("forgotten").toArray().size() == 1, qPrintable(r.out));
    QCOMPARE(report.value("clients").toArray().size(), 2);

    // carol comes back: she stops, writes nothing, and says how to join again.
    write(root.filePath("carols/late.txt"), "too late");
    const auto before = tree(root.filePath("relay"));
    r = run(m_escale, {"--once", "-c", carol});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("this client was removed from the repository") &&
                 r.err.contains("move its state"),
             qPrintable(r.err));
    QCOMPARE(tree(root.filePath("relay")), before);
}

#include "tst_Escalectl.moc"
