#pragma once

#include <QString>

namespace escale::protocol {

// The names Escale 0.7 leaves on a relay folder (docs/upgrading.md; reference: its classic
// "placeholder" relay and its index relay). Escale 1 never writes such names: they are told
// apart by name alone.
enum class LegacyKind
{
    None,        // not an Escale 0.7 name
    Placeholder, // .NAME.placeholder: metadata of a file ever shared (classic relay)
    Lock,        // .NAME.lock: a transfer under way, or left by a crash (both relays)
    IndexPage,   // .PAGE.index: the persistent index of a page (index relay)
    UpdateIndex, // .PAGE.TS.index: an update's index, until every 0.7 client read it
    UpdateData,  // .PAGE.TS.data: an update's files, same lifetime
};
LegacyKind legacyKind(const QString& name);

// A name Escale 1 writes at the root of a repository (relay-format.md section 2).
bool isRepositoryRootName(const QString& name);

// For a placeholder name, the name of the file it describes ('.a.txt.placeholder' -> 'a.txt').
QString placeholderTarget(const QString& placeholder);

} // namespace escale::protocol
