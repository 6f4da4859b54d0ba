#include "maintenance/RepositoryReader.h"

#include "Tr.h"
#include "crypto/RepositoryKeys.h"
#include "protocol/Layout.h"
#include "protocol/PathCheck.h"
#include "protocol/TextObject.h"
#include "maintenance/RelayMigration.h"
#include "sync/HeaderOnRelay.h"
#include "sync/Resolution.h"
#include "sync/Streams.h"
#include "protocol/LocalLayout.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <algorithm>
#include <memory>
#include <vector>
#include <fcntl.h>
#include <sys/stat.h>

namespace escale::sync {

using protocol::JournalRecord;
using relay::RelayError;
namespace layout = protocol::layout;

namespace {

// A content object's plain bytes streamed through: each blob the journals place in it is hashed
// as its bytes go by (R38), and checked against its hash and the object's size at the end.
class BlobCheck final : public QIODevice
{
public:
    explicit BlobCheck(QList<protocol::BlobRef> blobs)
        : m_blobs(std::move(blobs))
    {
        std::sort(m_blobs.begin(), m_blobs.end(),
                  [](const protocol::BlobRef& a, const protocol::BlobRef& b) { return a.offset < b.offset; });
        for (qsizetype i = 0; i < m_blobs.size(); ++i)
            m_hashes.push_back(std::make_unique<Sha256>());
        open(QIODevice::WriteOnly);
    }
    // Empty when every blob is there and checks; else the first fault, in words.
    QString verdict()
    {
        for (qsizetype i = 0; i < m_blobs.size(); ++i) {
            const protocol::BlobRef& b = m_blobs.at(i);
            if (b.offset < 0 || b.length < 0 || b.offset + b.length > m_total)
                return trc("maintenance", "the blob at %1 (%2 bytes) runs past its end (%3 bytes)")
                    .arg(b.offset)
                    .arg(b.length)
                    .arg(m_total);
            if (b.whole && b.length != m_total)
                return trc("maintenance", "%1 bytes where its record says %2").arg(m_total).arg(b.length);
            if (m_hashes.at(i)->finish() != b.hash)
                return trc("maintenance", "the blob at %1 (%2 bytes) fails its check")
                    .arg(b.offset)
                    .arg(b.length);
        }
        return {};
    }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        const qint64 start = m_total;
        const qint64 end = start + size;
        while (m_done < m_blobs.size() && m_blobs.at(m_done).offset + m_blobs.at(m_done).length <= start)
            ++m_done; // wholly behind
        for (qsizetype i = m_done; i < m_blobs.size() && m_blobs.at(i).offset < end; ++i) {
            const protocol::BlobRef& b = m_blobs.at(i);
            const qint64 from = std::max(start, b.offset);
            const qint64 to = std::min(end, b.offset + b.length);
            if (from < to)
                m_hashes.at(i)->update(data + (from - start), to - from);
        }
        m_total = end;
        return size;
    }

private:
    QList<protocol::BlobRef> m_blobs; // by offset
    std::vector<std::unique_ptr<Sha256>> m_hashes;
    qsizetype m_done = 0; // blobs before this one end before what comes next
    qint64 m_total = 0;
};

} // namespace

RepositoryReader::RepositoryReader(relay::RelayBackend* backend)
    : m_backend(backend)
    , m_store(backend)
{}

RepositoryReader::Open RepositoryReader::open(const std::optional<QByteArray>& passphrase, QString& error)
{
    const HeaderOnRelay read = readHeaderOnRelay(m_store);
    switch (read.outcome) {
    case HeaderOnRelay::Outcome::Found:
        break;
    case HeaderOnRelay::Outcome::Missing:
        error = trc("maintenance", "there is no Escale repository on %1").arg(m_backend->describe());
        return Open::NoRepository;
    case HeaderOnRelay::Outcome::RelayFailed:
        error = trc("maintenance", "cannot read %1: %2").arg(m_backend->describe(), read.relayError.message);
        return read.relayError.kind == RelayError::Kind::Auth ? Open::Auth : Open::Failed;
    case HeaderOnRelay::Outcome::Damaged:
    case HeaderOnRelay::Outcome::OtherFormat:
        error = read.problem;
        return Open::Failed;
    }
    m_header = read.header;
    if (m_header.encryption == QLatin1String("off"))
        return Open::Ok;
    if (!passphrase) {
        error = trc("maintenance", "the repository is encrypted (%1): a passphrase is needed")
                    .arg(m_header.encryption);
        return Open::Auth;
    }
    crypto::RepositoryKeys::UnlockError failure;
    const auto keys = crypto::RepositoryKeys::unlock(m_header, *passphrase, failure);
    if (!keys) {
        error = failure.message;
        return failure.kind == crypto::RepositoryKeys::UnlockError::Kind::WrongPassphrase ? Open::WrongPassphrase
                                                                                          : Open::Failed;
    }
    m_store.setCodec(keys->codec());
    return Open::Ok;
}

QStringList RepositoryReader::listNames(const QString& folder, bool folders)
{
    QList<relay::RelayEntry> entries;
    // A folder that does not exist is empty; any other failure is reported, never taken for
    // an empty folder.
    const RelayError e = m_store.list(folder, entries);
    if (!e.ok() && e.kind != RelayError::Kind::NotFound)
        m_listingProblems << trc("maintenance", "cannot list %1: %2")
                                 .arg(folder.isEmpty() ? QStringLiteral("/") : folder, e.message);
    QStringList out;
    for (const relay::RelayEntry& entry : std::as_const(entries))
        if (entry.isDirectory == folders)
            out << entry.name;
    out.sort();
    return out;
}

bool RepositoryReader::readText(const QString& path, const QString& type, protocol::TextObject& text,
                                QString& problem)
{
    QByteArray bytes;
    const RelayError e = m_store.getSmall(path, bytes);
    if (!e.ok()) {
        problem = e.kind == RelayError::Kind::NotFound ? trc("maintenance", "%1 is missing").arg(path)
                                                       : trc("maintenance", "%1: %2").arg(path, e.message);
        return false;
    }
    QString error;
    auto decoded = protocol::TextObject::decode(bytes, type, error);
    if (!decoded) {
        problem = trc("maintenance", "%1 is damaged: %2").arg(path, error);
        return false;
    }
    text = *decoded;
    return true;
}

QList<RepositoryReader::ClientHead> RepositoryReader::clients(QStringList& problems)
{
    QList<relay::RelayEntry> entries;
    const RelayError e = m_store.list(layout::headsFolder(), entries);
    if (!e.ok() && e.kind != RelayError::Kind::NotFound) {
        problems << trc("maintenance", "cannot list heads: %1").arg(e.message);
        return {};
    }
    QMap<QString, relay::RelayEntry> newest; // client -> its newest head's entry
    QMap<QString, quint64> generation;
    for (const relay::RelayEntry& entry : std::as_const(entries)) {
        const auto name = layout::parseHeadName(entry.name);
        if (!name || entry.isDirectory)
            continue;
        if (!generation.contains(name->client) || name->generation > generation.value(name->client)) {
            generation[name->client] = name->generation;
            newest[name->client] = entry;
        }
    }
    QList<ClientHead> out;
    for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
        protocol::TextObject text;
        QString problem, error;
        const QString path = layout::headPath(it.key(), generation.value(it.key()));
        if (!readText(path, QStringLiteral("head"), text, problem)) {
            problems << problem;
            continue;
        }
        const auto head = protocol::Head::fromJson(text.header, error);
        if (!head || head->client != it.key()) {
            problems << trc("maintenance", "%1 does not match its name (%2)").arg(path, error);
            continue;
        }
        out << ClientHead{*head, it.value().modified, {}};
    }
    for (ClientHead& c : out)
        for (const ClientHead& other : std::as_const(out))
            if (other.head.client != c.head.client &&
                other.head.journal > c.head.acks.value(other.head.client))
                c.behind[other.head.client] = other.head.journal - c.head.acks.value(other.head.client);
    return out;
}

RepositoryReader::Report RepositoryReader::verify(const std::function<void(const QString&)>& progress)
{
    Report report;
    auto say = [&](const QString& line) {
        if (progress)
            progress(line);
    };
    // Heads: the newest of each client.
    QMap<QString, quint64> newest;
    for (const QString& name : listNames(layout::headsFolder(), false)) {
        const auto head = layout::parseHeadName(name);
        if (name == layout::forwardName()) {
            // A migrated repository (R32): the record must check like any object.
            QByteArray bytes;
            QString error;
            const relay::RelayError e = m_store.getSmall(layout::forwardPath(), bytes);
            const auto forward = e.ok() ? decodeForward(bytes, error) : std::nullopt;
            if (!forward || forward->repository != m_header.repository)
                report.problems << trc("maintenance", "%1 does not check: %2")
                                       .arg(layout::forwardPath(), e.ok() ? error : e.message);
            else
                report.forwardedTo = forward->address;
            continue;
        }
        if (const auto gone = layout::parseForgottenName(name)) {
            protocol::TextObject text;
            QString problem;
            if (!readText(layout::forgottenPath(*gone), QStringLiteral("forgotten"), text, problem))
                report.problems << problem;
            else
                report.forgotten << *gone;
            continue;
        }
        if (!head) {
            report.problems << trc("maintenance", "heads/%1 is not a head's name").arg(name);
            continue;
        }
        newest[head->client] = std::max(newest.value(head->client), head->generation);
    }
    // Every blob each content object is known to hold (R38): a format-1 chunk is one blob, the
    // whole object; a pack holds blobs at their offsets.
    QHash<QString, QList<protocol::BlobRef>> blobsOf;
    auto note = [&](const JournalRecord& r) {
        for (const protocol::BlobRef& c : r.blobs) {
            QList<protocol::BlobRef>& list = blobsOf[c.pack];
            if (!list.contains(c))
                list.append(c);
        }
    };
    for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
        Client client;
        client.id = it.key();
        client.generation = it.value();
        protocol::TextObject text;
        QString problem;
        const QString headPath = layout::headPath(client.id, client.generation);
        if (!readText(headPath, QStringLiteral("head"), text, problem)) {
            report.problems << problem;
            report.clients << client;
            continue;
        }
        QString error;
        const auto head = protocol::Head::fromJson(text.header, error);
        if (!head || head->client != client.id || head->generation != client.generation) {
            report.problems << trc("maintenance", "%1 does not match its name (%2)").arg(headPath, error);
            report.clients << client;
            continue;
        }
        client.name = head->name;
        client.journal = head->journal;
        client.snapshot = head->snapshot;
        say(trc("maintenance", "client %1 (%2): generation %3, journal %4")
                .arg(client.name, client.id)
                .arg(client.generation)
                .arg(client.journal));

        // Its snapshot, then its journal chain.
        quint64 coveredBySnapshot = 0;
        for (const QString& name : listNames(layout::snapshotFolderOf(client.id), false)) {
            const QString path = layout::snapshotFolderOf(client.id) + QLatin1Char('/') + name;
            if (!readText(path, QStringLiteral("snapshot"), text, problem)) {
                report.problems << problem;
                continue;
            }
            ++report.snapshots;
            coveredBySnapshot = std::max<quint64>(
                coveredBySnapshot,
                quint64(text.header.value(QStringLiteral("acks")).toObject().value(client.id).toDouble()));
            for (const QJsonObject& o : std::as_const(text.records))
                if (const auto r = JournalRecord::fromJson(o, error))
                    note(*r);
        }
        QList<quint64> seqs;
        for (const QString& name : listNames(layout::journalFolderOf(client.id), false))
            if (const quint64 seq = name.toULongLong(); seq > 0 && QString::number(seq) == name)
                seqs << seq;
        std::sort(seqs.begin(), seqs.end());
        client.segments = quint64(seqs.size());
        for (qsizetype i = 0; i < seqs.size(); ++i) {
            const QString path = layout::journalPath(client.id, seqs.at(i));
            if (i > 0 && seqs.at(i) != seqs.at(i - 1) + 1)
                report.problems << trc("maintenance", "journal of %1: segments %2 to %3 are missing")
                                       .arg(client.name)
                                       .arg(seqs.at(i - 1) + 1)
                                       .arg(seqs.at(i) - 1);
            if (!readText(path, QStringLiteral("journal"), text, problem)) {
                report.problems << problem;
                continue;
            }
            if (text.header.value(QStringLiteral("client")).toString() != client.id ||
                quint64(text.header.value(QStringLiteral("seq")).toDouble()) != seqs.at(i)) {
                report.problems << trc("maintenance", "%1 does not match its name").arg(path);
                continue;
            }
            ++report.segments;
            for (const QJsonObject& o : std::as_const(text.records)) {
                const auto r = JournalRecord::fromJson(o, error);
                if (!r)
                    report.problems << trc("maintenance", "%1: %2").arg(path, error);
                else if (const QString unsafe = protocol::checkRelayPath(r->path); !unsafe.isEmpty())
                    report.problems << trc("maintenance", "%1: a record names an unsafe path (%2)").arg(path, unsafe);
                else
                    note(*r);
            }
        }
        const quint64 first = seqs.isEmpty() ? client.journal + 1 : seqs.first();
        const quint64 last = seqs.isEmpty() ? 0 : seqs.last();
        // Segments its snapshot covers may all be gone (R18): only those after it must be there.
        if (client.journal > 0 && last < client.journal && coveredBySnapshot < client.journal)
            report.problems << trc("maintenance",
                                   "journal of %1: its head names segment %2, the relay ends at %3")
                                   .arg(client.name)
                                   .arg(client.journal)
                                   .arg(last);
        if (first > 1 && coveredBySnapshot + 1 < first)
            report.problems << trc("maintenance",
                                   "journal of %1: segments 1 to %2 are gone and no snapshot covers them")
                                   .arg(client.name)
                                   .arg(first - 1);
        report.clients << client;
    }

    // Content: every data object still on the relay is read through the codec and checked.
    QSet<QString> present;
    for (const QString& prefix : listNames(layout::dataFolder(), true))
        for (const QString& name : listNames(layout::dataFolder() + QLatin1Char('/') + prefix, false))
            present.insert(name);
    for (const QString& id : std::as_const(present)) {
        if (!blobsOf.contains(id)) {
            ++report.unreferenced;
            continue;
        }
        QList<protocol::BlobRef> blobs = blobsOf.value(id);
        BlobCheck check(blobs);
        const RelayError e = m_store.get(layout::dataPath(id), &check);
        if (!e.ok())
            report.problems << (e.message.startsWith(layout::dataPath(id))
                                    ? e.message
                                    : trc("maintenance", "%1: %2").arg(layout::dataPath(id), e.message));
        else if (const QString wrong = check.verdict(); !wrong.isEmpty())
            report.problems << trc("maintenance", "%1 does not hold what the journal says: %2")
                                   .arg(layout::dataPath(id), wrong);
        else {
            ++report.chunksChecked;
            report.bytesChecked += check.pos();
        }
        if (report.chunksChecked % 100 == 0 && report.chunksChecked > 0)
            say(trc("maintenance", "%1 objects checked").arg(report.chunksChecked));
    }
    for (auto it = blobsOf.cbegin(); it != blobsOf.cend(); ++it)
        if (!present.contains(it.key()))
            ++report.chunksGone;
    report.problems += m_listingProblems;
    m_listingProblems.clear();
    return report;
}

QMap<QString, JournalRecord> RepositoryReader::latestTree(QStringList& problems)
{
    QHash<QString, QList<JournalRecord>> versions;
    QString error;
    auto apply = [&](const QList<QJsonObject>& records) {
        for (const QJsonObject& o : records) {
            auto r = JournalRecord::fromJson(o, error);
            QString normalised;
            if (!r || r->piece || !protocol::checkRelayPath(r->path, &normalised).isEmpty())
                continue;
            r->path = normalised;
            QList<JournalRecord>& known = versions[r->path];
            if (r->repush) {
                for (JournalRecord& v : known)
                    if (v.vv == r->vv && v.sameContent(*r)) {
                        v.blobs = r->blobs;
                        v.from = r->from;
                    }
                continue;
            }
            integrateVersion(known, *r);
        }
    };
    QSet<QString> clients;
    for (const QString& name : listNames(layout::headsFolder(), false))
        if (const auto head = layout::parseHeadName(name))
            clients.insert(head->client);
    for (const QString& client : std::as_const(clients)) {
        protocol::TextObject text;
        QString problem;
        for (const QString& name : listNames(layout::snapshotFolderOf(client), false)) {
            if (readText(layout::snapshotFolderOf(client) + QLatin1Char('/') + name,
                         QStringLiteral("snapshot"), text, problem))
                apply(text.records);
            else
                problems << problem;
        }
        QList<quint64> seqs;
        for (const QString& name : listNames(layout::journalFolderOf(client), false))
            if (const quint64 seq = name.toULongLong(); seq > 0)
                seqs << seq;
        std::sort(seqs.begin(), seqs.end());
        for (quint64 seq : std::as_const(seqs)) {
            if (readText(layout::journalPath(client, seq), QStringLiteral("journal"), text, problem))
                apply(text.records);
            else
                problems << problem;
        }
    }
    problems += m_listingProblems;
    m_listingProblems.clear();
    QMap<QString, JournalRecord> tree;
    for (auto it = versions.cbegin(); it != versions.cend(); ++it) {
        const Resolution r = resolve(it.key(), it.value());
        if (r.kind != JournalRecord::Kind::Deleted)
            tree.insert(it.key(), r.winner);
        for (const JournalRecord& copy : r.copies)
            tree.insert(copy.path, copy);
    }
    return tree;
}

RepositoryReader::Written RepositoryReader::writeTree(const QMap<QString, JournalRecord>& tree,
                                                      const QString& folder)
{
    Written out;
    QDir root(folder);
    if (root.exists() && !root.isEmpty()) {
        out.problems << trc("maintenance", "%1 is not empty: choose a new or empty folder").arg(folder);
        return out;
    }
    if (!QDir().mkpath(folder)) {
        out.problems << trc("maintenance", "cannot create %1").arg(folder);
        return out;
    }
    for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
        const QString target = root.filePath(it.key());
        const JournalRecord& r = it.value();
        if (r.kind == JournalRecord::Kind::Directory) {
            if (QDir().mkpath(target))
                ++out.folders;
            else
                out.problems << trc("maintenance", "cannot create %1").arg(target);
            continue;
        }
        if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
            out.problems << trc("maintenance", "cannot create the folder of %1").arg(target);
            continue;
        }
        if (r.size > 0 && (r.blobs.isEmpty() || r.from > 0)) {
            out.unavailable << it.key();
            continue;
        }
        QFile file(target + protocol::local::decryptSuffix());
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            out.problems << trc("maintenance", "cannot write %1: %2").arg(target, file.errorString());
            continue;
        }
        HashingWriter whole(&file);
        bool ok = true;
        for (const protocol::BlobRef& c : r.blobs) {
            HashingWriter chunk(&whole);
            const QString object = layout::dataPath(c.pack);
            const RelayError e =
                c.whole ? m_store.get(object, &chunk) : m_store.getRange(object, c.offset, c.length, &chunk);
            if (!e.ok() || chunk.bytesWritten() != c.length || chunk.hash() != c.hash) {
                if (e.kind == RelayError::Kind::NotFound)
                    out.unavailable << it.key();
                else
                    out.problems << (e.ok() ? trc("maintenance", "%1: a chunk failed its check").arg(it.key())
                                            : trc("maintenance", "%1: %2").arg(it.key(), e.message));
                ok = false;
                break;
            }
        }
        if (ok && (whole.hash() != r.hash || whole.bytesWritten() != r.size)) {
            out.problems << trc("maintenance", "%1: the content failed its check").arg(it.key());
            ok = false;
        }
        file.close();
        if (!ok || !file.rename(target)) {
            file.remove();
            continue;
        }
        struct timespec times[2] = {{0, UTIME_OMIT}, {r.mtimeMs / 1000, (r.mtimeMs % 1000) * 1'000'000}};
        ::utimensat(AT_FDCWD, QFile::encodeName(target).constData(), times, 0);
        ++out.files;
        out.bytes += r.size;
    }
    return out;
}

} // namespace escale::sync
