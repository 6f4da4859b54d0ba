#pragma once

// Runs real engines against one shared relay (in memory or a folder), each client with its
// own folder and state, and compares their trees byte for byte.
#include "config/Config.h"
#include "config/ConfigLoader.h"
#include "relay/FaultyRelay.h"
#include "relay/folder/FolderRelay.h"
#include "relay/MemoryRelay.h"
#include "state/StateDb.h"
#include "sync/SyncEngine.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRandomGenerator>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

namespace harness {

using namespace escale;

inline void writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
}

inline void setMtime(const QString& path, qint64 secs)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) ||
        !f.setFileTime(QDateTime::fromSecsSinceEpoch(secs), QFileDevice::FileModificationTime))
        qFatal("cannot set the time of %s", qPrintable(path));
}

// The tag a conflict copy's name carries: the first 8 hex digits of its content's SHA-256.
inline QString copyTag(const QByteArray& content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex().left(8));
}

// `size` random bytes, the same for the same seed (every byte set, whatever the size).
inline QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (char& c : bytes)
        c = char(rng.generate());
    return bytes;
}

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

// path -> "dir", "link" (a symbolic link) or the SHA-256 of the content; Escale's own names
// are left out.
inline QMap<QString, QString> tree(const QString& root)
{
    QMap<QString, QString> out;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(root).relativeFilePath(path);
        if (rel.startsWith(".escale") || rel.contains("/.escale"))
            continue;
        const QFileInfo info = it.fileInfo();
        out.insert(rel,
                   info.isSymLink() ? QStringLiteral("link")
                   : info.isDir()
                       ? QStringLiteral("dir")
                       : QString::fromLatin1(
                             QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256).toHex()));
    }
    return out;
}

inline QString describeDifference(const QMap<QString, QString>& a, const QMap<QString, QString>& b)
{
    QStringList lines;
    for (auto it = a.cbegin(); it != a.cend(); ++it)
        if (!b.contains(it.key()))
            lines << "only in first: " + it.key();
        else if (b.value(it.key()) != it.value())
            lines << "differs: " + it.key();
    for (auto it = b.cbegin(); it != b.cend(); ++it)
        if (!a.contains(it.key()))
            lines << "only in second: " + it.key();
    return lines.join("; ");
}

class Relay
{
public:
    explicit Relay(const QString& kind)
        : m_kind(kind)
    {
        m_store = std::make_shared<relay::MemoryStore>();
    }
    std::unique_ptr<relay::RelayBackend> connect() const
    {
        if (m_kind == "memory")
            return std::make_unique<relay::MemoryRelay>(m_store);
        return std::make_unique<relay::FolderRelay>(m_dir.path());
    }
    QString kind() const { return m_kind; }
    QString folder() const { return m_dir.path(); }
    std::shared_ptr<relay::MemoryStore> store() const { return m_store; }

    // Names of the objects under `prefix` (e.g. "data/"), whatever the kind of relay.
    QStringList objects(const QString& prefix = QString()) const
    {
        QStringList out;
        if (m_kind == "memory") {
            for (const QString& k : m_store->objects().keys())
                if (k.startsWith(prefix))
                    out << k;
            return out;
        }
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString rel = QDir(m_dir.path()).relativeFilePath(it.next());
            if (rel.startsWith(prefix))
                out << rel;
        }
        out.sort();
        return out;
    }
    QByteArray object(const QString& path) const
    {
        return m_kind == "memory" ? m_store->object(path) : readFile(m_dir.filePath(path));
    }
    void setObject(const QString& path, const QByteArray& bytes) const
    {
        if (m_kind == "memory")
            m_store->setObject(path, bytes);
        else
            writeFile(m_dir.filePath(path), bytes);
    }
    void removeObject(const QString& path) const
    {
        if (m_kind == "memory")
            m_store->removeObject(path);
        else
            QFile::remove(m_dir.filePath(path));
    }

private:
    QString m_kind;
    QTemporaryDir m_dir;
    std::shared_ptr<relay::MemoryStore> m_store;
};

// What a simulated crash throws through the engine (see Client::crashingPass).
struct SimulatedCrash
{};

class Client
{
public:
    Client(const Relay& relay, const QString& name, config::SyncMode mode = config::SyncMode::Shared)
    {
        m_config.name = "test";
        m_config.localPath = m_folder.path();
        m_config.clientName = name;
        m_config.mode = mode;
        m_config.chunkSize = 1024 * 1024;
        m_config.settleMs = 0; // tests write, then pass at once
        m_backend = relay.connect();
        m_faulty = std::make_unique<relay::FaultyRelay>(m_backend.get());
        makeEngine();
    }
    void makeEngine()
    {
        m_engine.reset();
        m_engine = std::make_unique<sync::SyncEngine>(m_config, m_faulty.get(), statePath());
        QString error;
        if (!m_engine->open(error))
            qFatal("%s", qPrintable(error));
    }
    // The engine stopped (its state database closed); a new one opens it at its first pass.
    void stopEngine() { m_engine.reset(); }
    void restartEngine() { m_engine = std::make_unique<sync::SyncEngine>(m_config, m_faulty.get(), statePath()); }
    // Encrypts with this passphrase (a cheap scrypt: tests only).
    void encrypt(const QString& passphrase, config::Encryption suite = config::Encryption::Aes256Gcm)
    {
        m_config.encryption = suite;
        m_config.passphrase = config::SecretSource{config::SecretSource::Kind::Literal, passphrase};
        m_config.kdfLogN = 12;
        makeEngine();
    }
    config::RepositoryConfig& config() { return m_config; }
    relay::FaultyRelay& faults() { return *m_faulty; }
    sync::SyncEngine& engine() { return *m_engine; }
    QString statePath() const { return (m_stateDir.isEmpty() ? m_state.path() : m_stateDir) + "/state.db"; }
    // The state database in `dir` from now on (a new one: before the first pass).
    void setStateDir(const QString& dir)
    {
        m_engine.reset();
        m_stateDir = dir;
        makeEngine();
    }
    QString path(const QString& rel = QString()) const
    {
        return rel.isEmpty() ? m_folder.path() : m_folder.filePath(rel);
    }
    void write(const QString& rel, const QByteArray& content) const { writeFile(path(rel), content); }
    QByteArray read(const QString& rel) const { return readFile(path(rel)); }
    bool exists(const QString& rel) const { return QFileInfo::exists(path(rel)); }
    QMap<QString, QString> tree() const { return harness::tree(path()); }

    sync::PassResult pass()
    {
        const sync::PassResult r = m_engine->runPass();
        m_last = r;
        return r;
    }

    // A pass that stops dead at its `at`-th relay operation or state commit, as a machine losing
    // power: nothing after that point happens, what the state database had not committed is
    // rolled back, and the engine starts again from its files. True when it stopped.
    bool crashingPass(int at)
    {
        int countdown = at;
        bool crashed = false;
        auto tick = [&] {
            if (crashed)
                return false; // the machine is gone: nothing reaches the relay any more
            if (--countdown == 0) {
                crashed = true;
                throw SimulatedCrash{};
            }
            return true;
        };
        m_faulty->setOperationHook([&](relay::FaultyRelay::Op) { return tick(); });
        m_engine->database().setCommitHook([&] {
            if (!crashed)
                tick();
        });
        try {
            m_last = m_engine->runPass();
        } catch (const SimulatedCrash&) {
        }
        m_faulty->setOperationHook({});
        if (!crashed) {
            m_engine->database().setCommitHook({});
            return false;
        }
        makeEngine(); // the stopped one goes, and its uncommitted transaction with it
        return true;
    }

    // This client's id, chosen (before its first pass): the state database lists a path's versions
    // by their vectors, so by client id, and a test can pin which of two clients' versions comes
    // first.
    void setClientId(const QString& id)
    {
        m_engine->database().setMeta(state::Meta::Client, id);
        makeEngine();
    }

    // The state database copied aside (a backup), and put back later (a restore).
    void saveState(const QString& to)
    {
        m_engine.reset(); // closed: its write-ahead log goes into the file
        QFile::remove(to);
        if (!QFile::copy(statePath(), to))
            qFatal("cannot copy the state to %s", qPrintable(to));
        makeEngine();
    }
    void restoreState(const QString& from)
    {
        m_engine.reset();
        for (const char* suffix : {"", "-wal", "-shm"})
            QFile::remove(statePath() + suffix);
        if (!QFile::copy(from, statePath()))
            qFatal("cannot restore the state from %s", qPrintable(from));
        makeEngine();
    }
    const sync::PassResult& last() const { return m_last; }

private:
    QTemporaryDir m_folder;
    QTemporaryDir m_state;
    QString m_stateDir; // instead of m_state
    config::RepositoryConfig m_config;
    std::unique_ptr<relay::RelayBackend> m_backend;
    std::unique_ptr<relay::FaultyRelay> m_faulty;
    std::unique_ptr<sync::SyncEngine> m_engine;
    sync::PassResult m_last;
};

// The configuration of one machine syncing ROOT/NAME through the folder relay ROOT/relay (its
// state in ROOT/NAME-state), polling every second, for tests running whole instances. A
// `chunkSize` makes big files travel in many chunks.
inline config::Config folderMachine(const QTemporaryDir& root, const QString& name, qint64 chunkSize = 0)
{
    const QString text = QStringLiteral("[docs]\nlocal path = %1\nrelay address = %2\nclient name = %3\n"
                                        "state dir = %4\nrefresh = 1\n")
                             .arg(root.filePath(name), root.filePath(QStringLiteral("relay")), name,
                                  root.filePath(name + QStringLiteral("-state")));
    QDir().mkpath(root.filePath(name));
    QDir().mkpath(root.filePath(QStringLiteral("relay")));
    auto loaded =
        config::ConfigLoader::load(text.toUtf8(), root.filePath(name + QStringLiteral(".conf")), root.path());
    if (loaded.hasErrors())
        qFatal("%s", qPrintable(loaded.firstError()->toString()));
    loaded.config.repositories[0].settleMs = 0;
    if (chunkSize > 0)
        loaded.config.repositories[0].chunkSize = chunkSize;
    return loaded.config;
}

// Runs passes round-robin until nothing changes any more (or `rounds` is reached).
inline void settle(const QList<Client*>& clients, int rounds = 4)
{
    for (int i = 0; i < rounds; ++i)
        for (Client* c : clients)
            c->pass();
}

// Runs rounds until `done` holds; false if it still does not after `rounds`.
inline bool settleUntil(const QList<Client*>& clients, const std::function<bool()>& done, int rounds = 30)
{
    for (int i = 0; i < rounds && !done(); ++i)
        for (Client* c : clients)
            c->pass();
    return done();
}

} // namespace harness
