#include "protocol/TextObject.h"

#include "protocol/Records.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace escale::protocol {

QByteArray TextObject::encode() const
{
    QByteArray out = QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n';
    for (const QJsonObject& r : records)
        out += QJsonDocument(r).toJson(QJsonDocument::Compact) + '\n';
    for (const QByteArray& line : recordLines)
        out += line + '\n';
    const QByteArray hash = QCryptographicHash::hash(out, QCryptographicHash::Sha256).toHex();
    out += "{\"end\":" + QByteArray::number(records.size() + recordLines.size()) + ",\"sha256\":\"" + hash +
           "\"}\n";
    return out;
}

std::optional<TextObject> TextObject::decode(const QByteArray& bytes, const QString& type, QString& error)
{
    if (!bytes.endsWith('\n')) {
        error = QStringLiteral("truncated (no final line)");
        return std::nullopt;
    }
    const qsizetype lastStart = bytes.lastIndexOf('\n', bytes.size() - 2) + 1;
    const QByteArray body = bytes.left(lastStart);
    const QJsonDocument endDoc = QJsonDocument::fromJson(bytes.mid(lastStart));
    const QJsonObject end = endDoc.object();
    if (!end.contains(QStringLiteral("end")) || !end.contains(QStringLiteral("sha256"))) {
        error = QStringLiteral("truncated (no end line)");
        return std::nullopt;
    }
    const QByteArray expected = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    if (end.value(QStringLiteral("sha256")).toString().toLatin1() != expected) {
        error = QStringLiteral("damaged (checksum mismatch)");
        return std::nullopt;
    }
    const QList<QByteArray> lines = body.split('\n');
    // body ends with '\n', so the last split element is empty
    if (lines.size() < 2) {
        error = QStringLiteral("empty");
        return std::nullopt;
    }
    TextObject t;
    QJsonParseError parseError;
    const QJsonDocument headerDoc = QJsonDocument::fromJson(lines.first(), &parseError);
    if (!headerDoc.isObject()) {
        error = QStringLiteral("invalid header line");
        return std::nullopt;
    }
    t.header = headerDoc.object();
    if (!isReadableFormat(t.header.value(QStringLiteral("format")).toInt())) {
        error = QStringLiteral("format %1, this Escale reads formats %2 to %3")
                    .arg(t.header.value(QStringLiteral("format")).toInt())
                    .arg(kOldestFormat)
                    .arg(kFormatVersion);
        return std::nullopt;
    }
    if (t.header.value(QStringLiteral("type")).toString() != type) {
        error = QStringLiteral("expected a %1, found a '%2'")
                    .arg(type, t.header.value(QStringLiteral("type")).toString());
        return std::nullopt;
    }
    for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
        const QJsonDocument d = QJsonDocument::fromJson(lines.at(i), &parseError);
        if (!d.isObject()) {
            error = QStringLiteral("invalid record line %1").arg(i + 1);
            return std::nullopt;
        }
        t.records.append(d.object());
    }
    if (end.value(QStringLiteral("end")).toInt(-1) != t.records.size()) {
        error = QStringLiteral("record count mismatch");
        return std::nullopt;
    }
    return t;
}

} // namespace escale::protocol
