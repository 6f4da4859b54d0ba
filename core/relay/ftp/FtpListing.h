#pragma once

#include "relay/RelayTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <optional>

namespace escale::relay::ftp {

// Directory listings from FTP servers, turned into relay entries. MLSD lines are standard
// (RFC 3659: facts, a space, the name); LIST lines are whatever the server's `ls` prints, so
// both common shapes are read: Unix (`-rw-r--r-- 1 owner group 1234 Nov 26 01:02 name`, with or
// without the group, a year instead of the time for old files) and DOS/IIS
// (`11-26-26  01:02AM  <DIR>  name`, `11-26-2026  13:02  1234 name`). Names are UTF-8, may hold
// spaces, and are never `.`, `..` or anything with a '/' or a NUL: such lines are dropped, as are
// lines that fit no shape ("total 12", server chatter). Nothing here trusts the server's input.

// One MLSD line; std::nullopt for `.`, `..`, unparseable lines and names that are not names.
std::optional<RelayEntry> parseMlsdLine(QByteArrayView line);
// One LIST line. `now` decides the year of Unix dates given without one (the latest such date
// that is not more than a day in the future).
std::optional<RelayEntry> parseListLine(QByteArrayView line, const QDateTime& now);
// A whole listing (CRLF or LF line ends), either format.
QList<RelayEntry> parseListing(const QByteArray& listing, bool mlsd, const QDateTime& now);

} // namespace escale::relay::ftp
