#include "relay/RelayJob.h"

#include "Tr.h"
#include "relay/RelayBackend.h"

#include <QEventLoop>
#include <QMetaObject>
#include <QStringDecoder>

#include <algorithm>
#include <limits>

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

namespace {

// Passes on the bytes of a stream that fall in [offset, offset + length) and drops the others.
class RangeSink : public QIODevice
{
public:
    RangeSink(QIODevice* sink, qint64 offset, qint64 length)
        : m_sink(sink)
        , m_offset(offset)
        , m_end(length < 0 ? std::numeric_limits<qint64>::max() : offset + length)
    {
        open(QIODevice::WriteOnly);
    }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        const qint64 from = std::clamp(m_offset - m_at, qint64(0), size);
        const qint64 to = std::clamp(m_end - m_at, qint64(0), size);
        m_at += size;
        if (to > from && m_sink->write(data + from, to - from) != to - from) {
            setErrorString(m_sink->errorString());
            return -1;
        }
        return size;
    }

private:
    QIODevice* m_sink;
    qint64 m_offset;
    qint64 m_end;
    qint64 m_at = 0; // bytes of the whole object seen so far
};

} // namespace

RelayJob* RelayBackend::getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink)
{
    auto* cut = new RangeSink(sink, std::max<qint64>(offset, 0), length);
    RelayJob* job = get(path, cut);
    cut->setParent(job); // goes with the job
    return job;
}

RelayJob* RelayBackend::answeredRange(const QString& path, qint64 length)
{
    if (!isValidRelayPath(path))
        return invalidPath(path);
    if (length != 0)
        return nullptr;
    auto* job = new RelayJob();
    job->finishLater(RelayError::none());
    return job;
}

RelayJob* RelayBackend::invalidPath(const QString& path)
{
    auto* job = new RelayJob();
    job->finishLater(
        RelayError{RelayError::Kind::Invalid, trc("relay", "invalid relay path '%1'").arg(path)});
    return job;
}

} // namespace escale::relay
