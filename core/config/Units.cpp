#include "config/Units.h"

#include "Tr.h"

#include <QRegularExpression>
#include <QStringList>
#include <cmath>
#include <limits>

namespace escale::config {

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = KiB * 1024;
constexpr qint64 GiB = MiB * 1024;
constexpr qint64 TiB = GiB * 1024;
constexpr qint64 PiB = TiB * 1024;

std::optional<qint64> sizeUnit(const QString& unit, qint64 bareUnit)
{
    if (unit.isEmpty())
        return bareUnit;
    // Bits: exactly a capital prefix followed by a lower-case 'b', as in Escale 0.7.
    static const struct
    {
        const char* name;
        qint64 bytesTimes8;
    } bits[] = {{"Kb", KiB}, {"Mb", MiB}, {"Gb", GiB}, {"Tb", TiB}, {"Pb", PiB}};
    for (const auto& b : bits)
        if (unit == QLatin1String(b.name))
            return b.bytesTimes8 / 8;

    const QString u = unit.toLower();
    if (u == QLatin1String("b") || u == QLatin1String("byte") || u == QLatin1String("bytes") ||
        u == QLatin1String("o"))
        return 1;
    static const struct
    {
        QChar prefix;
        qint64 value;
    } prefixes[] = {{QLatin1Char('k'), KiB},
                    {QLatin1Char('m'), MiB},
                    {QLatin1Char('g'), GiB},
                    {QLatin1Char('t'), TiB},
                    {QLatin1Char('p'), PiB}};
    for (const auto& p : prefixes) {
        if (u.isEmpty() || u.at(0) != p.prefix)
            continue;
        const QString rest = u.mid(1);
        if (rest.isEmpty() || rest == QLatin1String("b") || rest == QLatin1String("ib") ||
            rest == QLatin1String("o"))
            return p.value;
    }
    return std::nullopt;
}

struct NumberAndUnit
{
    double number = 0;
    QString unit;
};

std::optional<NumberAndUnit> splitNumber(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*([0-9]+(?:[.,][0-9]+)?)\\s*([A-Za-z]*)\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    QString number = m.captured(1);
    number.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return NumberAndUnit{value, m.captured(2)};
}

} // namespace

std::optional<qint64> parseSize(const QString& text, qint64 bareUnit, QString& error)
{
    QString t = text.trimmed();
    if (t.endsWith(QLatin1String("/s"), Qt::CaseInsensitive))
        t.chop(2);
    const auto parts = splitNumber(t);
    if (!parts) {
        error = trc("config", "expected a size such as 2GB, got '%1'").arg(text);
        return std::nullopt;
    }
    const auto unit = sizeUnit(parts->unit, bareUnit);
    if (!unit) {
        error =
            trc("config", "unknown unit '%1' in '%2' (use B, KB, MB, GB, TB or PB)").arg(parts->unit, text);
        return std::nullopt;
    }
    const double bytes = parts->number * double(*unit);
    if (bytes >= double(std::numeric_limits<qint64>::max())) {
        error = trc("config", "'%1' is too large").arg(text);
        return std::nullopt;
    }
    return qint64(std::llround(bytes));
}

std::optional<qint64> parseDuration(const QString& text, qint64 bareUnitMs, QString& error)
{
    const auto parts = splitNumber(text);
    if (!parts) {
        error = trc("config", "expected a duration such as 30s, 10m, 2h or 7d, got '%1'").arg(text);
        return std::nullopt;
    }
    const QString u = parts->unit.toLower();
    qint64 unitMs = 0;
    if (u.isEmpty())
        unitMs = bareUnitMs;
    else if (u == QLatin1String("ms"))
        unitMs = 1;
    else if (u == QLatin1String("s") || u == QLatin1String("sec") || u == QLatin1String("second") ||
             u == QLatin1String("seconds"))
        unitMs = 1000;
    else if (u == QLatin1String("m") || u == QLatin1String("min") || u == QLatin1String("minute") ||
             u == QLatin1String("minutes"))
        unitMs = 60 * 1000;
    else if (u == QLatin1String("h") || u == QLatin1String("hour") || u == QLatin1String("hours"))
        unitMs = 3600 * 1000;
    else if (u == QLatin1String("d") || u == QLatin1String("day") || u == QLatin1String("days"))
        unitMs = 24LL * 3600 * 1000;
    else if (u == QLatin1String("w") || u == QLatin1String("week") || u == QLatin1String("weeks"))
        unitMs = 7LL * 24 * 3600 * 1000;
    else {
        error = trc("config", "unknown unit '%1' in '%2' (use s, m, h, d or w)").arg(parts->unit, text);
        return std::nullopt;
    }
    const double ms = parts->number * double(unitMs);
    if (ms >= double(std::numeric_limits<qint64>::max())) {
        error = trc("config", "'%1' is too large").arg(text);
        return std::nullopt;
    }
    return qint64(std::llround(ms));
}

std::optional<bool> parseBool(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("yes") || t == QLatin1String("true") || t == QLatin1String("on") ||
        t == QLatin1String("1"))
        return true;
    if (t == QLatin1String("no") || t == QLatin1String("false") || t == QLatin1String("off") ||
        t == QLatin1String("0"))
        return false;
    return std::nullopt;
}

std::optional<bool> parseBool(const QString& text, QString& error)
{
    const auto b = parseBool(text);
    if (!b)
        error = trc("config", "expected yes or no, got '%1'").arg(text);
    return b;
}

std::optional<qint64> parseInteger(const QString& text, qint64 min, qint64 max, QString& error)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok) {
        error = trc("config", "expected a whole number, got '%1'").arg(text);
        return std::nullopt;
    }
    if (v < min || v > max) {
        error = trc("config", "expected a number from %1 to %2, got %3").arg(min).arg(max).arg(v);
        return std::nullopt;
    }
    return v;
}

std::optional<QStringList> parseEmailList(const QString& text, QString& error)
{
    static const QRegularExpression address(QStringLiteral("^[^\\s@<>,;:\"()\\[\\]\\\\]+@[A-Za-z0-9.-]+$"));
    QStringList to;
    for (const QString& item : text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
        if (!address.match(item).hasMatch()) {
            error =
                trc("config", "expected e-mail addresses such as admin@example.org, separated by commas, got "
                              "'%1'")
                    .arg(item);
            return std::nullopt;
        }
        to << item;
    }
    return to;
}

QStringList parseList(const QString& text)
{
    // Items are separated by commas or newlines, except that a regular expression written
    // as /.../ keeps its commas: from a leading '/', the item runs to the first unescaped
    // '/' that is followed only by blanks and then a separator or the end.
    auto isSeparator = [](QChar c) {
        return c == QLatin1Char(',') || c == QLatin1Char('\n');
    };
    auto regexEnd = [&](qsizetype start) -> qsizetype {
        for (qsizetype i = start + 1; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c == QLatin1Char('\\')) {
                ++i;
                continue;
            }
            if (c != QLatin1Char('/'))
                continue;
            qsizetype j = i + 1;
            while (j < text.size() && text.at(j).isSpace() && text.at(j) != QLatin1Char('\n'))
                ++j;
            if (j == text.size() || isSeparator(text.at(j)))
                return i + 1;
        }
        return -1;
    };

    QStringList items;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text.at(i).isSpace() || isSeparator(text.at(i))))
            ++i;
        if (i >= text.size())
            break;
        qsizetype end = -1;
        if (text.at(i) == QLatin1Char('/'))
            end = regexEnd(i);
        if (end < 0) {
            end = i;
            while (end < text.size() && !isSeparator(text.at(end)))
                ++end;
        }
        const QString item = text.mid(i, end - i).trimmed();
        if (!item.isEmpty())
            items.append(item);
        i = end;
    }
    return items;
}

QString formatSize(qint64 bytes, bool translated)
{
    // The unit's name is the translation's to give (Kio in French), and the number's form too
    // (%L1 there: 1,5); the English source keeps "1.5 KiB" whatever the system's locale.
    static const char* const units[] = {QT_TRANSLATE_NOOP("config", "%1 B"),   QT_TRANSLATE_NOOP("config", "%1 KiB"),
                                        QT_TRANSLATE_NOOP("config", "%1 MiB"), QT_TRANSLATE_NOOP("config", "%1 GiB"),
                                        QT_TRANSLATE_NOOP("config", "%1 TiB"), QT_TRANSLATE_NOOP("config", "%1 PiB")};
    double v = double(bytes);
    int i = 0;
    while (v >= 1024.0 && i < 5) {
        v /= 1024.0;
        ++i;
    }
    const QString unit = translated ? trc("config", units[i]) : QString::fromLatin1(units[i]);
    if (i == 0)
        return unit.arg(bytes);
    return unit.arg(v, 0, 'f', v < 10 ? 1 : 0);
}

std::optional<QByteArray> parseFingerprint(const QString& text)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1String("SHA256:"), Qt::CaseInsensitive)) {
        const QString rest = t.mid(7);
        static const QRegularExpression hexRe(QStringLiteral("^([0-9A-Fa-f]{2}:?){32}$"));
        if (hexRe.match(rest).hasMatch())
            t = rest;
        else {
            QByteArray b64 = rest.toLatin1();
            while (b64.size() % 4)
                b64 += '=';
            const auto decoded = QByteArray::fromBase64Encoding(b64, QByteArray::AbortOnBase64DecodingErrors);
            if (decoded && decoded.decoded.size() == 32)
                return decoded.decoded;
            return std::nullopt;
        }
    }
    t.remove(QLatin1Char(':'));
    static const QRegularExpression hex64(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    if (!hex64.match(t).hasMatch())
        return std::nullopt;
    return QByteArray::fromHex(t.toLatin1());
}

} // namespace escale::config
