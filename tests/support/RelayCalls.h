#pragma once

// Blocking calls on a relay backend, for tests.
#include "config/Config.h"
#include "relay/RelayBackend.h"
#include "relay/RelayFactory.h"

#include <QBuffer>
#include <QMap>
#include <QProcess>
#include <QTest>
#include <algorithm>
#include <memory>

namespace testing {

// A repository configuration whose relay is `url` with this password (a test server's).
inline escale::config::RepositoryConfig relayConfig(const QString& name, const QString& url,
                                                    const QString& secret)
{
    using namespace escale::config;
    RepositoryConfig c;
    QString error, warning;
    const auto address = RelayAddress::parse(url, {}, {}, {}, error, warning);
    if (!address)
        qFatal("bad test address %s: %s", qPrintable(url), qPrintable(error));
    c.name = name;
    c.relay = *address;
    c.password = SecretSource{SecretSource::Kind::Literal, secret};
    c.timeoutMs = 20'000;
    c.retries = 1;
    return c;
}

// The same configuration, encrypted with this passphrase (a cheap scrypt: tests only).
inline escale::config::RepositoryConfig encrypted(escale::config::RepositoryConfig c,
                                                  const QString& passphrase)
{
    using namespace escale::config;
    c.encryption = Encryption::Aes256Gcm;
    c.passphrase = SecretSource{SecretSource::Kind::Literal, passphrase};
    c.kdfLogN = 12;
    return c;
}

inline escale::relay::RelayError runJob(escale::relay::RelayJob* job)
{
    std::unique_ptr<escale::relay::RelayJob> owner(job);
    return escale::relay::waitFor(job);
}

inline escale::relay::RelayError put(escale::relay::RelayBackend& r, const QString& path,
                                     const QByteArray& bytes,
                                     escale::relay::WriteMode mode = escale::relay::WriteMode::Replace)
{
    QBuffer b;
    b.setData(bytes);
    b.open(QIODevice::ReadOnly);
    return runJob(r.put(path, &b, bytes.size(), mode));
}

// The same, `seen` getting every progress the job told (bytes gone out so far); a total other
// than the object's size is recorded as -1.
inline escale::relay::RelayError putWatched(escale::relay::RelayBackend& r, const QString& path,
                                            const QByteArray& bytes, QList<qint64>& seen)
{
    QBuffer b;
    b.setData(bytes);
    b.open(QIODevice::ReadOnly);
    escale::relay::RelayJob* job = r.put(path, &b, bytes.size(), escale::relay::WriteMode::Replace);
    QObject::connect(job, &escale::relay::RelayJob::progress, job, [&seen, &bytes](qint64 done, qint64 total) {
        seen << (total == bytes.size() ? done : -1);
    });
    return runJob(job);
}

inline QByteArray get(escale::relay::RelayBackend& r, const QString& path,
                      escale::relay::RelayError* error = nullptr)
{
    QByteArray out;
    QBuffer b(&out);
    b.open(QIODevice::WriteOnly);
    const escale::relay::RelayError e = runJob(r.get(path, &b));
    if (error)
        *error = e;
    return e.ok() ? out : QByteArray("<error>");
}

inline QByteArray getRange(escale::relay::RelayBackend& r, const QString& path, qint64 offset, qint64 length,
                           escale::relay::RelayError* error = nullptr)
{
    QByteArray out;
    QBuffer b(&out);
    b.open(QIODevice::WriteOnly);
    const escale::relay::RelayError e = runJob(r.getRange(path, offset, length, &b));
    if (error)
        *error = e;
    return e.ok() ? out : QByteArray("<error>");
}

// The part of the backend contract every relay shares: data/ab/one written, an exclusive create
// over it refused and the object left alone, a replace accepted; data/ab/big (3 MiB) streamed
// both ways; then `listed` gets the names and sizes of data/ab. The folder must exist.
inline void checkObjects(escale::relay::RelayBackend& relay, QMap<QString, qint64>& listed)
{
    using escale::relay::RelayError;
    using escale::relay::WriteMode;
    QVERIFY(put(relay, "data/ab/one", "first").ok());
    QCOMPARE(get(relay, "data/ab/one"), QByteArray("first"));
    QCOMPARE(put(relay, "data/ab/one", "again", WriteMode::CreateExclusive).kind,
             RelayError::Kind::AlreadyExists);
    QCOMPARE(get(relay, "data/ab/one"), QByteArray("first"));
    QVERIFY(put(relay, "data/ab/one", "replaced").ok());
    QCOMPARE(get(relay, "data/ab/one"), QByteArray("replaced"));
    // Streamed both ways, bigger than any buffer.
    QByteArray big(3 * 1024 * 1024 + 7, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char(i * 31 + (i >> 12));
    // Its progress is told as it goes out (the status window's bar), never past its size.
    QList<qint64> seen;
    QVERIFY(putWatched(relay, "data/ab/big", big, seen).ok());
    QVERIFY(get(relay, "data/ab/big") == big);
    QVERIFY2(std::any_of(seen.cbegin(), seen.cend(), [&](qint64 d) { return d > 0 && d < big.size(); }),
             qPrintable(QString("progress told: %1 times, last %2").arg(seen.size()).arg(seen.value(seen.size() - 1))));
    QVERIFY(std::all_of(seen.cbegin(), seen.cend(), [&](qint64 d) { return d >= 0 && d <= big.size(); }));
    // Parts of an object (the blobs of a pack): inside, to its end, past its end, at its end.
    QVERIFY(getRange(relay, "data/ab/big", 1'000'003, 70'000) == big.mid(1'000'003, 70'000));
    QVERIFY(getRange(relay, "data/ab/big", 2'000'000, -1) == big.mid(2'000'000));
    QVERIFY(getRange(relay, "data/ab/big", big.size() - 5, 100) == big.right(5));
    QCOMPARE(getRange(relay, "data/ab/one", 2, 3), QByteArray("pla"));
    RelayError missing;
    getRange(relay, "data/ab/nothere", 0, 10, &missing);
    QCOMPARE(missing.kind, RelayError::Kind::NotFound);
    std::unique_ptr<escale::relay::RelayJob> job(relay.list("data/ab"));
    QVERIFY(escale::relay::waitFor(job.get()).ok());
    for (const escale::relay::RelayEntry& e : job->entries())
        listed.insert(e.name, e.size);
    QCOMPARE(listed.value("big"), big.size());
}

// The contract from a relay that has nothing yet: an empty root is NotFound; data/ab made, the
// header created exclusively, checkObjects; `root` gets the root's entries (folders with a
// trailing '/'), sorted.
inline void checkNewRelay(escale::relay::RelayBackend& relay, QStringList& root)
{
    using escale::relay::RelayError;
    QCOMPARE(runJob(relay.list("")).kind, RelayError::Kind::NotFound);
    QVERIFY(runJob(relay.makeFolder("data/ab")).ok());
    QVERIFY(put(relay, "escale-repository.json", "{}", escale::relay::WriteMode::CreateExclusive).ok());
    QMap<QString, qint64> names;
    checkObjects(relay, names);
    QCOMPARE(names.keys(), (QStringList{"big", "one"}));
    std::unique_ptr<escale::relay::RelayJob> job(relay.list(""));
    QVERIFY(escale::relay::waitFor(job.get()).ok());
    for (const escale::relay::RelayEntry& e : job->entries())
        root << e.name + (e.isDirectory ? "/" : "");
    root.sort();
}

// Removal: data/ab/one goes, and reading it is NotFound, as is listing an unknown folder.
inline void checkRemoval(escale::relay::RelayBackend& relay)
{
    using escale::relay::RelayError;
    QVERIFY(runJob(relay.remove("data/ab/one")).ok());
    RelayError e;
    get(relay, "data/ab/one", &e);
    QCOMPARE(e.kind, RelayError::Kind::NotFound);
    QCOMPARE(runJob(relay.list("nothing/here")).kind, RelayError::Kind::NotFound);
}

// The whole contract from a relay that has nothing yet: checkNewRelay, the root's entries
// (tmp/ is where objects are written before their rename), checkRemoval.
inline void checkContract(escale::relay::RelayBackend& relay)
{
    QStringList root;
    checkNewRelay(relay, root);
    QCOMPARE(root, (QStringList{"data/", "escale-repository.json", "tmp/"}));
    checkRemoval(relay);
}

// Runs a program to its end; its exit code, and what it printed in `out`.
inline int runProgram(const QString& program, const QStringList& args, QString* out = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60'000);
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitCode();
}

// The relay a configuration names (null, with a warning saying why, when it names none).
inline std::unique_ptr<escale::relay::RelayBackend> makeRelay(const escale::config::RepositoryConfig& c)
{
    QString error;
    auto r = escale::relay::createRelay(c, error);
    if (!r)
        qWarning("%s", qPrintable(error));
    return r;
}

} // namespace testing
