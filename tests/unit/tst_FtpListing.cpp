// FTP listing parsers against real-world lines: MLSD facts, Unix `ls -l` (proftpd, vsftpd,
// pure-ftpd, with and without group, old files with a year), DOS/IIS, names with spaces and
// unicode, and hostile names that must never become entries.
#include "relay/ftp/FtpListing.h"

#include <QTest>

using namespace escale::relay;

namespace {

const QDateTime kNow(QDate(2026, 11, 26), QTime(3, 0), Qt::UTC);

// The entry a line gave, against the current row's name, directory, size and modified (an empty
// name: no entry; an invalid time: not checked).
void expectEntry(const std::optional<RelayEntry>& entry)
{
    QFETCH(QString, name);
    QFETCH(bool, directory);
    QFETCH(qint64, size);
    QFETCH(QDateTime, modified);
    if (name.isEmpty()) {
        QVERIFY2(!entry, qPrintable(entry ? entry->name : QString()));
        return;
    }
    QVERIFY(entry);
    QCOMPARE(entry->name, name);
    QCOMPARE(entry->isDirectory, directory);
    QCOMPARE(entry->size, size);
    if (modified.isValid())
        QCOMPARE(entry->modified, modified);
}

} // namespace

class tst_FtpListing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listLines_data();
    void listLines();
    void mlsdLines_data();
    void mlsdLines();
    void wholeListing();
};

void tst_FtpListing::listLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("name"); // empty: no entry
    QTest::addColumn<bool>("directory");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QDateTime>("modified");
    auto at = [](int y, int mo, int d, int h, int mi) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
    };
    QTest::newRow("proftpd file") << QByteArray(
                                         "-rw-r--r--   1 ftp      ftp          1234 Nov 26 01:02 plain.txt")
                                  << "plain.txt" << false << qint64(1234) << at(2026, 11, 26, 1, 2);
    QTest::newRow("old folder, year, spaces")
        << QByteArray("drwxr-xr-x   2 ftp      ftp          4096 Jan  5  2024 old dir") << "old dir" << true
        << qint64(-1) << at(2024, 1, 5, 0, 0);
    QTest::newRow("5 GiB, two spaces in the name")
        << QByteArray(
               "-rw-r--r--    1 1000     1000      5368709120 Nov 25 23:59 big file with  two spaces.bin")
        << "big file with  two spaces.bin" << false << qint64(5368709120) << at(2026, 11, 25, 23, 59);
    QTest::newRow("no group; December is last year")
        << QByteArray("-rw-r--r-- 1 owner 42 Dec 31 23:59 nogroup.txt") << "nogroup.txt" << false
        << qint64(42) << at(2025, 12, 31, 23, 59);
    QTest::newRow("symbolic link") << QByteArray("lrwxrwxrwx   1 root root 7 Nov 26 01:02 link -> target")
                                   << "link" << false << qint64(-1) << at(2026, 11, 26, 1, 2);
    QTest::newRow("unicode") << QByteArray(
                                    "-rw-r--r-- 1 u g 5 Nov 26 01:02 \xc3\xa9t\xc3\xa9 \xe6\x97\xa5.txt")
                             << QString::fromUtf8("\xc3\xa9t\xc3\xa9 \xe6\x97\xa5.txt") << false << qint64(5)
                             << at(2026, 11, 26, 1, 2);
    QTest::newRow("ACL mark") << QByteArray("-rw-r--r--+ 1 u g 9 Nov 26 01:02 acl.txt") << "acl.txt" << false
                              << qint64(9) << at(2026, 11, 26, 1, 2);
    QTest::newRow("IIS folder") << QByteArray("11-26-26  01:02AM       <DIR>          Program Files")
                                << "Program Files" << true << qint64(-1) << at(2026, 11, 26, 1, 2);
    QTest::newRow("IIS file, 4-digit year, PM, commas")
        << QByteArray("11-26-2026  01:02PM              1,234 report final.pdf") << "report final.pdf"
        << false << qint64(1234) << at(2026, 11, 26, 13, 2);
    QTest::newRow("IIS midnight") << QByteArray("02-29-24  12:15AM                 10 leap.txt") << "leap.txt"
                                  << false << qint64(10) << at(2024, 2, 29, 0, 15);
    QTest::newRow("DOS 24 h") << QByteArray("11-26-2026  13:02    77 dos.txt") << "dos.txt" << false
                              << qint64(77) << at(2026, 11, 26, 13, 2);
    const QDateTime none;
    QTest::newRow("total") << QByteArray("total 12") << "" << false << qint64(0) << none;
    QTest::newRow("dot") << QByteArray("drwxr-xr-x 3 u g 4096 Nov 26 01:02 .") << "" << false << qint64(0)
                         << none;
    QTest::newRow("dot dot") << QByteArray("drwxr-xr-x 3 u g 4096 Nov 26 01:02 ..") << "" << false
                             << qint64(0) << none;
    QTest::newRow("a path") << QByteArray("-rw-r--r-- 1 u g 5 Nov 26 01:02 ../../etc/passwd") << "" << false
                            << qint64(0) << none;
    QTest::newRow("not UTF-8") << QByteArray("-rw-r--r-- 1 u g 5 Nov 26 01:02 \xff\xfe") << "" << false
                               << qint64(0) << none;
    QTest::newRow("NUL") << QByteArray("-rw-r--r-- 1 u g 5 Nov 26 01:02 a") + '\0' + "b" << "" << false << qint64(0)
                         << none;
    QTest::newRow("device") << QByteArray("crw-rw-rw- 1 root root 1, 3 Nov 26 01:02 null") << "" << false
                            << qint64(0) << none;
    QTest::newRow("bad date") << QByteArray("-rw-r--r-- 1 u g 5 Feb 31 01:02 x") << "" << false << qint64(0)
                              << none;
    QTest::newRow("chatter") << QByteArray("226 Transfer complete") << "" << false << qint64(0) << none;
    QTest::newRow("bad IIS date") << QByteArray("13-45-26  01:02AM  10 x") << "" << false << qint64(0)
                                  << none;
}

void tst_FtpListing::listLines()
{
    QFETCH(QByteArray, line);
    expectEntry(ftp::parseListLine(line, kNow));
}

void tst_FtpListing::mlsdLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("directory");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QDateTime>("modified"); // invalid: not checked
    const QDateTime stamp(QDate(2026, 11, 26), QTime(1, 2, 3), Qt::UTC), none;
    QTest::newRow("file") << QByteArray(
                                 "type=file;size=1234;modify=20261126010203;UNIX.mode=0644; file name.txt")
                          << "file name.txt" << false << qint64(1234) << stamp;
    QTest::newRow("folder") << QByteArray("type=dir;modify=20261126010203; sub") << "sub" << true
                            << qint64(-1) << stamp;
    QTest::newRow("facts in any case") << QByteArray("Type=File;Size=7;Modify=20261126010203.123; Case.txt")
                                       << "Case.txt" << false << qint64(7) << stamp;
    QTest::newRow("semicolon in the name")
        << QByteArray("type=file;size=1; a;b c") << "a;b c" << false << qint64(1) << none;
    QTest::newRow("leading space kept")
        << QByteArray("type=file;size=1;  spaced") << " spaced" << false << qint64(1) << none;
    QTest::newRow("cdir") << QByteArray("type=cdir;modify=20261126010203; .") << "" << false << qint64(0)
                          << stamp;
    QTest::newRow("pdir") << QByteArray("type=pdir; ..") << "" << false << qint64(0) << none;
    QTest::newRow("link") << QByteArray("type=OS.unix=slink:/x; link") << "" << false << qint64(0) << none;
    QTest::newRow("a path") << QByteArray("type=file;size=1; ../../etc/passwd") << "" << false << qint64(0)
                            << none;
    QTest::newRow("dot dot as a file")
        << QByteArray("type=file;size=1; ..") << "" << false << qint64(0) << none;
    QTest::newRow("no name") << QByteArray("type=file;size=1;") << "" << false << qint64(0) << none;
    QTest::newRow("not UTF-8") << QByteArray("type=file;size=1; \xc3") << "" << false << qint64(0) << none;
}

void tst_FtpListing::mlsdLines()
{
    QFETCH(QByteArray, line);
    expectEntry(ftp::parseMlsdLine(line));
}

void tst_FtpListing::wholeListing()
{
    // CRLF line ends, chatter and a final line without an end.
    const QByteArray listing = "total 8\r\n"
                               "drwxr-xr-x 2 u g 4096 Nov 26 01:02 .\r\n"
                               "drwxr-xr-x 2 u g 4096 Nov 26 01:02 data\r\n"
                               "-rw-r--r-- 1 u g 12 Nov 26 01:02 escale-repository.json";
    const QList<RelayEntry> entries = ftp::parseListing(listing, false, kNow);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].name, QString("data"));
    QCOMPARE(entries[1].name, QString("escale-repository.json"));
    QCOMPARE(entries[1].size, 12);
    const QList<RelayEntry> mlsd =
        ftp::parseListing("type=cdir; .\r\ntype=file;size=3; a\r\ntype=dir; b\r\n", true, kNow);
    QCOMPARE(mlsd.size(), 2);
}

QTEST_GUILESS_MAIN(tst_FtpListing)
#include "tst_FtpListing.moc"
