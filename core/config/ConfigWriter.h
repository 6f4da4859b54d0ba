#pragma once

#include "config/Config.h"
#include "config/ConfigKeys.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace escale::config {

// Sets `key = value` in a [section] of a configuration file, keeping every other line as it is:
// an existing line for the key is replaced, otherwise the line goes at the end of the section.
// The file keeps its permissions; it is replaced atomically. False with `error` on failure.
bool setKeyInFile(const QString& path, const QString& section, const QString& key, const QString& value,
                  QString& error);

// One change of a section: every line of the key under any of `names` (canonical name first,
// then its aliases) is replaced by one line `names.first() = value`, or removed when there is
// no value. A value's continuation lines go with it.
struct KeyEdit
{
    QStringList names;
    std::optional<QString> value;
};
// `section` empty: the general settings (the lines before the first [section], or [DEFAULT]).
// Comments, other keys (unknown ones too) and other sections stay as they are.
bool editSectionInFile(const QString& path, const QString& section, const QList<KeyEdit>& edits,
                       QString& error);
// The edit of a key by its id, with all its names.
KeyEdit keyEdit(KeyId id, const std::optional<QString>& value);
// A section moved to another relay: `relay address` set, and the keys that completed the old
// address ('protocol', 'relay path', 'port') removed.
QList<KeyEdit> relayAddressEdits(const QString& address);

// The configuration as it would be with the edits, checked by the loader on a copy beside the
// file (relative paths mean the same); nothing is written. std::nullopt with the first error.
// `problem`, when given, receives the first error as a diagnostic (its key names the field).
std::optional<Config> checkEdits(const QString& path, const QString& section, const QList<KeyEdit>& edits,
                                 QString& error, ConfigDiagnostic* problem = nullptr);

// Removes a [section] and its lines (up to the next section) from the file.
bool removeSectionFromFile(const QString& path, const QString& section, QString& error);

// The values a section (empty: the general settings) writes, by key, as written (aliases
// folded into their key); keys it does not write are absent.
QHash<KeyId, QString> sectionValues(const QString& path, const QString& section);

} // namespace escale::config
