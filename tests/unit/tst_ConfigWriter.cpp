// Settings written back into a configuration file: only the keys changed, everything else
// (comments, unknown keys, aliases of other keys, other sections) as it was.
#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace escale::config;

class tst_ConfigWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editsKeepEverythingElse();
    void generalSettings();
    void checkAndRemoveSections();

private:
    static QByteArray read(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static void write(const QString& path, const QByteArray& bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    QTemporaryDir m_dir;
};

void tst_ConfigWriter::editsKeepEverythingElse()
{
    const QString path = m_dir.filePath("a.conf");
    write(path,
          "# my notes\n[docs]\n# the folder\npath = /tmp/docs\nrelay address = /tmp/relay\nquota = 1GB\n"
          "exclude = *.tmp,\n    *.bak\nmy own key = kept\n\n[photos]\nlocal path = /tmp/photos\n"
          "relay address = /tmp/relay2\nrefresh = 30\n");
    QString error;
    // Through an alias ('quota'), a multi-line value replaced whole, a key added, one removed.
    QVERIFY2(editSectionInFile(path, "docs",
                               {keyEdit(KeyId::DiskQuota, "5GB"), keyEdit(KeyId::Exclude, "*.log"),
                                keyEdit(KeyId::Transfers, "8"), keyEdit(KeyId::Refresh, std::nullopt)},
                               error),
             qPrintable(error));
    QCOMPARE(read(path),
             QByteArray("# my notes\n[docs]\n# the folder\npath = /tmp/docs\nrelay address = /tmp/relay\n"
                        "disk quota = 5GB\nexclude = *.log\nmy own key = kept\ntransfers = 8\n\n[photos]\n"
                        "local path = /tmp/photos\nrelay address = /tmp/relay2\nrefresh = 30\n"));
    const QHash<KeyId, QString> values = sectionValues(path, "docs");
    QCOMPARE(values.value(KeyId::DiskQuota), QString("5GB"));
    QCOMPARE(values.value(KeyId::LocalPath), QString("/tmp/docs")); // written as 'path'
    QVERIFY(!values.contains(KeyId::Refresh));
    QCOMPARE(sectionValues(path, "photos").value(KeyId::Refresh), QString("30"));
    QVERIFY(!editSectionInFile(path, "nope", {keyEdit(KeyId::Transfers, "2")}, error));
    QVERIFY(error.contains("no section [nope]"));
}

void tst_ConfigWriter::generalSettings()
{
    const QString path = m_dir.filePath("b.conf");
    write(path, "# header\n[docs]\nlocal path = /tmp/docs\nrelay address = /tmp/relay\n");
    QString error;
    QVERIFY(editSectionInFile(path, QString(),
                              {keyEdit(KeyId::Language, "fr"), keyEdit(KeyId::LogLevel, "debug")}, error));
    QCOMPARE(read(path),
             QByteArray("# header\nlanguage = fr\nlog level = debug\n\n[docs]\nlocal path = /tmp/docs\n"
                        "relay address = /tmp/relay\n"));
    QVERIFY(editSectionInFile(path, QString(), {keyEdit(KeyId::Language, "en")}, error));
    QVERIFY(read(path).startsWith("# header\nlanguage = en\nlog level = debug\n\n[docs]"));
    QCOMPARE(sectionValues(path, QString()).value(KeyId::LogLevel), QString("debug"));
    const LoadResult loaded = ConfigLoader::loadFile(path);
    QVERIFY(!loaded.hasErrors());
    QCOMPARE(loaded.config.global.language, QString("en"));
    // An explicit [DEFAULT] section holds them when there is one.
    write(path, "[DEFAULT]\nlog level = info\n[docs]\nlocal path = /tmp/docs\nrelay address = /tmp/relay\n");
    QVERIFY(editSectionInFile(path, QString(), {keyEdit(KeyId::LogLevel, "warning")}, error));
    QCOMPARE(read(path), QByteArray("[DEFAULT]\nlog level = warning\n[docs]\nlocal path = /tmp/docs\n"
                                    "relay address = /tmp/relay\n"));
}

void tst_ConfigWriter::checkAndRemoveSections()
{
    const QString path = m_dir.filePath("c.conf");
    const QByteArray original =
        "[docs]\nlocal path = /tmp/docs\nrelay address = /tmp/relay\n\n# photos below\n"
        "[photos]\nlocal path = /tmp/photos\nrelay address = /tmp/relay2\n";
    write(path, original);
    QString error;
    // Checked on a copy: a bad value is refused with the file's own name; nothing written.
    QVERIFY(!checkEdits(path, "docs", {keyEdit(KeyId::DiskQuota, "lots")}, error));
    QVERIFY2(error.startsWith(path) && error.contains("disk quota"), qPrintable(error));
    QVERIFY(!checkEdits(path, "docs", {keyEdit(KeyId::LocalPath, "/tmp/photos/inner")}, error));
    QVERIFY2(error.contains("overlaps"), qPrintable(error));
    const auto good = checkEdits(path, "docs", {keyEdit(KeyId::Pullers, "2")}, error);
    QVERIFY2(good, qPrintable(error));
    QCOMPARE(good->repository("docs")->pullers, 2);
    QCOMPARE(read(path), original);
    QCOMPARE(QDir(m_dir.path()).entryList({"*.conf"}, QDir::Files | QDir::Hidden).size(), 1 + 2); // a, b, c
    // Removing a section removes its lines only.
    QVERIFY(removeSectionFromFile(path, "docs", error));
    QCOMPARE(read(path), QByteArray("[photos]\nlocal path = /tmp/photos\nrelay address = /tmp/relay2\n"));
    QVERIFY(removeSectionFromFile(path, "photos", error));
    QCOMPARE(read(path), QByteArray(""));
    QVERIFY(ConfigLoader::loadFile(path).noRepository);
    QVERIFY(!removeSectionFromFile(path, "photos", error));
}

QTEST_GUILESS_MAIN(tst_ConfigWriter)
#include "tst_ConfigWriter.moc"
