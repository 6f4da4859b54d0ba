#include "relay/http/HttpTransport.h"

#include "Tr.h"
#include "log/Logging.h"
#include "relay/RemoteAccess.h"
#include "relay/http/DirectUpload.h"
#include "relay/http/HttpHeaders.h"

#include <QAuthenticator>
#include <QDateTime>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace escale::relay {

namespace {

// Every upload body is read through this: no faster than the transport's upload throttle allows
// (when it is limited), and where it stopped is known, so that a body that ran dry before its
// announced size is not taken for a sent object. It seeks when the body does (QNAM rewinds a
// body to send it again on a new connection).
class BodyReader final : public QIODevice
{
public:
    BodyReader(QIODevice* inner, Throttle* throttle)
        : m_inner(inner)
        , m_throttle(throttle)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return m_inner->isSequential(); }
    qint64 size() const override { return m_inner->isSequential() ? 0 : m_inner->size(); }
    bool seek(qint64 pos) override
    {
        if (m_inner->isSequential() || !m_inner->seek(pos) || !QIODevice::seek(pos))
            return false;
        m_at = pos;
        return true;
    }
    qint64 bytesAvailable() const override { return m_inner->bytesAvailable() + QIODevice::bytesAvailable(); }
    qint64 at() const { return m_at; } // bytes of the body read so far

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 allowed = m_throttle->take(std::min<qint64>(maxSize, 64 * 1024));
        if (allowed == 0) {
            if (!m_waiting) {
                m_waiting = true;
                QTimer::singleShot(m_throttle->waitMs(), this, [this] {
                    m_waiting = false;
                    Q_EMIT readyRead();
                });
            }
            return 0;
        }
        const qint64 n = m_inner->read(data, allowed);
        if (n < allowed && n >= 0)
            m_throttle->take(-(allowed - n)); // unused tokens go back
        m_at += std::max<qint64>(n, 0);
        return n == 0 && m_inner->atEnd() ? -1 : n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QIODevice* m_inner;
    Throttle* m_throttle;
    bool m_waiting = false;
    qint64 m_at = 0;
};

bool retryableStatus(int status)
{
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

} // namespace

QByteArray HttpResult::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

std::optional<HttpSettings> HttpSettings::fromConfig(const config::RepositoryConfig& config, QString& error)
{
    using Scheme = config::RelayAddress::Scheme;
    const config::RelayAddress& a = config.relay;
    HttpSettings s;
    const bool tls = a.scheme == Scheme::WebDavs || a.scheme == Scheme::S3;
    s.base.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    s.base.setHost(a.host);
    if (a.port > 0)
        s.base.setPort(a.port);
    QString path = a.path.isEmpty() ? QStringLiteral("/") : a.path;
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    s.base.setPath(path);
    s.user = config.user.isEmpty() ? a.user : config.user;
    const auto password = relayPassword(config, s.user, error);
    if (!password)
        return std::nullopt;
    s.password = *password;
    auto trust = TlsTrust::fromConfig(config, error);
    if (!trust)
        return std::nullopt;
    s.trust = *trust;
    s.timeoutMs = config.timeoutMs;
    s.limits = TransferLimits::fromConfig(config);
    return s;
}

HttpTransport::HttpTransport(const HttpSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_up(settings.limits.bandwidthUp)
    , m_down(settings.limits.bandwidthDown)
{
    // Redirects are followed within the same server only (scheme, host and port): requests
    // carry credentials and signatures that are not for anyone else.
    m_manager.setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
    m_manager.setAutoDeleteReplies(false);
    connect(&m_manager, &QNetworkAccessManager::authenticationRequired, this,
            [this](QNetworkReply* reply, QAuthenticator* authenticator) {
                // Credentials are given once per request: asked again, they are wrong, and the
                // request fails with 401 rather than looping.
                if (reply->property("escale-auth-tried").toBool() || m_settings.user.isEmpty())
                    return;
                if (!m_schemeKnown && !reply->property("escale-has-body").toBool()) {
                    // The first challenge, on a request without a body: it ends with its 401
                    // so that finish() learns the scheme, then goes again.
                    reply->setProperty("escale-auth-deferred", true);
                    return;
                }
                reply->setProperty("escale-auth-tried", true);
                authenticator->setUser(m_settings.user);
                authenticator->setPassword(QString::fromUtf8(m_settings.password));
            });
    if (!m_settings.trust.verify)
        qCWarning(lcRelay).noquote() << TlsTrust::uncheckedWarning(m_settings.base.host());
    if (m_settings.base.scheme() == QLatin1String("https"))
        assumeBasic(); // encrypted: credentials at once, without a first request answered 401
}

void HttpTransport::assumeBasic()
{
    if (m_settings.user.isEmpty() || m_schemeKnown)
        return;
    m_basicAuth = true;
    m_basicAssumed = true;
}

QUrl HttpTransport::url(const QString& relayPath, bool folder) const
{
    QUrl u = m_settings.base;
    QString path = u.path() + relayPath;
    if (folder && !path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    u.setPath(path);
    return u;
}

RelayError HttpTransport::errorFor(int status, const QString& what) const
{
    using Kind = RelayError::Kind;
    const QString where = m_settings.base.toDisplayString(QUrl::RemoveUserInfo);
    switch (status) {
    case 401:
        return {Kind::Auth,
                trc("relay", "%1: wrong user name or password for %2: check 'user' and 'password'")
                    .arg(what, where)};
    case 403:
        return {
            Kind::Permission,
            trc("relay", "%1: %2 refuses it (403 Forbidden): check the account's rights").arg(what, where)};
    case 404:
    case 410:
        return {Kind::NotFound, trc("relay", "%1: not found").arg(what)};
    case 409:
        return {Kind::NotFound, trc("relay", "%1: its folder does not exist (409 Conflict)").arg(what)};
    case 412:
        return {Kind::AlreadyExists, trc("relay", "%1: already exists").arg(what)};
    case 423:
        return {Kind::Busy, trc("relay", "%1: locked on the server (423): retrying later").arg(what)};
    case 429:
    case 503:
        return {
            Kind::Busy,
            trc("relay", "%1: %2 is busy (%3): retrying later").arg(what, where, QString::number(status))};
    case 507:
        return {Kind::Quota,
                trc("relay", "%1: the storage of %2 is full (507 Insufficient Storage): free space "
                             "there or raise its quota")
                    .arg(what, where)};
    default:
        break;
    }
    if (status >= 500)
        return {Kind::Network, trc("relay", "%1: %2 failed (HTTP %3): retrying later")
                                   .arg(what, where, QString::number(status))};
    return {Kind::Other, trc("relay", "%1: %2 answered HTTP %3").arg(what, where, QString::number(status))};
}

struct HttpTransport::Attempt
{
    Request request;
    std::function<void(const HttpResult&)> done;
    int number = 0;
    bool timedOut = false;
    bool sinkFailed = false;
    bool drainScheduled = false;
    qint64 sunk = 0;              // body bytes handed to the sink
    BodyReader* reader = nullptr; // reads the body, when there is one (owned by the reply)
    // A download cut short goes on from where it broke: 'Range: bytes=resumeFrom-', and
    // 'If-Match' with the ETag of the first reply so that a changed object is not spliced.
    qint64 resumeFrom = 0;
    QByteArray etag;
    // A ranged GET answered with the whole object (200): the reply's bytes before `cutFrom` and
    // from `cutEnd` on are dropped. `replyBytes` counts the body bytes of the current reply.
    bool cutting = false;
    qint64 cutFrom = 0;
    qint64 cutEnd = -1;
    qint64 replyBytes = 0;

    // Where the bytes this try asks for start in the object, and whether a Range is sent.
    qint64 rangeStart() const { return std::max<qint64>(request.rangeFrom, 0) + resumeFrom; }
    bool asksRange() const { return request.rangeFrom >= 0 || resumeFrom > 0; }

    // Hands a reply's body bytes to the sink, cutting the range out of a whole object when the
    // server ignored Range. False when the sink failed.
    bool deliver(const QByteArray& bytes)
    {
        const qint64 at = replyBytes;
        replyBytes += bytes.size();
        qint64 from = 0, to = bytes.size();
        if (cutting) {
            from = std::clamp(cutFrom - at, qint64(0), qint64(bytes.size()));
            to = cutEnd < 0 ? bytes.size() : std::clamp(cutEnd - at, qint64(0), qint64(bytes.size()));
        }
        if (to <= from)
            return true;
        if (request.sink->write(bytes.constData() + from, to - from) != to - from)
            return false;
        sunk += to - from;
        return true;
    }
    bool resumeRefused = false; // the server answered a resumed GET with something else
    QString refusedRedirect;    // where another server tried to send the request
    QString tlsProblem;
    QTimer idle;
};

// What came of one exchange with the server, whichever way it went (QNAM or a direct upload),
// before it is judged.
struct HttpTransport::Exchange
{
    HttpResult result; // status (0: no reply), headers, body
    // Why no reply came (HostNotFound, ConnectionRefused, SslHandshakeFailed, anything else).
    QAbstractSocket::SocketError failure = QAbstractSocket::UnknownSocketError;
    QString detail;         // the failure in the network layer's words
    bool cutShort = false;  // a 2xx reply whose body ended before its length
    bool bodyEnded = false; // the request body ran dry before its size (a direct upload stopped)
};

bool HttpTransport::sendsBasic(const Request& request) const
{
    return m_basicAuth &&
           std::none_of(request.headers.begin(), request.headers.end(), [](const auto& header) {
               return header.first.compare("Authorization", Qt::CaseInsensitive) == 0;
           });
}

HeaderList HttpTransport::headersFor(const Attempt& attempt) const
{
    HeaderList headers = attempt.request.headers;
    if (sendsBasic(attempt.request))
        headers.append(
            {"Authorization", "Basic " + (m_settings.user.toUtf8() + ':' + m_settings.password).toBase64()});
    if (attempt.asksRange()) {
        QByteArray range = "bytes=" + QByteArray::number(attempt.rangeStart()) + '-';
        if (attempt.request.rangeEnd >= 0)
            range += QByteArray::number(attempt.request.rangeEnd - 1);
        headers.append({"Range", range});
        if (attempt.resumeFrom > 0 && !attempt.etag.isEmpty())
            headers.append({"If-Match", attempt.etag});
    }
    return headers;
}

bool HttpTransport::trustedPeer(const QSslCertificate& peer, const QList<QSslError>& errors,
                                Attempt& attempt) const
{
    attempt.tlsProblem = m_settings.trust.untrusted(attempt.request.url.host(), peer, errors);
    return attempt.tlsProblem.isEmpty();
}

void HttpTransport::send(const Request& request, std::function<void(const HttpResult&)> done)
{
    auto attempt = std::make_shared<Attempt>();
    attempt->request = request;
    attempt->done = std::move(done);
    attempt->idle.setSingleShot(true);
    attempt->idle.setInterval(int(std::min<qint64>(m_settings.timeoutMs, 24 * 3600 * 1000)));
    start(attempt);
}

void HttpTransport::start(std::shared_ptr<Attempt> attempt)
{
    const Request& r = attempt->request;
    if (sendsDirect(r)) {
        startDirect(attempt);
        return;
    }
    QNetworkRequest request(r.url);
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto& [name, value] : headersFor(*attempt))
        request.setRawHeader(name, value);
    const bool preemptive = sendsBasic(r);
    if (r.body)
        request.setHeader(QNetworkRequest::ContentLengthHeader, r.bodySize);
    if (r.url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_settings.trust.tls);
    attempt->reader = r.body ? new BodyReader(r.body, &m_up) : nullptr; // deleted with the reply
    attempt->replyBytes = 0;
    attempt->cutting = false;
    QIODevice* body = attempt->reader;
    // HEAD through head(): as a custom verb, the reply would wait for the body its
    // Content-Length announces, until the server closes the connection.
    QNetworkReply* reply =
        r.verb == "HEAD" ? m_manager.head(request) : m_manager.sendCustomRequest(request, r.verb, body);
    if (preemptive)
        reply->setProperty("escale-auth-tried", true); // refused: wrong credentials, no second try
    reply->setProperty("escale-has-body", r.body != nullptr);
    if (body)
        body->setParent(reply);
    if (m_down.limited() && r.sink)
        reply->setReadBufferSize(64 * 1024); // the socket waits while the sink is throttled
    attempt->idle.disconnect();
    connect(&attempt->idle, &QTimer::timeout, reply, [attempt, reply] {
        attempt->timedOut = true;
        reply->abort();
    });
    attempt->idle.start();
    connect(reply, &QNetworkReply::redirected, reply, [attempt, reply](const QUrl& target) {
        const QUrl from = attempt->request.url;
        if (target.scheme() == from.scheme() && target.host() == from.host() &&
            target.port(-1) == from.port(-1)) {
            Q_EMIT reply->redirectAllowed();
            return;
        }
        attempt->refusedRedirect = target.toDisplayString(QUrl::RemoveUserInfo);
        reply->abort();
    });
    connect(reply, &QNetworkReply::downloadProgress, reply, [attempt] { attempt->idle.start(); });
    connect(reply, &QNetworkReply::uploadProgress, reply, [attempt](qint64 sent) {
        attempt->idle.start();
        if (attempt->request.sent)
            attempt->request.sent(sent);
    });
    connect(reply, &QNetworkReply::sslErrors, reply, [this, attempt, reply](const QList<QSslError>& errors) {
        if (trustedPeer(reply->sslConfiguration().peerCertificate(), errors, *attempt))
            reply->ignoreSslErrors(errors); // the certificate the user chose to trust
    });
    auto drain = std::make_shared<std::function<void()>>();
    *drain = [this, attempt, reply, weak = std::weak_ptr<std::function<void()>>(drain)] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QIODevice* sink = attempt->request.sink;
        if (!sink || status < 200 || status >= 300 || attempt->sinkFailed || !reply->isOpen())
            return;
        if (!acceptsBody(*attempt, reply)) {
            attempt->resumeRefused = true;
            reply->abort();
            return;
        }
        const qint64 allowed = m_down.take(reply->bytesAvailable());
        const QByteArray bytes = reply->read(allowed);
        if (!attempt->deliver(bytes)) {
            attempt->sinkFailed = true;
            reply->abort();
            return;
        }
        if (reply->bytesAvailable() > 0 && !attempt->drainScheduled) {
            attempt->drainScheduled = true;
            QTimer::singleShot(m_down.waitMs(), reply, [attempt, weak] {
                attempt->drainScheduled = false;
                if (auto f = weak.lock())
                    (*f)();
            });
        }
    };
    connect(reply, &QNetworkReply::readyRead, reply, [drain] { (*drain)(); });
    connect(reply, &QNetworkReply::finished, this, [this, attempt, reply] { finish(attempt, reply); });
}

namespace {

// Fewer body bytes than the reply announced.
bool cutShort(QNetworkReply* reply, qint64 received)
{
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    return announced.isValid() && announced.toLongLong() != received;
}

} // namespace

qint64 HttpTransport::bodyRead(const Attempt& attempt)
{
    return attempt.reader ? attempt.reader->at() : 0;
}

bool HttpTransport::acceptsBody(Attempt& attempt, QNetworkReply* reply)
{
    if (!attempt.asksRange() || resumesAt(reply, attempt.rangeStart()))
        return true;
    // A part asked for and the whole object sent (a server without ranges): the part is cut
    // from it. (A download resumed after a break is not: the object may have changed.)
    if (attempt.request.rangeFrom >= 0 && attempt.resumeFrom == 0 &&
        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
        attempt.cutting = true;
        attempt.cutFrom = attempt.rangeStart();
        attempt.cutEnd = attempt.request.rangeEnd;
        return true;
    }
    return false;
}

bool HttpTransport::resumesAt(QNetworkReply* reply, qint64 offset)
{
    // 206 with 'Content-Range: bytes FIRST-LAST/TOTAL' starting where the sink stopped.
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 206)
        return false;
    const QByteArray range = reply->rawHeader("Content-Range").trimmed();
    if (!range.startsWith("bytes "))
        return false;
    const qsizetype dash = range.indexOf('-');
    bool ok = false;
    const qint64 first = range.mid(6, dash - 6).toLongLong(&ok);
    return dash > 6 && ok && first == offset;
}

void HttpTransport::finish(std::shared_ptr<Attempt> attempt, QNetworkReply* reply)
{
    attempt->idle.stop();
    reply->deleteLater();
    Exchange x;
    x.result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (x.result.status == 401 && m_basicAssumed && !m_schemeKnown) {
        // Basic was sent unasked: the challenge says what the server wants. Basic refused means
        // wrong credentials (the reply stands); another scheme is answered by going again.
        m_schemeKnown = true;
        m_basicAssumed = false;
        m_basicAuth = reply->rawHeader("WWW-Authenticate").trimmed().toLower().startsWith("basic");
        if (!m_basicAuth && !attempt->request.body) {
            start(attempt);
            return;
        }
    }
    if (x.result.status == 401 && reply->property("escale-auth-deferred").toBool() && !m_schemeKnown) {
        // Basic: sent with every request from now on, so that no request with a body is ever
        // challenged; anything else (Digest) is answered when asked.
        m_schemeKnown = true;
        m_basicAuth = reply->rawHeader("WWW-Authenticate").trimmed().toLower().startsWith("basic");
        start(attempt);
        return;
    }
    // Answered by the server itself without a challenge (not a redirect, not a gateway's error):
    // Basic it is.
    if (m_basicAssumed && x.result.status >= 200 && x.result.status < 500 && (x.result.status < 300 || x.result.status >= 400)) {
        m_schemeKnown = true;
        m_basicAssumed = false;
    }
    x.result.headers = reply->rawHeaderPairs();
    const int status = x.result.status;
    const bool success = status >= 200 && status < 300;
    QIODevice* sink = attempt->request.sink;
    qint64 owed = 0; // bytes of the body's end that came faster than the download limit allows
    if (!reply->isOpen()) {
        // aborted (timeout, a sink that failed): nothing more to read
    } else if (sink && success && !attempt->sinkFailed && acceptsBody(*attempt, reply)) {
        const QByteArray rest = reply->readAll();
        if (!rest.isEmpty() && !attempt->deliver(rest))
            attempt->sinkFailed = true;
        if (m_down.limited())
            owed = rest.size() - m_down.take(rest.size());
    } else if (!sink || !success) {
        x.result.body = reply->readAll();
    }
    if (attempt->resumeFrom == 0 && (status == 200 || status == 206))
        attempt->etag = reply->rawHeader("ETag");
    if (status == 416 && attempt->request.rangeFrom >= 0 && attempt->resumeFrom == 0) {
        // A part at or past the object's end: nothing, as a read of a shorter object gives.
        x.result.status = 206;
        x.result.body.clear();
    } else if (attempt->resumeFrom > 0 && status != 0 && !resumesAt(reply, attempt->rangeStart()) &&
               !retryableStatus(status)) {
        attempt->resumeRefused = true; // 200 with the whole object, 412 (it changed), 416, ...
    }

    const QNetworkReply::NetworkError network = reply->error();
    x.cutShort = success && sink && attempt->request.verb != "HEAD" &&
                 (network != QNetworkReply::NoError || cutShort(reply, attempt->replyBytes));
    x.detail = reply->errorString();
    if (network == QNetworkReply::HostNotFoundError)
        x.failure = QAbstractSocket::HostNotFoundError;
    else if (network == QNetworkReply::ConnectionRefusedError)
        x.failure = QAbstractSocket::ConnectionRefusedError;
    else if (network == QNetworkReply::SslHandshakeFailedError)
        x.failure = QAbstractSocket::SslHandshakeFailedError;
    if (owed > 0) {
        // QNAM may have read the rest of the body ahead despite the read buffer's size: the
        // request ends when the limit says it may.
        const int waitMs = int(std::min<qint64>(60'000, owed * 1000 / m_down.rate()));
        QTimer::singleShot(waitMs, this, [this, attempt, x = std::move(x)]() mutable {
            conclude(attempt, judge(*attempt, std::move(x)));
        });
        return;
    }
    conclude(attempt, judge(*attempt, std::move(x)));
}

HttpResult HttpTransport::judge(Attempt& attempt, Exchange x) const
{
    using Kind = RelayError::Kind;
    HttpResult result = std::move(x.result);
    const QString what = QStringLiteral("%1 %2").arg(
        QString::fromLatin1(attempt.request.verb), attempt.request.url.toDisplayString(QUrl::RemoveUserInfo));
    const QString host = attempt.request.url.host();
    const bool success = result.status >= 200 && result.status < 300;
    if (!attempt.refusedRedirect.isEmpty()) {
        result.error = {Kind::Permission,
                        trc("relay",
                            "%1: the server redirects it to another server (%2), which is not followed: "
                            "use that address in 'relay address' if it is the right one")
                            .arg(what, attempt.refusedRedirect)};
    } else if (attempt.resumeRefused) {
        result.error = {Kind::Network,
                        trc("relay", "%1: the connection broke after %2 bytes and the server did not "
                                     "resume the reply (HTTP %3): it is read again later")
                            .arg(what, QString::number(attempt.sunk), QString::number(result.status))};
        result.status = 0;
    } else if (attempt.sinkFailed) {
        result.error = {
            Kind::Other,
            trc("relay", "cannot store what %1 sent: %2").arg(host, attempt.request.sink->errorString())};
    } else if (attempt.timedOut) {
        result.error = {Kind::Timeout, trc("relay", "%1: %2 sent nothing for %3 s: the server is too slow or "
                                                    "the connection stalled ('timeout' to wait longer)")
                                           .arg(what, host, QString::number(m_settings.timeoutMs / 1000))};
    } else if (!attempt.tlsProblem.isEmpty()) {
        result.error = {Kind::Tls, attempt.tlsProblem};
    } else if (x.cutShort) {
        // The connection ended before the body did (a server killed mid-reply).
        result.error = {Kind::Network,
                        trc("relay", "%1: the connection broke after %2 bytes of the reply (%3)")
                            .arg(what, QString::number(attempt.sunk), x.detail)};
        result.status = 0; // retried like any network failure where it can be
    } else if ((success || x.bodyEnded) && bodyRead(attempt) != attempt.request.bodySize) {
        // The body ran dry before its announced size: what the server kept is not the object.
        result.error = {Kind::Other, trc("relay", "%1: the data to send ended after %2 of %3 bytes")
                                         .arg(what, QString::number(bodyRead(attempt)),
                                              QString::number(attempt.request.bodySize))};
        result.status = 0;
    } else if (success) {
        result.error = {};
    } else if (result.status > 0) {
        result.error = errorFor(result.status, what);
    } else {
        const QUrl& url = attempt.request.url;
        result.error = socketFailure(x.failure, x.detail, host,
                                     url.port(url.scheme() == QLatin1String("https") ? 443 : 80), what);
    }
    return result;
}

void HttpTransport::conclude(std::shared_ptr<Attempt> attempt, const HttpResult& result)
{
    // Retried: network trouble and busy servers (no reply and a retryable error: not a TLS
    // refusal, a sink or a body that failed, a redirect elsewhere), when the body (if any) can be
    // sent again.
    const bool bodyReplayable = !attempt->request.body || attempt->request.body->isSequential() == false;
    // A download goes on where it broke (GET only: ranges mean nothing to other verbs).
    const bool sinkResumable =
        !attempt->request.sink || (attempt->request.verb == "GET" && !attempt->resumeRefused);
    const bool retryable =
        (result.status == 0 && result.error.isRetryable()) || retryableStatus(result.status);
    if (retryable && bodyReplayable && sinkResumable && attempt->number < m_settings.limits.retries) {
        ++attempt->number;
        attempt->resumeFrom = attempt->sunk;
        const qint64 delayMs = retryDelayMs(attempt->number, result.header("Retry-After").toInt());
        qCDebug(lcRelay).noquote() << QStringLiteral("%1; try %2 in %3 ms")
                                          .arg(result.error.message, QString::number(attempt->number + 1),
                                               QString::number(delayMs));
        if (attempt->request.body)
            attempt->request.body->seek(0);
        QTimer::singleShot(int(delayMs), this, [this, attempt] { start(attempt); });
        return;
    }
    attempt->done(result);
}

namespace {

constexpr qint64 kDirectAbove = 512 * 1024; // bodies from this size go straight to a socket
constexpr qint64 kReuseMs = 2'000;          // a kept connection older than this is not trusted
constexpr int kKeptConnections = 8;

QString connectionKey(const QUrl& url)
{
    return url.scheme() + QLatin1String("://") + url.host() + QLatin1Char(':') +
           QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}

} // namespace

bool HttpTransport::sendsDirect(const Request& request) const
{
    // Only where no authentication challenge can come: QNAM answers those, a socket of ours
    // would have to send the body twice.
    const QString scheme = request.url.scheme();
    return request.body && request.bodySize >= kDirectAbove && !request.sink && challengeFree() &&
           (scheme == QLatin1String("http") || scheme == QLatin1String("https"));
}

QAbstractSocket* HttpTransport::connection(std::shared_ptr<Attempt> attempt)
{
    const QUrl& url = attempt->request.url;
    const QString key = connectionKey(url);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (!m_idle.isEmpty()) {
        const IdleConnection kept = m_idle.takeLast();
        // A server closes idle connections after a while (Apache: 5 s); a request on one that is
        // closing would fail with its body half sent, which cannot be sent again.
        if (kept.key == key && now - kept.sinceMs < kReuseMs &&
            kept.socket->state() == QAbstractSocket::ConnectedState && kept.socket->bytesAvailable() == 0)
            return kept.socket;
        kept.socket->deleteLater();
    }
    if (url.scheme() == QLatin1String("https")) {
        auto* ssl = new QSslSocket(this);
        ssl->setSslConfiguration(m_settings.trust.tls);
        connect(ssl, &QSslSocket::sslErrors, ssl,
                [this, ssl, weak = std::weak_ptr<Attempt>(attempt)](const QList<QSslError>& errors) {
                    if (auto a = weak.lock(); a && trustedPeer(ssl->peerCertificate(), errors, *a))
                        ssl->ignoreSslErrors(errors);
                });
        ssl->connectToHostEncrypted(url.host(), quint16(url.port(443)));
        return ssl;
    }
    auto* tcp = new QTcpSocket(this);
    tcp->connectToHost(url.host(), quint16(url.port(80)));
    return tcp;
}

void HttpTransport::startDirect(std::shared_ptr<Attempt> attempt)
{
    const Request& r = attempt->request;
    QByteArray target = r.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (target.isEmpty() || target.startsWith('?'))
        target.prepend('/');
    QByteArray head = r.verb + ' ' + target + " HTTP/1.1\r\nHost: " + hostHeader(r.url) + "\r\n";
    for (const auto& [name, value] : headersFor(*attempt))
        head += name + ": " + value + "\r\n";
    head += "Content-Length: " + QByteArray::number(r.bodySize) + "\r\n\r\n";
    attempt->reader = new BodyReader(r.body, &m_up);
    auto* upload = new DirectUpload(connection(attempt), head, attempt->reader, r.bodySize, this);
    attempt->reader->setParent(upload);
    attempt->idle.disconnect();
    connect(&attempt->idle, &QTimer::timeout, upload, [attempt, upload] {
        attempt->timedOut = true;
        upload->abort();
    });
    connect(upload, &DirectUpload::progress, upload, [attempt, upload] {
        attempt->idle.start();
        if (attempt->request.sent)
            attempt->request.sent(upload->bodySent());
    });
    connect(upload, &DirectUpload::finished, this,
            [this, attempt, upload] { finishDirect(attempt, upload); });
    attempt->idle.start();
    upload->start();
}

void HttpTransport::finishDirect(std::shared_ptr<Attempt> attempt, DirectUpload* upload)
{
    attempt->idle.stop();
    upload->deleteLater();
    if (QAbstractSocket* socket = upload->takeSocket()) {
        socket->setParent(this);
        m_idle.append({connectionKey(attempt->request.url), socket, QDateTime::currentMSecsSinceEpoch()});
        if (m_idle.size() > kKeptConnections)
            m_idle.takeFirst().socket->deleteLater();
    }
    Exchange x;
    const DirectUpload::Reply& reply = upload->reply();
    if (reply.complete) {
        x.result.status = reply.status;
        x.result.headers = reply.headers;
        x.result.body = reply.body;
    } else {
        x.detail = upload->errorString();
        x.bodyEnded = upload->bodyEnded();
        x.failure = upload->socketError();
    }
    conclude(attempt, judge(*attempt, std::move(x)));
}

} // namespace escale::relay
