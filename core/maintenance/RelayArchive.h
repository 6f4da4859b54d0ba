#pragma once

#include "relay/RelayBackend.h"

#include <QString>

namespace escale::relay {

// A whole relay repository in one zip archive (`escalectl backup` / `restore`): every object but
// those of tmp/, stored as they are on the relay (encrypted ones stay encrypted), streamed one
// at a time, and a manifest (escale-backup.json: format, date, source, and each object's path,
// size and SHA-256) written last. A restore checks the manifest's paths, writes each object
// while checking it against the manifest, then reads everything back to verify it.
struct ArchiveResult
{
    bool ok = false;
    QString error; // one line, when !ok
    bool locationInUse = false; // a restore refused: the relay location is not empty (no force)
    int objects = 0;
    qint64 bytes = 0;
};

inline constexpr const char* kBackupManifest = "escale-backup.json";

ArchiveResult backupRelay(RelayBackend& relay, const QString& zipPath);
// Refuses a relay location that holds anything unless `force`.
ArchiveResult restoreRelay(RelayBackend& relay, const QString& zipPath, bool force);

} // namespace escale::relay
