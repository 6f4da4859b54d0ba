#pragma once

#include "relay/RelayTypes.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <algorithm>

namespace escale::sync {

// Where another client stands, as this one sees it after a pass (the activity window's
// "other clients").
struct PeerState
{
    QString id;
    QString name;
    QDateTime lastChange;       // when its head last changed, on this machine's clock
    quint64 unacknowledged = 0; // this client's journal segments it has not taken in yet
    quint64 unapplied = 0;      // its journal segments this client has not applied yet
    qint64 usage = 0;           // bytes it keeps on the relay
};

// What a pass is doing, sent now and then while it runs: the tray's "12 files (340 MB) left",
// the activity window's transfers. Totals grow as the pass learns of more work.
struct PassProgress
{
    int filesToSend = 0;
    int filesSent = 0;
    qint64 bytesToSend = 0;
    qint64 bytesSent = 0;
    int filesToReceive = 0;
    int filesReceived = 0;
    qint64 bytesToReceive = 0;
    qint64 bytesReceived = 0;
    QString current; // the file being sent or received
    bool currentSending = false;
    qint64 currentDone = 0; // of the current file: cut into blobs when sending, written when receiving
    qint64 currentSize = 0;
    qint64 bytesPacked = 0; // plain bytes put into packs: bytesSent of them have reached the relay

    // How much of the current file is done, as a user means it: when sending, its bytes waiting in
    // a pack that is not yet on the relay are not (a cut runs up to `transfers` packs ahead).
    qint64 currentDoneShown() const
    {
        if (!currentSending)
            return currentDone;
        return std::max<qint64>(0, currentDone - std::max<qint64>(0, bytesPacked - bytesSent));
    }

    int filesLeft() const
    {
        return std::max(0, filesToSend - filesSent) + std::max(0, filesToReceive - filesReceived);
    }
    qint64 bytesLeft() const
    {
        return std::max<qint64>(0, bytesToSend - bytesSent) +
               std::max<qint64>(0, bytesToReceive - bytesReceived);
    }
};

// One change a pass made to the folder or the relay: the activity window's recent changes.
struct FileEvent
{
    enum class Kind
    {
        Sent,     // this machine's version went to the others
        Received, // another machine's version was written here
        Deleted,  // deleted here because another machine deleted it
        Conflict, // two versions at once: `path` is the conflict copy kept
    };
    Kind kind = Kind::Sent;
    QString path;
    QString by; // the machine whose change it is
    qint64 size = 0;
    QDateTime when;
};

// What one pass did, and how it ended.
struct PassResult
{
    enum class Status
    {
        Ok,
        Failed,      // the relay failed (network, permissions, quota): retried later
        Refused,     // a configuration/relay mismatch that retrying will not fix
        Auth,        // a wrong or missing password or passphrase: retrying will not fix it
        LocalFolder, // the local folder, or the state database, is missing or unusable
    };

    Status status = Status::Ok;
    QString error;                // one line, when status != Ok
    QStringList problems;         // things skipped or deferred this pass (one line each); not failures
    int uploaded = 0;             // files whose content was sent
    int downloaded = 0;           // files written from the relay (or from local copies)
    int deleted = 0;              // local files removed because others deleted them
    int conflicts = 0;            // conflict copies created
    int published = 0;            // journal records published
    int freed = 0;                // relay objects deleted
    int swept = 0;                // contents of this client that nothing named any more, deleted (R20)
    int deletionsHeld = 0;        // local deletions waiting for confirmation (mass-delete safety)
    bool markerLost = false;      // the folder lost its marker: nothing syncs until it is back or confirmed
    bool waitingForSpace = false; // uploads wait for room under 'disk quota'
    bool complete = true;         // false: some remote changes wait for a later pass
    bool interrupted = false;     // stopped at a file's boundary because Escale is stopping (SyncEngine::interrupt)
    int settling = 0;             // files changed a moment ago, looked at again shortly (two looks)
    bool folderScanned = true;    // false: the folder's watcher vouched that nothing changed in it
    relay::RelayError::Kind cause = relay::RelayError::Kind::None; // the relay's error, when it failed
    bool keychainUnavailable = false; // a secret it needed: the keychain failed (not there, locked, refusing)
    QString movedTo; // the repository moved (escalectl migrate): the relay address now in use
    // Where the repository stands after the pass (-1: not known, the pass ended early).
    int conflictsWaiting = -1; // conflict copies in the folder, waiting to be resolved
    int pendingUp = -1;        // local changes not published yet
    qint64 pendingDown = -1;   // others' journal segments not applied yet, and contents asked again
    qint64 relayUsage = -1;    // bytes on the relay, all clients (as their heads say)
    QList<PeerState> peers;    // the other clients, as of this pass
    // What waits, path by path, with its cause (one line each): paths set aside (they could not be
    // placed in the folder, R15) and contents asked for again (R23); retried at every pass.
    QStringList waiting;
    // What else the relay folder holds, and what to do about it (Escale 0.7's files left after an
    // upgrade, anything not Escale 1's); empty when nothing.
    QString relayNotice;

    bool ok() const { return status == Status::Ok; }
};

} // namespace escale::sync

Q_DECLARE_METATYPE(escale::sync::PassProgress)
Q_DECLARE_METATYPE(escale::sync::FileEvent)
