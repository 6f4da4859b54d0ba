#pragma once

#include <QString>

namespace escale::protocol {

// Names Escale keeps for itself inside a synchronised folder (relay-format.md section 9), as
// layout:: names the relay's objects. Every name starting with reservedPrefix() is Escale's own:
// never scanned, never synchronised, refused from the relay.
namespace local {

inline QString reservedPrefix()
{
    return QStringLiteral(".escale");
}
// Written once the repository is known: its absence tells an unmounted disk from an emptied
// folder (the mass-delete safety).
inline QString folderMarker()
{
    return QStringLiteral(".escale-folder");
}
// What synchronisation replaced or deleted, kept for 'archive retention'.
inline QString archiveFolder()
{
    return QStringLiteral(".escale-archive");
}
// A download being written, renamed into place once verified.
inline QString downloadPrefix()
{
    return QStringLiteral(".escale-tmp-");
}
// The first pieces of a file received in pieces (R28).
inline QString piecePrefix()
{
    return QStringLiteral(".escale-part-");
}
// The probe of whether the folder's file system tells names apart by case, and keeps modes.
inline QString probePrefix()
{
    return QStringLiteral(".escale-Case-");
}
// A file `escalectl decrypt` is writing, beside its final name.
inline QString decryptSuffix()
{
    return QStringLiteral(".escale-tmp");
}

} // namespace local
} // namespace escale::protocol
