#include "protocol/TextObject.h"

#include "Tr.h"
#include "protocol/Records.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <future>
#include <openssl/evp.h>
#include <system_error>
#include <vector>

namespace escale::protocol {

namespace {

constexpr char kCompressed = 'z';              // a text object starts with '{'
constexpr qsizetype kSmallestCompressed = 1024; // below, the text as it is
constexpr qint64 kLargestText = 1LL << 30;     // what a compressed object may expand to
constexpr qint64 kLargestRatio = 1100;         // zlib expands by at most ~1032 times

// The SHA-256 of `size` bytes, in hexadecimal: OpenSSL's (a segment of 10,000 records is 3.9 MB),
// Qt's where OpenSSL refuses (a provider without it).
QByteArray sha256Hex(const char* data, qsizetype size)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data, size_t(size), digest, &length, EVP_sha256(), nullptr) != 1 || length != 32)
        return QCryptographicHash::hash(QByteArrayView(data, size), QCryptographicHash::Sha256).toHex();
    return QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex();
}

} // namespace

QByteArray TextObject::encode() const
{
    QByteArray out = QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n';
    qsizetype size = out.size() + 100; // and the end line
    for (const QByteArray& line : recordLines)
        size += line.size() + 1;
    out.reserve(size);
    for (const QJsonObject& r : records)
        out.append(QJsonDocument(r).toJson(QJsonDocument::Compact)).append('\n');
    for (const QByteArray& line : recordLines)
        out.append(line).append('\n');
    const QByteArray hash = sha256Hex(out.constData(), out.size());
    out += "{\"end\":" + QByteArray::number(records.size() + recordLines.size()) + ",\"sha256\":\"" + hash +
           "\"}\n";
    if (!compress || out.size() < kSmallestCompressed)
        return out;
    // qCompress: the length as 4 bytes big-endian, then a zlib stream (RFC 1950). Level 1: a
    // segment of 10,000 records (3.9 MB) in ~25 ms, 6 times smaller.
    const QByteArray packed = qCompress(out, 1);
    return packed.size() + 1 < out.size() ? kCompressed + packed : out;
}

std::optional<TextObject> TextObject::decode(const QByteArray& stored, const QString& type, QString& error,
                                           bool recordsAsText)
{
    QByteArray expanded;
    if (!stored.isEmpty() && stored.at(0) == kCompressed) {
        if (stored.size() < 1 + 4 + 2) {
            error = trc("protocol", "truncated (compressed)");
            return std::nullopt;
        }
        const auto* u = reinterpret_cast<const uchar*>(stored.constData() + 1);
        const qint64 length = qint64(u[0]) << 24 | qint64(u[1]) << 16 | qint64(u[2]) << 8 | qint64(u[3]);
        // Checked before anything is allocated: a hostile relay's object cannot ask for gigabytes.
        if (length == 0 || length > kLargestText || length > kLargestRatio * stored.size()) {
            error =
                trc("protocol", "damaged (compressed length %1 for %2 bytes)").arg(length).arg(stored.size());
            return std::nullopt;
        }
        expanded = qUncompress(reinterpret_cast<const uchar*>(stored.constData() + 1), stored.size() - 1);
        if (expanded.size() != length) {
            error = trc("protocol", "damaged (does not decompress)");
            return std::nullopt;
        }
    }
    const QByteArray& bytes = expanded.isNull() ? stored : expanded;
    if (!bytes.endsWith('\n')) {
        error = trc("protocol", "truncated (no final line)");
        return std::nullopt;
    }
    const qsizetype lastStart = bytes.lastIndexOf('\n', bytes.size() - 2) + 1;
    const QByteArray body = QByteArray::fromRawData(bytes.constData(), lastStart); // `bytes` outlives it
    const QJsonDocument endDoc = QJsonDocument::fromJson(bytes.mid(lastStart));
    const QJsonObject end = endDoc.object();
    if (!end.contains(QStringLiteral("end")) || !end.contains(QStringLiteral("sha256"))) {
        error = trc("protocol", "truncated (no end line)");
        return std::nullopt;
    }
    const QByteArray expected = sha256Hex(body.constData(), body.size());
    if (end.value(QStringLiteral("sha256")).toString().toLatin1() != expected) {
        error = trc("protocol", "damaged (checksum mismatch)");
        return std::nullopt;
    }
    const QList<QByteArray> lines = body.split('\n');
    // body ends with '\n', so the last split element is empty
    if (lines.size() < 2) {
        error = trc("protocol", "empty");
        return std::nullopt;
    }
    TextObject t;
    QJsonParseError parseError;
    const QJsonDocument headerDoc = QJsonDocument::fromJson(lines.first(), &parseError);
    if (!headerDoc.isObject()) {
        error = trc("protocol", "invalid header line");
        return std::nullopt;
    }
    t.header = headerDoc.object();
    if (!isReadableFormat(t.header.value(QStringLiteral("format")).toInt())) {
        error = trc("protocol", "format %1, this Escale reads formats %2 to %3")
                    .arg(t.header.value(QStringLiteral("format")).toInt())
                    .arg(kOldestFormat)
                    .arg(kFormatVersion);
        return std::nullopt;
    }
    if (t.header.value(QStringLiteral("type")).toString() != type) {
        error = trc("protocol", "expected a %1, found a '%2'")
                    .arg(type, t.header.value(QStringLiteral("type")).toString());
        return std::nullopt;
    }
    // As text: a line the records' own reader takes is a JSON object (and a record) already. In a
    // long text, the second half of the lines is read so on another thread meanwhile (10,000
    // records were a tenth of a receiver's pass, on its engine's thread).
    std::vector<char> takenAsRecord;
    if (recordsAsText) {
        takenAsRecord.assign(size_t(lines.size()), 0);
        auto readLines = [&lines, &takenAsRecord](qsizetype from, qsizetype to) {
            for (qsizetype i = from; i < to; ++i)
                takenAsRecord[size_t(i)] = detail::readRecordText(lines.at(i)).has_value();
        };
        const qsizetype last = lines.size() - 1;
        const qsizetype middle = last > 4096 ? (1 + last) / 2 : last;
        std::future<void> secondHalf;
        try {
            if (middle < last)
                secondHalf = std::async(std::launch::async, readLines, middle, last);
        } catch (const std::system_error&) { // no thread to be had: all here
        }
        readLines(1, secondHalf.valid() ? middle : last);
        if (secondHalf.valid())
            secondHalf.get();
    }
    for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        if (recordsAsText && takenAsRecord[size_t(i)]) {
            t.recordLines.append(line);
            continue;
        }
        const QJsonDocument d = QJsonDocument::fromJson(line, &parseError);
        if (!d.isObject()) {
            error = trc("protocol", "invalid record line %1").arg(i + 1);
            return std::nullopt;
        }
        if (recordsAsText)
            t.recordLines.append(line); // a JSON object: read as a record, or refused, by its reader
        else
            t.records.append(d.object());
    }
    if (end.value(QStringLiteral("end")).toInt(-1) != t.records.size() + t.recordLines.size()) {
        error = trc("protocol", "record count mismatch");
        return std::nullopt;
    }
    return t;
}

} // namespace escale::protocol
