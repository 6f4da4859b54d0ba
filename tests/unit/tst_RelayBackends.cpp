// The contract every relay backend keeps, checked on the in-memory and the folder relays.
#include "relay/folder/FolderRelay.h"
#include <QScopeGuard>
#include <QProcess>
#include "relay/MemoryRelay.h"
#include "crypto/EncryptedCodec.h"
#include "protocol/ObjectStore.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace escale::relay;

class tst_RelayBackends : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void contract_data();
    void contract();
    void largeObjectStreams_data();
    void largeObjectStreams();
    void folderRelayBandwidthLimits();
    void shortSourcePublishesNothing_data();
    void shortSourcePublishesNothing();
    void invalidPaths_data();
    void invalidPaths();
    void rangedReads_data();
    void rangedReads();
    void folderRelayLeavesNoTemporaryFiles();
    void folderRelayIgnoresSymlinks();
    void memoryRelayCountsRequests();
    void objectStoreReadsParts_data();
    void objectStoreReadsParts();
    void folderRelayNamesAReadOnlyDisk();

private:
    std::unique_ptr<RelayBackend> make(const QString& kind);

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {
struct Done
{
    RelayError error;
    QList<RelayEntry> entries;
};
Done run(RelayJob* job)
{
    std::unique_ptr<RelayJob> owner(job);
    const RelayError e = waitFor(job);
    return {e, job->entries()};
}
RelayError putBytes(RelayBackend& r, const QString& path, const QByteArray& bytes,
                    WriteMode mode = WriteMode::Replace)
{
    QBuffer source;
    source.setData(bytes);
    source.open(QIODevice::ReadOnly);
    return run(r.put(path, &source, bytes.size(), mode)).error;
}
QByteArray getBytes(RelayBackend& r, const QString& path, RelayError* error = nullptr)
{
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    const RelayError e = run(r.get(path, &sink)).error;
    if (error)
        *error = e;
    return sink.data();
}
QStringList names(const QList<RelayEntry>& entries)
{
    QStringList out;
    for (const RelayEntry& e : entries)
        out << (e.isDirectory ? e.name + "/" : e.name);
    out.sort();
    return out;
}
} // namespace

// A relay that reads ranges the default way (the whole object, cut): what backends without a
// ranged read of their own do.
class WholeReadRelay : public MemoryRelay
{
public:
    using MemoryRelay::MemoryRelay;
    RelayJob* getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink) override
    {
        return RelayBackend::getRange(path, offset, length, sink);
    }
};

void tst_RelayBackends::rangedReads_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("memory") << "memory";
    QTest::newRow("folder") << "folder";
    QTest::newRow("whole object, cut") << "whole";
}

void tst_RelayBackends::rangedReads()
{
    QFETCH(QString, kind);
    auto store = std::make_shared<MemoryStore>();
    std::unique_ptr<RelayBackend> relay = kind == "whole"    ? std::make_unique<WholeReadRelay>(store)
                                          : kind == "memory" ? std::make_unique<MemoryRelay>(store)
                                                             : make(kind);
    RelayBackend& r = *relay;
    QByteArray bytes(6 * 1024 * 1024 + 123, Qt::Uninitialized); // the folder relay's pool path
    QRandomGenerator(9).fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    QVERIFY(run(r.makeFolder("data/ab")).error.ok());
    QVERIFY(putBytes(r, "data/ab/pack", bytes).ok());
    QVERIFY(putBytes(r, "data/ab/small", "0123456789").ok());
    auto range = [&](const QString& path, qint64 offset, qint64 length, RelayError* error = nullptr) {
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        const RelayError e = run(r.getRange(path, offset, length, &sink)).error;
        if (error)
            *error = e;
        return sink.data();
    };
    QCOMPARE(range("data/ab/small", 2, 3), QByteArray("234"));
    QCOMPARE(range("data/ab/small", 0, 10), QByteArray("0123456789"));
    QCOMPARE(range("data/ab/small", 7, -1), QByteArray("789"));      // to the end
    QCOMPARE(range("data/ab/small", 8, 100), QByteArray("89"));      // past the end: what is there
    QCOMPARE(range("data/ab/small", 10, 5), QByteArray());           // at the end: nothing
    QCOMPARE(range("data/ab/small", 4, 0), QByteArray());
    // Across the read buffers of a big object.
    for (const qint64 offset : {qint64(0), qint64(1), qint64(256 * 1024 - 1), qint64(5 * 1024 * 1024 + 7)}) {
        const qint64 length = std::min<qint64>(1024 * 1024 + 3, bytes.size() - offset);
        QCOMPARE(range("data/ab/pack", offset, length), bytes.mid(offset, length));
    }
    QCOMPARE(range("data/ab/pack", 100, -1), bytes.mid(100));
    RelayError e;
    range("data/ab/missing", 0, 10, &e);
    QCOMPARE(e.kind, RelayError::Kind::NotFound);
    range("../escape", 0, 10, &e);
    QCOMPARE(e.kind, RelayError::Kind::Invalid);
    if (kind == "memory" || kind == "whole")
        QCOMPARE(store->counters().getRange, kind == "memory" ? 12 : 0); // every read above, natively or not
}

void tst_RelayBackends::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_RelayBackends::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<RelayBackend> tst_RelayBackends::make(const QString& kind)
{
    if (kind == "memory")
        return std::make_unique<MemoryRelay>(std::make_shared<MemoryStore>());
    return std::make_unique<FolderRelay>(m_dir->path());
}

void tst_RelayBackends::contract_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("memory") << "memory";
    QTest::newRow("file") << "file";
}

void tst_RelayBackends::contract()
{
    QFETCH(QString, kind);
    auto relay = make(kind);
    RelayBackend& r = *relay;

    // An empty root lists as empty; a missing folder is NotFound.
    Done d = run(r.list(""));
    QVERIFY2(d.error.ok(), qPrintable(d.error.message));
    QCOMPARE(names(d.entries), QStringList{});
    QCOMPARE(run(r.list("nothere")).error.kind, RelayError::Kind::NotFound);

    // Folders, then objects in them.
    QVERIFY(run(r.makeFolder("heads")).error.ok());
    QVERIFY(run(r.makeFolder("data/ab")).error.ok());
    QVERIFY(run(r.makeFolder("data/ab")).error.ok()); // existing is fine
    QVERIFY(putBytes(r, "heads/c1.1", "head one").ok());
    QVERIFY(putBytes(r, "data/ab/ab01", QByteArray(1000, 'x')).ok());
    QVERIFY(putBytes(r, "data/ab/empty", QByteArray()).ok());

    QCOMPARE(getBytes(r, "heads/c1.1"), QByteArray("head one"));
    QCOMPARE(getBytes(r, "data/ab/empty"), QByteArray());
    d = run(r.list("data/ab"));
    QVERIFY(d.error.ok());
    QCOMPARE(names(d.entries), QStringList({"ab01", "empty"}));
    for (const RelayEntry& e : d.entries)
        QCOMPARE(e.size, e.name == "ab01" ? 1000 : 0);
    d = run(r.list(""));
    QVERIFY(names(d.entries).contains("heads/"));
    QVERIFY(names(d.entries).contains("data/"));

    // Replace and exclusive create.
    QVERIFY(putBytes(r, "heads/c1.1", "head one, again").ok());
    QCOMPARE(getBytes(r, "heads/c1.1"), QByteArray("head one, again"));
    const RelayError exists = putBytes(r, "heads/c1.1", "third", WriteMode::CreateExclusive);
    QCOMPARE(exists.kind, RelayError::Kind::AlreadyExists);
    QCOMPARE(getBytes(r, "heads/c1.1"), QByteArray("head one, again"));
    QVERIFY(putBytes(r, "heads/c1.2", "new", WriteMode::CreateExclusive).ok());

    // Missing objects.
    RelayError e;
    getBytes(r, "heads/none", &e);
    QCOMPARE(e.kind, RelayError::Kind::NotFound);
    QCOMPARE(run(r.remove("heads/none")).error.kind, RelayError::Kind::NotFound);

    // Removal.
    QVERIFY(run(r.remove("heads/c1.1")).error.ok());
    getBytes(r, "heads/c1.1", &e);
    QCOMPARE(e.kind, RelayError::Kind::NotFound);
    d = run(r.list("heads"));
    QCOMPARE(names(d.entries), QStringList({"c1.2"}));
}

void tst_RelayBackends::largeObjectStreams_data()
{
    contract_data();
}

void tst_RelayBackends::largeObjectStreams()
{
    QFETCH(QString, kind);
    auto relay = make(kind);
    QByteArray big(5 * 1024 * 1024 + 17, Qt::Uninitialized);
    QRandomGenerator(42).fillRange(reinterpret_cast<quint32*>(big.data()), big.size() / 4);
    QVERIFY(run(relay->makeFolder("data")).error.ok());
    QVERIFY(putBytes(*relay, "data/big", big).ok());
    QCOMPARE(getBytes(*relay, "data/big"), big);
}

void tst_RelayBackends::shortSourcePublishesNothing_data()
{
    contract_data();
}

void tst_RelayBackends::shortSourcePublishesNothing()
{
    QFETCH(QString, kind);
    auto relay = make(kind);
    QVERIFY(run(relay->makeFolder("data")).error.ok());
    QBuffer source;
    source.setData("only ten b");
    source.open(QIODevice::ReadOnly);
    const RelayError e = run(relay->put("data/x", &source, 100, WriteMode::Replace)).error;
    QVERIFY(!e.ok());
    RelayError g;
    getBytes(*relay, "data/x", &g);
    QCOMPARE(g.kind, RelayError::Kind::NotFound);
}

void tst_RelayBackends::invalidPaths_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("path");
    for (const char* kind : {"memory", "file"})
        for (const char* path : {"", "/abs", "../up", "a/../b", "a//b", "./a", "a/.", "a\\b"})
            QTest::newRow(qPrintable(QString("%1 '%2'").arg(kind, path))) << kind << path;
}

void tst_RelayBackends::invalidPaths()
{
    QFETCH(QString, kind);
    QFETCH(QString, path);
    auto relay = make(kind);
    QCOMPARE(putBytes(*relay, path, "x").kind, RelayError::Kind::Invalid);
    RelayError e;
    getBytes(*relay, path, &e);
    QCOMPARE(e.kind, RelayError::Kind::Invalid);
    QCOMPARE(run(relay->remove(path)).error.kind, RelayError::Kind::Invalid);
    if (!path.isEmpty())
        QCOMPARE(run(relay->list(path)).error.kind, RelayError::Kind::Invalid);
    // Nothing escaped the relay folder.
    QVERIFY(!QFile::exists(QDir(m_dir->path()).filePath("../up")));
}

void tst_RelayBackends::folderRelayLeavesNoTemporaryFiles()
{
    FolderRelay relay(m_dir->path());
    relay.setTemporaryPrefix("c0ffee");
    QVERIFY(run(relay.makeFolder("data")).error.ok());
    for (int i = 0; i < 20; ++i)
        QVERIFY(putBytes(relay, QString("data/o%1").arg(i), QByteArray(100, char('a' + i))).ok());
    QBuffer shortSource;
    shortSource.setData("x");
    shortSource.open(QIODevice::ReadOnly);
    QVERIFY(!run(relay.put("data/short", &shortSource, 10, WriteMode::Replace)).error.ok());
    QCOMPARE(QDir(m_dir->filePath("tmp")).entryList(QDir::Files), QStringList{});
    QCOMPARE(QDir(m_dir->filePath("data")).entryList(QDir::Files).size(), 20);
}

void tst_RelayBackends::folderRelayIgnoresSymlinks()
{
    QTemporaryDir outside;
    QFile secret(outside.filePath("secret"));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("outside");
    secret.close();
    QVERIFY(QDir().mkpath(m_dir->filePath("data")));
    QVERIFY(QFile::link(secret.fileName(), m_dir->filePath("data/link")));
    FolderRelay relay(m_dir->path());
    const Done d = run(relay.list("data"));
    QVERIFY(d.error.ok());
    QCOMPARE(names(d.entries), QStringList{});
    RelayError e;
    getBytes(relay, "data/link", &e);
    QVERIFY(!e.ok()); // O_NOFOLLOW: a link planted in the relay is not read through
}

// A relay folder on a file system mounted read-only: every write says so (not only "cannot create
// the folder"), as a permission problem, and reading goes on.
void tst_RelayBackends::folderRelayNamesAReadOnlyDisk()
{
    QTemporaryDir mountPoint;
    if (QProcess::execute("mount", {"-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint.path()}) != 0)
        QSKIP("cannot mount a file system here");
    auto unmount = qScopeGuard([&] { QProcess::execute("umount", {mountPoint.path()}); });
    FolderRelay relay(mountPoint.path());
    QVERIFY(run(relay.makeFolder("heads")).error.ok());
    QVERIFY(putBytes(relay, "heads/x.1", "x").ok());
    QCOMPARE(QProcess::execute("mount", {"-o", "remount,ro", mountPoint.path()}), 0);
    RelayError e = putBytes(relay, "heads/x.2", "y");
    QCOMPARE(e.kind, RelayError::Kind::Permission);
    QVERIFY2(e.message.contains("Read-only file system"), qPrintable(e.message));
    e = run(relay.makeFolder("data/ab")).error;
    QCOMPARE(e.kind, RelayError::Kind::Permission);
    QVERIFY2(e.message.contains("cannot create the folder") && e.message.contains("Read-only file system"),
             qPrintable(e.message));
    QCOMPARE(getBytes(relay, "heads/x.1"), QByteArray("x"));
}

void tst_RelayBackends::memoryRelayCountsRequests()
{
    auto store = std::make_shared<MemoryStore>();
    MemoryRelay a(store), b(store);
    QVERIFY(putBytes(a, "heads/x.1", "x").ok());
    QCOMPARE(getBytes(b, "heads/x.1"), QByteArray("x")); // one store, two clients
    store->resetCounters();
    QVERIFY(run(b.list("heads")).error.ok());
    QCOMPARE(store->counters().list, 1);
    QCOMPARE(store->counters().total(), 1);
}

void tst_RelayBackends::objectStoreReadsParts_data()
{
    QTest::addColumn<bool>("encrypted");
    QTest::newRow("plain") << false;
    QTest::newRow("encrypted") << true;
}

void tst_RelayBackends::objectStoreReadsParts()
{
    // Parts of content objects through the repository's codec (relay-format.md R40): one read per
    // part; an encrypted object's header comes with a part near its start, else from one small
    // read of its own, kept for the object's next parts.
    QFETCH(bool, encrypted);
    auto store = std::make_shared<MemoryStore>();
    MemoryRelay relay(store);
    escale::protocol::ObjectStore objects(&relay);
    if (encrypted)
        objects.setCodec(std::make_shared<escale::crypto::EncryptedCodec>(
            escale::crypto::Suite::Aes256Gcm, escale::crypto::SecretBytes(escale::crypto::randomBytes(32))));
    QByteArray plain(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (qsizetype i = 0; i < plain.size(); ++i)
        plain[i] = char((i * 7) ^ (i >> 9));
    QBuffer source(&plain);
    source.open(QIODevice::ReadOnly);
    QVERIFY(objects.put("data/ab/pack", &source, plain.size(), WriteMode::Fresh).ok());
    auto part = [&](const QString& path, qint64 offset, qint64 length, RelayError* error = nullptr) {
        QByteArray bytes;
        QBuffer sink(&bytes);
        sink.open(QIODevice::WriteOnly);
        const RelayError e = objects.getRange(path, offset, length, &sink);
        if (error)
            *error = e;
        return e.ok() ? bytes : QByteArray("<error>");
    };

    store->resetCounters();
    QCOMPARE(part("data/ab/pack", 100, 5000), plain.mid(100, 5000));
    QCOMPARE(store->counters().get, 1);
    QCOMPARE(part("data/ab/pack", 2'500'000, 70'000), plain.mid(2'500'000, 70'000));
    QCOMPARE(store->counters().get, 2); // the header was kept from the first read
    QCOMPARE(part("data/ab/pack", plain.size() - 10, 10), plain.right(10));
    QCOMPARE(store->counters().get, 3);
    QCOMPARE(store->counters().getRange, 3);

    // Far from the start of an object not read yet: the header first, then the part.
    source.seek(0);
    QVERIFY(objects.put("data/ab/other", &source, plain.size(), WriteMode::Fresh).ok());
    store->resetCounters();
    QCOMPARE(part("data/ab/other", 3'000'000, 1000), plain.mid(3'000'000, 1000));
    QCOMPARE(store->counters().get, encrypted ? 2 : 1);

    // Gone, past the end, and altered on the relay.
    RelayError e;
    part("data/ab/gone", 3'000'000, 10, &e);
    QCOMPARE(e.kind, RelayError::Kind::NotFound);
    part("data/ab/gone", 10, 10, &e);
    QCOMPARE(e.kind, RelayError::Kind::NotFound);
    part("data/ab/pack", plain.size() + 300'000, 10, &e);
    QCOMPARE(e.kind, RelayError::Kind::Corrupt);
    part("data/ab/pack", plain.size() - 10, 11, &e);
    if (!encrypted) // the end of an encrypted object's data shows only in its first segment
        QCOMPARE(e.kind, RelayError::Kind::Corrupt);
    part("data/ab/pack", 0, plain.size() + 1, &e);
    QCOMPARE(e.kind, RelayError::Kind::Corrupt);
    QByteArray altered = store->object("data/ab/pack");
    altered[altered.size() / 2] = char(altered.at(altered.size() / 2) ^ 0x10);
    store->setObject("data/ab/pack", altered);
    const qint64 middle = encrypted ? (altered.size() / 2 - 21) / (65536 + 16) * 65536 : altered.size() / 2;
    const QByteArray read = part("data/ab/pack", middle, 100, &e);
    if (encrypted)
        QCOMPARE(e.kind, RelayError::Kind::Corrupt); // plain bytes carry no check of their own
    else
        QVERIFY(read != plain.mid(middle, 100));
}

void tst_RelayBackends::folderRelayBandwidthLimits()
{
    // 'bandwidth limit up' and 'down' hold on a folder relay too (a USB disk, a share others use):
    // 2 MiB at 1 MiB/s cannot take less than about two seconds each way (a lower bound only: a busy
    // machine makes it longer, never shorter), and the bytes arrive whole.
    FolderRelay relay(m_dir->path());
    relay.setBandwidth(1024 * 1024, 1024 * 1024);
    QByteArray data(2 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator(11).fillRange(reinterpret_cast<quint32*>(data.data()), data.size() / 4);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(putBytes(relay, "limited", data).ok());
    const qint64 upMs = clock.restart();
    RelayError e;
    QCOMPARE(getBytes(relay, "limited", &e), data);
    const qint64 downMs = clock.elapsed();
    QVERIFY2(upMs >= 1500, qPrintable(QString::number(upMs)));
    QVERIFY2(downMs >= 1500, qPrintable(QString::number(downMs)));
    // Unlimited again: 0.
    relay.setBandwidth(0, 0);
    QCOMPARE(getBytes(relay, "limited", &e), data);
}

QTEST_GUILESS_MAIN(tst_RelayBackends)
#include "tst_RelayBackends.moc"
