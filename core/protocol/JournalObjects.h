#pragma once

#include "protocol/TextObject.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace escale::protocol {

// One segment of a client's journal, `journal/<client>/<seq>` (relay-format.md section 4, R13):
// a text object of type "journal" whose header names its writer and number. Its records stay
// JSON objects here: each reader decides what a record that does not decode costs it.
struct JournalSegment
{
    QString client;
    quint64 seq = 0;
    QList<QJsonObject> records;    // written first (encode only)
    QList<QByteArray> recordLines; // records as text (toJsonText): written after `records`; what decode reads

    QByteArray encode() const;
    // Decodes and checks the framing, and that it is `client`'s segment `seq` (an object put
    // under another name is refused as a replay would be); std::nullopt with `error` naming why.
    static std::optional<JournalSegment> decode(const QByteArray& bytes, const QString& client, quint64 seq,
                                                QString& error);
};

// A client's snapshot, `snapshots/<client>/<seq>` (R17): every version it knows, with the journal
// positions it covers (its own included).
struct Snapshot
{
    QString client;
    quint64 seq = 0;
    QMap<QString, quint64> acks;
    QList<QJsonObject> records;    // written first (encode only)
    QList<QByteArray> recordLines; // records as text (toJsonText): written after `records`; what decode reads

    QByteArray encode() const;
    static std::optional<Snapshot> decode(const QByteArray& bytes, const QString& client, quint64 seq,
                                          QString& error);
};

// The forwarding record `heads/forward` (relay-format.md R32): the repository moved to
// `address`. Written through the repository's codec, so that in an encrypted repository only
// a holder of the passphrase can write one.
struct Forward
{
    QString repository; // the repository id, as in the header
    QString address;    // the new relay address, without secrets
    qint64 timeMs = 0;  // when the migration wrote it (the migrating machine's clock; shown only)
};
QByteArray encodeForward(const Forward& forward);
std::optional<Forward> decodeForward(const QByteArray& bytes, QString& error);

} // namespace escale::protocol
