#pragma once

#include "protocol/ObjectStore.h"
#include "protocol/Records.h"
#include "protocol/TextObject.h"

#include <QDateTime>
#include <QMap>
#include <functional>
#include <optional>

namespace escale::sync {

// Reads a repository straight from its relay, without a local folder or state: what
// `escalectl verify` and `escalectl decrypt` do. Meant for a tool's thread (it blocks).
class RepositoryReader
{
public:
    explicit RepositoryReader(relay::RelayBackend* backend);

    enum class Open
    {
        Ok,
        NoRepository, // no header on the relay
        Auth,            // the relay refused the credentials, or a passphrase is needed
        WrongPassphrase, // the passphrase does not open the repository's key
        Failed,       // the relay failed, or the header is not usable
    };
    // Reads the header; an encrypted repository needs `passphrase`.
    Open open(const std::optional<QByteArray>& passphrase, QString& error);
    const protocol::RepositoryHeader& header() const { return m_header; }
    protocol::ObjectStore& store() { return m_store; }

    struct Client
    {
        QString id;
        QString name;
        quint64 generation = 0;
        quint64 journal = 0;  // last segment its head names
        quint64 segments = 0; // segments present on the relay
        quint64 snapshot = 0;
    };
    struct Report
    {
        QList<Client> clients;
        int segments = 0;
        int snapshots = 0;
        int chunksChecked = 0;
        qint64 bytesChecked = 0;
        int chunksGone = 0;    // referenced, already freed after delivery (normal)
        int unreferenced = 0;  // data objects no published record names (uploads in progress)
        QStringList problems;  // damaged objects and broken chains, one line each
        QString forwardedTo;   // the repository moved there (escalectl migrate, R32)
        QStringList forgotten; // clients removed with escalectl forget-client (R33)

        bool ok() const { return problems.isEmpty(); }
    };
    // Checks every object's integrity (through the codec: authentication when encrypted) and
    // each client's journal chain. `progress` receives one line now and then.
    Report verify(const std::function<void(const QString&)>& progress = {});

    // Every client's newest head, with when it was written (the relay's time for it: when the
    // client was last heard of) and how many journal segments of the others it has not taken in
    // yet (their heads' journals beyond its acknowledgements). Damaged heads go to `problems`.
    struct ClientHead
    {
        protocol::Head head;
        QDateTime seen;                // invalid when the relay does not say
        QMap<QString, quint64> behind; // other client id -> segments it still has to receive
    };
    QList<ClientHead> clients(QStringList& problems);

    // The latest tree the journals and snapshots describe: path -> the version kept there
    // (conflict copies included), folders as Directory records.
    QMap<QString, protocol::JournalRecord> latestTree(QStringList& problems);

    struct Written
    {
        int files = 0;
        int folders = 0;
        qint64 bytes = 0;
        QStringList unavailable; // files whose content is no longer on the relay
        QStringList problems;
    };
    // Writes the tree into `folder`, which must be missing or empty.
    Written writeTree(const QMap<QString, protocol::JournalRecord>& tree, const QString& folder);

    // One text object of `type`, decoded and checked; false with `problem` otherwise.
    bool readText(const QString& path, const QString& type, protocol::TextObject& text, QString& problem);
    // Names in a folder (its objects, or its subfolders).
    QStringList listNames(const QString& folder, bool folders);

private:
    struct Segment
    {
        QString client;
        quint64 seq = 0;
        QList<protocol::JournalRecord> records;
    };

    relay::RelayBackend* m_backend;
    protocol::ObjectStore m_store;
    protocol::RepositoryHeader m_header;
    QStringList m_listingProblems; // listings that failed, reported by verify() and latestTree()
};

} // namespace escale::sync
