#include "config/Units.h"

#include <QTest>

using namespace escale::config;

class tst_Units : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void size_data();
    void size();
    void sizeErrors_data();
    void sizeErrors();
    void duration_data();
    void duration();
    void durationErrors_data();
    void durationErrors();
    void boolean_data();
    void boolean();
    void integer();
    void list_data();
    void list();
    void formatting();
};

namespace {
constexpr qint64 KiB = 1024;
constexpr qint64 MiB = KiB * 1024;
constexpr qint64 GiB = MiB * 1024;
constexpr qint64 TiB = GiB * 1024;
} // namespace

void tst_Units::size_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bareUnit");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("bare number is MB for the quota") << "2" << MiB << 2 * MiB;
    QTest::newRow("bare number with another unit") << "2" << KiB << 2 * KiB;
    QTest::newRow("GB") << "2GB" << MiB << 2 * GiB;
    QTest::newRow("space before unit") << "2 GB" << MiB << 2 * GiB;
    QTest::newRow("G") << "3G" << MiB << 3 * GiB;
    QTest::newRow("GiB") << "1GiB" << MiB << GiB;
    QTest::newRow("Go (French)") << "1Go" << MiB << GiB;
    QTest::newRow("gb lower case means bytes") << "1gb" << MiB << GiB;
    QTest::newRow("Gb is gigabits") << "1Gb" << MiB << GiB / 8;
    QTest::newRow("Mb is megabits") << "8Mb" << MiB << MiB;
    QTest::newRow("Kb is kilobits") << "1Kb" << MiB << qint64(128);
    QTest::newRow("KB") << "512KB" << MiB << 512 * KiB;
    QTest::newRow("k") << "4k" << MiB << 4 * KiB;
    QTest::newRow("MiB") << "256MiB" << MiB << 256 * MiB;
    QTest::newRow("Mo") << "10Mo" << MiB << 10 * MiB;
    QTest::newRow("TB") << "1TB" << MiB << TiB;
    QTest::newRow("bytes") << "100B" << MiB << qint64(100);
    QTest::newRow("bytes long") << "100 bytes" << MiB << qint64(100);
    QTest::newRow("decimal point") << "1.5GB" << MiB << GiB + GiB / 2;
    QTest::newRow("decimal comma") << "1,5GB" << MiB << GiB + GiB / 2;
    QTest::newRow("per second suffix") << "2MB/s" << MiB << 2 * MiB;
    QTest::newRow("zero") << "0" << MiB << qint64(0);
    QTest::newRow("surrounding blanks") << "  7 MB  " << MiB << 7 * MiB;
}

void tst_Units::size()
{
    QFETCH(QString, text);
    QFETCH(qint64, bareUnit);
    QFETCH(qint64, bytes);
    QString error;
    const auto value = parseSize(text, bareUnit, error);
    QVERIFY2(value.has_value(), qPrintable(error));
    QCOMPARE(*value, bytes);
}

void tst_Units::sizeErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("words") << "lots"
                           << "expected a size such as 2GB, got 'lots'";
    QTest::newRow("empty") << ""
                           << "expected a size such as 2GB, got ''";
    QTest::newRow("negative") << "-1GB"
                              << "expected a size such as 2GB, got '-1GB'";
    QTest::newRow("unknown unit") << "2XB"
                                  << "unknown unit 'XB' in '2XB' (use B, KB, MB, GB, TB or PB)";
    QTest::newRow("two numbers") << "1 2"
                                 << "expected a size such as 2GB, got '1 2'";
    QTest::newRow("exponent") << "1e9"
                              << "expected a size such as 2GB, got '1e9'";
    QTest::newRow("too large") << "99999999PB"
                               << "'99999999PB' is too large";
}

void tst_Units::sizeErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!parseSize(text, MiB, error).has_value());
    QCOMPARE(error, message);
}

void tst_Units::duration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bareUnitMs");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("bare seconds") << "30" << qint64(1000) << qint64(30'000);
    QTest::newRow("bare days") << "7" << qint64(86'400'000) << qint64(7 * 86'400'000LL);
    QTest::newRow("fractional bare") << "0.5" << qint64(1000) << qint64(500);
    QTest::newRow("s") << "10s" << qint64(1) << qint64(10'000);
    QTest::newRow("sec") << "10 sec" << qint64(1) << qint64(10'000);
    QTest::newRow("m") << "2m" << qint64(1) << qint64(120'000);
    QTest::newRow("minutes") << "2 minutes" << qint64(1) << qint64(120'000);
    QTest::newRow("h") << "1.5h" << qint64(1) << qint64(5'400'000);
    QTest::newRow("d") << "30d" << qint64(1) << qint64(30 * 86'400'000LL);
    QTest::newRow("w") << "1w" << qint64(1) << qint64(7 * 86'400'000LL);
    QTest::newRow("ms") << "250ms" << qint64(1000) << qint64(250);
    QTest::newRow("upper case unit") << "5M" << qint64(1) << qint64(300'000);
}

void tst_Units::duration()
{
    QFETCH(QString, text);
    QFETCH(qint64, bareUnitMs);
    QFETCH(qint64, ms);
    QString error;
    const auto value = parseDuration(text, bareUnitMs, error);
    QVERIFY2(value.has_value(), qPrintable(error));
    QCOMPARE(*value, ms);
}

void tst_Units::durationErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("words") << "often"
                           << "expected a duration such as 30s, 10m, 2h or 7d, got 'often'";
    QTest::newRow("unknown unit") << "5y"
                                  << "unknown unit 'y' in '5y' (use s, m, h, d or w)";
    QTest::newRow("negative") << "-5s"
                              << "expected a duration such as 30s, 10m, 2h or 7d, got '-5s'";
}

void tst_Units::durationErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!parseDuration(text, 1000, error).has_value());
    QCOMPARE(error, message);
}

void tst_Units::boolean_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected"); // 1 true, 0 false, -1 invalid
    for (const char* t : {"yes", "YES", "true", "True", "on", "1", " on "})
        QTest::newRow(t) << QString::fromLatin1(t) << 1;
    for (const char* f : {"no", "No", "false", "off", "0"})
        QTest::newRow(f) << QString::fromLatin1(f) << 0;
    for (const char* bad : {"", "maybe", "2", "y", "enabled"})
        QTest::newRow(qPrintable(QStringLiteral("invalid '%1'").arg(QLatin1String(bad))))
            << QString::fromLatin1(bad) << -1;
}

void tst_Units::boolean()
{
    QFETCH(QString, text);
    QFETCH(int, expected);
    QString error;
    const auto value = parseBool(text, error);
    if (expected < 0) {
        QVERIFY(!value.has_value());
        QCOMPARE(error, QStringLiteral("expected yes or no, got '%1'").arg(text));
    } else {
        QVERIFY(value.has_value());
        QCOMPARE(int(*value), expected);
    }
}

void tst_Units::integer()
{
    QString error;
    QCOMPARE(parseInteger(QStringLiteral(" 12 "), 1, 64, error).value_or(-1), qint64(12));
    QVERIFY(!parseInteger(QStringLiteral("many"), 1, 64, error));
    QCOMPARE(error, QStringLiteral("expected a whole number, got 'many'"));
    QVERIFY(!parseInteger(QStringLiteral("0"), 1, 64, error));
    QCOMPARE(error, QStringLiteral("expected a number from 1 to 64, got 0"));
    QVERIFY(!parseInteger(QStringLiteral("2.5"), 1, 64, error));
    QCOMPARE(error, QStringLiteral("expected a whole number, got '2.5'"));
}

void tst_Units::list_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("items");
    QTest::newRow("empty") << "" << QStringList{};
    QTest::newRow("one") << "*.txt" << QStringList{"*.txt"};
    QTest::newRow("trimmed, empty items dropped") << " a ,b,, c ," << QStringList{"a", "b", "c"};
    QTest::newRow("newlines separate too") << "a\nb, c" << QStringList{"a", "b", "c"};
    QTest::newRow("regex keeps its commas") << "/a{1,3}\\.txt/, b" << QStringList{"/a{1,3}\\.txt/", "b"};
    QTest::newRow("regex last") << "x, /^(a|b),c$/" << QStringList{"x", "/^(a|b),c$/"};
    QTest::newRow("escaped slash in regex") << "/a\\/b,c/, d" << QStringList{"/a\\/b,c/", "d"};
    QTest::newRow("anchored glob is not a regex") << "/build, tmp" << QStringList{"/build", "tmp"};
    QTest::newRow("path glob") << "docs/*.md, /src/*.o" << QStringList{"docs/*.md", "/src/*.o"};
    QTest::newRow("spaces inside names") << "My Documents, a b" << QStringList{"My Documents", "a b"};
}

void tst_Units::list()
{
    QFETCH(QString, text);
    QFETCH(QStringList, items);
    QCOMPARE(parseList(text), items);
}

void tst_Units::formatting()
{
    QCOMPARE(formatSize(512), QStringLiteral("512 B"));
    QCOMPARE(formatSize(1536), QStringLiteral("1.5 KiB"));
    QCOMPARE(formatSize(2 * GiB), QStringLiteral("2.0 GiB"));
    QCOMPARE(formatSize(300 * MiB), QStringLiteral("300 MiB"));
}

QTEST_GUILESS_MAIN(tst_Units)
#include "tst_Units.moc"
