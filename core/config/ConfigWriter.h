#pragma once

#include <QString>

namespace escale::config {

// Sets `key = value` in a [section] of a configuration file, keeping every other line as it is:
// an existing line for the key is replaced, otherwise the line goes at the end of the section.
// The file keeps its permissions; it is replaced atomically. False with `error` on failure.
bool setKeyInFile(const QString& path, const QString& section, const QString& key, const QString& value,
                  QString& error);

} // namespace escale::config
