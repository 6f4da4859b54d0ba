// The escale executable as a user and a script see it: options, exit codes, messages.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_EscaleCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void help();
    void version();
    void badUsage_data();
    void badUsage();
    void brokenConfigPrintsOneLine_data();
    void brokenConfigPrintsOneLine();
    void missingDefaultConfig();
    void validConfig();
    void unknownRepository();
    void missingLocalFolder();
    void incompletePassExitsSeven();
    void noDisplay();

private:
    struct Result
    {
        int code = -1;
        QString out;
        QString err;
    };
    Result run(const QStringList& args,
               const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) const
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(m_bin, args);
        if (!p.waitForFinished(30'000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    QString writeConfig(const QString& name, const QByteArray& text) const
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(text);
        return path;
    }
    QProcessEnvironment isolatedEnv() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HOME", m_dir.filePath("home"));
        env.insert("XDG_CONFIG_HOME", m_dir.filePath("home/.config"));
        env.insert("XDG_STATE_HOME", m_dir.filePath("home/.local/state"));
        env.insert("XDG_DATA_HOME", m_dir.filePath("home/.local/share"));
        return env;
    }

    QString m_bin;
    QTemporaryDir m_dir;
};

void tst_EscaleCli::initTestCase()
{
    m_bin = qEnvironmentVariable("ESCALE_BIN");
    QVERIFY2(QFile::exists(m_bin), "ESCALE_BIN must name the escale executable");
    QVERIFY(m_dir.isValid());
    QDir().mkpath(m_dir.filePath("home"));
    QDir().mkpath(m_dir.filePath("A"));
}

void tst_EscaleCli::help()
{
    const Result r = run({"--help"});
    QCOMPARE(r.code, 0);
    for (const char* option :
         {"-c, --config <FILE>", "--no-gui", "--once", "--confirm-deletions", "-r, --repository <NAME>",
          "--log-level <LEVEL>", "-v, --version", "-h, --help", "Exit codes:"})
        QVERIFY2(r.out.contains(QLatin1String(option)), option);
    QVERIFY(r.out.startsWith("Usage: escale [options]"));
    QVERIFY2(r.out.contains("--no-gui is implied"), qPrintable(r.out)); // --once alone is headless
    QVERIFY2(r.out.contains("7 --once"), qPrintable(r.out));
}

void tst_EscaleCli::version()
{
    const Result r = run({"--version"});
    QCOMPARE(r.code, 0);
    QVERIFY(QRegularExpression("^escale \\d+\\.\\d+\\.\\d+\\n$").match(r.out).hasMatch());
}

void tst_EscaleCli::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("firstLine");
    QTest::newRow("unknown option") << QStringList{"--daemon"} << "escale: Unknown option 'daemon'.";
    QTest::newRow("missing value") << QStringList{"-c"} << "escale: Missing value after '-c'.";
    QTest::newRow("stray argument") << QStringList{"--no-gui", "extra"}
                                    << "escale: unexpected argument 'extra'";
    QTest::newRow("bad log level")
        << QStringList{"--no-gui", "--log-level", "loud"}
        << "escale: --log-level: expected debug, info, warning, error or critical, got 'loud'";
}

void tst_EscaleCli::badUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, firstLine);
    const Result r = run(args, isolatedEnv());
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err.section('\n', 0, 0), firstLine);
}

void tst_EscaleCli::brokenConfigPrintsOneLine_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("line");
    QTest::newRow("bad quota")
        << QByteArray("[docs]\nlocal path = /tmp/x\nrelay address = /tmp/r\ndisk quota = lots\n")
        << "broken.conf:4: 'disk quota': expected a size such as 2GB, got 'lots'";
    QTest::newRow("bad encryption")
        << QByteArray("[docs]\nlocal path = /tmp/x\nrelay address = /tmp/r\n"
                      "encryption = blowfish\n")
        << "broken.conf:4: 'encryption': Blowfish is insecure and no longer supported: use "
           "'encryption = on' (AES-256-GCM) or 'encryption = chacha20-poly1305'";
    QTest::newRow("syntax") << QByteArray("[docs\n")
                            << "broken.conf:1: section header '[docs' has no closing ']'";
    QTest::newRow("empty") << QByteArray()
                           << "broken.conf: the file is empty: add a section such as [documents] with "
                              "'local path' and 'relay address' (see docs/configuration.md)";
}

void tst_EscaleCli::brokenConfigPrintsOneLine()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, line);
    writeConfig("broken.conf", text);
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.setProcessEnvironment(isolatedEnv());
    for (const QStringList& args : {QStringList{"--no-gui", "-c", "broken.conf"},
                                    QStringList{"--no-gui", "--once", "-c", "broken.conf"}}) {
        p.start(m_bin, args);
        QVERIFY(p.waitForFinished(30'000));
        QCOMPARE(p.exitCode(), 2);
        QCOMPARE(QString::fromUtf8(p.readAllStandardError()), line + "\n");
        QCOMPARE(p.readAllStandardOutput(), QByteArray());
    }
}

void tst_EscaleCli::missingDefaultConfig()
{
    const Result r = run({"--no-gui"}, isolatedEnv());
    QCOMPARE(r.code, 2);
    QCOMPARE(
        r.err,
        m_dir.filePath("home/.config/escale/escale.conf") +
            ": no such file; write one (see docs/configuration.md) or start escale without --no-gui to run "
            "the setup wizard\n");
}

void tst_EscaleCli::validConfig()
{
    const QString logFile = m_dir.filePath("logs/escale.log");
    const QString conf =
        writeConfig("ok.conf", "log file = " + logFile.toUtf8() +
                                   "\n[docs]\nlocal path = " + m_dir.filePath("A").toUtf8() +
                                   "\nrelay address = " + m_dir.filePath("relay").toUtf8() + "\nindex = 1\n");
    const Result r = run({"--no-gui", "--once", "-c", conf}, isolatedEnv());
    QCOMPARE(r.code, 0);
    // The 0.7 key is reported, with its line.
    QVERIFY2(r.err.contains(conf + ":5: warning: 'index': no longer used, ignored"), qPrintable(r.err));
    QFile log(logFile);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY2(text.contains("[docs] " + m_dir.filePath("A").toUtf8()), text.constData());
}

void tst_EscaleCli::unknownRepository()
{
    const QString conf = writeConfig("two.conf", "[a]\nlocal path = " + m_dir.filePath("A").toUtf8() +
                                                     "\nrelay address = /tmp/r1\n[b]\nlocal path = /tmp/b\n"
                                                     "relay address = /tmp/r2\n");
    const Result r = run({"--no-gui", "-c", conf, "-r", "c"}, isolatedEnv());
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err, conf + ": no repository named 'c' (it has: a, b)\n");
}

void tst_EscaleCli::missingLocalFolder()
{
    const QString conf =
        writeConfig("gone.conf", "log file = " + m_dir.filePath("gone.log").toUtf8() +
                                     "\n[gone]\nlocal path = " + m_dir.filePath("nothere").toUtf8() +
                                     "\nrelay address = /tmp/r\n");
    const Result r = run({"--no-gui", "--once", "-c", conf}, isolatedEnv());
    QCOMPARE(r.code, 5);
    QVERIFY2(r.err.contains("[gone] the local folder " + m_dir.filePath("nothere") + " does not exist"),
             qPrintable(r.err));
    // A file where the folder should be says so.
    QFile file(m_dir.filePath("afile"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString conf2 =
        writeConfig("file.conf", "log file = " + m_dir.filePath("file.log").toUtf8() + "\n[file]\nlocal path = " +
                                     m_dir.filePath("afile").toUtf8() + "\nrelay address = /tmp/r\n");
    const Result f = run({"--no-gui", "--once", "-c", conf2}, isolatedEnv());
    QCOMPARE(f.code, 5);
    QVERIFY2(f.err.contains("is a file, not a folder"), qPrintable(f.err));
}

// A pass that could not send everything (here: a file larger than the room left under 'disk
// quota' before another client took anything) ends with exit code 7 and says what waits.
void tst_EscaleCli::incompletePassExitsSeven()
{
    QDir().mkpath(m_dir.filePath("waits"));
    QDir().mkpath(m_dir.filePath("waits-relay"));
    for (const char* name : {"waits/one.bin", "waits/two.bin"}) {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(3000, 'x') + name);
    }
    const QString conf =
        writeConfig("waits.conf", "log file = " + m_dir.filePath("waits.log").toUtf8() + "\n[waits]\nlocal path = " +
                                      m_dir.filePath("waits").toUtf8() + "\nrelay address = " +
                                      m_dir.filePath("waits-relay").toUtf8() + "\ndisk quota = 4 KiB\n");
    Result r = run({"--no-gui", "--once", "-c", conf}, isolatedEnv());
    QCOMPARE(r.code, 7);
    QVERIFY2(r.err.contains("wait for room on the relay"), qPrintable(r.err));
}

void tst_EscaleCli::noDisplay()
{
    QProcessEnvironment env = isolatedEnv();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    const Result r = run({}, env);
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err,
             QString("escale: no graphical display found; on a headless machine run 'escale --no-gui'\n"));
}

QTEST_GUILESS_MAIN(tst_EscaleCli)
#include "tst_EscaleCli.moc"
