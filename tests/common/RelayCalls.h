#pragma once

// Blocking calls on a relay backend, for tests.
#include "config/Config.h"
#include "relay/RelayBackend.h"

#include <QBuffer>
#include <QMap>
#include <QTest>
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
    QVERIFY(put(relay, "data/ab/big", big).ok());
    QVERIFY(get(relay, "data/ab/big") == big);
    std::unique_ptr<escale::relay::RelayJob> job(relay.list("data/ab"));
    QVERIFY(escale::relay::waitFor(job.get()).ok());
    for (const escale::relay::RelayEntry& e : job->entries())
        listed.insert(e.name, e.size);
    QCOMPARE(listed.value("big"), big.size());
}

} // namespace testing
