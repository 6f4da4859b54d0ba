#pragma once

#include "protocol/VersionVector.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <functional>
#include <optional>

namespace escale::protocol {

// The format this Escale writes (relay-format.md section 13: blobs in packs), and the oldest it
// reads: a format-1 repository is read as it is and upgraded in place when opened (R43).
inline constexpr int kFormatVersion = 2;
inline constexpr int kOldestFormat = 1;
inline constexpr bool isReadableFormat(int format) { return format >= kOldestFormat && format <= kFormatVersion; }

// A piece of a file's content where it lies on the relay (relay-format.md R38): `length` bytes at
// `offset` in the content object `pack`. A format-1 chunk is a pack of one blob, at offset 0.
struct BlobRef
{
    QString pack; // object id: 32 hex digits
    qint64 offset = 0;
    qint64 length = 0;
    QByteArray hash; // SHA-256 of the blob's bytes, raw
    // The blob is the whole object (format 1's chunk, read whole and checked as such), not a part
    // of a pack (read as a part, R40).
    bool whole = true;

    bool operator==(const BlobRef&) const = default;
};

// One version of one path, as a journal record (relay-format.md section 6).
struct JournalRecord
{
    enum class Kind
    {
        File,
        Directory,
        Deleted
    };

    QString path;
    VersionVector vv;
    QString origin;     // client id that made this version
    QString originName; // its display name
    Kind kind = Kind::File;
    qint64 size = 0;
    qint64 mtimeMs = 0;
    QByteArray hash;        // SHA-256 of the whole file, raw
    QList<BlobRef> blobs; // in file order, covering the bytes from `from` to `size`
    qint64 from = 0;        // > 0: the bytes before were sent in pieces (R28)
    int mode = 0;           // permission bits (0777 at most) of a file; 0: not said (R34)
    bool repush = false;
    // Not a version: a piece of the content of the version `vv` of `path`, sent ahead of it
    // because the file is larger than the relay's quota (R28). Kind is File.
    bool piece = false;

    QJsonObject toJson() const;
    // The same as compact JSON text, byte for byte what QJsonDocument makes of toJson(), without
    // building the object (a state database writes thousands per pass).
    QByteArray toJsonText() const;
    // Parses and checks a record; std::nullopt with `error` set when it is malformed.
    static std::optional<JournalRecord> fromJson(const QJsonObject& o, QString& error);
    // The same from a record's text (toJsonText's compact form read directly, anything else
    // through fromJson()): what the journals, snapshots and state database hold.
    static std::optional<JournalRecord> fromJsonText(const QByteArray& text, QString& error);

    // Same content: same kind, and for files the same hash.
    bool sameContent(const JournalRecord& other) const;
    // Same content and the same permission bits.
    bool sameState(const JournalRecord& other) const { return sameContent(other) && mode == other.mode; }

    bool operator==(const JournalRecord&) const = default;
};

QString kindName(JournalRecord::Kind kind);

// The head of one client (relay-format.md section 5).
struct Head
{
    QString client;
    quint64 generation = 0;
    QString name;
    quint64 journal = 0;
    quint64 snapshot = 0;
    qint64 usage = 0;
    QMap<QString, quint64> acks;
    QList<QByteArray> wants;             // SHA-256 of contents this client could not get (R23)
    // Of the contents the others want, those no file of this client's folder holds; and those it
    // wants only under names it cannot publish (R23, "A content no client holds").
    QList<QByteArray> lacks;
    QMap<QString, quint64> snapshotAcks; // what its snapshot covers, its own journal included (R17)
    // For another client, the first of its journal segments this one cannot read (gone, damaged):
    // that client answers with a snapshot that covers it (R35).
    QMap<QString, quint64> missing;

    QJsonObject toJson() const;
    static std::optional<Head> fromJson(const QJsonObject& o, QString& error);
};

// The repository header, escale-repository.json (relay-format.md section 3).
struct RepositoryHeader
{
    int format = kFormatVersion;
    QString repository;
    QString created;
    QString encryption = QStringLiteral("off");
    // With encryption: how the key-encryption key is derived from the passphrase (name,
    // parameters, salt), and the random master key sealed under it (relay-format.md 3).
    QJsonObject kdf;
    QByteArray wrappedKey;

    QByteArray toBytes() const;
    static std::optional<RepositoryHeader> fromBytes(const QByteArray& bytes, QString& error);
};

bool isClientId(const QString& s);
namespace detail {
// fromJsonText's own reader: the record, or std::nullopt when it leaves the text to fromJson().
std::optional<JournalRecord> readRecordText(const QByteArray& text);
} // namespace detail
bool isObjectId(const QString& s);
QString newClientId();
// A content object's name: 24 random hex digits, then the last 8 of its writer's client id (R20),
// so that a writer can tell its own objects on the relay from the others' without a record.
QString newObjectId(const QString& writer);
bool isObjectOf(const QString& object, const QString& writer);
QString newRepositoryId();
// Tests only (the engine's model test): ids drawn from `source` (a seeded generator) instead,
// so that a run replays with the same object names; nullptr: the default again.
void setIdSourceForTests(std::function<void(char* into, int bytes)> source);

} // namespace escale::protocol
