#include "relay/RelayJob.h"

#include "relay/RelayBackend.h"

#include <QEventLoop>
#include <QMetaObject>
#include <QStringDecoder>

namespace escale::relay {

bool isValidRelayPath(const QString& path, bool allowRoot)
{
    if (path.isEmpty())
        return allowRoot;
    if (path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\\')) || path.contains(QChar(0)))
        return false;
    for (const QStringView part : QStringView(path).split(QLatin1Char('/'))) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    }
    return true;
}

QString entryName(QByteArrayView bytes)
{
    if (bytes.isEmpty() || bytes.contains('/') || bytes.contains('\0') || bytes == "." || bytes == "..")
        return {};
    QStringDecoder decode(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString name = decode(bytes);
    if (decode.hasError())
        return {};
    return name;
}

QString errorKindName(RelayError::Kind kind)
{
    switch (kind) {
    case RelayError::Kind::None:
        return QStringLiteral("ok");
    case RelayError::Kind::NotFound:
        return QStringLiteral("not found");
    case RelayError::Kind::AlreadyExists:
        return QStringLiteral("already exists");
    case RelayError::Kind::Network:
        return QStringLiteral("network error");
    case RelayError::Kind::Timeout:
        return QStringLiteral("timeout");
    case RelayError::Kind::Busy:
        return QStringLiteral("server busy");
    case RelayError::Kind::Auth:
        return QStringLiteral("authentication failed");
    case RelayError::Kind::Permission:
        return QStringLiteral("permission denied");
    case RelayError::Kind::Quota:
        return QStringLiteral("relay full");
    case RelayError::Kind::Tls:
        return QStringLiteral("certificate not trusted");
    case RelayError::Kind::Corrupt:
        return QStringLiteral("corrupt object");
    case RelayError::Kind::Invalid:
        return QStringLiteral("invalid request");
    case RelayError::Kind::Other:
        return QStringLiteral("error");
    }
    return QString();
}

RelayJob::RelayJob(QObject* parent)
    : QObject(parent)
{}

RelayJob::~RelayJob() = default;

void RelayJob::finishLater(const RelayError& error, const QList<RelayEntry>& entries, qint64 bytes)
{
    if (m_finished || m_pending)
        return;
    m_pending = true;
    QMetaObject::invokeMethod(
        this, [this, error, entries, bytes] { finishNow(error, entries, bytes); }, Qt::QueuedConnection);
}

void RelayJob::finishNow(const RelayError& error, const QList<RelayEntry>& entries, qint64 bytes)
{
    m_pending = false;
    m_finished = true;
    m_error = error;
    m_entries = entries;
    m_bytes = bytes;
    Q_EMIT finished();
}

RelayError waitFor(RelayJob* job)
{
    if (!job->isFinished()) {
        QEventLoop loop;
        QObject::connect(job, &RelayJob::finished, &loop, &QEventLoop::quit);
        if (!job->isFinished())
            loop.exec();
    }
    return job->error();
}

RelayError waitForAll(const QList<RelayJob*>& jobs)
{
    RelayError first;
    for (RelayJob* job : jobs) {
        const RelayError e = waitFor(job);
        if (first.ok() && !e.ok())
            first = e;
    }
    return first;
}

RelayJob* RelayBackend::invalidPath(const QString& path)
{
    auto* job = new RelayJob();
    job->finishLater(
        RelayError{RelayError::Kind::Invalid, QStringLiteral("invalid relay path '%1'").arg(path)});
    return job;
}

} // namespace escale::relay
