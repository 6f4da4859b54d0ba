#pragma once

#include "state/StateDb.h"

#include <QHash>
#include <QString>
#include <optional>

namespace escale::sync {

// Per-file and per-folder access flags (send = r, receive = w), as stored in a repository's
// state database: a flag set on a path holds for it and everything below it, down to the
// next path that sets that flag.
using AccessTable = QHash<QString, state::StateDb::Access>;

struct EffectiveAccess
{
    bool send = true;
    bool receive = true;
    QString sendSetAt; // the path whose flag decides; empty: nothing set, the default
    QString receiveSetAt;
    bool sendSet = false;
    bool receiveSet = false;
};

EffectiveAccess effectiveAccess(const AccessTable& table, const QString& path);
// A table as one line of text, and back (an empty or unreadable text: an empty table).
QString accessTableText(const AccessTable& table);
AccessTable accessTableFromText(const QString& text);

// Modifiers as `escalectl access` takes them: r+ r- r? w+ w- w? (a bare r or w is +), several
// in one word (r-w+). Applied to `flags`; false with `error` (and `flags` as they were) on
// anything else.
bool applyAccessModifiers(const QStringList& words, state::StateDb::Access& flags, QString& error);

// "r+w?" for a path's own flags; '?' is "not set here".
QString accessFlagsText(const state::StateDb::Access& flags);

} // namespace escale::sync
