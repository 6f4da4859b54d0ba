#include "config/IniDocument.h"

#include <QTest>

using namespace escale::config;

class tst_IniDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAndSections();
    void commentsAndDelimiters();
    void keyNormalisation();
    void continuationLines();
    void lineEndingsAndBom();
    void explicitDefaultSection();
    void syntaxErrors_data();
    void syntaxErrors();
};

namespace {
IniDocument parseOk(const QByteArray& text)
{
    IniDocument doc;
    ConfigDiagnostics diags;
    const bool ok = doc.parse(text, "t.conf", diags);
    if (!ok || !diags.isEmpty())
        qWarning("unexpected: %s", qPrintable(diags.value(0).toString()));
    Q_ASSERT(ok);
    return doc;
}
} // namespace

void tst_IniDocument::defaultsAndSections()
{
    const IniDocument doc =
        parseOk("refresh = 10\n\n[a]\nlocal path = /x\n[b]\nlocal path = /y\nmode = upload\n");
    QCOMPARE(doc.defaults().entries.size(), 1);
    QCOMPARE(doc.defaults().entries.at(0).key, QString("refresh"));
    QCOMPARE(doc.defaults().entries.at(0).line, 1);
    QCOMPARE(doc.sections().size(), 2);
    QCOMPARE(doc.sections().at(0).name, QString("a"));
    QCOMPARE(doc.sections().at(0).line, 3);
    QCOMPARE(doc.sections().at(1).entries.size(), 2);
    QCOMPARE(doc.sections().at(1).find("mode")->value, QString("upload"));
    QCOMPARE(doc.sections().at(1).find("mode")->line, 7);
}

void tst_IniDocument::commentsAndDelimiters()
{
    const IniDocument doc = parseOk("# comment\n; other\n  # indented comment\n[s]\n"
                                    "user: alice\nrelay address = ftp://h/x\npassword = a#b;c\nempty =\n");
    const auto& s = doc.sections().at(0);
    QCOMPARE(s.entries.size(), 4);
    QCOMPARE(s.find("user")->value, QString("alice"));
    // The first '=' or ':' separates, so a URL value keeps its colon.
    QCOMPARE(s.find("relay address")->value, QString("ftp://h/x"));
    // No inline comments, as in configparser.
    QCOMPARE(s.find("password")->value, QString("a#b;c"));
    QCOMPARE(s.find("empty")->value, QString());
}

void tst_IniDocument::keyNormalisation()
{
    const IniDocument doc = parseOk("[s]\nLocal   Path = /x\ndisk_quota = 2\nlog-level = info\n");
    const auto& s = doc.sections().at(0);
    QVERIFY(s.find("local path"));
    QCOMPARE(s.find("local path")->writtenKey, QString("Local   Path"));
    QVERIFY(s.find("disk quota"));
    QVERIFY(s.find("log level"));
    QCOMPARE(IniDocument::normaliseKey("  Relay__Address "), QString("relay address"));
}

void tst_IniDocument::continuationLines()
{
    const IniDocument doc = parseOk("[s]\nexclude = *.tmp,\n    *.bak\n\t*.swp\nmode = shared\n");
    const auto& s = doc.sections().at(0);
    QCOMPARE(s.find("exclude")->value, QString("*.tmp,\n*.bak\n*.swp"));
    QCOMPARE(s.find("mode")->line, 5);
}

void tst_IniDocument::lineEndingsAndBom()
{
    const IniDocument doc = parseOk("\xEF\xBB\xBF[s]\r\nlocal path = /x\r\nclient name = caf\xC3\xA9\r\n");
    QCOMPARE(doc.sections().at(0).name, QString("s"));
    QCOMPARE(doc.sections().at(0).find("local path")->value, QString("/x"));
    QCOMPARE(doc.sections().at(0).find("client name")->value, QString::fromUtf8("caf\xC3\xA9"));
}

void tst_IniDocument::explicitDefaultSection()
{
    const IniDocument doc = parseOk("a = 1\n[DEFAULT]\nb = 2\n[s]\nc = 3\n");
    QCOMPARE(doc.defaults().entries.size(), 2);
    QCOMPARE(doc.sections().size(), 1);
}

void tst_IniDocument::syntaxErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("not UTF-8") << QByteArray("[s]\nlocal path = /x\nclient = caf\xE9\n")
                               << "t.conf:3: this line is not valid UTF-8 text; save the file as UTF-8";
    QTest::newRow("NUL byte") << QByteArray("[s]\nuser = a\0b\n", 15)
                              << "t.conf:2: this line contains a NUL byte; is this really a text file?";
    QTest::newRow("unclosed section")
        << QByteArray("[docs\nlocal path = /x\n") << "t.conf:1: section header '[docs' has no closing ']'";
    QTest::newRow("empty section name") << QByteArray("[ ]\n") << "t.conf:1: empty section name '[]'";
    QTest::newRow("no delimiter") << QByteArray("[s]\nlocal path /x\n")
                                  << "t.conf:2: expected 'key = value' or '[section]', got 'local path /x'";
    QTest::newRow("no key") << QByteArray("[s]\n= /x\n") << "t.conf:2: a value without a key: '= /x'";
    QTest::newRow("duplicate section")
        << QByteArray("[a]\nx = 1\n\n[a]\ny = 2\n") << "t.conf:4: duplicate section [a] (first at line 1)";
    QTest::newRow("duplicate key") << QByteArray("[a]\nmode = shared\nMode = upload\n")
                                   << "t.conf:3: 'Mode': set twice in the same section (first at line 2)";
    QTest::newRow("duplicate default")
        << QByteArray("refresh = 1\nrefresh = 2\n[a]\n")
        << "t.conf:2: 'refresh': set twice in the same section (first at line 1)";
}

void tst_IniDocument::syntaxErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    IniDocument doc;
    ConfigDiagnostics diags;
    QVERIFY(!doc.parse(text, "t.conf", diags));
    QCOMPARE(diags.size(), 1);
    QVERIFY(diags.at(0).isError());
    QCOMPARE(diags.at(0).toString(), message);
}

QTEST_GUILESS_MAIN(tst_IniDocument)
#include "tst_IniDocument.moc"
