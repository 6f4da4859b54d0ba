// A record's text read without building a QJsonDocument (JournalRecord::fromJsonText): every
// segment, snapshot and state database row holds records in the compact text toJsonText() writes,
// and parsing them through Qt's JSON classes was a tenth of a pass over many small files.
//
// The reader takes exactly what it understands and declines everything else (whitespace, an
// unknown or repeated key, a number that is not a plain whole number, an escape other than those
// toJsonText writes, text that is not UTF-8, any value that fromJson() would refuse): a declined
// text goes through fromJson(), which says what is wrong with it or reads it. So what this reader
// accepts, fromJson() would have read the same (tst_Records::textReaderAgreesWithJson).

#include "protocol/Records.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <optional>

namespace escale::protocol {

namespace {

constexpr quint64 kLargestWhole = 9'000'000'000'000'000ULL; // the records' whole numbers (9.0e15)

bool isLowerHex(const QByteArray& s, qsizetype length)
{
    if (s.size() != length)
        return false;
    for (const char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

class TextReader
{
public:
    explicit TextReader(const QByteArray& text)
        : m_at(text.constData())
        , m_end(text.constData() + text.size())
    {
    }

    bool atEnd() const { return m_at == m_end; }
    bool next(char c) const { return m_at < m_end && *m_at == c; }
    bool eat(char c)
    {
        if (!next(c))
            return false;
        ++m_at;
        return true;
    }

    // A string's bytes, unescaped (the escapes toJsonText writes, nothing else).
    bool bytes(QByteArray& out)
    {
        if (!eat('"'))
            return false;
        out.clear();
        const char* run = m_at;
        while (m_at < m_end) {
            const char c = *m_at;
            if (c == '"') {
                out.append(run, m_at - run);
                ++m_at;
                return true;
            }
            if (uchar(c) < 0x20)
                return false;
            if (c != '\\') {
                ++m_at;
                continue;
            }
            out.append(run, m_at - run);
            if (m_end - m_at < 2)
                return false;
            const char e = m_at[1];
            m_at += 2;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out += e;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                // Only the control characters toJsonText writes as \u00XX.
                if (m_end - m_at < 4 || m_at[0] != '0' || m_at[1] != '0' || (m_at[2] != '0' && m_at[2] != '1'))
                    return false;
                const char low = m_at[3];
                int v = 0;
                if (low >= '0' && low <= '9')
                    v = low - '0';
                else if (low >= 'a' && low <= 'f')
                    v = low - 'a' + 10;
                else
                    return false;
                out += char((m_at[2] - '0') * 16 + v);
                m_at += 4;
                break;
            }
            default:
                return false;
            }
            run = m_at;
        }
        return false;
    }

    // A string as text: ASCII directly, anything else only when it is valid UTF-8.
    bool string(QString& out)
    {
        QByteArray raw;
        if (!bytes(raw))
            return false;
        bool ascii = true;
        for (const char c : std::as_const(raw))
            ascii = ascii && uchar(c) < 0x80;
        if (ascii) {
            out = QString::fromLatin1(raw);
            return true;
        }
        // A byte order mark (U+FEFF) starting the string: Qt's parser drops it or keeps it depending
        // on the escapes that follow, so such a text is left to it.
        if (raw.startsWith("\xef\xbb\xbf"))
            return false;
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        out = decoder(raw);
        return !decoder.hasError();
    }

    // A whole number written plainly: no sign, fraction, exponent or leading zero; at most 9.0e15.
    bool number(quint64& out)
    {
        const char* start = m_at;
        out = 0;
        while (m_at < m_end && *m_at >= '0' && *m_at <= '9') {
            if (m_at - start >= 16)
                return false;
            out = out * 10 + quint64(*m_at - '0');
            ++m_at;
        }
        const qsizetype digits = m_at - start;
        if (digits == 0 || (digits > 1 && *start == '0') || out > kLargestWhole)
            return false;
        return !next('.') && !next('e') && !next('E');
    }

    bool word(const char* w)
    {
        const char* at = m_at;
        for (; *w; ++w, ++at)
            if (at >= m_end || *at != *w)
                return false;
        m_at = at;
        return true;
    }

private:
    const char* m_at;
    const char* m_end;
};

// A blob of a record's list; `packed`: format 2's blob, else format 1's chunk.
bool readBlob(TextReader& in, bool packed, BlobRef& blob)
{
    if (!in.eat('{'))
        return false;
    unsigned seen = 0;
    quint64 offset = 0, length = 0;
    QByteArray key, hex;
    bool first = true;
    while (!in.eat('}')) {
        if ((!first && !in.eat(',')) || !in.bytes(key) || !in.eat(':'))
            return false;
        first = false;
        unsigned bit = 0;
        bool ok = false;
        if (key == "hash") {
            bit = 1;
            ok = in.bytes(hex) && isLowerHex(hex, 64);
        } else if (key == (packed ? "pack" : "id")) {
            bit = 2;
            ok = in.string(blob.pack) && isObjectId(blob.pack);
        } else if (key == (packed ? "length" : "size")) {
            bit = 4;
            ok = in.number(length) && length >= 1;
        } else if (packed && key == "offset") {
            bit = 8;
            ok = in.number(offset);
        }
        if (!ok || (seen & bit))
            return false;
        seen |= bit;
    }
    if (seen != (packed ? 15u : 7u))
        return false;
    blob.hash = QByteArray::fromHex(hex);
    blob.offset = qint64(offset);
    blob.length = qint64(length);
    blob.whole = !packed;
    return true;
}

} // namespace

// The record, when the text is one this reader takes whole and fromJson() would read the same.
std::optional<JournalRecord> detail::readRecordText(const QByteArray& text)
{
    TextReader in(text);
    if (!in.eat('{'))
        return std::nullopt;
    JournalRecord r;
    enum : unsigned
    {
        Path = 1,
        Vv = 2,
        Origin = 4,
        Name = 8,
        Kind = 16,
        Repush = 32,
        Size = 64,
        Mtime = 128,
        Hash = 256,
        Mode = 512,
        From = 1024,
        Blobs = 2048,
        Chunks = 4096
    };
    unsigned seen = 0;
    quint64 size = 0, mtime = 0, mode = 0, from = 0;
    QByteArray key, hash;
    QString kind;
    bool first = true;
    while (!in.eat('}')) {
        if ((!first && !in.eat(',')) || !in.bytes(key) || !in.eat(':'))
            return std::nullopt;
        first = false;
        unsigned bit = 0;
        bool ok = false;
        if (key == "path") {
            bit = Path;
            ok = in.string(r.path) && !r.path.isEmpty();
        } else if (key == "vv") {
            bit = Vv;
            QMap<QString, quint64> counters;
            ok = in.eat('{');
            for (bool firstCounter = true; ok && !in.eat('}'); firstCounter = false) {
                QString client;
                quint64 counter = 0;
                ok = (firstCounter || in.eat(',')) && in.string(client) && isClientId(client) && in.eat(':') &&
                     in.number(counter) && counter >= 1 && !counters.contains(client);
                counters.insert(client, counter);
            }
            ok = ok && !counters.isEmpty();
            r.vv = VersionVector(counters);
        } else if (key == "origin") {
            bit = Origin;
            ok = in.string(r.origin);
        } else if (key == "name") {
            bit = Name;
            ok = in.string(r.originName);
            r.originName.truncate(200);
        } else if (key == "kind") {
            bit = Kind;
            ok = in.string(kind);
        } else if (key == "repush") {
            bit = Repush;
            r.repush = in.word("true");
            ok = r.repush || in.word("false");
        } else if (key == "size") {
            bit = Size;
            ok = in.number(size);
        } else if (key == "mtime") {
            bit = Mtime;
            ok = in.number(mtime);
        } else if (key == "hash") {
            bit = Hash;
            ok = in.bytes(hash) && isLowerHex(hash, 64);
        } else if (key == "mode") {
            bit = Mode;
            ok = in.number(mode) && mode >= 1 && mode <= 0777;
        } else if (key == "from") {
            bit = From;
            ok = in.number(from);
        } else if (key == "blobs" || key == "chunks") {
            const bool packed = key == "blobs";
            bit = packed ? Blobs : Chunks;
            ok = in.eat('[');
            for (bool firstBlob = true; ok && !in.eat(']'); firstBlob = false) {
                BlobRef blob;
                ok = (firstBlob || in.eat(',')) && readBlob(in, packed, blob);
                r.blobs.append(blob);
            }
        }
        if (!ok || (seen & bit))
            return std::nullopt;
        seen |= bit;
    }
    if (!in.atEnd() || (seen & (Path | Vv | Origin | Kind)) != (Path | Vv | Origin | Kind) ||
        !isClientId(r.origin) || r.vv.counter(r.origin) == 0)
        return std::nullopt;
    if (kind == QLatin1String("file"))
        r.kind = JournalRecord::Kind::File;
    else if (kind == QLatin1String("dir"))
        r.kind = JournalRecord::Kind::Directory;
    else if (kind == QLatin1String("deleted"))
        r.kind = JournalRecord::Kind::Deleted;
    else if (kind == QLatin1String("piece"))
        r.piece = true;
    else
        return std::nullopt;
    if (r.kind != JournalRecord::Kind::File) {
        // What a folder's or a deletion's record says beside is not read (as fromJson()).
        r.blobs.clear();
        return r;
    }
    if ((seen & (Size | Mtime | Hash)) != (Size | Mtime | Hash) || ((seen & Blobs) && (seen & Chunks)))
        return std::nullopt;
    r.size = qint64(size);
    r.mtimeMs = qint64(mtime);
    r.hash = QByteArray::fromHex(hash);
    r.mode = int(mode);
    if ((seen & From) && from >= size)
        return std::nullopt;
    r.from = qint64(from);
    qint64 total = 0;
    for (const BlobRef& b : std::as_const(r.blobs))
        total += b.length;
    if (r.piece) {
        if (r.blobs.isEmpty() || r.from + total >= r.size || r.repush)
            return std::nullopt;
    } else if (!r.blobs.isEmpty() && total != r.size - r.from) {
        return std::nullopt;
    }
    return r;
}

std::optional<JournalRecord> JournalRecord::fromJsonText(const QByteArray& text, QString& error)
{
    if (auto r = detail::readRecordText(text))
        return r;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    return fromJson(document.object(), error);
}

} // namespace escale::protocol
