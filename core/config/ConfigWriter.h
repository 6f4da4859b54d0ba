#pragma once

#include "config/ConfigKeys.h"

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
// no value.
struct KeyEdit
{
    QStringList names;
    std::optional<QString> value;
};
bool editSectionInFile(const QString& path, const QString& section, const QList<KeyEdit>& edits,
                       QString& error);
// The edit of a repository key by its id, with all its names.
KeyEdit keyEdit(KeyId id, const std::optional<QString>& value);
// A section moved to another relay: `relay address` set, and the keys that completed the old
// address ('protocol', 'relay path', 'port') removed.
QList<KeyEdit> relayAddressEdits(const QString& address);

} // namespace escale::config
