#include "sync/PathFilter.h"

#include <QTest>

using namespace escale;

class tst_PathFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void temporaryFilesStayByDefault();
    void globs_data();
    void globs();
    void files_data();
    void files();
    void directories();
};

void tst_PathFilter::globs_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("match");
    QTest::newRow("star") << "*.txt"
                          << "a.txt" << true;
    QTest::newRow("full match, not prefix") << "*.txt"
                                            << "a.txt.bak" << false;
    QTest::newRow("no substring") << "tmp"
                                  << "tmpfile" << false;
    QTest::newRow("star does not cross /") << "docs/*.md"
                                           << "docs/x/y.md" << false;
    QTest::newRow("double star crosses /") << "docs/**.md"
                                           << "docs/x/y.md" << true;
    QTest::newRow("question mark") << "file?.log"
                                   << "file1.log" << true;
    QTest::newRow("set") << "[ab]*.c"
                         << "b-main.c" << true;
    QTest::newRow("negated set") << "[!ab]*.c"
                                 << "b-main.c" << false;
    QTest::newRow("dot is literal") << "a.c"
                                    << "abc" << false;
    QTest::newRow("regex chars are literal") << "a+b(1).txt"
                                             << "a+b(1).txt" << true;
    QTest::newRow("leading slash anchors") << "/build"
                                           << "build" << true;
    QTest::newRow("regex") << "/^~\\$.*$/"
                           << "~$report.docx" << true;
    QTest::newRow("regex full match") << "/a.c/"
                                      << "xa.cx" << false;
}

void tst_PathFilter::globs()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, match);
    QCOMPARE(sync::PathFilter::compile(pattern).match(text).hasMatch(), match);
}

void tst_PathFilter::files_data()
{
    QTest::addColumn<QStringList>("include");
    QTest::addColumn<QStringList>("exclude");
    QTest::addColumn<QStringList>("extensions");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("accepted");
    const QStringList none;
    QTest::newRow("no filter") << none << none << none << "a/b.txt" << true;
    QTest::newRow("exclude by name anywhere")
        << none << QStringList{"*.tmp"} << none << "deep/x/y.tmp" << false;
    QTest::newRow("exclude by path") << none << QStringList{"cache/*"} << none << "cache/x" << false;
    QTest::newRow("path pattern is anchored")
        << none << QStringList{"cache/*"} << none << "a/cache/x" << true;
    QTest::newRow("include") << QStringList{"*.odt", "*.ods"} << none << none << "r/report.ods" << true;
    QTest::newRow("include misses") << QStringList{"*.odt"} << none << none << "r/report.pdf" << false;
    QTest::newRow("include then exclude")
        << QStringList{"*.odt"} << QStringList{"draft*"} << none << "draft1.odt" << false;
    QTest::newRow("extension") << none << none << QStringList{"jpg", "png"} << "p/IMG.JPG" << true;
    QTest::newRow("extension misses") << none << none << QStringList{"jpg"} << "p/IMG.jpeg" << false;
    QTest::newRow("no extension") << none << none << QStringList{"jpg"} << "README" << false;
}

void tst_PathFilter::files()
{
    QFETCH(QStringList, include);
    QFETCH(QStringList, exclude);
    QFETCH(QStringList, extensions);
    QFETCH(QString, path);
    QFETCH(bool, accepted);
    config::RepositoryConfig c;
    c.include = include;
    c.exclude = exclude;
    c.fileExtensions = extensions;
    QCOMPARE(sync::PathFilter(c).acceptsFile(path), accepted);
}

void tst_PathFilter::directories()
{
    config::RepositoryConfig c;
    c.excludeDirectories = {"build", "src/generated"};
    sync::PathFilter f(c);
    QVERIFY(!f.acceptsDirectory("build"));
    QVERIFY(!f.acceptsDirectory("x/build")); // a name pattern matches at any depth
    QVERIFY(!f.descendsInto("x/build"));
    QVERIFY(!f.acceptsFile("x/build/out.o"));
    QVERIFY(!f.acceptsFile("src/generated/a.c"));
    QVERIFY(f.acceptsFile("src/a.c"));
    QVERIFY(f.acceptsFile("generated/a.c"));

    config::RepositoryConfig inc;
    inc.includeDirectories = {"docs", "photos/20*"};
    sync::PathFilter g(inc);
    QVERIFY(g.acceptsFile("top.txt")); // files at the top stay
    QVERIFY(g.acceptsFile("docs/a/b.txt"));
    QVERIFY(g.acceptsFile("photos/2024/x.jpg"));
    QVERIFY(!g.acceptsFile("photos/old/x.jpg"));
    QVERIFY(!g.acceptsDirectory("photos"));
    QVERIFY(g.descendsInto("photos"));
    QVERIFY(g.acceptsDirectory("photos/2024"));
    QVERIFY(!g.acceptsFile("music/a.mp3"));
}

void tst_PathFilter::temporaryFilesStayByDefault()
{
    config::RepositoryConfig c; // the defaults: hidden files synced, temporary files not
    QVERIFY(c.hiddenFiles);
    QVERIFY(!c.temporaryFiles);
    sync::PathFilter f(c);
    for (const char* kept : {"notes.txt", ".env", ".git/config", "a/.hidden/x", "report.odt", "tilde~not.txt",
                             "part.txt", "#notes", "lock.odt#", "a/Thumbs.db.txt"})
        QVERIFY2(f.acceptsFile(kept), kept);
    for (const char* left : {"notes.txt~", "a/.notes.txt.swp", ".x.swo", ".#notes.txt", "#notes.txt#",
                             "doc.kate-swp", "a/.~lock.report.odt#", "~$report.docx", "~WRL0001.tmp",
                             "film.mkv.part", "x.crdownload", ".goutputstream-ABC", ".fuse_hidden0001",
                             ".nfs0001", "a/.DS_Store", "._photo.jpg", "Thumbs.db", "desktop.ini", ".directory",
                             ".Trash-1000/files/x", "a/.Trashes/x", "$RECYCLE.BIN/x", "System Volume Information/x"})
        QVERIFY2(!f.acceptsFile(left), left);
    QVERIFY(!f.descendsInto(".Trash-1000"));
    QVERIFY(f.descendsInto(".git"));
    // Ticked: they sync like any file; the user's own patterns still apply.
    c.temporaryFiles = true;
    c.exclude = {"*.bak"};
    sync::PathFilter all(c);
    QVERIFY(all.acceptsFile("notes.txt~"));
    QVERIFY(all.acceptsFile(".Trash-1000/files/x"));
    QVERIFY(!all.acceptsFile("x.bak"));
}

QTEST_GUILESS_MAIN(tst_PathFilter)
#include "tst_PathFilter.moc"
