#include "relay/ftp/FtpListing.h"

namespace escale::relay::ftp {

namespace {

struct Token
{
    qsizetype start;
    qsizetype end; // one past the last byte
    QByteArrayView text;
};

// Whitespace-separated tokens with their positions, at most `max` of them.
QList<Token> tokens(QByteArrayView line, int max)
{
    QList<Token> out;
    qsizetype i = 0;
    while (i < line.size() && out.size() < max) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        if (i >= line.size())
            break;
        const qsizetype start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t')
            ++i;
        out.append({start, i, line.sliced(start, i - start)});
    }
    return out;
}

bool allDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return true;
}

int monthOf(QByteArrayView text)
{
    static const char* const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    if (text.size() != 3)
        return 0;
    const QByteArray lower = text.toByteArray().toLower();
    for (int m = 0; m < 12; ++m)
        if (lower == names[m])
            return m + 1;
    return 0;
}

// Unix `ls -l`: permissions, links, owner, [group], size, month, day, time or year, name.
std::optional<RelayEntry> parseUnix(QByteArrayView line, const QDateTime& now)
{
    const QList<Token> t = tokens(line, 9);
    if (t.size() < 6)
        return std::nullopt;
    const QByteArrayView perms = t[0].text;
    if (perms.size() < 10 || QByteArrayView("-dl").indexOf(perms[0]) < 0)
        return std::nullopt;
    for (qsizetype i = 3; i + 2 < t.size(); ++i) {
        const int month = monthOf(t[i].text);
        bool dayOk = false;
        const int day = t[i + 1].text.toInt(&dayOk);
        if (month == 0 || !dayOk || day < 1 || day > 31 || !allDigits(t[i - 1].text))
            continue;
        const QByteArrayView when = t[i + 2].text;
        QDate date;
        QTime time(0, 0);
        if (when.size() == 4 && allDigits(when)) {
            date = QDate(when.toInt(), month, day);
        } else if (when.size() == 5 && when[2] == ':') {
            time = QTime(when.first(2).toInt(), when.sliced(3).toInt());
            // No year: this year's date, or last year's when that would be in the future.
            const QDate today = now.toUTC().date();
            date = QDate(today.year(), month, day);
            if (date.isValid() && date > today.addDays(1))
                date = QDate(today.year() - 1, month, day);
        } else {
            continue;
        }
        if (!date.isValid() || !time.isValid())
            return std::nullopt;
        // The name is what follows the date and one space: it may hold spaces of its own.
        QByteArrayView name = line.sliced(std::min(line.size(), t[i + 2].end + 1));
        if (perms[0] == 'l') {
            if (const qsizetype arrow = name.indexOf(" -> "); arrow >= 0)
                name = name.first(arrow);
        }
        RelayEntry entry;
        entry.name = entryName(name);
        if (entry.name.isEmpty())
            return std::nullopt;
        entry.isDirectory = perms[0] == 'd';
        entry.size = perms[0] == '-' ? t[i - 1].text.toLongLong() : -1;
        entry.modified = QDateTime(date, time, Qt::UTC);
        return entry;
    }
    return std::nullopt;
}

// DOS/IIS: MM-DD-YY[YY] HH:MM[AM|PM] (<DIR>|size) name.
std::optional<RelayEntry> parseDos(QByteArrayView line)
{
    const QList<Token> t = tokens(line, 5);
    if (t.size() < 4)
        return std::nullopt;
    const QByteArray dateText = t[0].text.toByteArray().replace('/', '-');
    const QList<QByteArray> parts = dateText.split('-');
    if (parts.size() != 3 || !allDigits(parts[0]) || !allDigits(parts[1]) || !allDigits(parts[2]))
        return std::nullopt;
    int year = parts[2].toInt();
    if (parts[2].size() == 2)
        year += year < 70 ? 2000 : 1900;
    const QDate date(year, parts[0].toInt(), parts[1].toInt());
    qsizetype next = 2;
    QByteArray clock = t[1].text.toByteArray().toUpper();
    if (t[2].text.compare("AM", Qt::CaseInsensitive) == 0 ||
        t[2].text.compare("PM", Qt::CaseInsensitive) == 0) {
        clock += t[2].text.toByteArray().toUpper();
        next = 3;
    }
    const bool am = clock.endsWith("AM"), pm = clock.endsWith("PM");
    if (am || pm)
        clock.chop(2);
    const QList<QByteArray> hm = clock.split(':');
    if (hm.size() != 2 || !allDigits(hm[0]) || !allDigits(hm[1]))
        return std::nullopt;
    int hour = hm[0].toInt();
    if (pm && hour < 12)
        hour += 12;
    else if (am && hour == 12)
        hour = 0;
    const QTime time(hour, hm[1].toInt());
    if (!date.isValid() || !time.isValid() || next >= t.size())
        return std::nullopt;
    const QByteArrayView kind = t[next].text;
    const bool directory = kind.compare("<DIR>", Qt::CaseInsensitive) == 0;
    QByteArray size = kind.toByteArray();
    size.replace(',', "");
    if (!directory && !allDigits(size))
        return std::nullopt;
    // The name: after the size or <DIR> and the spaces that align the columns.
    qsizetype at = t[next].end;
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t'))
        ++at;
    RelayEntry entry;
    entry.name = entryName(line.sliced(at));
    if (entry.name.isEmpty())
        return std::nullopt;
    entry.isDirectory = directory;
    entry.size = directory ? -1 : size.toLongLong();
    entry.modified = QDateTime(date, time, Qt::UTC);
    return entry;
}

} // namespace

std::optional<RelayEntry> parseMlsdLine(QByteArrayView line)
{
    const qsizetype space = line.indexOf(' ');
    if (space <= 0)
        return std::nullopt;
    RelayEntry entry;
    QByteArray type;
    bool sized = false;
    for (const QByteArray& fact : line.first(space).toByteArray().split(';')) {
        const qsizetype eq = fact.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArray key = fact.left(eq).toLower();
        const QByteArray value = fact.mid(eq + 1);
        if (key == "type") {
            type = value.toLower();
        } else if (key == "size") {
            bool ok = false;
            entry.size = value.toLongLong(&ok);
            sized = ok && entry.size >= 0;
        } else if (key == "modify") {
            // YYYYMMDDHHMMSS[.sss], UTC
            entry.modified =
                QDateTime::fromString(QString::fromLatin1(value.left(14)), QStringLiteral("yyyyMMddHHmmss"));
            if (entry.modified.isValid())
                entry.modified.setTimeSpec(Qt::UTC);
        }
    }
    if (type != "file" && type != "dir")
        return std::nullopt; // cdir, pdir, links and devices
    entry.isDirectory = type == "dir";
    if (entry.isDirectory || !sized)
        entry.size = -1;
    entry.name = entryName(line.sliced(space + 1));
    if (entry.name.isEmpty())
        return std::nullopt;
    return entry;
}

std::optional<RelayEntry> parseListLine(QByteArrayView line, const QDateTime& now)
{
    if (line.isEmpty())
        return std::nullopt;
    if (line[0] >= '0' && line[0] <= '9')
        return parseDos(line);
    return parseUnix(line, now);
}

QList<RelayEntry> parseListing(const QByteArray& listing, bool mlsd, const QDateTime& now)
{
    QList<RelayEntry> entries;
    qsizetype start = 0;
    while (start < listing.size()) {
        qsizetype end = listing.indexOf('\n', start);
        if (end < 0)
            end = listing.size();
        QByteArrayView line = QByteArrayView(listing).sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (const auto entry = mlsd ? parseMlsdLine(line) : parseListLine(line, now))
            entries.append(*entry);
        start = end + 1;
    }
    return entries;
}

} // namespace escale::relay::ftp
