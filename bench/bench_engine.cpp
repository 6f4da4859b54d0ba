// Engine benchmarks, each with a reference run in the same invocation (docs/performance.md).
//
//   escale-bench rescan   [files]   no-change rescan vs `find -printf`, and resident memory
//   escale-bench small    [files]   N x 4 KiB from A to B through a folder relay vs two `cp -r`
//   escale-bench big      [MiB]     one big file from A to B through a folder relay vs two `cp`
//   escale-bench quota    [MiB]     one big file through a relay whose quota is a quarter of it
//   escale-bench idle               relay requests of an idle pass
//   escale-bench crypto   [MiB]     encryption and decryption throughput vs `openssl speed`
//   escale-bench hash     [MiB]     the scan's read of one big file (hashed whole, cut into blobs,
//                                   each hashed) vs `sha256sum` of it (one hash, one core)
//   escale-bench dav|s3|ftps|sftp big|small [n]  A to B through Apache WebDAV, the S3 test server,
//                                   ProFTPD (explicit FTPS) or OpenSSH's sftp, vs
//                                   `rclone copy` up and back (and, on WebDAV, the per-file
//                                   floor: curl, 4 at once); requests from Apache's access log;
//                                   a fourth argument delays each direction by that many ms
//                                   (bench's DelayProxy, bytes counted); $ESCALE_BENCH_REFERENCES
//                                   (default "rclone,curl") chooses the reference runs, here and
//                                   for `small` and `big` ("none": Escale alone, to profile it)
//
//   escale-bench delta [MiB [ms]]   a big file on WebDAV edited in the middle, then at the start:
//                                   what travels each way (counted by the proxy) and how long
//   escale-bench identical [n [ms]] three machines with the same folder join one WebDAV relay:
//                                   bytes written to it and its peak, against the folder's size
//   escale-bench latency folder|dav [n [ms]]  two daemons' runners (settle, refresh and fast
//                                   window as configured by default); n small files written on A
//                                   at random intervals of 0.5-6 s (fixed seed), each timed from
//                                   its close on A to its rename into place on B: p50, p90, max;
//                                   then relay requests per idle minute once the fast window is
//                                   over, and one file after that idleness. dav: Apache WebDAV
//                                   through the delaying proxy (10 ms each way by default)
//   escale-bench mixed [n [ms]]     a realistic tree (n files, log-uniform sizes 100 B - 8 MiB, one
//                                   of 100 MiB per 10,000) A to B on WebDAV, then 1 % edited; vs rclone
//
// `small`, `big` and `quota` take a third argument `encrypted` to run on an encrypted repository.
//
// Work happens under $ESCALE_BENCH_DIR (default /tmp/escale-bench), which is kept between
// runs so data sets are generated once.
#include "BenchCommon.h"
#include "RelayCalls.h"   // tests/support: a test server's relay configuration
#include "RelayServers.h" // and the test servers
#include "DelayProxy.h"   // a network with latency
#include "config/Config.h"
#include "crypto/EncryptedCodec.h"
#include "relay/folder/FolderRelay.h"
#include "relay/MemoryRelay.h"
#include "relay/RelayFactory.h"
#include "scan/Scanner.h"
#include "sync/RepositoryRunner.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <cmath>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/resource.h>

using namespace escale;

namespace {

using bench::out;
using bench::shell;
using bench::workDir;

void dropPath(const QString& path)
{
    QProcess::execute(QStringLiteral("rm"), {QStringLiteral("-rf"), path});
}

qint64 statusKb(const char* field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(std::strlen(field))).trimmed().split(' ').first().toLongLong();
    return -1;
}

qint64 peakRssKb()
{
    return statusKb("VmHWM:");
}

// From now on, the peak is measured again from the present resident size (Linux: clear_refs 5).
void resetPeakRss()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

void makeTree(const QString& root, int files, int dirs, int size)
{
    if (QFile::exists(root + QStringLiteral("/.complete")))
        return;
    dropPath(root);
    QRandomGenerator random(files);
    QByteArray content(size, Qt::Uninitialized);
    for (int i = 0; i < files; ++i) {
        const QString dir = root + QStringLiteral("/d%1").arg(i % dirs, 4, 10, QLatin1Char('0'));
        if (i < dirs)
            QDir().mkpath(dir);
        random.fillRange(reinterpret_cast<quint32*>(content.data()), size / 4);
        QFile f(dir + QStringLiteral("/f%1.bin").arg(i, 6, 10, QLatin1Char('0')));
        f.open(QIODevice::WriteOnly);
        f.write(content);
    }
    QFile marker(root + QStringLiteral("/.complete"));
    marker.open(QIODevice::WriteOnly);
}

bool g_encrypted = false;

config::RepositoryConfig repo(const QString& local, const QString& name)
{
    config::RepositoryConfig c;
    if (g_encrypted) {
        c.encryption = config::Encryption::Aes256Gcm;
        c.passphrase =
            config::SecretSource{config::SecretSource::Kind::Literal, QStringLiteral("bench passphrase")};
    }
    c.name = QStringLiteral("bench");
    c.localPath = local;
    c.clientName = name;
    c.relay.scheme = config::RelayAddress::Scheme::Folder;
    c.settleMs = 0;
    if (const int t = qEnvironmentVariableIntValue("ESCALE_BENCH_TRANSFERS"); t > 0)
        c.transfers = t; // to compare with one transfer at a time
    return c;
}

// The process's processor time so far (user and system, every thread), in seconds.
double cpuSeconds()
{
    struct rusage u;
    ::getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

sync::PassResult pass(sync::SyncEngine& engine, double* seconds, double* cpu = nullptr)
{
    QElapsedTimer t;
    t.start();
    const double cpu0 = cpuSeconds();
    const sync::PassResult r = engine.runPass();
    *seconds = double(t.nsecsElapsed()) / 1e9;
    if (cpu)
        *cpu = cpuSeconds() - cpu0;
    if (!r.ok())
        out << "  pass failed: " << r.error << "\n";
    return r;
}

int rescan(int files)
{
    const QString root = workDir() + QStringLiteral("/tree%1").arg(files);
    out << "Generating " << files << " files of 1 KiB in 1000 folders (once)...\n";
    out.flush();
    makeTree(root, files, 1000, 1024);
    const QString state = workDir() + QStringLiteral("/rescan-state");
    dropPath(state);
    dropPath(workDir() + QStringLiteral("/rescan-relay"));
    relay::FolderRelay relay(workDir() + QStringLiteral("/rescan-relay"));
    config::RepositoryConfig c = repo(root, QStringLiteral("bench"));
    sync::SyncEngine engine(c, &relay, state + QStringLiteral("/state.db"));
    QString error;
    if (!engine.open(error)) {
        out << error << "\n";
        return 1;
    }
    // The first pass hashes everything, records it and sends it to a folder relay.
    double first = 0;
    pass(engine, &first);
    out << "first pass (hash and record " << files << " files): " << QString::number(first, 'f', 2) << " s\n";

    // No-change rescan: stat walk and comparison with the state database, no hashing.
    const auto known = engine.database().allLocal();
    double best = 1e9;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        const auto r = scan::Scanner::scan(root, known, {});
        best = std::min(best, double(t.nsecsElapsed()) / 1e9);
        if (!r.changed.isEmpty() || !r.removed.isEmpty())
            out << "  unexpected changes in a no-change rescan\n";
    }
    double find = 1e9;
    for (int i = 0; i < 3; ++i)
        find =
            std::min(find, shell(QStringLiteral("find '%1' -printf '%s %T@ %p\\n' > /dev/null").arg(root)));
    double idlePass = 0;
    pass(engine, &idlePass);
    out << "no-change rescan: " << QString::number(best, 'f', 3)
        << " s; find -printf: " << QString::number(find, 'f', 3) << " s; ratio "
        << QString::number(best / find, 'f', 2) << " (target <= 3)\n";
    out << "whole idle pass (rescan + relay poll): " << QString::number(idlePass, 'f', 3) << " s\n";
    out << "resident memory with " << files
        << " tracked files, after an idle pass: " << statusKb("VmRSS:") / 1024
        << " MiB; peak during the first pass: " << peakRssKb() / 1024 << " MiB (target < 150)\n";
    return 0;
}

// Reference: the same data copied to a relay folder and on to B.
double referenceCopy(const QString& data, const QString& base)
{
    const double cp = shell(
        QStringLiteral("cp -r '%1' '%2/cprelay' && cp -r '%2/cprelay' '%2/cpB' && sync").arg(data, base));
    dropPath(base + QStringLiteral("/cprelay"));
    dropPath(base + QStringLiteral("/cpB"));
    shell(QStringLiteral("sync"));
    return cp;
}

bool sameTrees(const QString& a, const QString& b)
{
    return QProcess::execute(QStringLiteral("/bin/sh"),
                             {QStringLiteral("-c"),
                              QStringLiteral("diff -r -x '.escale*' '%1' '%2' > /dev/null").arg(a, b)}) == 0;
}

// The sender's own marker file and archive are not part of the data set.
void cleanDataSet(const QString& data)
{
    QFile::remove(data + QStringLiteral("/.escale-folder"));
    dropPath(data + QStringLiteral("/.escale-archive"));
}

// A clean work folder for a transfer of `data` from A to B, and the reference copy's time.
struct Workspace
{
    QString base, relayDir, b;
    double cp = 0;
};

Workspace prepare(const QString& label, const QString& data)
{
    Workspace w;
    w.base = workDir() + QLatin1Char('/') + label;
    w.relayDir = w.base + QStringLiteral("/relay");
    w.b = w.base + QStringLiteral("/B");
    dropPath(w.base);
    QDir().mkpath(w.b);
    w.cp = referenceCopy(data, w.base);
    return w;
}

int transfer(const QString& label, const QString& data)
{
    const auto [base, relayDir, b, cp] = prepare(label, data);

    relay::FolderRelay relayA(relayDir), relayB(relayDir);
    sync::SyncEngine alice(repo(data, QStringLiteral("alice")), &relayA,
                           base + QStringLiteral("/stateA/state.db"));
    sync::SyncEngine bob(repo(b, QStringLiteral("bob")), &relayB, base + QStringLiteral("/stateB/state.db"));
    QString error;
    if (!alice.open(error) || !bob.open(error)) {
        out << error << "\n";
        return 1;
    }
    double up = 0, down = 0, free = 0, upCpu = 0, downCpu = 0;
    const qint64 before = statusKb("VmRSS:");
    const auto ra = pass(alice, &up, &upCpu);
    const qint64 betweenRss = statusKb("VmRSS:");
    const qint64 peakA = peakRssKb(); // the process's peak so far: set up, then A's pass
    resetPeakRss();
    const auto rb = pass(bob, &down, &downCpu);
    const qint64 peakB = peakRssKb();
    QElapsedTimer t;
    t.start();
    shell(QStringLiteral("sync"));
    const double flush = double(t.nsecsElapsed()) / 1e9;
    const auto rf = pass(alice, &free);
    const bool same = sameTrees(data, b);
    const double total = up + down + flush;
    // rclone, the same data to a relay folder and on to another, 4 transfers (its default);
    // left out when $ESCALE_BENCH_REFERENCES does not name it (profiling Escale alone).
    const bool withRclone =
        qEnvironmentVariable("ESCALE_BENCH_REFERENCES", QStringLiteral("rclone")).contains(QStringLiteral("rclone"));
    const double rclone = withRclone ? shell(QStringLiteral("rclone copy --config /dev/null -q '%1' '%2/rcrelay' && "
                                                            "rclone copy --config /dev/null -q '%2/rcrelay' '%2/rcB' && sync")
                                                 .arg(data, base))
                                     : qQNaN();
    dropPath(base + QStringLiteral("/rcrelay"));
    dropPath(base + QStringLiteral("/rcB"));
    out << label << ": A sends " << ra.uploaded << " files in " << QString::number(up, 'f', 2)
        << " s (includes hashing), B receives " << rb.downloaded << " in " << QString::number(down, 'f', 2)
        << " s; total " << QString::number(total, 'f', 2) << " s; two cp -r: " << QString::number(cp, 'f', 2)
        << " s; ratio " << QString::number(total / cp, 'f', 2)
        << " (target <= 2); rclone copy twice: " << QString::number(rclone, 'f', 2) << " s, Escale / rclone "
        << QString::number(total / rclone, 'f', 2) << "; trees identical: " << (same ? "yes" : "NO")
        << "; relay objects freed afterwards: " << rf.freed << " (" << QString::number(free, 'f', 2)
        << " s)\n";
    // How much of the machine's cores each side used: processor seconds per second of its pass.
    out << "processor time: A " << QString::number(upCpu, 'f', 2) << " s (" << QString::number(upCpu / up, 'f', 2)
        << " cores), B " << QString::number(downCpu, 'f', 2) << " s (" << QString::number(downCpu / down, 'f', 2)
        << " cores)\n";
    out << "peak resident memory: " << std::max(peakA, peakRssKb()) / 1024 << " MiB (during A's pass "
        << peakA / 1024 << ", B's " << peakB / 1024 << "; resident before A "
        << before / 1024 << ", before B " << betweenRss / 1024 << ")\n";
    if (label == QLatin1String("big")) {
        // Then a new file as large, in the repository both sides know: the scan may cut it (the
        // repository's seed is known now), which the first pass could not.
        const QString added = data + QStringLiteral("/new.bin");
        shell(QStringLiteral("openssl enc -aes-128-ctr -nosalt -pass pass:bench -in '%1/big.bin' -out '%2' 2>/dev/null")
                  .arg(data, added));
        double addUp = 0, addDown = 0, addFree = 0;
        pass(alice, &addUp);
        pass(bob, &addDown);
        pass(alice, &addFree);
        out << "then a new file of the same size: A " << QString::number(addUp, 'f', 2) << " s, B "
            << QString::number(addDown, 'f', 2) << " s; total " << QString::number(addUp + addDown, 'f', 2)
            << " s; trees identical: " << (sameTrees(data, b) ? "yes" : "NO") << "\n";
        QFile::remove(added);
    }
    if (g_encrypted) {
        // What each side paid once, at its first pass, to open the repository's key.
        crypto::SecretBytes key(32);
        QString kdfError;
        QElapsedTimer k;
        k.start();
        crypto::scrypt("bench passphrase", QByteArray(16, 's'), quint64(1) << 17, 8, 1, key, kdfError);
        out << "of which key derivation (scrypt N=2^17, once per client start, on each side): "
            << QString::number(double(k.nsecsElapsed()) / 1e9, 'f', 2) << " s\n";
    }
    cleanDataSet(data);
    return same ? 0 : 1;
}

qint64 folderBytes(const QString& root)
{
    qint64 total = 0;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

QString bigDataSet(int mib)
{
    const QString data = workDir() + QStringLiteral("/big%1").arg(mib);
    if (!QFile::exists(data + QStringLiteral("/big.bin"))) {
        out << "Generating one file of " << mib << " MiB (once)...\n";
        out.flush();
        QDir().mkpath(data);
        shell(QStringLiteral("head -c %1M /dev/urandom > '%2/big.bin'").arg(mib).arg(data));
    }
    return data;
}

// One file four times larger than the relay's quota: it passes in pieces (R28).
int quota(int mib)
{
    const QString data = bigDataSet(mib);
    const auto [base, relayDir, b, cp] = prepare(QStringLiteral("quota"), data);

    relay::FolderRelay relayA(relayDir), relayB(relayDir);
    config::RepositoryConfig ca = repo(data, QStringLiteral("alice")), cb = repo(b, QStringLiteral("bob"));
    ca.diskQuota = cb.diskQuota = qint64(mib) * 1024 * 1024 / 4;
    sync::SyncEngine alice(ca, &relayA, base + QStringLiteral("/stateA/state.db"));
    sync::SyncEngine bob(cb, &relayB, base + QStringLiteral("/stateB/state.db"));
    QString error;
    if (!alice.open(error) || !bob.open(error)) {
        out << error << "\n";
        return 1;
    }
    double seconds = 0, total = 0;
    pass(bob, &seconds); // bob is known before alice sends: he counts as a reader
    qint64 peak = 0;
    int rounds = 0;
    for (; rounds < 20; ++rounds) {
        pass(alice, &seconds);
        total += seconds;
        peak = std::max(peak, folderBytes(relayDir + QStringLiteral("/data")));
        if (pass(bob, &seconds).downloaded > 0) {
            total += seconds;
            break;
        }
        total += seconds;
    }
    QElapsedTimer t;
    t.start();
    shell(QStringLiteral("sync"));
    total += double(t.nsecsElapsed()) / 1e9;
    pass(alice, &seconds);
    const bool same = sameTrees(data, b);
    out << "quota: " << mib << " MiB through a relay of " << *ca.diskQuota / (1024 * 1024) << " MiB in "
        << rounds + 1 << " rounds; total " << QString::number(total, 'f', 2)
        << " s; two cp -r: " << QString::number(cp, 'f', 2) << " s; ratio "
        << QString::number(total / cp, 'f', 2) << "; relay peak " << peak / (1024 * 1024)
        << " MiB; trees identical: " << (same ? "yes" : "NO")
        << "; relay content left: " << folderBytes(relayDir + QStringLiteral("/data")) << " bytes\n";
    out << "peak resident memory: " << peakRssKb() / 1024 << " MiB\n";
    cleanDataSet(data);
    return same && peak <= *ca.diskQuota ? 0 : 1;
}

int small(int files)
{
    const QString data = workDir() + QStringLiteral("/small%1").arg(files);
    out << "Generating " << files << " files of 4 KiB in 100 folders (once)...\n";
    out.flush();
    makeTree(data, files, 100, 4096);
    QFile::remove(data + QStringLiteral("/.complete"));
    const int r = transfer(QStringLiteral("small"), data);
    QFile(data + QStringLiteral("/.complete")).open(QIODevice::WriteOnly);
    return r;
}

int big(int mib)
{
    return transfer(QStringLiteral("big"), bigDataSet(mib));
}

// Streams `mib` MiB through the encrypted codec and back, in memory, one core.
int cryptoThroughput(int mib)
{
    crypto::EncryptedCodec codec(crypto::Suite::Aes256Gcm, crypto::SecretBytes(crypto::randomBytes(32)));
    const qint64 size = qint64(mib) << 20;
    QByteArray block(1 << 20, Qt::Uninitialized);
    QRandomGenerator(1).fillRange(reinterpret_cast<quint32*>(block.data()), block.size() / 4);

    // A source that repeats the block, and a sink that keeps nothing but a count.
    class Repeat final : public QIODevice
    {
    public:
        Repeat(const QByteArray& b, qint64 total)
            : m_block(b)
            , m_left(total)
        {
            open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        }
        bool isSequential() const override { return true; }

    protected:
        qint64 readData(char* data, qint64 max) override
        {
            if (m_left <= 0)
                return -1;
            const qint64 n = std::min({max, m_left, qint64(m_block.size())});
            std::memcpy(data, m_block.constData(), size_t(n));
            m_left -= n;
            return n;
        }
        qint64 writeData(const char*, qint64) override { return -1; }

    private:
        QByteArray m_block;
        qint64 m_left;
    };
    class Count final : public QIODevice
    {
    public:
        Count() { open(QIODevice::WriteOnly | QIODevice::Unbuffered); }
        qint64 total = 0;

    protected:
        qint64 readData(char*, qint64) override { return -1; }
        qint64 writeData(const char*, qint64 n) override
        {
            total += n;
            return n;
        }
    };

    // Objects of 64 MiB (the relay's chunks are smaller), encoded into a buffer reused from
    // one object to the next, so page faults of a growing buffer are not counted.
    const qint64 object = qint64(64) << 20;
    QByteArray encoded;
    encoded.reserve(codec.encodedSize(object));
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    auto encodeOne = [&] {
        Repeat source(block, object);
        auto encoder = codec.encoder(&source, object, QStringLiteral("data/00/bench"));
        encoded.resize(0);
        for (qint64 n; (n = encoder->read(buffer.data(), buffer.size())) > 0;)
            encoded.append(buffer.constData(), n);
    };
    encodeOne(); // warm-up: touches the buffer once
    QElapsedTimer t;
    t.start();
    for (qint64 done = 0; done < size; done += object)
        encodeOne();
    const double enc = double(t.nsecsElapsed()) / 1e9;
    bool ok = true;
    t.restart();
    for (qint64 done = 0; done < size; done += object) {
        Count sink;
        auto decoder = codec.decoder(&sink, QStringLiteral("data/00/bench"));
        for (qint64 at = 0; at < encoded.size(); at += buffer.size())
            decoder->write(encoded.constData() + at, std::min<qint64>(buffer.size(), encoded.size() - at));
        QString error;
        ok = ok && decoder->finish(error) && sink.total == object;
    }
    const double dec = double(t.nsecsElapsed()) / 1e9;

    // Reference: OpenSSL's own AES-256-GCM on 64 KiB blocks, same machine, same moment.
    QProcess p;
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("speed"), QStringLiteral("-evp"), QStringLiteral("aes-256-gcm"),
             QStringLiteral("-bytes"), QStringLiteral("65536"), QStringLiteral("-seconds"),
             QStringLiteral("3")});
    p.waitForFinished(60'000);
    double reference = 0; // MB/s (1000 * 1000)
    for (const QByteArray& line : p.readAllStandardOutput().split('\n'))
        if (line.startsWith("AES-256-GCM"))
            reference = line.simplified().split(' ').last().chopped(1).toDouble() / 1000.0;
    const double mbEnc = double(size) / 1e6 / enc, mbDec = double(size) / 1e6 / dec;
    out << "crypto: " << mib << " MiB; encrypt " << QString::number(mbEnc, 'f', 0) << " MB/s, decrypt "
        << QString::number(mbDec, 'f', 0)
        << " MB/s; openssl speed -evp aes-256-gcm (64 KiB): " << QString::number(reference, 'f', 0)
        << " MB/s; ratio (openssl / escale encrypt) " << QString::number(reference / mbEnc, 'f', 2)
        << ", decrypt " << QString::number(reference / mbDec, 'f', 2)
        << " (target <= 1.5); a 64 MiB object is stored with " << codec.encodedSize(object) - object << " "
        << "bytes more (padding and tags); " << (ok ? "round trip OK" : "ROUND TRIP FAILED") << "\n";
    return ok ? 0 : 1;
}

int idle()
{
    auto store = std::make_shared<relay::MemoryStore>();
    const QString base = workDir() + QStringLiteral("/idle");
    dropPath(base);
    QDir().mkpath(base + QStringLiteral("/A"));
    QDir().mkpath(base + QStringLiteral("/B"));
    for (int i = 0; i < 100; ++i) {
        QFile f(base + QStringLiteral("/A/f%1").arg(i));
        f.open(QIODevice::WriteOnly);
        f.write("x");
    }
    relay::MemoryRelay ra(store), rb(store);
    sync::SyncEngine a(repo(base + QStringLiteral("/A"), QStringLiteral("alice")), &ra,
                       base + QStringLiteral("/sa/state.db"));
    sync::SyncEngine b(repo(base + QStringLiteral("/B"), QStringLiteral("bob")), &rb,
                       base + QStringLiteral("/sb/state.db"));
    QString error;
    a.open(error);
    b.open(error);
    for (int i = 0; i < 3; ++i) {
        a.runPass();
        b.runPass();
    }
    store->resetCounters();
    for (int i = 0; i < 10; ++i)
        a.runPass();
    const auto c = store->counters();
    out << "idle passes: 10; relay requests: " << c.total() << " (list " << c.list << ", get " << c.get
        << ", put " << c.put << ", delete " << c.remove
        << "); per idle poll: " << QString::number(double(c.total()) / 10, 'f', 1) << " (target: 1)\n";
    return 0;
}

// Through a real server on loopback (Apache WebDAV or the S3 server of the tests): A sends the
// data set, B receives it; then `rclone copy` of the same data to the same server and back,
// in the same run. With Apache, requests are counted in its access log, idle polls included.
// A password as rclone's connection strings take it.
QString rcloneObscured(const QString& secret)
{
    QProcess obscure;
    obscure.start(QStringLiteral("rclone"), {QStringLiteral("obscure"), secret});
    obscure.waitForFinished();
    return QString::fromUtf8(obscure.readAllStandardOutput()).trimmed();
}

// "PUT 1000, MKCOL 256" for the requests from line `from` to line `to` of an access log.
QString methodCounts(const QStringList& lines, int from, int to)
{
    QMap<QString, int> count;
    for (int i = from; i < to && i < lines.size(); ++i)
        ++count[lines.at(i).section(QLatin1Char(' '), 0, 0)];
    QStringList parts;
    for (auto it = count.cbegin(); it != count.cend(); ++it)
        parts << it.key() + QLatin1Char(' ') + QString::number(it.value());
    return parts.join(QStringLiteral(", "));
}

int network(const QString& server, const QString& kind, int n, int delayMs)
{
    const bool dav = server == QLatin1String("dav");
    QString data;
    if (kind == QLatin1String("big")) {
        data = bigDataSet(n > 0 ? n : 1024);
    } else {
        const int files = n > 0 ? n : 10'000;
        data = workDir() + QStringLiteral("/small%1").arg(files);
        makeTree(data, files, 100, 4096);
        QFile::remove(data + QStringLiteral("/.complete"));
    }
    std::unique_ptr<testing::Server> running;
    QString url, password, remote;
    testing::ApacheDav* apache = nullptr;
    std::function<void(config::RepositoryConfig&)> completeConfig = [](config::RepositoryConfig&) {
    };
    if (dav) {
        apache = new testing::ApacheDav;
        running.reset(apache);
        url = apache->url();
        password = QStringLiteral("testpw");
        remote = QStringLiteral(":webdav,url='http://127.0.0.1:%1/',vendor=other,user=tester,pass=%2:rclone")
                     .arg(running->port())
                     .arg(rcloneObscured(password));
    } else if (server == QLatin1String("ftps")) {
        // rclone 1.60 cannot resume the TLS session on data connections, which ProFTPD requires
        // by default: both run against a server that does not ask for it.
        testing::ProFtpd::Options o;
        o.reuseRequired = false;
        auto* ftp = new testing::ProFtpd(o);
        running.reset(ftp);
        url = ftp->url();
        password = QStringLiteral("testpw");
        const QString certificate = ftp->certificate();
        completeConfig = [certificate](config::RepositoryConfig& c) {
            c.caCertificate = certificate;
        };
        remote = QStringLiteral(":ftp,host=127.0.0.1,port=%1,user=tester,pass=%2,explicit_tls=true,"
                                "no_check_certificate=true:rclone")
                     .arg(running->port())
                     .arg(rcloneObscured(password));
    } else if (server == QLatin1String("sftp")) {
        auto* ssh = new testing::OpenSshd;
        running.reset(ssh);
        url = ssh->url();
        const QString key = ssh->clientKey(), known = ssh->knownHosts();
        completeConfig = [key, known](config::RepositoryConfig& c) {
            c.password = {};
            c.privateKey = key;
            c.knownHosts = known;
        };
        remote = QStringLiteral(
                     ":sftp,host=127.0.0.1,port=%1,user=root,key_file='%2',known_hosts_file='%3':%4/rclone")
                     .arg(running->port())
                     .arg(key, known, ssh->root());
    } else {
        auto* s3 = new testing::S3rver;
        running.reset(s3);
        url = s3->url();
        password = QStringLiteral("S3RVER");
        remote =
            QStringLiteral(":s3,provider=Other,env_auth=false,access_key_id=S3RVER,secret_access_key=S3RVER,"
                           "endpoint='http://127.0.0.1:%1',force_path_style=true:testbucket/rclone")
                .arg(running->port());
    }
    if (!running->started()) {
        out << "the " << server << " server did not start: " << running->log() << "\n";
        return 1;
    }
    // A modest real network: every byte each way `delayMs` late, through the same proxy for
    // Escale and the references (FTP's data connections go straight to the server).
    std::unique_ptr<testing::DelayProxy> proxy;
    if (delayMs > 0) {
        proxy = std::make_unique<testing::DelayProxy>(running->port(), delayMs);
        if (proxy->port() == 0) {
            out << "the delaying proxy could not listen\n";
            return 1;
        }
        const QString direct = QStringLiteral("127.0.0.1:%1").arg(running->port()),
                      delayed = QStringLiteral("127.0.0.1:%1").arg(proxy->port());
        url.replace(direct, delayed);
        remote.replace(direct, delayed);
        remote.replace(QStringLiteral("port=%1,").arg(running->port()), QStringLiteral("port=%1,").arg(proxy->port()));
        if (server == QLatin1String("sftp")) {
            // The server's host key, known under the proxy's port.
            auto* ssh = static_cast<testing::OpenSshd*>(running.get());
            QFile known(ssh->knownHosts());
            known.open(QIODevice::ReadOnly);
            QByteArray lines = known.readAll();
            lines.replace(QStringLiteral("]:%1").arg(running->port()).toUtf8(), QStringLiteral("]:%1").arg(proxy->port()).toUtf8());
            const QString viaProxy = ssh->knownHosts() + QStringLiteral(".proxy");
            QFile out(viaProxy);
            out.open(QIODevice::WriteOnly);
            out.write(lines);
            out.close();
            remote.replace(ssh->knownHosts() + QLatin1Char('\''), viaProxy + QLatin1Char('\''));
            const QString key = ssh->clientKey();
            completeConfig = [key, viaProxy](config::RepositoryConfig& c) {
                c.password = {};
                c.privateKey = key;
                c.knownHosts = viaProxy;
            };
        }
        out << "through a proxy delaying each direction by " << delayMs << " ms\n";
    }
    const quint16 port = proxy ? proxy->port() : running->port();
    auto bytes = [&] { return proxy ? std::pair<qint64, qint64>{proxy->bytesUp(), proxy->bytesDown()} : std::pair<qint64, qint64>{-1, -1}; };
    auto requests = [&] {
        return apache ? int(apache->accessLog().size()) : -1;
    };
    auto methods = [&](int from, int to) {
        return methodCounts(apache ? apache->accessLog() : QStringList(), from, to);
    };
    const QString base = workDir() + QLatin1Char('/') + server + QLatin1Char('-') + kind;
    dropPath(base);
    QDir().mkpath(base + QStringLiteral("/B"));
    auto config = [&](const QString& local, const QString& name) {
        config::RepositoryConfig c = repo(local, name);
        const config::RepositoryConfig relay = testing::relayConfig(c.name, url, password);
        c.relay = relay.relay;
        c.password = relay.password;
        completeConfig(c);
        return c;
    };
    QString error;
    const config::RepositoryConfig ca = config(data, QStringLiteral("alice")),
                                   cb = config(base + QStringLiteral("/B"), QStringLiteral("bob"));
    auto relayA = relay::createRelay(ca, error), relayB = relay::createRelay(cb, error);
    sync::SyncEngine alice(ca, relayA.get(), base + QStringLiteral("/stateA/state.db"));
    sync::SyncEngine bob(cb, relayB.get(), base + QStringLiteral("/stateB/state.db"));
    if (!alice.open(error) || !bob.open(error)) {
        out << error << "\n";
        return 1;
    }
    double up = 0, down = 0, idle = 0;
    // Both sides start with nothing waiting to be written back: the data set and the previous
    // run's deletions would otherwise slow whichever side comes first.
    ::sync();
    const int r0 = requests();
    const auto b0 = bytes();
    const auto ra = pass(alice, &up);
    const int r1 = requests();
    const auto b1 = bytes();
    const auto rb = pass(bob, &down);
    const int r2 = requests();
    const auto b2 = bytes();
    pass(alice, &idle); // frees what bob acknowledged
    pass(alice, &idle); // and says so in its head
    const int r3 = requests();
    double quiet = 0;
    for (int i = 0; i < 5; ++i)
        pass(alice, &quiet);
    const int r4 = requests();
    const bool same = sameTrees(data, base + QStringLiteral("/B"));

    // rclone, the same data to the same server and back, 4 transfers (its default).
    // rclone's S3 client refuses AWS_CA_BUNDLE with its own HTTP transport: not needed on loopback.
    const QString flags = QStringLiteral("--config /dev/null --transfers 4 -q");
    QString refName = QStringLiteral("rclone copy"),
            refUpCommand = QStringLiteral("rclone copy %1 '%2' \"%3\"").arg(flags, data, remote),
            refDownCommand =
                QStringLiteral("rclone copy %1 \"%2\" '%3/rcB' && sync").arg(flags, remote, base);
    if (server == QLatin1String("ftps")) {
        // rclone 1.60 fails with ProFTPD over TLS 1.3 ("425 Unable to build data connection"), even
        // without the session reuse requirement: curl, 4 transfers at once, each file named in
        // a config file (one connection per transfer slot, reused from file to file).
        refName = QStringLiteral("curl");
        QFile upList(base + QStringLiteral("/curl-up.cfg")),
            downList(base + QStringLiteral("/curl-down.cfg"));
        upList.open(QIODevice::WriteOnly);
        downList.open(QIODevice::WriteOnly);
        const QString ftpBase = QStringLiteral("ftp://127.0.0.1:%1/curl/").arg(running->port());
        QDirIterator it(data, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString relative = QDir(data).relativeFilePath(file);
            upList.write(QStringLiteral("upload-file = \"%1\"\nurl = \"%2%3\"\n")
                             .arg(file, ftpBase, relative)
                             .toUtf8());
            downList.write(QStringLiteral("output = \"%1/rcB/%2\"\nurl = \"%3%2\"\n")
                               .arg(base, relative, ftpBase)
                               .toUtf8());
        }
        upList.close();
        downList.close();
        const QString curl =
            QStringLiteral("curl -sS --ssl-reqd --cacert '%1' -u tester:%2 -Z --parallel-max 4")
                .arg(static_cast<testing::ProFtpd*>(running.get())->certificate(), password);
        refUpCommand = QStringLiteral("%1 --ftp-create-dirs -K '%2'").arg(curl, upList.fileName());
        refDownCommand = QStringLiteral("%1 --create-dirs -K '%2' && sync").arg(curl, downList.fileName());
    }
    qunsetenv("AWS_CA_BUNDLE");
    ::sync();
    const QStringList references =
        qEnvironmentVariable("ESCALE_BENCH_REFERENCES", QStringLiteral("rclone,curl")).split(QLatin1Char(','));
    const bool withRclone = references.contains(QStringLiteral("rclone"));
    const int q0 = requests();
    const double rcUp = withRclone ? shell(refUpCommand) : 0;
    const int q1 = requests();
    const double rcDown = withRclone ? shell(refDownCommand) : 0;
    const int q2 = requests();
    const bool rcSame = !withRclone || sameTrees(data, base + QStringLiteral("/rcB"));
    // The per-file floor on WebDAV: curl, 4 transfers at once, one PUT then one GET per file, through
    // the same proxy (files flattened into one folder: curl makes no WebDAV folders).
    double curlUp = 0, curlDown = 0;
    int c0 = 0, c1 = 0, c2 = 0;
    bool curlSame = true;
    const bool withCurl = dav && references.contains(QStringLiteral("curl"));
    if (withCurl) {
        const QString davBase = QStringLiteral("http://127.0.0.1:%1/curl/").arg(port);
        const QString curl = QStringLiteral("curl -sS -u tester:%1").arg(password);
        shell(QStringLiteral("%1 -X MKCOL %2").arg(curl, davBase));
        QFile upList(base + QStringLiteral("/curl-up.cfg")), downList(base + QStringLiteral("/curl-down.cfg"));
        upList.open(QIODevice::WriteOnly);
        downList.open(QIODevice::WriteOnly);
        QDirIterator it(data, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString file = it.next();
            const QString flat = QDir(data).relativeFilePath(file).replace(QLatin1Char('/'), QLatin1Char('_'));
            upList.write(QStringLiteral("upload-file = \"%1\"\nurl = \"%2%3\"\n").arg(file, davBase, flat).toUtf8());
            downList.write(
                QStringLiteral("output = \"%1/curlB/%2\"\nurl = \"%3%2\"\n").arg(base, flat, davBase).toUtf8());
            ++files;
        }
        upList.close();
        downList.close();
        c0 = requests();
        curlUp = shell(QStringLiteral("%1 -Z --parallel-max 4 -K '%2'").arg(curl, upList.fileName()));
        c1 = requests();
        curlDown = shell(QStringLiteral("%1 -Z --parallel-max 4 --create-dirs -K '%2' && sync").arg(curl, downList.fileName()));
        c2 = requests();
        curlSame = QDir(base + QStringLiteral("/curlB")).entryList(QDir::Files).size() == files;
    }
    const double total = up + down, rcTotal = rcUp + rcDown;
    out << server << " " << kind << ": Escale A sends " << ra.uploaded << " files in "
        << QString::number(up, 'f', 2) << " s, B receives " << rb.downloaded << " in "
        << QString::number(down, 'f', 2) << " s (durable: synced "
        << "to disk); total " << QString::number(total, 'f', 2) << " s";
    if (withRclone)
        out << "; " << refName << " up " << QString::number(rcUp, 'f', 2) << " s + down "
            << QString::number(rcDown, 'f', 2) << " s (+ sync) = " << QString::number(rcTotal, 'f', 2)
            << " s; ratio " << QString::number(total / rcTotal, 'f', 2) << " (target <= 1)";
    out << "; trees identical: " << (same ? "yes" : "NO") << " / " << refName << " " << (rcSame ? "yes" : "NO")
        << "\n";
    if (apache)
        out << "requests (Apache access log): Escale send " << r1 - r0 << ", receive " << r2 - r1
            << ", freeing pass " << r3 - r2 << ", then " << r4 - r3 << " in 5 idle passes ("
            << QString::number(double(r4 - r3) / 5, 'f', 1) << " per idle poll, target 1); rclone up "
            << q1 - q0 << ", down " << q2 - q1 << "\n  Escale send: " << methods(r0, r1)
            << "\n  Escale receive: " << methods(r1, r2) << "\n  Escale freeing: " << methods(r2, r3)
            << "\n  Escale idle: " << methods(r3, r4) << "\n  rclone up: " << methods(q0, q1)
            << "\n  rclone down: " << methods(q1, q2) << "\n";
    if (withCurl)
        out << "per-file floor (curl, 4 at once, same proxy): up " << QString::number(curlUp, 'f', 2) << " s + down "
            << QString::number(curlDown, 'f', 2) << " s = " << QString::number(curlUp + curlDown, 'f', 2)
            << " s; Escale / floor " << QString::number(total / (curlUp + curlDown), 'f', 3) << "; requests up "
            << c1 - c0 << ", down " << c2 - c1 << (curlSame ? "" : " (FILES MISSING)") << "\n";
    if (proxy)
        out << "bytes through the proxy: Escale send " << b1.first - b0.first << " up / " << b1.second - b0.second
            << " down; receive " << b2.first - b1.first << " up / " << b2.second - b1.second << " down\n";
    out << "peak resident memory: " << peakRssKb() / 1024 << " MiB\n";
    if (kind != QLatin1String("big"))
        QFile(data + QStringLiteral("/.complete")).open(QIODevice::WriteOnly);
    cleanDataSet(data);
    if (same && rcSame)
        dropPath(base);
    return same && rcSame ? 0 : 1;
}

// Two or three clients of one repository on Apache WebDAV, through a proxy that counts the bytes
// (and delays them by `delayMs` each way).
struct DavBench
{
    testing::ApacheDav server;
    std::unique_ptr<testing::DelayProxy> proxy;
    QString base;
    std::vector<std::unique_ptr<relay::RelayBackend>> relays;
    std::vector<std::unique_ptr<sync::SyncEngine>> engines;

    bool start(const QString& label, int delayMs)
    {
        if (!server.started()) {
            out << "Apache did not start: " << server.log() << "\n";
            return false;
        }
        proxy = std::make_unique<testing::DelayProxy>(server.port(), delayMs);
        base = workDir() + QLatin1Char('/') + label;
        dropPath(base);
        return proxy->port() != 0;
    }
    sync::SyncEngine* add(const QString& local, const QString& name)
    {
        config::RepositoryConfig c = repo(local, name);
        QString url = server.url();
        url.replace(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("127.0.0.1:%1").arg(proxy->port()));
        const config::RepositoryConfig relay = testing::relayConfig(c.name, url, QStringLiteral("testpw"));
        c.relay = relay.relay;
        c.password = relay.password;
        QString error;
        relays.push_back(relay::createRelay(c, error));
        engines.push_back(std::make_unique<sync::SyncEngine>(c, relays.back().get(),
                                                             base + QStringLiteral("/state-") + name + QStringLiteral("/state.db")));
        if (!engines.back()->open(error)) {
            out << error << "\n";
            return nullptr;
        }
        return engines.back().get();
    }
    qint64 up() const { return proxy->bytesUp(); }
    qint64 down() const { return proxy->bytesDown(); }
    int requests() const { return int(server.accessLog().size()); }
    QString methods(int from, int to) const { return methodCounts(server.accessLog(), from, to); }
    qint64 stored() const { return folderBytes(server.root()); }
};

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / 1048576.0, 'f', 2) + QStringLiteral(" MiB");
}

// A big file edited in place, as a VM image or a mailbox is: 1 MiB overwritten in the middle, then
// 1 MiB inserted at the start. Only the blobs around each edit should travel (R36-R40).
int delta(int sizeMib, int delayMs)
{
    const QString data = bigDataSet(sizeMib);
    DavBench bench;
    if (!bench.start(QStringLiteral("delta"), delayMs))
        return 1;
    const QString a = bench.base + QStringLiteral("/A"), b = bench.base + QStringLiteral("/B");
    QDir().mkpath(a);
    QDir().mkpath(b);
    shell(QStringLiteral("cp '%1/big.bin' '%2/big.bin' && sync").arg(data, a));
    sync::SyncEngine* alice = bench.add(a, QStringLiteral("alice"));
    sync::SyncEngine* bob = bench.add(b, QStringLiteral("bob"));
    if (!alice || !bob)
        return 1;
    double first = 0;
    bool allSame = true;
    auto step = [&](const QString& what) {
        double up = 0, down = 0, idle = 0;
        const qint64 u0 = bench.up(), d0 = bench.down();
        const int r0 = bench.requests();
        pass(*alice, &up);
        const qint64 u1 = bench.up(), d1 = bench.down();
        const int r1 = bench.requests();
        pass(*bob, &down);
        const qint64 u2 = bench.up(), d2 = bench.down();
        const int r2 = bench.requests();
        pass(*alice, &idle); // frees what bob took
        const bool same = sameTrees(a, b);
        allSame = allSame && same;
        const double total = up + down;
        if (first == 0)
            first = total;
        out << what << ": A " << QString::number(up, 'f', 2) << " s, sent " << mib(u1 - u0) << " (received "
            << mib(d1 - d0) << "); B " << QString::number(down, 'f', 2) << " s, received " << mib(d2 - d1)
            << " (sent " << mib(u2 - u1) << "); " << QString::number(100.0 * total / first, 'f', 1)
            << " % of the first sync's time; same: " << (same ? "yes" : "NO") << "\n  requests: A " << r1 - r0
            << " (" << bench.methods(r0, r1) << "), B " << r2 - r1 << " (" << bench.methods(r1, r2) << ")\n";
        out.flush();
    };
    step(QStringLiteral("first sync of %1 MiB").arg(sizeMib));
    shell(QStringLiteral("dd if=/dev/urandom of='%1/big.bin' bs=1M count=1 seek=%2 conv=notrunc status=none")
              .arg(a)
              .arg(sizeMib / 2));
    step(QStringLiteral("1 MiB overwritten in the middle (target: under 8 MiB each way, under 15 %)"));
    shell(QStringLiteral("head -c 1M /dev/urandom > '%1/new' && cat '%1/big.bin' >> '%1/new' && mv '%1/new' "
                         "'%1/big.bin'")
              .arg(a));
    step(QStringLiteral("1 MiB inserted at the start (target: under 8 MiB each way, under 15 %)"));
    out << "peak resident memory: " << peakRssKb() / 1024 << " MiB\n";
    if (allSame)
        dropPath(bench.base);
    return allSame ? 0 : 1;
}

// Three machines that hold the same folder (an upgrade, a copy by USB) join one relay in turn: the
// content should travel once (target: at most 1.1 x the folder written, and held at the peak).
int identical(int files, int delayMs)
{
    const QString data = workDir() + QStringLiteral("/small%1").arg(files);
    makeTree(data, files, 100, 4096);
    QFile::remove(data + QStringLiteral("/.complete"));
    const QString big = bigDataSet(16);
    DavBench bench;
    if (!bench.start(QStringLiteral("identical"), delayMs))
        return 1;
    const QStringList names{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")};
    std::vector<sync::SyncEngine*> machines;
    for (const QString& name : names) {
        const QString local = bench.base + QLatin1Char('/') + name;
        QDir().mkpath(local);
        shell(QStringLiteral("cp -r '%1/.' '%2/' && cp '%3/big.bin' '%2/' && rm -f '%2/.complete'").arg(data, local, big));
        machines.push_back(bench.add(local, name));
        if (!machines.back())
            return 1;
    }
    const qint64 folder = folderBytes(bench.base + QStringLiteral("/alice"));
    qint64 peak = 0;
    int quietFrom = -1;
    const qint64 u0 = bench.up();
    for (int round = 1; round <= 4; ++round) {
        bool quiet = true;
        for (sync::SyncEngine* m : machines) {
            double seconds = 0;
            const auto r = pass(*m, &seconds);
            quiet = quiet && r.published == 0 && r.uploaded == 0 && r.downloaded == 0;
            peak = std::max(peak, bench.stored());
        }
        if (quiet && quietFrom < 0)
            quietFrom = round;
    }
    const qint64 written = bench.up() - u0;
    QStringList held;
    for (const QString& part : QDir(bench.server.root() + QStringLiteral("/repo")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        held << part + QLatin1Char(' ') + mib(folderBytes(bench.server.root() + QStringLiteral("/repo/") + part));
    for (const QString& client : QDir(bench.server.root() + QStringLiteral("/repo/journal")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        held << QStringLiteral("journal of ") + client + QLatin1Char(' ') +
                    mib(folderBytes(bench.server.root() + QStringLiteral("/repo/journal/") + client));
    bool same = true;
    for (const QString& name : names)
        same = same && sameTrees(bench.base + QStringLiteral("/alice"), bench.base + QLatin1Char('/') + name);
    out << "3 machines with the same " << mib(folder) << " (" << files << " files and one of 16 MiB): written to the "
        << "relay " << mib(written) << " (" << QString::number(double(written) / double(folder), 'f', 3)
        << " x the folder, target <= 1.1); relay peak " << mib(peak) << " ("
        << QString::number(double(peak) / double(folder), 'f', 3) << " x); quiet from round " << quietFrom
        << "; trees identical, no conflict copy: " << (same ? "yes" : "NO") << "\n"
        << "relay at the end: " << held.join(QStringLiteral(", ")) << "\n";
    QFile(data + QStringLiteral("/.complete")).open(QIODevice::WriteOnly);
    if (same)
        dropPath(bench.base);
    return same ? 0 : 1;
}

// A realistic tree, the same for a given count (fixed seed): `files` files in folders of about 100
// (two levels), sizes log-uniform from 100 B to 8 MiB, and one file of 100 MiB per 10,000 files
// (at least one). Random bytes: nothing compresses or repeats.
QString mixedDataSet(int files)
{
    const QString root = workDir() + QStringLiteral("/mixed%1").arg(files);
    if (QFile::exists(root + QStringLiteral("/.complete")))
        return root;
    dropPath(root);
    out << "Generating the mixed tree of " << files << " files (once)...\n";
    out.flush();
    QRandomGenerator random(20261205);
    const int bigOnes = std::max(1, files / 10'000);
    QByteArray content;
    for (int i = 0; i < files; ++i) {
        const int folder = i / 100;
        const QString dir = root + QStringLiteral("/p%1/q%2").arg(folder / 10, 3, 10, QLatin1Char('0')).arg(folder % 10);
        if (i % 100 == 0)
            QDir().mkpath(dir);
        const qint64 size = i < bigOnes ? qint64(100) << 20
                                        : qint64(std::exp(std::log(100.0) + random.generateDouble() *
                                                                              (std::log(8.0 * 1048576) - std::log(100.0))));
        content.resize(size + 3 - (size + 3) % 4);
        random.fillRange(reinterpret_cast<quint32*>(content.data()), content.size() / 4);
        QFile f(dir + QStringLiteral("/f%1.bin").arg(i, 6, 10, QLatin1Char('0')));
        f.open(QIODevice::WriteOnly);
        f.write(content.constData(), size);
    }
    QFile marker(root + QStringLiteral("/.complete"));
    marker.open(QIODevice::WriteOnly);
    return root;
}

// The mixed tree from A to B through Apache WebDAV (`delayMs` each way), then 1 % of its files
// edited (1 KiB overwritten somewhere in each) and synced again; rclone copy up and down, and again
// after the edits, through the same proxy.
int mixed(int files, int delayMs)
{
    const QString data = mixedDataSet(files);
    DavBench bench;
    if (!bench.start(QStringLiteral("mixed"), delayMs))
        return 1;
    const QString a = bench.base + QStringLiteral("/A"), b = bench.base + QStringLiteral("/B");
    QDir().mkpath(b);
    // A tree of many gigabytes (the full 20,000 files: about 15 GB) is linked, not copied, so that
    // it fits on the disk with B, the relay and rclone's copies; its data set is then made again
    // next time (the edits below change its files).
    if (folderBytes(data) > (qint64(4) << 30)) {
        QFile::remove(data + QStringLiteral("/.complete"));
        shell(QStringLiteral("cp -rl '%1' '%2' && sync").arg(data, a));
    } else {
        shell(QStringLiteral("cp -r '%1' '%2' && rm -f '%2/.complete' && sync").arg(data, a));
    }
    const qint64 folder = folderBytes(a);
    sync::SyncEngine* alice = bench.add(a, QStringLiteral("alice"));
    sync::SyncEngine* bob = bench.add(b, QStringLiteral("bob"));
    if (!alice || !bob)
        return 1;
    auto requests = [&] { return int(bench.server.accessLog().size()); };
    // One sync: A publishes, B takes it, A frees what B acknowledged.
    auto sync = [&](const QString& what, double& total) {
        double up = 0, down = 0, idle = 0;
        const int r0 = requests();
        const qint64 u0 = bench.up(), d0 = bench.down();
        const auto ra = pass(*alice, &up);
        const int r1 = requests();
        const qint64 u1 = bench.up();
        const auto rb = pass(*bob, &down);
        const int r2 = requests();
        const qint64 d2 = bench.down();
        pass(*alice, &idle);
        total = up + down;
        out << what << ": A sends " << ra.uploaded << " files in " << QString::number(up, 'f', 2) << " s ("
            << mib(u1 - u0) << ", " << r1 - r0 << " requests), B receives " << rb.downloaded << " in "
            << QString::number(down, 'f', 2) << " s (" << mib(d2 - d0) << " read in all, " << r2 - r1
            << " requests); total " << QString::number(total, 'f', 2) << " s\n";
        out.flush();
    };
    double first = 0, second = 0;
    ::sync();
    sync(QStringLiteral("first sync of %1 files, %2").arg(files).arg(mib(folder)), first);
    const bool sameFirst = sameTrees(a, b);

    // rclone, same server, same proxy, 4 transfers (its default).
    const QString remote = QStringLiteral(":webdav,url='http://127.0.0.1:%1/',vendor=other,user=tester,pass=%2:rclone")
                               .arg(bench.proxy->port())
                               .arg(rcloneObscured(QStringLiteral("testpw")));
    const QString flags = QStringLiteral("--config /dev/null --transfers 4 -q");
    const QStringList references = qEnvironmentVariable("ESCALE_BENCH_REFERENCES", QStringLiteral("rclone"))
                                       .split(QLatin1Char(','));
    const bool withRclone = references.contains(QStringLiteral("rclone"));
    auto rclone = [&](double& up, double& down) {
        const int q0 = requests();
        up = shell(QStringLiteral("rclone copy %1 '%2' \"%3\"").arg(flags, a, remote));
        const int q1 = requests();
        down = shell(QStringLiteral("rclone copy %1 \"%2\" '%3/rcB' && sync").arg(flags, remote, bench.base));
        return std::pair<int, int>{q1 - q0, requests() - q1};
    };
    double rcUp = 0, rcDown = 0, rcUp2 = 0, rcDown2 = 0;
    std::pair<int, int> rcRequests{0, 0}, rcRequests2{0, 0};
    bool rcSame = true;
    if (withRclone) {
        ::sync();
        rcRequests = rclone(rcUp, rcDown);
        rcSame = sameTrees(a, bench.base + QStringLiteral("/rcB"));
        out << "rclone copy up " << QString::number(rcUp, 'f', 2) << " s (" << rcRequests.first
            << " requests) + down " << QString::number(rcDown, 'f', 2) << " s (" << rcRequests.second
            << " requests) = " << QString::number(rcUp + rcDown, 'f', 2) << " s; Escale / rclone "
            << QString::number(first / (rcUp + rcDown), 'f', 3) << " (target <= 0.1)\n";
        out.flush();
    }

    // 1 % of the files edited in place: 1 KiB overwritten at a random place.
    QRandomGenerator random(7);
    QStringList all;
    QDirIterator it(a, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        all << it.next();
    all.sort();
    const int edits = std::max(1, files / 100);
    for (int i = 0; i < edits; ++i) {
        QFile f(all.at(int(random.bounded(quint32(all.size())))));
        f.open(QIODevice::ReadWrite);
        const qint64 size = f.size();
        QByteArray patch(1024, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32*>(patch.data()), patch.size() / 4);
        f.seek(size > 1024 ? qint64(random.bounded(quint32(size - 1024))) : 0);
        f.write(patch.constData(), std::min<qint64>(1024, size));
    }
    ::sync();
    sync(QStringLiteral("after %1 files edited (1 KiB each)").arg(edits), second);
    out << "second sync: " << QString::number(100.0 * second / first, 'f', 1)
        << " % of the first's time (target < 5 %)\n";
    const bool sameSecond = sameTrees(a, b);
    if (withRclone) {
        // rclone compares sizes and times; a WebDAV server that keeps no times leaves it sizes
        // alone, so an edit that keeps the size is not seen (said, not counted as a failure).
        rcRequests2 = rclone(rcUp2, rcDown2);
        out << "rclone copy again: up " << QString::number(rcUp2, 'f', 2) << " s (" << rcRequests2.first
            << " requests) + down " << QString::number(rcDown2, 'f', 2) << " s (" << rcRequests2.second
            << " requests); the edits reached its copy: "
            << (sameTrees(a, bench.base + QStringLiteral("/rcB")) ? "yes" : "NO (same sizes, no times on the server)")
            << "\n";
    }
    out << "trees identical: first " << (sameFirst ? "yes" : "NO") << ", second " << (sameSecond ? "yes" : "NO")
        << ", rclone " << (rcSame ? "yes" : "NO") << "\n";
    out << "peak resident memory: " << peakRssKb() / 1024 << " MiB\n";
    const bool ok = sameFirst && sameSecond && rcSame;
    if (ok)
        dropPath(bench.base);
    return ok ? 0 : 1;
}

} // namespace

// Waits `ms` while the event loop runs (the runners' signals arrive on this thread).
void spin(qint64 ms)
{
    QEventLoop loop;
    QTimer::singleShot(int(ms), &loop, &QEventLoop::quit);
    loop.exec();
}

int latency(const QString& where, int files, int delayMs)
{
    const bool dav = where == QLatin1String("dav");
    if (!dav && where != QLatin1String("folder")) {
        out << "latency: folder or dav\n";
        return 2;
    }
    std::unique_ptr<testing::ApacheDav> apache;
    std::unique_ptr<testing::DelayProxy> proxy;
    QString url;
    if (dav) {
        apache = std::make_unique<testing::ApacheDav>();
        if (!apache->started()) {
            out << "Apache did not start: " << apache->log() << "\n";
            return 1;
        }
        proxy = std::make_unique<testing::DelayProxy>(apache->port(), delayMs);
        url = apache->url().replace(QStringLiteral("127.0.0.1:%1").arg(apache->port()),
                                    QStringLiteral("127.0.0.1:%1").arg(proxy->port()));
        out << "Apache WebDAV through a proxy delaying each direction by " << delayMs << " ms\n";
    } else {
        out << "folder relay on " << workDir() << "\n";
    }
    // The floor: one small object up and down again by hand (curl PUT then GET through the same
    // proxy, a new connection each; for the folder relay `cp` twice), median of five.
    {
        const QString floorDir = workDir() + QStringLiteral("/latency-floor");
        QDir().mkpath(floorDir);
        QFile note(floorDir + QStringLiteral("/note.txt"));
        note.open(QIODevice::WriteOnly);
        note.write("a small file written at random: 12345678901234567890");
        note.close();
        QList<double> floors;
        for (int i = 0; i < 5; ++i)
            floors << shell(dav ? QStringLiteral("curl -sf -u tester:testpw -T '%1/note.txt' %2/floor-%3.txt && "
                                                 "curl -sf -u tester:testpw -o '%1/back.txt' %2/floor-%3.txt")
                                      .arg(floorDir, QStringLiteral("http://127.0.0.1:%1").arg(proxy->port()))
                                      .arg(i)
                                : QStringLiteral("cp '%1/note.txt' '%1/relay.txt' && cp '%1/relay.txt' '%1/back.txt'")
                                      .arg(floorDir));
        std::sort(floors.begin(), floors.end());
        out << "floor (" << (dav ? "curl PUT then GET" : "cp twice") << ", median of 5): "
            << QString::number(floors.at(2), 'f', 3) << " s\n" << Qt::flush;
    }
    const QString base = workDir() + QStringLiteral("/latency-") + where;
    dropPath(base);
    QDir().mkpath(base + QStringLiteral("/A"));
    QDir().mkpath(base + QStringLiteral("/B"));
    auto config = [&](const QString& name) {
        config::RepositoryConfig c = repo(base + QLatin1Char('/') + name.left(1).toUpper(), name);
        c.settleMs = config::RepositoryConfig().settleMs; // the daemon's
        c.stateDir = base + QStringLiteral("/state-") + name;
        if (dav) {
            const config::RepositoryConfig relay = testing::relayConfig(c.name, url, QStringLiteral("testpw"));
            c.relay = relay.relay;
            c.password = relay.password;
        } else {
            c.relay.path = base + QStringLiteral("/relay");
        }
        return c;
    };
    const config::RepositoryConfig ca = config(QStringLiteral("alice")), cb = config(QStringLiteral("bob"));
    out << "refresh " << ca.refreshMs / 1000 << " s, fast window " << ca.fastWindowMs / 1000 << " s\n";
    sync::RepositoryRunner alice(ca), bob(cb);
    int passes = 0, sent = 0, sendingPasses = 0, received = 0;
    QObject::connect(&alice, &sync::RepositoryRunner::passFinished, [&](const sync::PassResult& r) {
        ++passes;
        sent += r.uploaded;
        sendingPasses += r.uploaded > 0 ? 1 : 0;
    });
    QObject::connect(&bob, &sync::RepositoryRunner::passFinished, [&](const sync::PassResult& r) {
        ++passes;
        received += r.downloaded;
    });
    alice.start();
    spin(1500); // alice made the repository
    bob.start();
    spin(3000);
    auto requests = [&] { return apache ? int(apache->accessLog().size()) : -1; };
    QRandomGenerator random(20261205);
    QElapsedTimer clock;
    clock.start();
    // Writes one small file on A, returns the seconds from its close to its arrival on B.
    int serial = 0;
    // For a look at where the time goes: each file's close and arrival (ms since the epoch),
    // beside the server's timed log (copied at the end).
    QFile trace(base + QStringLiteral("/trace.txt"));
    trace.open(QIODevice::WriteOnly);
    auto oneFile = [&](qint64 timeoutMs) -> double {
        const QString name = QStringLiteral("note %1.txt").arg(serial++);
        QByteArray bytes = "a small file written at random: " + QByteArray::number(random.generate64());
        {
            QFile f(base + QStringLiteral("/A/") + name);
            f.open(QIODevice::WriteOnly);
            f.write(bytes);
        } // closed here
        const qint64 closed = clock.nsecsElapsed();
        trace.write(QStringLiteral("close %1 %2\n").arg(QDateTime::currentMSecsSinceEpoch()).arg(name).toUtf8());
        const QString arrived = base + QStringLiteral("/B/") + name;
        while (!QFileInfo::exists(arrived)) {
            if ((clock.nsecsElapsed() - closed) / 1'000'000 > timeoutMs)
                return -1;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            QThread::usleep(500);
        }
        trace.write(QStringLiteral("arrive %1 %2\n").arg(QDateTime::currentMSecsSinceEpoch()).arg(name).toUtf8());
        trace.flush();
        return double(clock.nsecsElapsed() - closed) / 1e9;
    };
    const int r0 = requests();
    QList<double> times;
    for (int i = 0; i < files; ++i) {
        const qint64 interval = 500 + qint64(random.bounded(5500));
        const qint64 start = clock.elapsed();
        const double t = oneFile(60'000);
        if (t < 0) {
            out << "a file did not arrive within a minute\n";
            return 1;
        }
        times << t;
        spin(std::max<qint64>(0, interval - (clock.elapsed() - start)));
    }
    const int r1 = requests();
    std::sort(times.begin(), times.end());
    auto at = [&](double q) { return times.at(std::min<qsizetype>(times.size() - 1, qsizetype(q * times.size()))); };
    out << files << " files written on A at random intervals of 0.5-6 s, close on A to arrival on B:\n"
        << "  p50 " << QString::number(at(0.5), 'f', 3) << " s, p90 " << QString::number(at(0.9), 'f', 3)
        << " s, max " << QString::number(times.last(), 'f', 3) << " s (targets 0.7 / 1.5 / 3 s)\n" << Qt::flush;
    if (apache)
        out << "  requests while active: " << (r1 - r0) << " in " << QString::number(double(clock.elapsed()) / 1000, 'f', 0)
            << " s\n";
    // A burst: 10,000 files of 4 KiB copied into A's folder at once (`cp -r`), until B has them.
    if (const int burst = qEnvironmentVariableIntValue("ESCALE_BENCH_BURST"); burst > 0) {
        const QString source = workDir() + QStringLiteral("/small%1").arg(burst);
        makeTree(source, burst, 100, 4096); // its marker .complete is hidden: not synchronised
        const int sent0 = sent, passes0 = sendingPasses, received0 = received;
        const qint64 start = clock.elapsed();
        shell(QStringLiteral("cp -r '%1' '%2/A/burst'").arg(source, base));
        const double copied = double(clock.elapsed() - start) / 1000;
        while (received - received0 < burst && clock.elapsed() - start < 600'000)
            spin(50);
        out << "a burst of " << burst << " files of 4 KiB copied into A (cp -r: " << QString::number(copied, 'f', 2)
            << " s): on B after " << QString::number(double(clock.elapsed() - start) / 1000, 'f', 2) << " s, sent by "
            << (sendingPasses - passes0) << " passes (" << (sent - sent0) << " files)\n"
            << Qt::flush;
    }
    // Idle: once the fast window is over, a minute of polls ($ESCALE_BENCH_IDLE=0: not measured).
    if (qEnvironmentVariable("ESCALE_BENCH_IDLE") == QLatin1String("0"))
        spin(0);
    else {
    out << "waiting for the fast window to end (" << ca.fastWindowMs / 1000 << " s)...\n" << Qt::flush;
    spin(ca.fastWindowMs + 2000);
    const int r2 = requests(), p2 = passes;
    spin(60'000);
    const int r3 = requests(), p3 = passes;
    out << "idle minute after the fast window: " << (p3 - p2) << " polls (both clients)";
    if (apache)
        out << ", " << (r3 - r2) << " requests (" << QString::number(double(r3 - r2) / std::max(1, p3 - p2), 'f', 2)
            << " per poll; target <= 1)";
    out << "\n";
    const double late = oneFile(120'000);
    out << "one file after that idleness: " << QString::number(late, 'f', 3) << " s (target <= refresh + 1 s = "
        << (ca.refreshMs / 1000 + 1) << " s)\n";
    }
    alice.stop();
    bob.stop();
    if (apache) {
        QFile timed(base + QStringLiteral("/timed.log"));
        timed.open(QIODevice::WriteOnly);
        timed.write(apache->timedLog().join(QLatin1Char('\n')).toUtf8());
    }
    return 0;
}

// What the scan does to a big file it finds changed: read it once, hash it whole and cut it into
// blobs, each hashed too (three passes over the bytes, on both cores), against one SHA-256 alone.
int hashThroughput(int mib)
{
    const QString file = bigDataSet(mib) + QStringLiteral("/big.bin");
    shell(QStringLiteral("cat '%1' > /dev/null").arg(file)); // in the page cache for both
    double best = 1e9;
    int blobs = 0;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer t;
        t.start();
        QList<scan::BlobCut> cuts;
        if (!scan::hashFile(file, nullptr, nullptr, &protocol::Chunker::plainGear(), &cuts))
            return 1;
        best = std::min(best, double(t.nsecsElapsed()) / 1e9);
        blobs = int(cuts.size());
    }
    double reference = 1e9;
    for (int run = 0; run < 3; ++run)
        reference = std::min(reference, shell(QStringLiteral("sha256sum '%1' > /dev/null").arg(file)));
    out << "hash: " << mib << " MiB read, hashed and cut into " << blobs << " blobs in "
        << QString::number(best, 'f', 3) << " s (" << QString::number(mib / best, 'f', 0)
        << " MiB/s); sha256sum alone " << QString::number(reference, 'f', 3) << " s; ratio "
        << QString::number(best / reference, 'f', 2) << "\n";
    return 0;
}

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (!qEnvironmentVariableIsSet("S3RVER_MODULE"))
        qputenv("S3RVER_MODULE", S3RVER_MODULE_DEFAULT);
    QLoggingCategory::setFilterRules(QStringLiteral("escale.*.debug=false\nescale.*.info=false"));
    const QStringList args = app.arguments();
    const QString what = args.value(1);
    const int n = args.value(2).toInt();
    g_encrypted = args.value(3) == QLatin1String("encrypted");
    if (what == QLatin1String("rescan"))
        return rescan(n > 0 ? n : 100'000);
    if (what == QLatin1String("small"))
        return small(n > 0 ? n : 10'000);
    if (what == QLatin1String("big"))
        return big(n > 0 ? n : 1024);
    if (what == QLatin1String("quota"))
        return quota(n > 0 ? n : 1024);
    if (what == QLatin1String("idle"))
        return idle();
    if (what == QLatin1String("crypto"))
        return cryptoThroughput(n > 0 ? n : 512);
    if (what == QLatin1String("hash"))
        return hashThroughput(n > 0 ? n : 1024);
    if (what == QLatin1String("delta"))
        return delta(n > 0 ? n : 1024, args.value(3).toInt());
    if (what == QLatin1String("identical"))
        return identical(n > 0 ? n : 5000, args.value(3).toInt());
    if (what == QLatin1String("latency"))
        return latency(args.value(2), args.value(3).toInt() > 0 ? args.value(3).toInt() : 30,
                       args.value(4).isEmpty() ? 10 : args.value(4).toInt());
    if (what == QLatin1String("mixed"))
        return mixed(n > 0 ? n : 20'000, args.value(3).toInt());
    if (what == QLatin1String("proxy") && args.value(2).toInt() > 0) {
        // A delaying proxy alone, in front of a server started by hand (experiments with other
        // clients): runs until killed.
        testing::DelayProxy proxy(quint16(args.value(2).toInt()), args.value(3).isEmpty() ? 10 : args.value(3).toInt());
        std::printf("%d\n", int(proxy.port()));
        std::fflush(stdout);
        return proxy.port() ? app.exec() : 1;
    }
    const QStringList servers{QStringLiteral("dav"), QStringLiteral("s3"), QStringLiteral("ftps"),
                              QStringLiteral("sftp")};
    if (servers.contains(what) &&
        (args.value(2) == QLatin1String("big") || args.value(2) == QLatin1String("small")))
        return network(what, args.value(2), args.value(3).toInt(), args.value(4).toInt());
    std::fputs("usage: escale-bench rescan|small|big|quota|idle|crypto|hash [count] [encrypted]\n"
               "       escale-bench dav|s3|ftps|sftp big|small [count [delay ms]]\n"
               "       escale-bench delta [MiB [delay ms]] | identical [files [delay ms]]\n"
               "       escale-bench mixed [files [delay ms]]\n"
               "       escale-bench latency folder|dav [files [delay ms]]\n"
               "       escale-bench proxy PORT [delay ms]   (prints its own port, runs until killed)\n",
               stderr);
    return 2;
}
