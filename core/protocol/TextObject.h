#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace escale::protocol {

// The JSON Lines framing of heads, journal segments and snapshots (relay-format.md
// section 4, R8): a header line, record lines, and an end line with the record count and
// the SHA-256 of everything before it.
struct TextObject
{
    QJsonObject header;
    QList<QJsonObject> records;
    // Records already in their compact text (JournalRecord::toJsonText), written after `records`.
    QList<QByteArray> recordLines;
    // Stored compressed (relay-format.md section 4: `z`, the text's length, a zlib stream) when
    // that makes it smaller: journal segments and snapshots, a few hundred bytes a record of
    // which hashes and names repeat.
    bool compress = false;

    QByteArray encode() const;

    // Decodes and checks the framing, and that the header's "type" is `type`; takes the text or
    // its compressed form. Any damage (truncation, a changed byte, a bad count, a compressed form
    // that does not expand to its stated length) gives std::nullopt and an error naming it.
    // With `recordsAsText`, the record lines (each a JSON object, else the object is invalid) go to
    // `recordLines` as they are, for JournalRecord::fromJsonText, not parsed into `records`.
    static std::optional<TextObject> decode(const QByteArray& bytes, const QString& type, QString& error,
                                            bool recordsAsText = false);
};

} // namespace escale::protocol
