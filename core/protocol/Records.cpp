#include "protocol/Records.h"

#include "Tr.h"

#include <algorithm>
#include <charconv>
#include <mutex>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <openssl/rand.h>

namespace escale::protocol {

namespace {

// Ids (clients, repositories, objects) from OpenSSL's generator, or, should it ever fail, from
// the system's (getrandom): unique and unguessable either way.
std::mutex g_idSourceLock;
std::function<void(char*, int)> g_idSource; // tests only

QString randomHex(int bytes)
{
    QByteArray buf(bytes, Qt::Uninitialized);
    if (std::lock_guard lock(g_idSourceLock); g_idSource)
        g_idSource(buf.data(), bytes);
    else if (RAND_bytes(reinterpret_cast<unsigned char*>(buf.data()), bytes) != 1)
        QRandomGenerator::system()->generate(buf.begin(), buf.end());
    return QString::fromLatin1(buf.toHex());
}

bool isHex(const QString& s, int length)
{
    if (s.size() != length)
        return false;
    for (QChar c : s)
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    return true;
}

std::optional<QByteArray> hashFrom(const QJsonValue& v)
{
    const QString s = v.toString();
    if (!isHex(s, 64))
        return std::nullopt;
    return QByteArray::fromHex(s.toLatin1());
}

std::optional<VersionVector> vvFrom(const QJsonValue& v)
{
    if (!v.isObject())
        return std::nullopt;
    QMap<QString, quint64> counters;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const double d = it.value().toDouble(-1);
        if (!isClientId(it.key()) || d < 1 || d != double(quint64(d)) || d > 9.0e15)
            return std::nullopt;
        counters.insert(it.key(), quint64(d));
    }
    return VersionVector(counters);
}

QJsonObject vvToJson(const VersionVector& vv)
{
    QJsonObject o;
    for (auto it = vv.counters().cbegin(); it != vv.counters().cend(); ++it)
        o.insert(it.key(), double(it.value()));
    return o;
}

bool isWholeNumber(const QJsonValue& v, double max = 9.0e15)
{
    const double d = v.toDouble(-1);
    return v.isDouble() && d >= 0 && d <= max && d == double(qint64(d));
}

} // namespace

bool isClientId(const QString& s)
{
    return isHex(s, 16);
}

bool isObjectId(const QString& s)
{
    return isHex(s, 32);
}

void setIdSourceForTests(std::function<void(char*, int)> source)
{
    std::lock_guard lock(g_idSourceLock);
    g_idSource = std::move(source);
}

QString newClientId()
{
    return randomHex(8);
}

QString newObjectId(const QString& writer)
{
    return randomHex(12) + writer.right(8);
}

bool isObjectOf(const QString& object, const QString& writer)
{
    return isObjectId(object) && isClientId(writer) && object.endsWith(writer.right(8));
}

QString newRepositoryId()
{
    return randomHex(16);
}

QString kindName(JournalRecord::Kind kind)
{
    switch (kind) {
    case JournalRecord::Kind::File:
        return QStringLiteral("file");
    case JournalRecord::Kind::Directory:
        return QStringLiteral("dir");
    case JournalRecord::Kind::Deleted:
        return QStringLiteral("deleted");
    }
    return QString();
}

QJsonObject JournalRecord::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("path"), path);
    o.insert(QStringLiteral("vv"), vvToJson(vv));
    o.insert(QStringLiteral("origin"), origin);
    o.insert(QStringLiteral("name"), originName);
    o.insert(QStringLiteral("kind"), piece ? QStringLiteral("piece") : kindName(kind));
    if (kind == Kind::File) {
        if (from > 0 || piece)
            o.insert(QStringLiteral("from"), double(from));
        o.insert(QStringLiteral("size"), double(size));
        o.insert(QStringLiteral("mtime"), double(mtimeMs));
        o.insert(QStringLiteral("hash"), QString::fromLatin1(hash.toHex()));
        if (mode > 0 && !piece)
            o.insert(QStringLiteral("mode"), mode);
        // Content in whole objects is written as format 1's chunks (R20), blobs in packs as
        // format 2's blobs (R38); both are read.
        const bool whole = std::all_of(blobs.cbegin(), blobs.cend(), [](const BlobRef& b) { return b.whole; });
        QJsonArray list;
        for (const BlobRef& b : blobs) {
            QJsonObject one{{QStringLiteral("hash"), QString::fromLatin1(b.hash.toHex())}};
            if (whole) {
                one.insert(QStringLiteral("id"), b.pack);
                one.insert(QStringLiteral("size"), double(b.length));
            } else {
                one.insert(QStringLiteral("pack"), b.pack);
                one.insert(QStringLiteral("offset"), double(b.offset));
                one.insert(QStringLiteral("length"), double(b.length));
            }
            list.append(one);
        }
        o.insert(whole ? QStringLiteral("chunks") : QStringLiteral("blobs"), list);
    }
    if (repush)
        o.insert(QStringLiteral("repush"), true);
    return o;
}

namespace {

// Compact JSON, as QJsonDocument writes it (keys in order, integers as integers, the same escapes).
void appendString(QByteArray& out, const QString& text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    // Most text has nothing to escape: it goes as it is.
    if (std::none_of(utf8.cbegin(), utf8.cend(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\';
        })) {
        out.append(utf8).append('"');
        return;
    }
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[u >> 4];
                out += hex[u & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

template<typename Integer>
void appendNumber(QByteArray& out, Integer n)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, end - digits);
}

// A hash as its hexadecimal text, between quotes.
void appendHex(QByteArray& out, const QByteArray& bytes)
{
    static const char hex[] = "0123456789abcdef";
    const qsizetype at = out.size();
    out.resize(at + 2 * bytes.size() + 2);
    char* p = out.data() + at;
    *p++ = '"';
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        *p++ = hex[u >> 4];
        *p++ = hex[u & 0xf];
    }
    *p = '"';
}

void appendKey(QByteArray& out, const char* key, bool& first)
{
    if (!first)
        out += ',';
    first = false;
    out += '"';
    out += key;
    out += "\":";
}

} // namespace

QByteArray JournalRecord::toJsonText() const
{
    QByteArray out;
    out.reserve(256 + blobs.size() * 160);
    out += '{';
    bool first = true;
    const bool file = kind == Kind::File;
    const bool whole = std::all_of(blobs.cbegin(), blobs.cend(), [](const BlobRef& b) { return b.whole; });
    if (file) {
        appendKey(out, whole ? "chunks" : "blobs", first);
        out += '[';
        for (qsizetype i = 0; i < blobs.size(); ++i) {
            const BlobRef& b = blobs.at(i);
            if (i > 0)
                out += ',';
            out += "{\"hash\":";
            appendHex(out, b.hash);
            if (whole) {
                out += ",\"id\":";
                appendString(out, b.pack);
                out += ",\"size\":";
                appendNumber(out, b.length);
            } else {
                out += ",\"length\":";
                appendNumber(out, b.length);
                out += ",\"offset\":";
                appendNumber(out, b.offset);
                out += ",\"pack\":";
                appendString(out, b.pack);
            }
            out += '}';
        }
        out += ']';
        if (from > 0 || piece) {
            appendKey(out, "from", first);
            appendNumber(out, from);
        }
        appendKey(out, "hash", first);
        appendHex(out, hash);
    }
    appendKey(out, "kind", first);
    appendString(out, piece ? QStringLiteral("piece") : kindName(kind));
    if (file && mode > 0 && !piece) {
        appendKey(out, "mode", first);
        appendNumber(out, mode);
    }
    if (file) {
        appendKey(out, "mtime", first);
        appendNumber(out, mtimeMs);
    }
    appendKey(out, "name", first);
    appendString(out, originName);
    appendKey(out, "origin", first);
    appendString(out, origin);
    appendKey(out, "path", first);
    appendString(out, path);
    if (repush) {
        appendKey(out, "repush", first);
        out += "true";
    }
    if (file) {
        appendKey(out, "size", first);
        appendNumber(out, size);
    }
    appendKey(out, "vv", first);
    out += '{';
    bool firstCounter = true;
    for (auto it = vv.counters().cbegin(); it != vv.counters().cend(); ++it) {
        if (!firstCounter)
            out += ',';
        firstCounter = false;
        appendString(out, it.key());
        out += ':';
        appendNumber(out, it.value());
    }
    out += "}}";
    return out;
}

std::optional<JournalRecord> JournalRecord::fromJson(const QJsonObject& o, QString& error)
{
    JournalRecord r;
    r.path = o.value(QStringLiteral("path")).toString();
    if (r.path.isEmpty()) {
        error = trc("protocol", "record without a path");
        return std::nullopt;
    }
    const auto vv = vvFrom(o.value(QStringLiteral("vv")));
    if (!vv || vv->isEmpty()) {
        error = trc("protocol", "record '%1': invalid version vector").arg(r.path);
        return std::nullopt;
    }
    r.vv = *vv;
    r.origin = o.value(QStringLiteral("origin")).toString();
    if (!isClientId(r.origin) || r.vv.counter(r.origin) == 0) {
        error = trc("protocol", "record '%1': invalid origin").arg(r.path);
        return std::nullopt;
    }
    r.originName = o.value(QStringLiteral("name")).toString().left(200);
    const QString kind = o.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("file"))
        r.kind = Kind::File;
    else if (kind == QLatin1String("dir"))
        r.kind = Kind::Directory;
    else if (kind == QLatin1String("deleted"))
        r.kind = Kind::Deleted;
    else if (kind == QLatin1String("piece"))
        r.piece = true;
    else {
        error = trc("protocol", "record '%1': unknown kind '%2'").arg(r.path, kind);
        return std::nullopt;
    }
    r.repush = o.value(QStringLiteral("repush")).toBool(false);
    if (r.kind != Kind::File)
        return r;

    if (!isWholeNumber(o.value(QStringLiteral("size"))) || !isWholeNumber(o.value(QStringLiteral("mtime")))) {
        error = trc("protocol", "record '%1': invalid size or mtime").arg(r.path);
        return std::nullopt;
    }
    r.size = qint64(o.value(QStringLiteral("size")).toDouble());
    r.mtimeMs = qint64(o.value(QStringLiteral("mtime")).toDouble());
    const auto hash = hashFrom(o.value(QStringLiteral("hash")));
    if (!hash) {
        error = trc("protocol", "record '%1': invalid hash").arg(r.path);
        return std::nullopt;
    }
    r.hash = *hash;
    if (const QJsonValue mode = o.value(QStringLiteral("mode")); !mode.isUndefined()) {
        if (!isWholeNumber(mode) || mode.toDouble() < 1 || mode.toDouble() > 0777) {
            error = trc("protocol", "record '%1': invalid mode").arg(r.path);
            return std::nullopt;
        }
        r.mode = int(mode.toDouble());
    }
    const QJsonValue from = o.value(QStringLiteral("from"));
    if (!from.isUndefined()) {
        if (!isWholeNumber(from) || from.toDouble() < 0 || from.toDouble() >= double(r.size)) {
            error = trc("protocol", "record '%1': invalid offset").arg(r.path);
            return std::nullopt;
        }
        r.from = qint64(from.toDouble());
    }
    // Format 1 names chunks (a whole object each), format 2 blobs in packs (R38).
    const bool packed = o.contains(QStringLiteral("blobs"));
    qint64 total = 0;
    for (const QJsonValue& v : o.value(packed ? QStringLiteral("blobs") : QStringLiteral("chunks")).toArray()) {
        const QJsonObject c = v.toObject();
        const QJsonValue offset = packed ? c.value(QStringLiteral("offset")) : QJsonValue(0);
        const QJsonValue length = c.value(packed ? QStringLiteral("length") : QStringLiteral("size"));
        BlobRef ref;
        ref.pack = c.value(packed ? QStringLiteral("pack") : QStringLiteral("id")).toString();
        const auto chash = hashFrom(c.value(QStringLiteral("hash")));
        if (!isObjectId(ref.pack) || !chash || !isWholeNumber(offset) || offset.toDouble() < 0 ||
            !isWholeNumber(length) || length.toDouble() < 1) {
            error = (packed ? trc("protocol", "record '%1': invalid blob")
                            : trc("protocol", "record '%1': invalid chunk"))
                        .arg(r.path);
            return std::nullopt;
        }
        ref.offset = qint64(offset.toDouble());
        ref.whole = !packed;
        ref.length = qint64(length.toDouble());
        ref.hash = *chash;
        total += ref.length;
        r.blobs.append(ref);
    }
    if (r.piece) {
        // A piece carries some bytes, never the end of the file: the version itself does.
        if (r.blobs.isEmpty() || r.from + total >= r.size || r.repush) {
            error = trc("protocol", "record '%1': invalid piece").arg(r.path);
            return std::nullopt;
        }
    } else if (!r.blobs.isEmpty() && total != r.size - r.from) {
        error = trc("protocol", "record '%1': its content adds up to %2 bytes, not %3")
                    .arg(r.path)
                    .arg(total)
                    .arg(r.size - r.from);
        return std::nullopt;
    }
    return r;
}

bool JournalRecord::sameContent(const JournalRecord& other) const
{
    if (kind != other.kind)
        return false;
    return kind != Kind::File || (hash == other.hash && size == other.size);
}

QJsonObject Head::toJson() const
{
    QJsonObject acksObject;
    for (auto it = acks.cbegin(); it != acks.cend(); ++it)
        acksObject.insert(it.key(), double(it.value()));
    QJsonObject snapshotAcksObject;
    for (auto it = snapshotAcks.cbegin(); it != snapshotAcks.cend(); ++it)
        snapshotAcksObject.insert(it.key(), double(it.value()));
    QJsonArray wantsArray;
    for (const QByteArray& h : wants)
        wantsArray.append(QString::fromLatin1(h.toHex()));
    QJsonObject o{{QStringLiteral("format"), kFormatVersion},
                  {QStringLiteral("type"), QStringLiteral("head")},
                  {QStringLiteral("wants"), wantsArray},
                  {QStringLiteral("snapshotAcks"), snapshotAcksObject},
                  {QStringLiteral("client"), client},
                  {QStringLiteral("generation"), double(generation)},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("journal"), double(journal)},
                  {QStringLiteral("snapshot"), double(snapshot)},
                  {QStringLiteral("usage"), double(usage)},
                  {QStringLiteral("acks"), acksObject}};
    if (!lacks.isEmpty()) {
        QJsonArray lacksArray;
        for (const QByteArray& h : lacks)
            lacksArray.append(QString::fromLatin1(h.toHex()));
        o.insert(QStringLiteral("lacks"), lacksArray);
    }
    if (!missing.isEmpty()) {
        QJsonObject missingObject;
        for (auto it = missing.cbegin(); it != missing.cend(); ++it)
            missingObject.insert(it.key(), double(it.value()));
        o.insert(QStringLiteral("missing"), missingObject);
    }
    return o;
}

std::optional<Head> Head::fromJson(const QJsonObject& o, QString& error)
{
    Head h;
    h.client = o.value(QStringLiteral("client")).toString();
    if (!isClientId(h.client)) {
        error = trc("protocol", "head: invalid client id");
        return std::nullopt;
    }
    for (const char* key : {"generation", "journal", "snapshot", "usage"}) {
        if (!isWholeNumber(o.value(QLatin1String(key)))) {
            error = trc("protocol", "head of %1: invalid '%2'").arg(h.client, QLatin1String(key));
            return std::nullopt;
        }
    }
    h.generation = quint64(o.value(QStringLiteral("generation")).toDouble());
    h.journal = quint64(o.value(QStringLiteral("journal")).toDouble());
    h.snapshot = quint64(o.value(QStringLiteral("snapshot")).toDouble());
    h.usage = qint64(o.value(QStringLiteral("usage")).toDouble());
    h.name = o.value(QStringLiteral("name")).toString().left(200);
    const QJsonObject acks = o.value(QStringLiteral("acks")).toObject();
    for (auto it = acks.begin(); it != acks.end(); ++it) {
        if (!isClientId(it.key()) || !isWholeNumber(it.value())) {
            error = trc("protocol", "head of %1: invalid acknowledgement").arg(h.client);
            return std::nullopt;
        }
        h.acks.insert(it.key(), quint64(it.value().toDouble()));
    }
    const QJsonObject snapshotAcks = o.value(QStringLiteral("snapshotAcks")).toObject();
    for (auto it = snapshotAcks.begin(); it != snapshotAcks.end(); ++it) {
        if (!isClientId(it.key()) || !isWholeNumber(it.value())) {
            error = trc("protocol", "head of %1: invalid snapshot coverage").arg(h.client);
            return std::nullopt;
        }
        h.snapshotAcks.insert(it.key(), quint64(it.value().toDouble()));
    }
    const QJsonObject missing = o.value(QStringLiteral("missing")).toObject();
    for (auto it = missing.begin(); it != missing.end(); ++it) {
        if (!isClientId(it.key()) || !isWholeNumber(it.value()) || it.value().toDouble() < 1) {
            error = trc("protocol", "head of %1: invalid missing segment").arg(h.client);
            return std::nullopt;
        }
        h.missing.insert(it.key(), quint64(it.value().toDouble()));
    }
    // Two lists of content hashes: what it wants (R23), and of what the others want, what it
    // lacks (an optional field: a head of an earlier release has none).
    auto hashes = [&](const char* key, QList<QByteArray>& out, const QString& tooMany, const QString& invalid) {
        const QJsonArray list = o.value(QLatin1String(key)).toArray();
        if (list.size() > 100000) {
            error = tooMany;
            return false;
        }
        for (const QJsonValue& w : list) {
            const auto hash = hashFrom(w);
            if (!hash) {
                error = invalid;
                return false;
            }
            out.append(*hash);
        }
        return true;
    };
    if (!hashes("wants", h.wants, trc("protocol", "head of %1: too many wants").arg(h.client),
                trc("protocol", "head of %1: invalid want").arg(h.client)) ||
        !hashes("lacks", h.lacks, trc("protocol", "head of %1: too many lacks").arg(h.client),
                trc("protocol", "head of %1: invalid lack").arg(h.client)))
        return std::nullopt;
    return h;
}

QByteArray RepositoryHeader::toBytes() const
{
    QJsonObject o{{QStringLiteral("format"), format},
                  {QStringLiteral("repository"), repository},
                  {QStringLiteral("created"), created},
                  {QStringLiteral("encryption"), encryption}};
    if (encryption != QLatin1String("off")) {
        o.insert(QStringLiteral("kdf"), kdf);
        o.insert(QStringLiteral("key"), QString::fromLatin1(wrappedKey.toBase64()));
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<RepositoryHeader> RepositoryHeader::fromBytes(const QByteArray& bytes, QString& error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (!doc.isObject()) {
        error = trc("protocol", "the repository header is not valid JSON (%1)").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    RepositoryHeader h;
    h.format = o.value(QStringLiteral("format")).toInt(-1);
    h.repository = o.value(QStringLiteral("repository")).toString();
    h.created = o.value(QStringLiteral("created")).toString();
    h.encryption = o.value(QStringLiteral("encryption")).toString();
    if (h.format < 1) {
        error = trc("protocol", "the repository header has no format version");
        return std::nullopt;
    }
    if (isReadableFormat(h.format) && (!isHex(h.repository, 32) || h.encryption.isEmpty())) {
        error = trc("protocol", "the repository header is incomplete");
        return std::nullopt;
    }
    if (isReadableFormat(h.format) && h.encryption != QLatin1String("off")) {
        h.kdf = o.value(QStringLiteral("kdf")).toObject();
        const auto key = QByteArray::fromBase64Encoding(o.value(QStringLiteral("key")).toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
        if (h.kdf.isEmpty() || !key) {
            error = trc("protocol", "the repository header is encrypted but has no key");
            return std::nullopt;
        }
        h.wrappedKey = *key;
    }
    return h;
}

} // namespace escale::protocol
