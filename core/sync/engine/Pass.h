#pragma once

#include "scan/Hasher.h"
#include "scan/Scanner.h"

#include "log/Logging.h"
#include "protocol/Records.h"
#include "relay/RelayTypes.h"
#include "state/StateDb.h"
#include "sync/PassResult.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QStringList>
#include <optional>

namespace escale::sync::engine {

// One pass under way: what its stages learn and hand to the next ones, and its result.
struct Pass
{
    PassResult result;
    QHash<QString, state::StateDb::Peer> peers;
    QStringList ownHeads; // names of this client's heads seen in the listing
    bool headSeen = false;
    QList<QPair<protocol::JournalRecord, QString>> repushes; // contents to send again, and for whom (R23)
    bool segmentGone = false;                      // the last journal segment read was not found
    bool segmentInvalid = false;                   // ... or did not check (damaged, cut short)
    QString invalidReason;
    QMap<QString, quint64> missing;                // segments of others this client cannot read (R35)
    bool snapshotWanted = false;                   // a snapshot is written this pass whatever the interval
    QMap<QString, quint64> answering;              // others' reports (R35) that snapshot answers, once written
    bool relayFull = false;                        // the relay refused an upload for want of room
    QStringList affected;                          // paths whose versions the journals read touched
    quint64 ownGeneration = 0;                     // this client's highest head generation listed
    std::optional<QList<relay::RelayEntry>> headsListing; // heads/ listed early in the pass
    QSet<QString> scannedNow;                      // paths this pass's scan hashed
    QHash<QByteArray, QList<scan::BlobCut>> scannedCuts; // blobs the scan cut, by content hash
    QByteArray scannedCutsSeed;                    // ... with the gear of this seed
    QHash<QByteArray, QByteArray> scannedChecks;   // BlobChecks of the contents the scan hashed (not kept)
    struct Kept
    {
        QByteArray hash;      // the content the scan found at the path
        QByteArrayView bytes; // ... those very bytes (a small file), in:
        std::shared_ptr<scan::KeptMemory> memory;
    };
    QHash<QString, Kept> scannedContents; // small files' bytes the scan read, by path
    QList<protocol::JournalRecord> pieces;         // pieces read (R28), in journal order
    qint64 contentToSend = 0;                      // bytes of the new versions the scan found

    void fail(PassResult::Status status, const QString& error)
    {
        if (result.status == PassResult::Status::Ok) {
            result.status = status;
            result.error = error;
        }
    }
    void problem(const QString& line)
    {
        qCWarning(lcEngine).noquote() << line;
        result.problems << line;
    }
};

} // namespace escale::sync::engine
