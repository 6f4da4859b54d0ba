// Upgrading from Escale 0.7 (docs/upgrading.md): three machines that already hold the same
// folder, with their 0.7 configurations, move to Escale 1 on a relay folder that still holds what
// 0.7 left there (its classic relay's placeholders, locks and waiting contents; its index
// relay's pages and update). Nothing is lost, no conflict copy appears, the leftovers are
// reported, then removed by `escalectl remove-legacy` and by nothing else.
#include "SyncHarness.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_Upgrade : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void threeMachinesFromEscale07();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    // A program run as `machine` would run it: its own home (state database, log), no passphrase.
    Run run(const QString& program, const QStringList& args, const QString& home) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("ESCALE_PASSPHRASE");
        env.remove("XDG_DATA_HOME");
        env.remove("XDG_STATE_HOME");
        env.remove("XDG_CONFIG_HOME");
        env.insert("HOME", home);
        p.setProcessEnvironment(env);
        p.start(program, args);
        p.closeWriteChannel();
        if (!p.waitForFinished(120'000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    QString m_escale;
    QString m_escalectl;
};

void tst_Upgrade::initTestCase()
{
    m_escale = qEnvironmentVariable("ESCALE_BIN");
    m_escalectl = qEnvironmentVariable("ESCALECTL_BIN");
    QVERIFY(QFile::exists(m_escale));
    QVERIFY(QFile::exists(m_escalectl));
}

void tst_Upgrade::threeMachinesFromEscale07()
{
    using harness::writeFile;
    QTemporaryDir root;
    const QString relay = root.filePath("relay");

    // What Escale 0.7 left (escale-0.7.md sections 4.1, 4.2, 5.2): exact formats.
    QMap<QString, QByteArray> legacy{
        {".a1.txt.placeholder", "placeholder%1.0\npusher: alice\ntimestamp: 1704164645\nchecksum: "
                                "f042e028812c2b\n---pullers---\nbob"},
        {"a1.txt", "hello from 0.7"}, // waiting for carol
        {"sub/dir/.n.txt.placeholder", "placeholder%1.0\npusher: bob\ntimestamp: 1704164645\nchecksum: "
                                       "aa\n---pullers---\nalice\ncarol"},
        {"sub/dir/.n.txt.lock", "lock%1.0\nowner: carol\nmode: r"}, // a crash's
        {".0.index", QByteArray("BZh91AY&SY") + harness::randomBytes(300, 1)},
        {".0.1795623671.index", "a1.txt 10\nsome meta\n"},
        {".0.1795623671.data", harness::randomBytes(5304, 2)},
        {".0.lock", ""}, // legacy lock, owner-less
    };
    for (auto it = legacy.cbegin(); it != legacy.cend(); ++it)
        writeFile(relay + "/" + it.key(), it.value());
    // Not Escale's at all: never touched.
    writeFile(relay + "/notes.txt", "the admin's notes");
    writeFile(relay + "/sub/readme.txt", "no placeholder beside it");
    // Old enough that no 0.7 client seems at work.
    for (auto it = legacy.cbegin(); it != legacy.cend(); ++it)
        harness::setMtime(relay + "/" + it.key(), QDateTime::currentSecsSinceEpoch() - 3 * 86400);

    // The same folder on three machines (copied by USB: other modification times), and each
    // machine's Escale 0.7 configuration, kept as it was.
    QMap<QString, QByteArray> files;
    for (int i = 0; i < 40; ++i)
        files.insert(QString("d%1/f%2.bin").arg(i % 4).arg(i), harness::randomBytes(100 + i * 997, 100 + i));
    files.insert("a1.txt", "hello from 0.7");
    files.insert("sub/dir/n.txt", "n");
    const QStringList machines{"alice", "bob", "carol"};
    QMap<QString, QString> confs, homes;
    for (int m = 0; m < 3; ++m) {
        const QString name = machines[m];
        const QString folder = root.filePath(name + "/Documents");
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            writeFile(folder + "/" + it.key(), it.value());
            harness::setMtime(folder + "/" + it.key(), 1'700'000'000 + m * 3600);
        }
        homes[name] = root.filePath(name + "/home");
        QDir().mkpath(homes[name]);
        confs[name] = root.filePath(name + "/escale.conf");
        writeFile(confs[name], QString("[DEFAULT]\nkeep alive = yes\n\n[docs]\npath = %1\nprotocol = file\n"
                                       "address = %2\nclient = %3\nrefresh = 10\nindex = 1\nlock timeout = yes\n"
                                       "checksum = sha512\npull overwrite = yes\nclient count = 3\n")
                                   .arg(folder, relay, name)
                                   .toUtf8());
    }
    const QMap<QString, QString> original = harness::tree(root.filePath("alice/Documents"));

    // Each machine starts Escale 1 once, then two more rounds.
    bool told = false;
    for (int round = 0; round < 3; ++round)
        for (const QString& name : machines) {
            const Run r = run(m_escale, {"--once", "-c", confs[name]}, homes[name]);
            QVERIFY2(r.code == 0, qPrintable(QString("%1 round %2: %3%4").arg(name).arg(round).arg(r.out, r.err)));
            if (r.err.contains("also holds Escale 0.7 files (.0.1795623671.data, .0.1795623671.index, .0.index "
                               "and 3 more; also notes.txt, sub/)") &&
                r.err.contains("'escalectl remove-legacy docs'"))
                told = true;
            QVERIFY2(!r.err.contains("holds another repository"), qPrintable(r.err));
        }
    QVERIFY2(told, "no run said what it found");
    for (const QString& name : machines) {
        const auto tree = harness::tree(root.filePath(name + "/Documents"));
        QVERIFY2(tree == original, qPrintable(name + ": " + harness::describeDifference(original, tree)));
        for (const QString& path : tree.keys())
            QVERIFY2(!path.contains("(conflict"), qPrintable(path));
    }
    // Nothing of 0.7's was touched by syncing.
    for (auto it = legacy.cbegin(); it != legacy.cend(); ++it)
        QCOMPARE(harness::readFile(relay + "/" + it.key()), it.value());

    // verify reports them (not a problem of the repository: exit 0), in text and JSON.
    Run r = run(m_escalectl, {"-c", confs["alice"], "verify", "docs"}, homes["alice"]);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("Escale 0.7 files: 2 placeholders, 2 locks, 1 index page, 2 update files, 1 file "
                            "waiting for 0.7 clients ("),
             qPrintable(r.out));
    QVERIFY2(r.out.contains("Caution: some contents have not reached every 0.7 client yet"), qPrintable(r.out));
    QVERIFY2(!r.out.contains("Caution: a 0.7 lock was written"), qPrintable(r.out));
    QVERIFY2(r.out.contains("Not Escale's, left alone: 2 (notes.txt, sub/readme.txt)"), qPrintable(r.out));
    r = run(m_escalectl, {"-c", confs["alice"], "verify", "docs", "--json"}, homes["alice"]);
    const QJsonObject found = QJsonDocument::fromJson(r.out.toUtf8()).object().value("legacy").toObject();
    QCOMPARE(found.value("files").toArray().size(), legacy.size());
    QCOMPARE(found.value("waiting").toInt(), 1);

    // Removal: asked first (no terminal here: refused, nothing removed), then with --force.
    r = run(m_escalectl, {"-c", confs["bob"], "remove-legacy", "docs"}, homes["bob"]);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("nothing removed: confirm on a terminal, or add --force"), qPrintable(r.err));
    QVERIFY(QFile::exists(relay + "/.0.index"));
    r = run(m_escalectl, {"-c", confs["bob"], "remove-legacy", "docs", "--force"}, homes["bob"]);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QString("Removed %1 of %1 Escale 0.7 files.").arg(legacy.size())), qPrintable(r.out));
    for (auto it = legacy.cbegin(); it != legacy.cend(); ++it)
        QVERIFY2(!QFile::exists(relay + "/" + it.key()), qPrintable(it.key()));
    QCOMPARE(harness::readFile(relay + "/notes.txt"), QByteArray("the admin's notes"));
    QCOMPARE(harness::readFile(relay + "/sub/readme.txt"), QByteArray("no placeholder beside it"));
    QVERIFY(QFile::exists(relay + "/escale-repository.json"));
    r = run(m_escalectl, {"-c", confs["bob"], "remove-legacy", "docs"}, homes["bob"]);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith("No Escale 0.7 file in "), qPrintable(r.out));
    r = run(m_escalectl, {"-c", confs["carol"], "verify", "docs"}, homes["carol"]);
    QCOMPARE(r.code, 0);
    QVERIFY2(!r.out.contains("Escale 0.7 files:"), qPrintable(r.out));

    // The repository goes on: a change on carol reaches alice and bob.
    writeFile(root.filePath("carol/Documents/after.txt"), "after the upgrade");
    for (const QString& name : {QString("carol"), QString("alice"), QString("bob")}) {
        r = run(m_escale, {"--once", "-c", confs[name]}, homes[name]);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(!r.err.contains("Escale 0.7 files"), qPrintable(r.err));
    }
    QCOMPARE(harness::readFile(root.filePath("alice/Documents/after.txt")), QByteArray("after the upgrade"));
    QCOMPARE(harness::readFile(root.filePath("bob/Documents/after.txt")), QByteArray("after the upgrade"));
    QCOMPARE(harness::tree(root.filePath("alice/Documents")), harness::tree(root.filePath("carol/Documents")));
}

QTEST_GUILESS_MAIN(tst_Upgrade)
#include "tst_Upgrade.moc"
