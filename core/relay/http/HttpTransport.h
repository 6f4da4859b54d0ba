#pragma once

#include "config/Config.h"
#include "relay/RelayTypes.h"
#include "relay/RemoteAccess.h"
#include "relay/http/HttpHeaders.h"

#include <QAbstractSocket>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>
#include <functional>
#include <optional>

namespace escale::relay {

class DirectUpload;

// What the HTTP relays (WebDAV, S3) need to reach their server, from the configuration.
struct HttpSettings
{
    QUrl base; // the repository folder, with a trailing '/'
    QString user;
    QByteArray password;
    TlsTrust trust;
    qint64 timeoutMs = 60'000;
    TransferLimits limits; // its connections are QNAM's own

    static std::optional<HttpSettings> fromConfig(const config::RepositoryConfig& config, QString& error);
};

struct HttpResult
{
    int status = 0;  // the HTTP status; 0 when no reply came
    QByteArray body; // the reply body when no sink was given (small replies)
    QList<QNetworkReply::RawHeaderPair> headers;
    RelayError error; // what went wrong, in the relay's terms; ok() for 2xx
    QByteArray header(const QByteArray& name) const;
};

// Requests over QNetworkAccessManager for the HTTP relays: streamed bodies both ways, an idle
// timeout, retries with exponential back-off and jitter on 429/5xx and network errors (after
// Retry-After when given), never on 401/403; downloads cut short resumed with a Range request
// (If-Match the first reply's ETag); Basic and Digest authentication; TLS verified
// against the system store, a CA file, or a pinned fingerprint. Lives in the thread that uses it.
class HttpTransport : public QObject
{
    Q_OBJECT

public:
    explicit HttpTransport(const HttpSettings& settings, QObject* parent = nullptr);

    struct Request
    {
        QByteArray verb;
        QUrl url;
        HeaderList headers;
        QIODevice* body = nullptr; // streamed; not owned; random-access bodies are sent from 0
        qint64 bodySize = 0;
        QIODevice* sink = nullptr; // receives a 2xx reply's body; not owned
        // A GET of a part of the object: bytes [rangeFrom, rangeEnd) (rangeEnd < 0: to its end),
        // asked with Range; a server that ignores Range sends the whole object, and the part is
        // cut from it; a range at or past the object's end is empty.
        qint64 rangeFrom = -1;
        qint64 rangeEnd = -1;
        // Told, from the event loop, how many bytes of the body went out so far (upload progress).
        std::function<void(qint64 sent)> sent;

        static Request make(const QByteArray& verb, const QUrl& url,
                            const HeaderList& headers = {},
                            QIODevice* body = nullptr, qint64 bodySize = 0, QIODevice* sink = nullptr)
        {
            Request r;
            r.verb = verb;
            r.url = url;
            r.headers = headers;
            r.body = body;
            r.bodySize = bodySize;
            r.sink = sink;
            return r;
        }
    };
    // `done` is called once, from the event loop.
    void send(const Request& request, std::function<void(const HttpResult&)> done);

    // The URL of a relay path under the base ('' = the base itself); folders end with '/'.
    QUrl url(const QString& relayPath, bool folder = false) const;
    const HttpSettings& settings() const { return m_settings; }
    // Whether a new connection may be challenged for credentials, which a streamed body cannot
    // answer (it cannot be sent twice): no credentials, or a server known to take Basic, which
    // is then sent with every request. Servers using Digest, or not heard from yet, may.
    bool challengeFree() const { return m_settings.user.isEmpty() || m_basicAuth; }
    // What a restart may take for granted: "basic" once the server took Basic credentials,
    // "other" once it asked for another scheme (Digest), empty while not known.
    QString authHint() const
    {
        if (m_settings.user.isEmpty() || !m_schemeKnown)
            return {};
        return m_basicAuth ? QStringLiteral("basic") : QStringLiteral("other");
    }
    // Sends Basic credentials from the first request (a server that asked for them in an earlier
    // run: no request answered 401 first). Over TLS this is the default. A server that answers
    // with another challenge is then answered as it asks (the request goes again, once).
    void assumeBasic();

    // The relay error for an HTTP status, naming the cause and the remedy.
    RelayError errorFor(int status, const QString& what) const;

private:
    struct Attempt;
    struct Exchange;
    void start(std::shared_ptr<Attempt> attempt);
    HeaderList headersFor(const Attempt& attempt) const;
    bool sendsBasic(const Request& request) const; // Basic credentials ahead of any challenge
    void finish(std::shared_ptr<Attempt> attempt, QNetworkReply* reply);
    // Large bodies go straight to a socket of this thread (see DirectUpload).
    bool sendsDirect(const Request& request) const;
    void startDirect(std::shared_ptr<Attempt> attempt);
    void finishDirect(std::shared_ptr<Attempt> attempt, DirectUpload* upload);
    QAbstractSocket* connection(std::shared_ptr<Attempt> attempt);
    // Whether a certificate that failed verification is the one pinned; if not, why not (in
    // attempt.tlsProblem).
    bool trustedPeer(const QSslCertificate& peer, const QList<QSslError>& errors, Attempt& attempt) const;
    HttpResult judge(Attempt& attempt, Exchange exchange) const;
    void conclude(std::shared_ptr<Attempt> attempt, const HttpResult& result);
    static bool resumesAt(QNetworkReply* reply, qint64 offset);
    // Whether a 2xx reply's body is what was asked for (or holds it, to be cut out).
    static bool acceptsBody(Attempt& attempt, QNetworkReply* reply);
    static qint64 bodyRead(const Attempt& attempt); // body bytes read by QNAM

    HttpSettings m_settings;
    QNetworkAccessManager m_manager;
    Throttle m_up;
    Throttle m_down;
    bool m_schemeKnown = false; // the server's authentication scheme was seen
    bool m_basicAuth = false;   // it is Basic: credentials go with each request
    bool m_basicAssumed = false; // Basic sent before the server said which scheme it wants
    struct IdleConnection
    {
        QString key; // scheme://host:port
        QAbstractSocket* socket;
        qint64 sinceMs;
    };
    QList<IdleConnection> m_idle; // kept from direct uploads, for the next ones
};

} // namespace escale::relay
