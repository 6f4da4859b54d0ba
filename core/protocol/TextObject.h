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

    QByteArray encode() const;

    // Decodes and checks the framing, and that the header's "type" is `type`. Any damage
    // (truncation, a changed byte, a bad count) gives std::nullopt and an error naming it.
    static std::optional<TextObject> decode(const QByteArray& bytes, const QString& type, QString& error);
};

} // namespace escale::protocol
