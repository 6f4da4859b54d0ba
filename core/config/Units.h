#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace escale::config {

// Parsers for the typed values of the configuration. Each returns std::nullopt and
// sets `error` to a phrase such as "expected a size such as 2GB, got 'lots'".

// Sizes in bytes. Units are binary, as in Escale 0.7: K/KB/KiB/Ko = 1024, M/MB/MiB/Mo,
// G..., T..., P...; 'B' = bytes; 'Kb', 'Mb', 'Gb', 'Tb', 'Pb' (capital letter then a lower-case
// b) are bits. A comma may be the decimal mark. A bare number is counted in `bareUnit` bytes
// (MiB for 'disk quota'). A trailing '/s' is accepted (bandwidths).
std::optional<qint64> parseSize(const QString& text, qint64 bareUnit, QString& error);

// Durations in milliseconds: s, m/min, h, d, w (and their long forms). A bare number is
// counted in `bareUnitMs`.
std::optional<qint64> parseDuration(const QString& text, qint64 bareUnitMs, QString& error);

// yes/no, true/false, on/off, 1/0 (case-insensitive).
std::optional<bool> parseBool(const QString& text);
std::optional<bool> parseBool(const QString& text, QString& error);

// A whole number in [min, max].
std::optional<qint64> parseInteger(const QString& text, qint64 min, qint64 max, QString& error);

// A comma- or newline-separated list; items are trimmed and empty items dropped. An item that
// starts with '/' is a regular expression and runs to its closing '/', commas included.
QStringList parseList(const QString& text);

// E-mail addresses separated by commas, semicolons or spaces: plain 'name@host' only, nothing
// that could end a mail header or add a recipient unseen.
std::optional<QStringList> parseEmailList(const QString& text, QString& error);

// A certificate's or host key's SHA-256 fingerprint: 64 hex digits (colons allowed), or OpenSSH's
// "SHA256:" base64 form; its 32 bytes, or nothing when it is neither.
std::optional<QByteArray> parseFingerprint(const QString& text);

// "1.5 MiB": in the user's language (its units, its number form), or in English for the log.
QString formatSize(qint64 bytes, bool translated = true);

} // namespace escale::config
