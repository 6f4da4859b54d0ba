#pragma once

#include "protocol/LegacyNames.h"
#include "relay/RelayBackend.h"

#include <QDateTime>
#include <functional>

namespace escale::maintenance {

// What Escale 0.7 left in a relay folder beside (or instead of) an Escale 1 repository
// (docs/upgrading.md): found by walking every folder that is not Escale 1's own.
struct LegacyFiles
{
    struct File
    {
        QString path; // relative to the relay folder
        protocol::LegacyKind kind = protocol::LegacyKind::None; // None: a file waiting beside its placeholder
        qint64 size = -1;
        QDateTime modified;
    };
    QList<File> files;   // what removal deletes: 0.7's own files and the contents waiting for 0.7 clients
    QStringList others;  // anything else outside Escale 1's names: not Escale's, never touched
    QStringList folders; // the folders walked (0.7's mirrored tree, emptied by removal but kept)
    bool truncated = false; // stopped after the limit of entries

    int count(protocol::LegacyKind kind) const;
    int waiting() const { return count(protocol::LegacyKind::None); }
    qint64 bytes() const;
    QDateTime newestLock() const; // invalid when there is none, or the relay gives no times
    bool empty() const { return files.isEmpty(); }
    // "120 placeholders, 1 lock, 2 index pages, 3 files waiting for 0.7 clients (1.2 MiB)".
    QString summary() const;
};

// Walks the relay folder (every folder but Escale 1's own: relay-format.md section 2), at most
// `limit` entries. An empty result with `error` set: the relay could not be listed.
LegacyFiles findLegacyFiles(relay::RelayBackend& relay, QString& error, int limit = 200'000);

// Deletes exactly `found.files` (already gone counts as done); the folders stay. Returns one
// line per file that could not be deleted. `progress` gets the count done now and then.
QStringList removeLegacyFiles(relay::RelayBackend& relay, const LegacyFiles& found,
                              const std::function<void(int)>& progress = {});

} // namespace escale::maintenance
