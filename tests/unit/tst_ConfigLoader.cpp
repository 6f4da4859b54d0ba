#include "config/ConfigKeys.h"
#include "config/ConfigLoader.h"
#include "config/Paths.h"

#include <QDir>
#include <QFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <unistd.h>

using namespace escale::config;

class tst_ConfigLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void minimal();
    void everyRepositoryKeyAndAlias();
    void addressKeysAndAliases_data();
    void addressKeysAndAliases();
    void globalKeys();
    void ignoredKeys();
    void removedKeys();
    void defaultsApplyToEverySection();
    void explicitDefaultSection();
    void errorInDefaultReportedOnce();
    void quotaBareNumberIsMegabytes();
    void filtersAndLists();
    void secrets();
    void clientNameDefault();
    void escale07Configuration();
    void errors_data();
    void errors();
    void overlapThroughSymbolicLinks();
    void warnings_data();
    void warnings();
    void files();

private:
    LoadResult load(const QByteArray& text) const
    {
        return ConfigLoader::load(text, "escale.conf", m_dir.path());
    }
    QString file(const QString& name, const QByteArray& content = "x",
                 QFileDevice::Permissions perms = QFileDevice::ReadOwner | QFileDevice::WriteOwner) const
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        f.close();
        f.setPermissions(perms);
        return path;
    }

    QTemporaryDir m_dir;
};

namespace {
const QByteArray kBase = "[docs]\nlocal path = /data/docs\nrelay address = /mnt/relay\n";

QString errorsOf(const LoadResult& r)
{
    QStringList lines;
    for (const auto& d : r.diagnostics)
        lines << d.toString();
    return lines.join('\n');
}
} // namespace

void tst_ConfigLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile key(m_dir.filePath("k.pem")); // relative key paths are taken from the configuration's folder
    QVERIFY(key.open(QIODevice::WriteOnly));
}

void tst_ConfigLoader::minimal()
{
    const LoadResult r = load(kBase);
    QVERIFY2(!r.hasErrors(), qPrintable(errorsOf(r)));
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(r.config.repositories.size(), 1);
    const RepositoryConfig& docs = r.config.repositories.at(0);
    QCOMPARE(docs.name, QString("docs"));
    QCOMPARE(docs.line, 1);
    QCOMPARE(docs.localPath, QString("/data/docs"));
    QCOMPARE(docs.relay.scheme, RelayAddress::Scheme::Folder);
    QCOMPARE(docs.relay.path, QString("/mnt/relay"));
    // Defaults of the typed table
    QCOMPARE(docs.mode, SyncMode::Shared);
    QCOMPARE(docs.encryption, Encryption::Off);
    QVERIFY(!docs.diskQuota.has_value());
    QCOMPARE(docs.refreshMs, qint64(30'000));
    QCOMPARE(docs.transfers, 4);
    QCOMPARE(docs.pullers, 0);
    QCOMPARE(docs.verifySsl, true);
    QCOMPARE(docs.hiddenFiles, true);
    QCOMPARE(docs.temporaryFiles, false);
    QCOMPARE(docs.chunkSize, qint64(8 * 1024 * 1024));
    QCOMPARE(docs.stateDir, defaultDataDir());
    QCOMPARE(r.config.global.logLevel, LogLevel::Info);
    QCOMPARE(r.config.global.logRotate, 3);
    QCOMPARE(r.config.global.logFile, defaultStateDir() + "/escale.log");
}

void tst_ConfigLoader::everyRepositoryKeyAndAlias()
{
    struct Sample
    {
        QString value;
        std::function<QString(const RepositoryConfig&)> get;
        QString expected;
        QByteArray extra = {}; // lines the key needs besides the base
    };
    const QString ca = file("ca.pem");
    const QString cert = file("client.pem");
    const QString key = file("client.key");
    const QString knownHosts = file("known_hosts");
    const QString rcloneConf = file("rclone.conf");
    const QByteArray fp32 = QByteArray(32, '\x5a');

    const QHash<KeyId, Sample> samples = {
        {KeyId::LocalPath, {"/home/me/Docs", [](auto& r) { return r.localPath; }, "/home/me/Docs"}},
        {KeyId::User, {"alice", [](auto& r) { return r.user; }, "alice"}},
        {KeyId::Password, {"pw", [](auto& r) { return r.password.value; }, "pw"}},
        {KeyId::ClientName, {"laptop", [](auto& r) { return r.clientName; }, "laptop"}},
        {KeyId::Mode, {"download", [](auto& r) { return syncModeName(r.mode); }, "download"}},
        {KeyId::PushOnly, {"yes", [](auto& r) { return syncModeName(r.mode); }, "upload"}},
        {KeyId::PullOnly, {"yes", [](auto& r) { return syncModeName(r.mode); }, "download"}},
        {KeyId::Encryption, {"on", [](auto& r) { return encryptionName(r.encryption); }, "aes-256-gcm"}},
        {KeyId::Passphrase, {"correct horse", [](auto& r) { return r.passphrase.value; }, "correct horse"}},
        {KeyId::DiskQuota,
         {"2GB", [](auto& r) { return QString::number(r.diskQuota.value_or(-1)); }, "2147483648"}},
        {KeyId::Pullers, {"3", [](auto& r) { return QString::number(r.pullers); }, "3"}},
        {KeyId::Refresh, {"10", [](auto& r) { return QString::number(r.refreshMs); }, "10000"}},
        {KeyId::FastWindow, {"30", [](auto& r) { return QString::number(r.fastWindowMs); }, "30000"}},
        {KeyId::Retention, {"7", [](auto& r) { return QString::number(r.retentionMs); }, "604800000"}},
        {KeyId::ArchiveRetention,
         {"2w", [](auto& r) { return QString::number(r.archiveRetentionMs); }, "1209600000"}},
        {KeyId::ChunkSize, {"16", [](auto& r) { return QString::number(r.chunkSize); }, "16777216"}},
        {KeyId::DeleteThreshold,
         {"25%",
          [](auto& r) { return QString("%1/%2").arg(r.deleteThresholdPercent).arg(r.deleteThresholdCount); },
          "25/0"}},
        {KeyId::Include, {"*.txt, *.md", [](auto& r) { return r.include.join('|'); }, "*.txt|*.md"}},
        {KeyId::Exclude, {"*.tmp", [](auto& r) { return r.exclude.join('|'); }, "*.tmp"}},
        {KeyId::FileExtension, {".TXT, odt", [](auto& r) { return r.fileExtensions.join('|'); }, "txt|odt"}},
        {KeyId::IncludeDirectories, {"docs", [](auto& r) { return r.includeDirectories.join('|'); }, "docs"}},
        {KeyId::ExcludeDirectories,
         {"build, .git", [](auto& r) { return r.excludeDirectories.join('|'); }, "build|.git"}},
        {KeyId::HiddenFiles, {"no", [](auto& r) { return QString::number(r.hiddenFiles); }, "0"}},
        {KeyId::TemporaryFiles, {"yes", [](auto& r) { return QString::number(r.temporaryFiles); }, "1"}},
        {KeyId::Checksum, {"sha256", [](auto&) { return QString("accepted"); }, "accepted"}},
        {KeyId::VerifySsl, {"no", [](auto& r) { return QString::number(r.verifySsl); }, "0"}},
        {KeyId::SslVersion, {"TLSv1.3", [](auto& r) { return r.tlsMinimum; }, "1.3"}},
        {KeyId::CaCertificate, {ca, [](auto& r) { return r.caCertificate; }, ca}},
        {KeyId::Certificate, {cert, [](auto& r) { return r.certificate; }, cert}},
        {KeyId::PrivateKey,
         {key, [](auto& r) { return r.privateKey; }, key, "certificate = " + cert.toUtf8() + "\n"}},
        {KeyId::CertificateFingerprint,
         {"SHA256:" + QString::fromLatin1(fp32.toBase64(QByteArray::OmitTrailingEquals)),
          [](auto& r) { return QString::fromLatin1(r.pinnedCertificateSha256.toHex()); },
          QString::fromLatin1(fp32.toHex())}},
        {KeyId::HostKey,
         {QString::fromLatin1(fp32.toHex(':')),
          [](auto& r) { return QString::fromLatin1(r.hostKeySha256.toHex()); },
          QString::fromLatin1(fp32.toHex())}},
        {KeyId::KnownHosts, {knownHosts, [](auto& r) { return r.knownHosts; }, knownHosts}},
        {KeyId::ImplicitTls,
         {"yes", [](auto& r) { return QString::number(r.implicitTls.value_or(false)); }, "1"}},
        {KeyId::Transfers, {"8", [](auto& r) { return QString::number(r.transfers); }, "8"}},
        {KeyId::BandwidthUp, {"1MB", [](auto& r) { return QString::number(r.bandwidthUp); }, "1048576"}},
        {KeyId::BandwidthDown,
         {"512KB/s", [](auto& r) { return QString::number(r.bandwidthDown); }, "524288"}},
        {KeyId::Timeout, {"2m", [](auto& r) { return QString::number(r.timeoutMs); }, "120000"}},
        {KeyId::Retries, {"7", [](auto& r) { return QString::number(r.retries); }, "7"}},
        {KeyId::Region, {"eu-west-3", [](auto& r) { return r.s3Region; }, "eu-west-3"}},
        {KeyId::UrlStyle, {"Virtual", [](auto& r) { return r.s3UrlStyle; }, "virtual"}},
        {KeyId::RcloneBinary,
         {"/opt/rclone/rclone", [](auto& r) { return r.rcloneBinary; }, "/opt/rclone/rclone"}},
        {KeyId::RcloneConfig, {rcloneConf, [](auto& r) { return r.rcloneConfig; }, rcloneConf}},
        {KeyId::StateDir, {"/var/lib/escale", [](auto& r) { return r.stateDir; }, "/var/lib/escale"}},
        {KeyId::Maintainer,
         {"ops@example.org; root@localhost", [](auto& r) { return r.maintainers.join('|'); },
          "ops@example.org|root@localhost"}},
        {KeyId::AlertDelay, {"2h", [](auto& r) { return QString::number(r.alertDelayMs); }, "7200000"}},
    };
    const QSet<KeyId> addressKeys = {KeyId::Protocol, KeyId::RelayAddress, KeyId::RelayPath, KeyId::Port};

    int checked = 0;
    for (const KeyDefinition& def : allKeys()) {
        if (def.scope != KeyScope::Repository || def.id == KeyId::Ignored || def.id == KeyId::Removed ||
            addressKeys.contains(def.id))
            continue;
        QVERIFY2(samples.contains(def.id), qPrintable("no test sample for key '" + def.name + "'"));
        const Sample& s = samples.value(def.id);
        QStringList names = def.aliases;
        names.prepend(def.name);
        for (const QString& name : names) {
            QByteArray text = "[docs]\n";
            if (def.id != KeyId::LocalPath)
                text += "local path = /data/docs\n";
            text +=
                "relay address = /mnt/relay\n" + s.extra + name.toUtf8() + " = " + s.value.toUtf8() + "\n";
            const LoadResult r = load(text);
            QVERIFY2(!r.hasErrors(), qPrintable(name + ": " + errorsOf(r)));
            QCOMPARE(r.config.repositories.size(), 1);
            QCOMPARE(s.get(r.config.repositories.at(0)), s.expected);
            ++checked;
        }
    }
    QVERIFY(checked > 60);
}

void tst_ConfigLoader::addressKeysAndAliases_data()
{
    QTest::addColumn<QByteArray>("lines");
    QTest::addColumn<QString>("display");
    for (const char* alias : {"relay address", "host address", "remote address", "address"})
        QTest::newRow(alias) << (QByteArray(alias) + " = webdavs://h/x\n") << "webdavs://h/x";
    for (const char* alias :
         {"relay path", "relay directory", "relay dir", "host directory", "host dir", "host path",
          "remote directory", "remote dir", "remote path", "directory", "dir"})
        QTest::newRow(alias) << ("relay address = /mnt\n" + QByteArray(alias) + " = sub\n") << "/mnt/sub";
    for (const char* alias : {"port", "host port", "relay port", "remote port"})
        QTest::newRow(alias) << ("relay address = ftp://h/r\n" + QByteArray(alias) + " = 2121\n")
                             << "ftp://h:2121/r";
    QTest::newRow("protocol") << QByteArray("protocol = ftps\nhost address = h\nrelay dir = team\n")
                              << "ftps://h/team";
    QTest::newRow("0.7 folder relay: relay path only")
        << QByteArray("protocol = file\nrelay path = /mnt/r\n") << "/mnt/r";
}

void tst_ConfigLoader::addressKeysAndAliases()
{
    QFETCH(QByteArray, lines);
    QFETCH(QString, display);
    const LoadResult r = load("[docs]\nlocal path = /data/docs\n" + lines);
    QVERIFY2(!r.hasErrors(), qPrintable(errorsOf(r)));
    QCOMPARE(r.config.repositories.at(0).relay.toDisplayString(), display);
}

void tst_ConfigLoader::globalKeys()
{
    const LoadResult r = load(
        "log file = /var/log/escale/escale.log\nlog level = DEBUG\nlog rotate = 5\nlog size = 2\n" + kBase);
    QVERIFY2(!r.hasErrors(), qPrintable(errorsOf(r)));
    QCOMPARE(r.config.global.logFile, QString("/var/log/escale/escale.log"));
    QCOMPARE(r.config.global.logLevel, LogLevel::Debug);
    QCOMPARE(r.config.global.logRotate, 5);
    QCOMPARE(r.config.global.logSize, qint64(2 * 1024 * 1024));

    const LoadResult relative = load("log file = logs/escale.log\n" + kBase);
    QCOMPARE(relative.config.global.logFile, m_dir.path() + "/logs/escale.log");
}

void tst_ConfigLoader::ignoredKeys()
{
    int checked = 0;
    for (const KeyDefinition& def : allKeys()) {
        if (def.id != KeyId::Ignored)
            continue;
        QStringList names = def.aliases;
        names.prepend(def.name);
        for (const QString& name : names) {
            const LoadResult r = load(kBase + name.toUtf8() + " = 1\n");
            QVERIFY2(!r.hasErrors(), qPrintable(errorsOf(r)));
            QCOMPARE(r.config.repositories.size(), 1);
            QCOMPARE(r.diagnostics.size(), 1);
            QCOMPARE(r.diagnostics.at(0).toString(),
                     "escale.conf:4: warning: '" + name + "': no longer used, ignored: " + def.note);
            ++checked;
        }
    }
    QVERIFY(checked >= 23); // maintainer and email work again
}

void tst_ConfigLoader::removedKeys()
{
    const LoadResult r = load(kBase + "drive binary = /usr/bin/drive\n");
    QVERIFY(r.hasErrors());
    QCOMPARE(
        r.firstError()->toString(),
        QString(
            "escale.conf:4: 'drive binary': no longer supported: the 'drive' tool is no longer supported: "
            "configure Google Drive as an rclone remote and use 'relay address = rclone://REMOTE/path'"));
    QVERIFY(r.config.repositories.isEmpty());
}

void tst_ConfigLoader::defaultsApplyToEverySection()
{
    const LoadResult r =
        load("refresh = 10\nmode = download\nquota = 1GB\n"
             "[a]\nlocal path = /data/a\nrelay address = /mnt/r/a\n"
             "[b]\nlocal path = /data/b\nrelay address = /mnt/r/b\nmode = upload\nrefresh = 20\n"
             "disk quota = 3GB\n");
    QVERIFY2(!r.hasErrors(), qPrintable(errorsOf(r)));
    QCOMPARE(r.config.repositories.size(), 2);
    const RepositoryConfig& a = r.config.repositories.at(0);
    const RepositoryConfig& b = r.config.repositories.at(1);
    QCOMPARE(a.refreshMs, qint64(10'000));
    QCOMPARE(a.mode, SyncMode::Download);
    QCOMPARE(a.diskQuota.value_or(0), qint64(1) << 30);
    // A section overrides a default, also when it spells the key with another alias.
    QCOMPARE(b.refreshMs, qint64(20'000));
    QCOMPARE(b.mode, SyncMode::Upload);
    QCOMPARE(b.diskQuota.value_or(0), qint64(3) << 30);
    QCOMPARE(r.config.repository("b"), &r.config.repositories.at(1));
    QCOMPARE(r.config.repository("c"), nullptr);
}

void tst_ConfigLoader::explicitDefaultSection()
{
    const LoadResult r = load("[DEFAULT]\nencryption = chacha20-poly1305\n" + kBase);
    QVERIFY2(!r.hasErrors(), qPrintable(errorsOf(r)));
    QCOMPARE(r.config.repositories.at(0).encryption, Encryption::ChaCha20Poly1305);
}

void tst_ConfigLoader::errorInDefaultReportedOnce()
{
    const LoadResult r = load("pullers = many\n[a]\nlocal path = /data/a\nrelay address = /r/a\n"
                              "[b]\nlocal path = /data/b\nrelay address = /r/b\n");
    QVERIFY(r.hasErrors());
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics.at(0).toString(),
             QString("escale.conf:1: 'pullers': expected a whole number, got 'many'"));
}

void tst_ConfigLoader::quotaBareNumberIsMegabytes()
{
    const LoadResult r = load(kBase + "disk quota = 200\n");
    QCOMPARE(r.config.repositories.at(0).diskQuota.value_or(0), qint64(200) * 1024 * 1024);
    const LoadResult fraction = load(kBase + "disk quota = 1,5\n");
    QCOMPARE(fraction.config.repositories.at(0).diskQuota.value_or(0), qint64(1536) * 1024);
    const LoadResult none = load(kBase + "disk quota = unlimited\n");
    QVERIFY(!none.config.repositories.at(0).diskQuota.has_value());
}

void tst_ConfigLoader::filtersAndLists()
{
    const LoadResult r =
        load(kBase + "exclude = *.tmp, /^~\\$.*$/, \n  *.bak\ninclude directories = docs/*, /a{1,2}/\n");
    QVERIFY2(!r.hasErrors(), qPrintable(errorsOf(r)));
    const RepositoryConfig& c = r.config.repositories.at(0);
    QCOMPARE(c.exclude, QStringList({"*.tmp", "/^~\\$.*$/", "*.bak"}));
    QCOMPARE(c.includeDirectories, QStringList({"docs/*", "/a{1,2}/"}));
}

void tst_ConfigLoader::secrets()
{
    const QString pwFile = file("alice.credential", "s3cret\n");
    const LoadResult r = load(kBase + "password = " + pwFile.toUtf8() + "\n");
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(errorsOf(r)));
    QCOMPARE(r.config.repositories.at(0).password.kind, SecretSource::Kind::File);
    QCOMPARE(r.config.repositories.at(0).password.value, pwFile);

    // Relative to the configuration's folder, as a file written by the 0.7 wizard.
    file("docs.passphrase", "phrase");
    const LoadResult rel = load(kBase + "passphrase = docs.passphrase\n");
    QVERIFY2(rel.diagnostics.isEmpty(), qPrintable(errorsOf(rel)));
    QCOMPARE(rel.config.repositories.at(0).passphrase.kind, SecretSource::Kind::File);
    QCOMPARE(rel.config.repositories.at(0).passphrase.value, m_dir.filePath("docs.passphrase"));

    const LoadResult literal = load(kBase + "password = hunter2\n");
    QCOMPARE(literal.config.repositories.at(0).password.kind, SecretSource::Kind::Literal);

    // A password in the address is moved out of it.
    const LoadResult inUrl = load("[docs]\nlocal path = /data/docs\nrelay address = ftp://bob:pw@h/r\n");
    QVERIFY2(!inUrl.hasErrors(), qPrintable(errorsOf(inUrl)));
    const RepositoryConfig& c = inUrl.config.repositories.at(0);
    QCOMPARE(c.user, QString("bob"));
    QCOMPARE(c.password.kind, SecretSource::Kind::Literal);
    QCOMPARE(c.password.value, QString("pw"));
    QVERIFY(c.relay.password.isEmpty());
}

void tst_ConfigLoader::clientNameDefault()
{
    const LoadResult r = load(kBase);
    const QString host = QSysInfo::machineHostName();
    const QString expected = (host.isEmpty() || host == "localhost") ? QString("docs") : host;
    QCOMPARE(r.config.repositories.at(0).clientName, expected);
}

void tst_ConfigLoader::escale07Configuration()
{
    // The configuration of the Escale 0.7 benchmarks (peer-baselines 11.2), with its keys.
    const QString passphrase = file("key.passphrase", "ZmFrZSBmZXJuZXQga2V5IGZvciB0ZXN0aW5nIG9ubHkh");
    const QByteArray text = "keep alive = 1\n"
                            "[syncA]\n"
                            "local path = /data/A\n"
                            "protocol = file\n"
                            "relay path = /data/relay\n"
                            "client name = alice\n"
                            "refresh = 2\n"
                            "mode = shared\n"
                            "index = 1\n"
                            "maxpagesize = 200MB\n"
                            "encryption = on\n"
                            "passphrase = " +
                            passphrase.toUtf8() + "\n";
    const LoadResult r = load(text);
    QVERIFY2(!r.hasErrors(), qPrintable(errorsOf(r)));
    const RepositoryConfig& a = r.config.repositories.at(0);
    QCOMPARE(a.relay.path, QString("/data/relay"));
    QCOMPARE(a.clientName, QString("alice"));
    QCOMPARE(a.refreshMs, qint64(2000));
    QCOMPARE(a.encryption, Encryption::Aes256Gcm);
    QCOMPARE(a.passphrase.kind, SecretSource::Kind::File);
    QCOMPARE(r.warnings().size(), 3); // keep alive, index, maxpagesize
    QCOMPARE(r.warnings().at(0).line, 1);
    QCOMPARE(r.warnings().at(1).key, QString("index"));
}

void tst_ConfigLoader::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty file")
        << QByteArray("")
        << "escale.conf: the file is empty: add a section such as [documents] with 'local path' "
           "and 'relay address' (see docs/configuration.md)";
    QTest::newRow("blank file")
        << QByteArray(" \n\n\t\n")
        << "escale.conf: the file is empty: add a section such as [documents] with 'local path' "
           "and 'relay address' (see docs/configuration.md)";
    QTest::newRow("comments only")
        << QByteArray("# nothing yet\n")
        << "escale.conf: no repository: add a section such as [documents] with 'local path' "
           "and 'relay address' (see docs/configuration.md)";
    QTest::newRow("defaults only")
        << QByteArray("refresh = 10\n")
        << "escale.conf: no repository: add a section such as [documents] with 'local path' "
           "and 'relay address' (see docs/configuration.md)";
    QTest::newRow("duplicate section") << QByteArray(kBase + "\n[docs]\nlocal path = /x\n")
                                       << "escale.conf:5: duplicate section [docs] (first at line 1)";
    QTest::newRow("same key twice through aliases")
        << QByteArray("[docs]\npath = /a\nrelay address = /r\nlocal path = /b\n")
        << "escale.conf:4: 'local path': set twice in the same section (first as 'path' at line 2)";
    QTest::newRow("not UTF-8") << QByteArray("[docs]\nlocal path = /data/d\xE9j\xE0\nrelay address = /r\n")
                               << "escale.conf:2: this line is not valid UTF-8 text; save the file as UTF-8";
    QTest::newRow("missing local path")
        << QByteArray("# x\n[docs]\nrelay address = /mnt/r\n")
        << "escale.conf:2: [docs]: missing 'local path' (the folder to synchronise)";
    QTest::newRow("missing relay address") << QByteArray("[docs]\nlocal path = /data/docs\n")
                                           << "escale.conf:1: [docs]: missing 'relay address' (a URL such as "
                                              "webdavs://host/path, or a folder such as "
                                              "/mnt/relay)";
    QTest::newRow("relative local path")
        << QByteArray("[docs]\nlocal path = docs\nrelay address = /r\n")
        << "escale.conf:2: 'local path': expected an absolute folder path, got 'docs'";
    QTest::newRow("empty local path")
        << QByteArray("[docs]\nlocal path =\nrelay address = /r\n")
        << "escale.conf:2: 'local path': expected the folder to synchronise, got nothing";
    QTest::newRow("quota in words (the issue's example, line 12)")
        << QByteArray(
               "# Escale\n#\n# two repositories\n\nlog level = info\n\n[docs]\nlocal path = /data/docs\n"
               "relay address = /mnt/relay\nmode = shared\n\ndisk quota = lots\n")
        << "escale.conf:12: 'disk quota': expected a size such as 2GB, got 'lots'";
    QTest::newRow("quota alias")
        << QByteArray(kBase + "quota = 2 bananas\n")
        << "escale.conf:4: 'quota': unknown unit 'bananas' in '2 bananas' (use B, KB, MB, GB, "
           "TB or PB)";
    QTest::newRow("quota zero")
        << QByteArray(kBase + "disk quota = 0\n")
        << "escale.conf:4: 'disk quota': must be more than zero (remove the key for no quota)";
    QTest::newRow("pullers in words") << QByteArray(kBase + "pullers = two\n")
                                      << "escale.conf:4: 'pullers': expected a whole number, got 'two'";
    QTest::newRow("pullers negative")
        << QByteArray(kBase + "puller count = -1\n")
        << "escale.conf:4: 'puller count': expected a number from 0 to 1000, got -1";
    QTest::newRow("transfers zero") << QByteArray(kBase + "transfers = 0\n")
                                    << "escale.conf:4: 'transfers': expected a number from 1 to 64, got 0";
    QTest::newRow("transfers too many")
        << QByteArray(kBase + "transfers = 65\n")
        << "escale.conf:4: 'transfers': expected a number from 1 to 64, got 65";
    QTest::newRow("refresh off")
        << QByteArray(kBase + "refresh = no\n")
        << "escale.conf:4: 'refresh': polling cannot be turned off; give a period such as 30 "
           "(seconds)";
    QTest::newRow("refresh too short")
        << QByteArray(kBase + "refresh = 0.5\n")
        << "escale.conf:4: 'refresh': expected a period from 1 second to 1 day, got '0.5'";
    QTest::newRow("refresh in words")
        << QByteArray(kBase + "refresh = often\n")
        << "escale.conf:4: 'refresh': expected a duration such as 30s, 10m, 2h or 7d, got "
           "'often'";
    QTest::newRow("retention too short")
        << QByteArray(kBase + "retention = 10m\n")
        << "escale.conf:4: 'retention': expected at least one hour, got '10m'";
    QTest::newRow("chunk size too small")
        << QByteArray(kBase + "chunk size = 100KB\n")
        << "escale.conf:4: 'chunk size': expected a size from 1MB to 1GB, got '100KB'";
    QTest::newRow("delete threshold")
        << QByteArray(kBase + "delete threshold = half\n")
        << "escale.conf:4: 'delete threshold': expected a share such as 50% or a number "
           "of files such as 200, got 'half'";
    QTest::newRow("delete threshold over 100%")
        << QByteArray(kBase + "delete threshold = 150%\n")
        << "escale.conf:4: 'delete threshold': expected a share such as 50% or "
           "a number of files such as 200, got '150%'";
    QTest::newRow("encryption blowfish") << QByteArray(kBase + "encryption = blowfish\n")
                                         << "escale.conf:4: 'encryption': Blowfish is insecure and no longer "
                                            "supported: use 'encryption = on' (AES-256-GCM) or 'encryption = "
                                            "chacha20-poly1305'";
    QTest::newRow("encryption blowfish.cryptography")
        << QByteArray(kBase + "encryption = blowfish.cryptography\n")
        << "escale.conf:4: 'encryption': Blowfish is insecure and no "
           "longer supported: use 'encryption = on' (AES-256-GCM) or "
           "'encryption = chacha20-poly1305'";
    QTest::newRow("encryption fernet")
        << QByteArray(kBase + "encryption = fernet\n")
        << "escale.conf:4: 'encryption': Fernet (Escale 0.7) is replaced by 'encryption "
           "= on' (AES-256-GCM with a key derived from the passphrase)";
    QTest::newRow("encryption native")
        << QByteArray(kBase + "encryption = native\n")
        << "escale.conf:4: 'encryption': encryption by the storage service is no longer "
           "supported: use 'encryption = on'";
    QTest::newRow("encryption unknown") << QByteArray(kBase + "encryption = rot13\n")
                                        << "escale.conf:4: 'encryption': expected on, off, aes-256-gcm or "
                                           "chacha20-poly1305, got 'rot13'";
    QTest::newRow("ssl version TLSv1")
        << QByteArray(kBase + "ssl version = TLSv1\n")
        << "escale.conf:4: 'ssl version': 'TLSv1' is no longer secure and not supported: "
           "remove the key (TLS 1.2 or newer is used) or write TLSv1.3";
    QTest::newRow("ssl version unknown")
        << QByteArray(kBase + "ssl version = best\n")
        << "escale.conf:4: 'ssl version': expected TLSv1.2 or TLSv1.3, got 'best'";
    QTest::newRow("verify ssl not a boolean")
        << QByteArray(kBase + "verify ssl = sometimes\n")
        << "escale.conf:4: 'verify ssl': expected yes or no, got 'sometimes'";
    QTest::newRow("mode unknown")
        << QByteArray(kBase + "mode = mirror\n")
        << "escale.conf:4: 'mode': expected shared, upload, download or conservative, got "
           "'mirror'";
    QTest::newRow("push only and pull only")
        << QByteArray(kBase + "push only = yes\npull only = yes\n")
        << "escale.conf:5: 'pull only': 'push only' and 'pull only' cannot both be "
           "on";
    QTest::newRow("push only against mode") << QByteArray(kBase + "mode = download\nread only = yes\n")
                                            << "escale.conf:5: 'read only': contradicts 'mode = download'";
    QTest::newRow("certificate missing")
        << QByteArray(kBase + "certificate = /nonexistent/client.pem\n")
        << "escale.conf:4: 'certificate': file '/nonexistent/client.pem' not found";
    QTest::newRow("secret file missing")
        << QByteArray(kBase + "secret file = /nonexistent/docs.credential\n")
        << "escale.conf:4: 'secret file': file '/nonexistent/docs.credential' not found";
    QTest::newRow("passphrase file missing")
        << QByteArray(kBase + "passphrase = ~/nonexistent.passphrase\n")
        << "escale.conf:4: 'passphrase': file '" + QDir::homePath() + "/nonexistent.passphrase' not found";
    QTest::newRow("bad regular expression")
        << QByteArray(kBase + "exclude = *.tmp, /a(/\n")
        << "escale.conf:4: 'exclude': invalid regular expression '/a(/': missing "
           "closing parenthesis";
    QTest::newRow("bad host key")
        << QByteArray(kBase + "host key = SHA256:abc\n")
        << "escale.conf:4: 'host key': expected a SHA-256 fingerprint such as SHA256:base64... "
           "or 64 hex digits, got 'SHA256:abc'";
    QTest::newRow("unknown protocol")
        << QByteArray("[docs]\nlocal path = /d\nrelay address = gopher://h/x\n")
        << "escale.conf:3: 'relay address': unknown protocol 'gopher' (use file, webdav, "
           "webdavs, http, https, s3, ftp, ftps, sftp or rclone)";
    QTest::newRow("protocol key unknown")
        << QByteArray("[docs]\nlocal path = /d\nprotocol = yandex-disk\naddress = h\n")
        << "escale.conf:4: 'address': unknown protocol 'yandex-disk' (use file, "
           "webdav, webdavs, http, https, s3, ftp, ftps, sftp or rclone)";
    QTest::newRow("port conflict")
        << QByteArray("[docs]\nlocal path = /d\nrelay address = ftp://h:2121/\nport = 21\n")
        << "escale.conf:3: 'relay address': 'port = 21' differs from the port 2121 in the "
           "relay address";
    QTest::newRow("bare host without protocol")
        << QByteArray("[docs]\nlocal path = /d\nhost address = ftp.example.org\n")
        << "escale.conf:3: 'host address': 'ftp.example.org' names no protocol: "
           "write a URL such as webdavs://ftp.example.org/path, or set "
           "'protocol'";
    QTest::newRow("user differs from address")
        << QByteArray("[docs]\nlocal path = /d\nrelay address = ftp://bob@h/\nuser = alice\n")
        << "escale.conf:4: 'user': 'alice' differs from the user 'bob' in the relay address";
    QTest::newRow("overlapping folders")
        << QByteArray(kBase + "[pics]\nlocal path = /data/docs/pics\nrelay address = /mnt/relay2\n")
        << "escale.conf:4: [pics]: its folder /data/docs/pics overlaps the folder /data/docs of [docs] (line "
           "1); two "
           "repositories cannot share files";
    QTest::newRow("same folder twice")
        << QByteArray(kBase + "[again]\nlocal path = /data/docs/\nrelay address = /r2\n")
        << "escale.conf:4: [again]: its folder /data/docs overlaps the folder /data/docs "
           "of [docs] (line 1); two repositories cannot share files";
    QTest::newRow("relay inside the folder")
        << QByteArray("[docs]\nlocal path = /data/docs\nrelay address = /data/docs/.relay\n")
        << "escale.conf:1: [docs]: the relay folder /data/docs/.relay overlaps the synchronised folder "
           "/data/docs; put "
           "the relay elsewhere";
    QTest::newRow("log level")
        << QByteArray("log level = chatty\n" + kBase)
        << "escale.conf:1: 'log level': expected debug, info, warning, error or critical, got "
           "'chatty'";
    QTest::newRow("language") << QByteArray("language = de\n" + kBase)
                              << "escale.conf:1: 'language': expected auto, en or fr, got 'de'";
    QTest::newRow("log rotate") << QByteArray("log rotate = lots\n" + kBase)
                                << "escale.conf:1: 'log rotate': expected a whole number, got 'lots'";
    QTest::newRow("log size too small") << QByteArray("log size = 1KB\n" + kBase)
                                        << "escale.conf:1: 'log size': must be at least 64KB, got '1KB'";
    QTest::newRow("drive binary")
        << QByteArray(kBase + "drive binary = /usr/bin/drive\n")
        << "escale.conf:4: 'drive binary': no longer supported: the 'drive' tool is no longer "
           "supported: configure Google Drive as an rclone remote and use 'relay address = "
           "rclone://REMOTE/path'";
    QTest::newRow("tls key without certificate")
        << QByteArray("[docs]\nlocal path = /d\nrelay address = https://h/x\nprivate key = k.pem\n")
        << "escale.conf:4: 'private key': a private key needs its 'certificate'";
    QTest::newRow("syntax error")
        << QByteArray("[docs]\nlocal path /x\n")
        << "escale.conf:2: expected 'key = value' or '[section]', got 'local path /x'";
}

// Reproduction: a relay inside the folder reached through a symbolic link was accepted, and
// every pass sent the relay's own objects again. Paths are compared as they really are.
void tst_ConfigLoader::overlapThroughSymbolicLinks()
{
    QTemporaryDir root;
    QDir().mkpath(root.filePath("docs/.relay"));
    QVERIFY(QFile::link(root.filePath("docs/.relay"), root.filePath("relay-link")));
    QVERIFY(QFile::link(root.filePath("docs"), root.filePath("docs-link")));
    const QByteArray text = "[docs]\nlocal path = " + root.filePath("docs").toUtf8() +
                            "\nrelay address = " + root.filePath("relay-link").toUtf8() + "\n";
    LoadResult r = load(text);
    QVERIFY(r.hasErrors());
    QVERIFY2(r.firstError()->toString().contains("overlaps the synchronised folder"),
             qPrintable(r.firstError()->toString()));
    // Two repositories on one folder, one of them through a link, and a relay not created yet
    // inside the folder through one.
    r = load("[a]\nlocal path = " + root.filePath("docs").toUtf8() + "\nrelay address = /srv/r1\n[b]\nlocal path = " +
             root.filePath("docs-link").toUtf8() + "\nrelay address = /srv/r2\n");
    QVERIFY(r.hasErrors());
    QVERIFY2(r.firstError()->toString().contains("two repositories cannot share files"),
             qPrintable(r.firstError()->toString()));
    r = load("[a]\nlocal path = " + root.filePath("docs").toUtf8() + "\nrelay address = " +
             root.filePath("docs-link/not yet/relay").toUtf8() + "\n");
    QVERIFY(r.hasErrors());
}

void tst_ConfigLoader::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const LoadResult r = load(text);
    QVERIFY(r.hasErrors());
    QCOMPARE(r.firstError()->toString(), message);
    // Nothing half-valid is handed to the engine.
    QVERIFY(r.config.repositories.isEmpty());
}

void tst_ConfigLoader::warnings_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown key with a suggestion")
        << QByteArray(kBase + "refrsh = 10\n")
        << "escale.conf:4: warning: 'refrsh': unknown key, ignored; did you "
           "mean 'refresh'?";
    QTest::newRow("misspelt alias")
        << QByteArray(kBase + "relay dri = x\n")
        << "escale.conf:4: warning: 'relay dri': unknown key, ignored; did you mean 'relay "
           "path'?";
    QTest::newRow("key left from an SFTP relay")
        << QByteArray(kBase + "private key = k.pem\n")
        << "escale.conf:4: warning: 'private key': not used by this relay (neither SSH nor TLS): ignored";
    QTest::newRow("unknown key")
        << QByteArray(kBase + "colour = blue\n")
        << "escale.conf:4: warning: 'colour': unknown key, ignored (see docs/configuration.md)";
    QTest::newRow("password in clear")
        << QByteArray(kBase + "password = hunter2\n")
        << "escale.conf:4: warning: 'password': written in clear in the configuration: "
           "keep it in the keychain, or in a file readable only by you ('password = "
           "/path/to/file')";
    QTest::newRow("passphrase alias in clear")
        << QByteArray(kBase + "key = my phrase\n")
        << "escale.conf:4: warning: 'key': written in clear in the "
           "configuration: keep it in the keychain, or in a file readable only "
           "by you ('passphrase = /path/to/file')";
    QTest::newRow("checksum algorithm")
        << QByteArray(kBase + "checksum = sha512\n")
        << "escale.conf:4: warning: 'checksum': Escale always checks contents with "
           "SHA-256; 'sha512' has no effect";
    QTest::newRow("checksum off")
        << QByteArray(kBase + "checksum = off\n")
        << "escale.conf:4: warning: 'checksum': Escale always checks contents with SHA-256; "
           "'off' has no effect";
    QTest::newRow("global key in a section")
        << QByteArray(kBase + "log level = debug\n")
        << "escale.conf:4: warning: 'log level': a global setting: move it before "
           "the first section; ignored here";
    QTest::newRow("verify ssl off on https")
        << QByteArray("[docs]\nlocal path = /d\nrelay address = https://h/x\nverify ssl = no\n")
        << "escale.conf:4: warning: 'verify ssl': certificates are not checked: anyone on the network path "
           "can read and "
           "change the traffic; pin the certificate instead ('escalectl trust docs')";
    QTest::newRow("legacy rclone protocol")
        << QByteArray("[docs]\nlocal path = /d\nprotocol = onedrive\nhost address = od\nrelay dir = Escale\n")
        << "escale.conf:4: warning: 'host address': 'onedrive' is reached through rclone: write 'relay "
           "address = "
           "rclone://od/Escale' instead";
}

void tst_ConfigLoader::warnings()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const LoadResult r = load(text);
    QVERIFY2(!r.hasErrors(), qPrintable(errorsOf(r)));
    QCOMPARE(r.config.repositories.size(), 1);
    QCOMPARE(r.warnings().size(), 1);
    QCOMPARE(r.warnings().at(0).toString(), message);
}

void tst_ConfigLoader::files()
{
    // Missing file
    LoadResult r = ConfigLoader::loadFile(m_dir.filePath("none.conf"));
    QCOMPARE(r.firstError()->toString(), m_dir.filePath("none.conf") + ": no such file");
    // A folder
    r = ConfigLoader::loadFile(m_dir.path());
    QCOMPARE(r.firstError()->toString(), m_dir.path() + ": is a folder, not a configuration file");
    // Unreadable: as root permissions do not stop reads, use a file the kernel refuses to read.
    if (geteuid() == 0) {
        r = ConfigLoader::loadFile("/proc/self/mem");
        QVERIFY(r.hasErrors());
        QVERIFY2(r.firstError()->toString().startsWith("/proc/self/mem: cannot read: "),
                 qPrintable(r.firstError()->toString()));
    } else {
        const QString locked = file("locked.conf", kBase, QFileDevice::WriteOwner);
        r = ConfigLoader::loadFile(locked);
        QCOMPARE(r.firstError()->toString(), locked + ": cannot read: Permission denied");
    }
    // Too large
    const QString big = file("big.conf", QByteArray(2 * 1024 * 1024, '#'));
    r = ConfigLoader::loadFile(big);
    QCOMPARE(r.firstError()->toString(), big + ": too large for a configuration file (2097152 bytes)");
    // A good file, with a secret file named relative to it
    file("docs.credential", "pw");
    const QString good = file("good.conf", kBase + "secret file = docs.credential\n");
    r = ConfigLoader::loadFile(good);
    QVERIFY2(!r.hasErrors(), qPrintable(errorsOf(r)));
    QCOMPARE(r.config.path, good);
    QCOMPARE(r.config.repositories.at(0).password.value, m_dir.filePath("docs.credential"));
    QCOMPARE(r.config.global.logFile, defaultStateDir() + "/good.log");
    // A secret file others can read is reported.
    const QString open = file("open.credential", "pw",
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    r = load(kBase + "password = " + open.toUtf8() + "\n");
    QCOMPARE(r.warnings().size(), 1);
    QCOMPARE(r.warnings().at(0).toString(), "escale.conf:4: warning: 'password': '" + open +
                                                "' can be read by other users: run 'chmod 600 " + open + "'");
}

QTEST_GUILESS_MAIN(tst_ConfigLoader)
#include "tst_ConfigLoader.moc"
