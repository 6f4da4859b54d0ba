#pragma once

// Blocking calls on a relay backend, for tests.
#include "relay/RelayBackend.h"

#include <QBuffer>
#include <memory>

namespace testing {

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

} // namespace testing
