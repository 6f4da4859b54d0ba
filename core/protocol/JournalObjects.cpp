#include "protocol/JournalObjects.h"

#include "Tr.h"
#include "protocol/Records.h"

namespace escale::protocol {

namespace {

QJsonObject headerOf(const QString& type, const QString& client, quint64 seq)
{
    return QJsonObject{{QStringLiteral("format"), kFormatVersion},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("client"), client},
                       {QStringLiteral("seq"), double(seq)}};
}

// The text object of `type` that is `client`'s number `seq`.
std::optional<TextObject> decodeNumbered(const QByteArray& bytes, const QString& type, const QString& client,
                                         quint64 seq, QString& error)
{
    auto text = TextObject::decode(bytes, type, error, true);
    if (!text)
        return std::nullopt;
    if (text->header.value(QStringLiteral("client")).toString() != client ||
        quint64(text->header.value(QStringLiteral("seq")).toDouble()) != seq) {
        error = trc("protocol", "header mismatch");
        return std::nullopt;
    }
    return text;
}

} // namespace

QByteArray JournalSegment::encode() const
{
    TextObject text;
    text.header = headerOf(QStringLiteral("journal"), client, seq);
    text.records = records;
    text.recordLines = recordLines;
    text.compress = true;
    return text.encode();
}

std::optional<JournalSegment> JournalSegment::decode(const QByteArray& bytes, const QString& client, quint64 seq,
                                                     QString& error)
{
    const auto text = decodeNumbered(bytes, QStringLiteral("journal"), client, seq, error);
    if (!text)
        return std::nullopt;
    return JournalSegment{client, seq, {}, text->recordLines};
}

QByteArray Snapshot::encode() const
{
    TextObject text;
    text.header = headerOf(QStringLiteral("snapshot"), client, seq);
    QJsonObject covered;
    for (auto it = acks.cbegin(); it != acks.cend(); ++it)
        covered.insert(it.key(), double(it.value()));
    text.header.insert(QStringLiteral("acks"), covered);
    text.records = records;
    text.recordLines = recordLines;
    text.compress = true;
    return text.encode();
}

std::optional<Snapshot> Snapshot::decode(const QByteArray& bytes, const QString& client, quint64 seq,
                                         QString& error)
{
    const auto text = decodeNumbered(bytes, QStringLiteral("snapshot"), client, seq, error);
    if (!text)
        return std::nullopt;
    Snapshot s{client, seq, {}, {}, text->recordLines};
    const QJsonObject acks = text->header.value(QStringLiteral("acks")).toObject();
    for (auto it = acks.begin(); it != acks.end(); ++it)
        s.acks.insert(it.key(), quint64(it.value().toDouble()));
    return s;
}

QByteArray encodeForward(const Forward& forward)
{
    protocol::TextObject text;
    text.header = QJsonObject{{QStringLiteral("format"), protocol::kFormatVersion},
                              {QStringLiteral("type"), QStringLiteral("forward")},
                              {QStringLiteral("repository"), forward.repository},
                              {QStringLiteral("address"), forward.address},
                              {QStringLiteral("time"), double(forward.timeMs)}};
    return text.encode();
}

std::optional<Forward> decodeForward(const QByteArray& bytes, QString& error)
{
    const auto text = protocol::TextObject::decode(bytes, QStringLiteral("forward"), error);
    if (!text)
        return std::nullopt;
    Forward f;
    f.repository = text->header.value(QStringLiteral("repository")).toString();
    f.address = text->header.value(QStringLiteral("address")).toString();
    f.timeMs = qint64(text->header.value(QStringLiteral("time")).toDouble());
    if (f.repository.isEmpty() || f.address.isEmpty()) {
        error = trc("protocol", "the forwarding record names no repository or no address");
        return std::nullopt;
    }
    return f;
}

} // namespace escale::protocol
