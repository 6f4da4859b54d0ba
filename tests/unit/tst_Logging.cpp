#include "log/Logging.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace escale;

class tst_Logging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { log::shutdown(); }
    void writesPrivateFileAndFiltersLevels();
    void rotatesAndKeepsCount();
    void rotateZeroKeepsOneFile();
    void unwritableFileIsReported();

private:
    static QByteArray read(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

void tst_Logging::writesPrivateFileAndFiltersLevels()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("sub/escale.log");
    log::LogOptions o;
    o.level = config::LogLevel::Info;
    o.file = path;
    o.toStderr = false;
    QCOMPARE(log::install(o), QString());
    qCDebug(lcEngine) << "hidden debug line";
    qCInfo(lcConfig) << "visible info line";
    qCWarning(lcRelay) << "visible warning line";
    log::shutdown();
    const QByteArray text = read(path);
    QVERIFY(!text.contains("hidden debug line"));
    QVERIFY(text.contains("info escale.config: visible info line"));
    QVERIFY(text.contains("warning escale.relay: visible warning line"));
    QCOMPARE(QFile(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    o.level = config::LogLevel::Debug;
    log::install(o);
    qCDebug(lcEngine) << "debug now shown";
    log::shutdown();
    QVERIFY(read(path).contains("debug escale.engine: debug now shown"));

    o.level = config::LogLevel::Error;
    log::install(o);
    qCWarning(lcEngine) << "warning now hidden";
    qCCritical(lcEngine) << "error shown";
    log::shutdown();
    QVERIFY(!read(path).contains("warning now hidden"));
    QVERIFY(read(path).contains("error escale.engine: error shown"));
}

void tst_Logging::rotatesAndKeepsCount()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("escale.log");
    log::LogOptions o;
    o.file = path;
    o.rotate = 2;
    o.maxSize = 4096;
    o.toStderr = false;
    log::install(o);
    const QString line(100, QLatin1Char('x'));
    for (int i = 0; i < 400; ++i)
        qCInfo(lcApp).noquote() << i << line;
    log::shutdown();
    QVERIFY(QFile::exists(path));
    QVERIFY(QFile::exists(path + ".1"));
    QVERIFY(QFile::exists(path + ".2"));
    QVERIFY(!QFile::exists(path + ".3"));
    for (const QString& p : {path, path + ".1", path + ".2"})
        QVERIFY2(QFile(p).size() <= 4096, qPrintable(p));
    // The newest lines are in the current file.
    QVERIFY(read(path).contains("399 xxx"));
}

void tst_Logging::rotateZeroKeepsOneFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("escale.log");
    log::LogOptions o;
    o.file = path;
    o.rotate = 0;
    o.maxSize = 2048;
    o.toStderr = false;
    log::install(o);
    for (int i = 0; i < 200; ++i)
        qCInfo(lcApp) << "line" << i;
    log::shutdown();
    QVERIFY(!QFile::exists(path + ".1"));
    QVERIFY(QFile(path).size() <= 2048);
    QVERIFY(read(path).contains("line 199"));
}

void tst_Logging::unwritableFileIsReported()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath("file"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    log::LogOptions o;
    o.file = dir.filePath("file/escale.log"); // a file where a folder should be
    o.toStderr = false;
    const QString error = log::install(o);
    QVERIFY2(error.startsWith("cannot write the log file " + o.file + ": "), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_Logging)
#include "tst_Logging.moc"
