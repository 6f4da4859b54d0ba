#include "relay/rclone/RcloneRelay.h"

#include "Tr.h"
#include "log/Logging.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>
#include <cstring>

namespace escale::relay {

namespace {

constexpr int kStartTimeoutMs = 30'000;

// A multipart/form-data body of one file, read in turn from `head`, the source and `tail`:
// streamed, as operations/uploadfile takes it.
class FormBody final : public QIODevice
{
public:
    FormBody(QByteArray head, QIODevice* source, qint64 size, QByteArray tail)
        : m_head(std::move(head))
        , m_source(source)
        , m_left(size)
        , m_tail(std::move(tail))
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    qint64 size() const override { return m_head.size() + m_left + m_tail.size(); }
    qint64 bytesAvailable() const override { return m_head.size() + m_left + m_tail.size(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (!m_head.isEmpty())
            return take(m_head, data, maxSize);
        if (m_left > 0) {
            const qint64 n = m_source->read(data, std::min(maxSize, m_left));
            if (n > 0)
                m_left -= n;
            return n == 0 && m_source->atEnd() ? -1 : n; // a source that ends early fails the upload
        }
        if (!m_tail.isEmpty())
            return take(m_tail, data, maxSize);
        return -1;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    static qint64 take(QByteArray& bytes, char* data, qint64 maxSize)
    {
        const qint64 n = std::min<qint64>(maxSize, bytes.size());
        std::memcpy(data, bytes.constData(), size_t(n));
        bytes.remove(0, n);
        return n;
    }
    QByteArray m_head;
    QIODevice* m_source;
    qint64 m_left;
    QByteArray m_tail;
};

QString parentOf(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : path.left(slash);
}

QString nameOf(const QString& path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

} // namespace

RcloneRelay::Settings RcloneRelay::settingsFromConfig(const config::RepositoryConfig& config)
{
    Settings s;
    if (!config.rcloneBinary.isEmpty())
        s.binary = config.rcloneBinary;
    s.configFile = config.rcloneConfig;
    s.remote = config.relay.host;
    s.fs = config.relay.host + QLatin1Char(':') + config.relay.path;
    s.timeoutMs = config.timeoutMs;
    s.limits = TransferLimits::fromConfig(config);
    return s;
}

RcloneRelay::RcloneRelay(const Settings& settings, QObject* parent)
    : RelayBackend(parent)
    , m_settings(settings)
{
    m_daemon.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_daemon, &QProcess::readyRead, this, &RcloneRelay::daemonOutput);
    connect(&m_daemon, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            daemonGone(trc("relay", "cannot run %1 (%2): install rclone, or set 'rclone binary' to it")
                           .arg(m_settings.binary, m_daemon.errorString()));
    });
    connect(&m_daemon, &QProcess::finished, this, [this] {
        const QString said = QString::fromUtf8(m_output).trimmed().section(QLatin1Char('\n'), -1);
        daemonGone(trc("relay", "rclone stopped (%1)").arg(said.isEmpty() ? m_daemon.errorString() : said));
    });
}

RcloneRelay::~RcloneRelay()
{
    m_daemon.disconnect(this);
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(5'000))
            m_daemon.kill();
        m_daemon.waitForFinished(2'000);
    }
}

QString RcloneRelay::describe() const
{
    return QStringLiteral("rclone://%1").arg(m_settings.fs);
}

void RcloneRelay::whenReady(std::function<void(const RelayError&)> then)
{
    if (m_http) {
        then({});
        return;
    }
    m_waiting.append(std::move(then));
    if (!m_starting)
        startDaemon();
}

void RcloneRelay::startDaemon()
{
    m_starting = true;
    m_output.clear();
    // Credentials of its own, in the environment: the command line is visible to other users.
    const QByteArray password = QByteArray::number(QRandomGenerator::system()->generate64(), 36) +
                                QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    m_authorization = "Basic " + QByteArray("escale:" + password).toBase64();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RCLONE_RC_USER"), QStringLiteral("escale"));
    env.insert(QStringLiteral("RCLONE_RC_PASS"), QString::fromLatin1(password));
    m_daemon.setProcessEnvironment(env);
    // Escale retries on its own: rclone's retries (10 low-level ones with back-off by default)
    // would hold a pass for minutes on a dead server. Its timeouts are Escale's.
    const qint64 timeoutS = std::max<qint64>(1, m_settings.timeoutMs / 1000);
    QStringList args{QStringLiteral("rcd"),
                     QStringLiteral("--rc-addr"),
                     QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--rc-serve"),
                     QStringLiteral("--low-level-retries"),
                     QString::number(std::max(1, m_settings.limits.retries)),
                     QStringLiteral("--timeout"),
                     QStringLiteral("%1s").arg(timeoutS),
                     QStringLiteral("--contimeout"),
                     QStringLiteral("%1s").arg(std::min<qint64>(timeoutS, 15))};
    if (!m_settings.configFile.isEmpty())
        args << QStringLiteral("--config") << m_settings.configFile;
    m_daemon.start(m_settings.binary, args);
    QTimer::singleShot(kStartTimeoutMs, this, [this, pid = m_daemon.processId()] {
        if (m_starting && m_daemon.processId() == pid) {
            m_daemon.kill();
            daemonGone(trc("relay", "rclone did not start within %1 s").arg(kStartTimeoutMs / 1000));
        }
    });
}

void RcloneRelay::daemonOutput()
{
    m_output += m_daemon.readAll();
    if (m_output.size() > 64 * 1024)
        m_output = m_output.right(16 * 1024);
    if (!m_starting)
        return;
    // "NOTICE: Serving remote control on http://127.0.0.1:PORT/"
    static const QByteArray marker = "Serving remote control on http://127.0.0.1:";
    const qsizetype at = m_output.indexOf(marker);
    if (at < 0)
        return;
    const qsizetype end = m_output.indexOf('/', at + marker.size());
    if (end < 0)
        return;
    const int port = m_output.mid(at + marker.size(), end - at - marker.size()).toInt();
    HttpSettings http;
    http.base = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    http.timeoutMs = m_settings.timeoutMs;
    http.limits = m_settings.limits;
    m_http = std::make_unique<HttpTransport>(http, this);
    m_starting = false;
    qCDebug(lcRelay).noquote()
        << QStringLiteral("rclone rcd for %1 listens on port %2").arg(m_settings.fs).arg(port);
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto& then : waiting)
        then({});
}

void RcloneRelay::daemonGone(const QString& why)
{
    m_starting = false;
    // Requests in flight fail on their own (the port is closed) and finish their jobs, so the
    // transport stays (a child of this relay); the next request starts a new daemon.
    if (m_http)
        m_http.release();
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto& then : waiting)
        then({RelayError::Kind::Other, why});
}

RelayError RcloneRelay::explain(const QString& rcloneError, int status, const QString& what) const
{
    using Kind = RelayError::Kind;
    const QString text = rcloneError.trimmed();
    const QString lower = text.toLower();
    if (status == 404 || status == 410 || lower.contains(QLatin1String("not found")))
        return {Kind::NotFound, trc("relay", "%1: not found").arg(what)};
    if (lower.contains(QLatin1String("didn't find section in config file")))
        return {Kind::Other,
                trc("relay", "rclone has no remote named '%1': create it with 'rclone config', or set "
                             "'rclone config' to the file that has it")
                    .arg(m_settings.remote)};
    // 403 and 507: also when the text is the transport's own message (translated).
    if (status == 403 || lower.contains(QLatin1String("401")) || lower.contains(QLatin1String("403")) ||
        lower.contains(QLatin1String("unauthorized")) || lower.contains(QLatin1String("forbidden")) ||
        lower.contains(QLatin1String("invalid_grant")) || lower.contains(QLatin1String("permission denied")))
        return {Kind::Auth, trc("relay", "%1: the rclone remote '%2' refuses it (%3): check its credentials "
                                         "with 'rclone config reconnect %2:' or 'rclone config'")
                                .arg(what, m_settings.remote, text)};
    if (status == 507 || lower.contains(QLatin1String("quota")) ||
        lower.contains(QLatin1String("insufficient storage")) ||
        lower.contains(QLatin1String("no space left")) || lower.contains(QLatin1String("storage full")))
        return {Kind::Quota,
                trc("relay", "%1: the rclone remote '%2' is full (%3): free space there or raise "
                             "its quota")
                    .arg(what, m_settings.remote, text)};
    return {Kind::Network, trc("relay", "%1: rclone: %2: retrying later").arg(what, text)};
}

RelayError RcloneRelay::failure(const HttpResult& result, const QString& what) const
{
    if (result.error.ok())
        return {};
    if (result.status == 0 || result.error.kind == RelayError::Kind::Timeout)
        return result.error; // the daemon itself did not answer
    const QJsonObject reply = QJsonDocument::fromJson(result.body).object();
    const QString said = reply.value(QLatin1String("error")).toString();
    return explain(said.isEmpty() ? result.error.message : said, result.status, what);
}

void RcloneRelay::call(const QString& method, const QJsonObject& input,
                       std::function<void(const RelayError&, const QJsonObject& reply)> done)
{
    whenReady([this, method, input, done](const RelayError& ready) {
        if (!ready.ok()) {
            done(ready, {});
            return;
        }
        auto body = std::make_shared<QBuffer>();
        body->setData(QJsonDocument(input).toJson(QJsonDocument::Compact));
        body->open(QIODevice::ReadOnly);
        QUrl url = m_http->settings().base;
        url.setPath(QLatin1Char('/') + method);
        const QString what =
            QStringLiteral("%1 %2").arg(method, input.value(QLatin1String("remote")).toString());
        m_http->send(HttpTransport::Request::make(
                         "POST", url,
                         {{"Authorization", m_authorization}, {"Content-Type", "application/json"}},
                         body.get(), body->size()),
                     [this, body, what, done](const HttpResult& result) {
                         done(failure(result, what), QJsonDocument::fromJson(result.body).object());
                     });
    });
}

RelayJob* RcloneRelay::operation(const QString& method, const QString& path, bool root,
                                 std::function<void(RelayJob*, const RelayError&, const QJsonObject&)> finish)
{
    if (!isValidRelayPath(path, root))
        return invalidPath(path);
    auto* job = new RelayJob();
    call(method, {{QStringLiteral("fs"), m_settings.fs}, {QStringLiteral("remote"), path}},
         [job, finish](const RelayError& e, const QJsonObject& reply) {
             if (finish)
                 finish(job, e, reply);
             else
                 job->finishLater(e);
         });
    return job;
}

RelayJob* RcloneRelay::list(const QString& folder)
{
    return operation(
        QStringLiteral("operations/list"), folder, true,
        [](RelayJob* job, const RelayError& e, const QJsonObject& reply) {
            QList<RelayEntry> entries;
            for (const QJsonValue& v : reply.value(QLatin1String("list")).toArray()) {
                const QJsonObject item = v.toObject();
                RelayEntry entry;
                entry.name = item.value(QLatin1String("Name")).toString();
                entry.isDirectory = item.value(QLatin1String("IsDir")).toBool();
                entry.size = entry.isDirectory ? -1 : qint64(item.value(QLatin1String("Size")).toDouble(-1));
                entry.modified =
                    QDateTime::fromString(item.value(QLatin1String("ModTime")).toString(), Qt::ISODateWithMs);
                if (!entry.name.isEmpty() && !entry.name.contains(QLatin1Char('/')))
                    entries.append(entry);
            }
            job->finishLater(e, entries);
        });
}

RelayJob* RcloneRelay::get(const QString& path, QIODevice* sink)
{
    return getRange(path, 0, -1, sink);
}

RelayJob* RcloneRelay::getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink)
{
    if (RelayJob* answered = answeredRange(path, length))
        return answered;
    auto* job = new RelayJob();
    const qint64 from = std::max<qint64>(offset, 0);
    const qint64 end = length < 0 ? -1 : from + length;
    whenReady([this, job, path, sink, from, end](const RelayError& ready) {
        if (!ready.ok()) {
            job->finishLater(ready);
            return;
        }
        // --rc-serve: GET /[remote:path]/object
        QUrl url = m_http->settings().base;
        url.setPath(QString::fromLatin1(
                        "/" + QUrl::toPercentEncoding(QLatin1Char('[') + m_settings.fs + QLatin1Char(']')) +
                        "/" + QUrl::toPercentEncoding(path, "/")),
                    QUrl::TolerantMode);
        HttpTransport::Request r =
            HttpTransport::Request::make("GET", url, {{"Authorization", m_authorization}}, nullptr, 0, sink);
        if (from > 0 || end >= 0) { // the whole object is asked without a Range, as before
            r.rangeFrom = from;
            r.rangeEnd = end;
        }
        m_http->send(r, [this, job, path](const HttpResult& result) { job->finishLater(failure(result, path)); });
    });
    return job;
}

void RcloneRelay::upload(const QString& folder, const QString& name, QIODevice* source, qint64 size,
                         std::function<void(const RelayError&)> done, std::function<void(qint64)> sent)
{
    whenReady([this, folder, name, source, size, done, sent](const RelayError& ready) {
        if (!ready.ok()) {
            done(ready);
            return;
        }
        const QByteArray boundary =
            "escale-" + QByteArray::number(QRandomGenerator::system()->generate64(), 36);
        auto body = std::make_shared<FormBody>(
            "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file0\"; filename=\"" +
                name.toUtf8() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n",
            source, size, "\r\n--" + boundary + "--\r\n");
        QUrl url = m_http->settings().base;
        url.setPath(QStringLiteral("/operations/uploadfile"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("fs"), QString::fromLatin1(QUrl::toPercentEncoding(m_settings.fs)));
        query.addQueryItem(QStringLiteral("remote"), QString::fromLatin1(QUrl::toPercentEncoding(folder)));
        url.setQuery(query);
        const QString what = folder.isEmpty() ? name : folder + QLatin1Char('/') + name;
        HttpTransport::Request r =
            HttpTransport::Request::make("POST", url,
                                         {{"Authorization", m_authorization},
                                          {"Content-Type", "multipart/form-data; boundary=" + boundary}},
                                         body.get(), body->size());
        if (sent) // the form's own lines around the content count for nothing
            r.sent = [sent, size](qint64 n) { sent(std::clamp<qint64>(n, 0, size)); };
        m_http->send(r, [this, body, what, done](const HttpResult& result) { done(failure(result, what)); });
    });
}

RelayJob* RcloneRelay::put(const QString& path, QIODevice* source, qint64 size, WriteMode mode)
{
    if (!isValidRelayPath(path))
        return invalidPath(path);
    auto* job = new RelayJob();
    if (mode == WriteMode::Fresh) { // a new name nobody reads yet: written in place
        upload(parentOf(path), nameOf(path), source, size, [job](const RelayError& e) { job->finishLater(e); },
               [job, size](qint64 sent) { Q_EMIT job->progress(sent, size); });
        return job;
    }
    // To tmp/, then moved into place: readers see the whole object or nothing.
    const QString temp = QStringLiteral("%1-%2").arg(
        m_tempPrefix, QString::number(QRandomGenerator::system()->generate64(), 36));
    auto publish = [this, job, path, source, size, temp] {
        const auto sent = [job, size](qint64 n) { Q_EMIT job->progress(n, size); };
        upload(QStringLiteral("tmp"), temp, source, size, [this, job, path, temp](const RelayError& e) {
            if (!e.ok()) {
                job->finishLater(e);
                return;
            }
            call(QStringLiteral("operations/movefile"),
                 {{QStringLiteral("srcFs"), m_settings.fs},
                  {QStringLiteral("srcRemote"), QStringLiteral("tmp/") + temp},
                  {QStringLiteral("dstFs"), m_settings.fs},
                  {QStringLiteral("dstRemote"), path}},
                 [job](const RelayError& moved, const QJsonObject&) { job->finishLater(moved); });
        }, sent);
    };
    if (mode == WriteMode::Replace) {
        publish();
        return job;
    }
    call(QStringLiteral("operations/stat"),
         {{QStringLiteral("fs"), m_settings.fs}, {QStringLiteral("remote"), path}},
         [job, path, publish](const RelayError& e, const QJsonObject& reply) {
             if (!e.ok())
                 job->finishLater(e);
             else if (reply.value(QLatin1String("item")).isObject())
                 job->finishLater(
                     {RelayError::Kind::AlreadyExists, trc("relay", "%1: already exists").arg(path)});
             else
                 publish();
         });
    return job;
}

RelayJob* RcloneRelay::remove(const QString& path)
{
    return operation(QStringLiteral("operations/deletefile"), path, false);
}

RelayJob* RcloneRelay::makeFolder(const QString& folder)
{
    return operation(QStringLiteral("operations/mkdir"), folder, true);
}

} // namespace escale::relay
