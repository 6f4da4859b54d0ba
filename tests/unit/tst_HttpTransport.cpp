// The HTTP layer against a scripted server in the test process: retries on 5xx and 429 (after
// Retry-After), none on 401, an idle timeout, and statuses mapped to what users are told.
#include "relay/http/HttpTransport.h"

#include <QBuffer>
#include <QEventLoop>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace escale::relay;

namespace {

// Answers each request, once its body came, with the next scripted reply: "" says nothing and
// keeps the connection; "RAW:" is written as it is and the connection stays open; "CUT:" is
// written as it is, then the connection closes; "EARLY:" is written as it is as soon as the
// request's head came, whatever its body; anything else gets a blank body and a close.
class ScriptedServer : public QObject
{
public:
    explicit ScriptedServer(QStringList replies)
        : m_replies(std::move(replies))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                ++m_connections;
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
            }
        });
    }
    int port() const { return m_server.serverPort(); }
    int requests() const { return m_requests; }
    int connections() const { return m_connections; }
    QList<QByteArray> heads() const { return m_heads; }
    QList<QByteArray> bodies() const { return m_bodies; }

private:
    // "OBJECT:<bytes>[|cut <n>]": the object served as a server with ranges serves it, the part
    // the request's Range asks for (206), cut after n bytes of the body when asked.
    static QString ranged(const QByteArray& head, const QString& spec)
    {
        const QStringList parts = spec.split('|');
        const QByteArray object = parts.value(0).toUtf8();
        const int cutAfter = parts.size() > 1 ? parts[1].mid(4).toInt() : -1;
        qint64 first = 0, last = object.size() - 1;
        for (const QByteArray& line : head.split('\n'))
            if (line.toLower().startsWith("range: bytes=")) {
                const QList<QByteArray> ends = line.mid(13).trimmed().split('-');
                first = ends.value(0).toLongLong();
                if (!ends.value(1).isEmpty())
                    last = std::min<qint64>(last, ends.value(1).toLongLong());
            }
        const QByteArray body = object.mid(first, last - first + 1);
        const QString start = QString("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes %1-%2/%3\r\n"
                                      "Content-Length: %4\r\nETag: \"v1\"\r\n\r\n")
                                  .arg(first)
                                  .arg(last)
                                  .arg(object.size())
                                  .arg(body.size());
        return cutAfter >= 0 ? "CUT:" + start + QString::fromUtf8(body.left(cutAfter))
                             : "RAW:" + start + QString::fromUtf8(body);
    }

    void onData(QTcpSocket* s)
    {
        if (m_ignoring.contains(s)) {
            s->readAll();
            return;
        }
        QByteArray& buffer = m_buffers[s];
        buffer += s->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer.left(end);
            qint64 length = 0;
            for (const QByteArray& line : head.split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            QString reply = m_replies.value(m_requests, "HTTP/1.1 200 OK");
            const bool early = reply.startsWith("EARLY:");
            if (!early && buffer.size() < end + 4 + length)
                return; // the body is still coming
            m_heads << head;
            m_bodies << buffer.mid(end + 4, length);
            buffer.remove(0, early ? buffer.size() : end + 4 + length);
            ++m_requests;
            if (early)
                m_ignoring.insert(s);
            if (reply.startsWith("OBJECT:"))
                reply = ranged(head, reply.mid(7));
            if (reply.isEmpty())
                return; // stall
            if (reply.startsWith("RAW:") || early) {
                s->write(reply.mid(early ? 6 : 4).toUtf8());
                continue;
            }
            if (reply.startsWith("CUT:")) {
                s->write(reply.mid(4).toUtf8());
                s->disconnectFromHost();
                return;
            }
            s->write(reply.toUtf8() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            s->disconnectFromHost();
            return;
        }
    }

    QTcpServer m_server;
    QStringList m_replies;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QByteArray> m_heads;
    QList<QByteArray> m_bodies;
    QSet<QTcpSocket*> m_ignoring; // answered early: the rest of what they send is dropped
    int m_requests = 0;
    int m_connections = 0;
};

HttpResult call(HttpTransport& http, const QByteArray& verb, const QUrl& url)
{
    HttpResult out;
    QEventLoop loop;
    http.send(HttpTransport::Request::make(verb, url), [&](const HttpResult& r) {
        out = r;
        loop.quit();
    });
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    loop.exec();
    return out;
}

// A GET whose body goes to `received` through a sink, as the relays download.
HttpResult download(HttpTransport& http, const QUrl& url, QByteArray& received)
{
    QBuffer sink(&received);
    sink.open(QIODevice::WriteOnly);
    HttpResult out;
    QEventLoop loop;
    http.send(HttpTransport::Request::make("GET", url, {}, nullptr, 0, &sink), [&](const HttpResult& r) {
        out = r;
        loop.quit();
    });
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    loop.exec();
    return out;
}

// A PUT of `body` from a buffer (which can be sent again).
HttpResult upload(HttpTransport& http, const QUrl& url, const QByteArray& body)
{
    QBuffer source;
    source.setData(body);
    source.open(QIODevice::ReadOnly);
    HttpResult out;
    QEventLoop loop;
    http.send(HttpTransport::Request::make("PUT", url, {}, &source, body.size()), [&](const HttpResult& r) {
        out = r;
        loop.quit();
    });
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    loop.exec();
    return out;
}

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(i * 13 + (i >> 11));
    return bytes;
}

HttpSettings settings(int port, int retries = 3, qint64 timeoutMs = 10'000)
{
    HttpSettings s;
    s.base = QUrl(QString("http://127.0.0.1:%1/repo/").arg(port));
    s.user = "tester";
    s.password = "testpw";
    s.limits.retries = retries;
    s.timeoutMs = timeoutMs;
    return s;
}

} // namespace

class tst_HttpTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retriesBusyServers();
    void honoursRetryAfter();
    void noRetryStormOnWrongPassword();
    void basicCredentialsGoWithEveryRequestOnceAsked();
    void truncatedReplyIsAnError();
    void headRepliesHaveNoBody();
    void largeBodiesGoStraightToTheSocket_data();
    void largeBodiesGoStraightToTheSocket();
    void keptConnectionsCarryTheNextUpload();
    void cutDownloadsResume_data();
    void cutDownloadsResume();
    void rangedReads_data();
    void rangedReads();
    void redirectsStayOnTheServer();
    void idleTimeout();
    void statusesNameTheCause_data();
    void statusesNameTheCause();
};

void tst_HttpTransport::retriesBusyServers()
{
    ScriptedServer server(
        {"HTTP/1.1 503 Service Unavailable", "HTTP/1.1 502 Bad Gateway", "HTTP/1.1 200 OK"});
    HttpTransport http(settings(server.port()));
    const HttpResult r = call(http, "GET", http.url("x"));
    QVERIFY2(r.error.ok(), qPrintable(r.error.message));
    QCOMPARE(server.requests(), 3);

    // Out of retries: the last error is reported.
    ScriptedServer down({"HTTP/1.1 500 Internal Server Error", "HTTP/1.1 500 Internal Server Error",
                         "HTTP/1.1 500 Internal Server Error"});
    HttpTransport once(settings(down.port(), 1));
    const HttpResult failed = call(once, "GET", once.url("x"));
    QCOMPARE(failed.status, 500);
    QCOMPARE(down.requests(), 2);
    QVERIFY(failed.error.isRetryable());
}

void tst_HttpTransport::honoursRetryAfter()
{
    ScriptedServer server({"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1", "HTTP/1.1 200 OK"});
    HttpTransport http(settings(server.port()));
    const HttpResult r = call(http, "GET", http.url("x"));
    QVERIFY2(r.error.ok(), qPrintable(r.error.message));
    QCOMPARE(server.requests(), 2);
}

void tst_HttpTransport::noRetryStormOnWrongPassword()
{
    const QString challenge = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"test\"";
    ScriptedServer server({challenge, challenge, challenge, challenge, challenge});
    HttpTransport http(settings(server.port()));
    const HttpResult r = call(http, "GET", http.url("x"));
    QCOMPARE(r.error.kind, RelayError::Kind::Auth);
    QVERIFY2(r.error.message.contains("wrong user name or password"), qPrintable(r.error.message));
    QVERIFY2(server.requests() <= 2, qPrintable(QString::number(server.requests()))); // asked, answered once
    QVERIFY(server.heads().last().contains("Authorization: Basic"));
}

void tst_HttpTransport::basicCredentialsGoWithEveryRequestOnceAsked()
{
    // Parallel uploads need requests that are never challenged (a streamed body cannot be sent
    // twice): after one Basic challenge, the credentials go with every request.
    const QString basic = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"test\"";
    ScriptedServer server({basic, "HTTP/1.1 200 OK", "HTTP/1.1 200 OK", "HTTP/1.1 401 Unauthorized"});
    HttpTransport http(settings(server.port()));
    QVERIFY(!http.challengeFree()); // not heard from yet: it may challenge
    QVERIFY(call(http, "GET", http.url("a")).error.ok());
    QVERIFY(http.challengeFree());
    QCOMPARE(server.requests(), 2);
    QVERIFY2(server.heads().at(1).contains("Authorization: Basic"), server.heads().at(1).constData());
    QVERIFY(call(http, "GET", http.url("b")).error.ok());
    QCOMPARE(server.requests(), 3); // no challenge this time
    const QByteArray expected = "Authorization: Basic " + QByteArray("tester:testpw").toBase64();
    QVERIFY2(server.heads().at(2).contains(expected), server.heads().at(2).constData());
    // Refused all the same (the password changed on the server): one request, a clear error.
    const HttpResult refused = call(http, "GET", http.url("c"));
    QCOMPARE(refused.error.kind, RelayError::Kind::Auth);
    QCOMPARE(server.requests(), 4);

    // A Digest server keeps challenging new connections: credentials are not sent ahead.
    const QString digest =
        "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"test\", nonce=\"abc\", qop=\"auth\"";
    ScriptedServer digestServer({digest, "HTTP/1.1 200 OK", "HTTP/1.1 200 OK"});
    HttpTransport digestHttp(settings(digestServer.port()));
    QVERIFY(call(digestHttp, "GET", digestHttp.url("a")).error.ok());
    QVERIFY(!digestHttp.challengeFree());
    QVERIFY(!digestServer.heads().value(1).contains("Authorization: Basic"));

    // Without credentials nothing can be challenged.
    HttpSettings anonymous = settings(server.port());
    anonymous.user.clear();
    QVERIFY(HttpTransport(anonymous).challengeFree());
}

void tst_HttpTransport::truncatedReplyIsAnError()
{
    // A server that dies in the middle of a body: never a success with part of the bytes.
    ScriptedServer server({"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\nthe first bytes only"});
    HttpTransport http(settings(server.port(), 0));
    QByteArray received;
    const HttpResult out = download(http, http.url("x"), received);
    QCOMPARE(out.error.kind, RelayError::Kind::Network);
    QVERIFY2(out.error.message.contains("GET"), qPrintable(out.error.message));
    QVERIFY(received.startsWith("the first bytes only"));
}

void tst_HttpTransport::cutDownloadsResume_data()
{
    QTest::addColumn<QStringList>("replies");
    QTest::addColumn<bool>("completes");
    const QString cut = "CUT:HTTP/1.1 200 OK\r\nContent-Length: 10\r\nETag: \"v1\"\r\n\r\n0123";
    QTest::newRow("resumed")
        << QStringList{cut, "RAW:HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 4-9/10\r\n"
                            "Content-Length: 6\r\n\r\n456789"}
        << true;
    QTest::newRow("busy, then resumed")
        << QStringList{cut, "HTTP/1.1 503 Service Unavailable",
                       "RAW:HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 4-9/10\r\n"
                       "Content-Length: 6\r\n\r\n456789"}
        << true;
    // A server that ignores the range sends the whole object again: not spliced on.
    QTest::newRow("range ignored")
        << QStringList{cut, "RAW:HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789"} << false;
    QTest::newRow("wrong range")
        << QStringList{cut, "RAW:HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-9/10\r\n"
                            "Content-Length: 10\r\n\r\n0123456789"}
        << false;
    QTest::newRow("changed meanwhile") << QStringList{cut, "HTTP/1.1 412 Precondition Failed"} << false;
}

void tst_HttpTransport::cutDownloadsResume()
{
    // A download cut short goes on where it broke, from the same version of the object; what
    // cannot be resumed fails (the caller reads it again), never with bytes spliced wrong.
    QFETCH(QStringList, replies);
    QFETCH(bool, completes);
    ScriptedServer server(replies);
    HttpTransport http(settings(server.port(), 3));
    QByteArray received;
    const HttpResult out = download(http, http.url("x"), received);
    QCOMPARE(server.requests(), replies.size());
    const QByteArray resumed = server.heads().value(1);
    QVERIFY2(resumed.contains("\r\nRange: bytes=4-"), resumed.constData());
    QVERIFY2(resumed.contains("\r\nIf-Match: \"v1\""), resumed.constData());
    if (completes) {
        QVERIFY2(out.error.ok(), qPrintable(out.error.message));
        QCOMPARE(received, QByteArray("0123456789"));
    } else {
        QCOMPARE(out.error.kind, RelayError::Kind::Network);
        QVERIFY2(out.error.message.contains("did not resume"), qPrintable(out.error.message));
        QCOMPARE(received, QByteArray("0123")); // nothing of the refused reply
    }
}

void tst_HttpTransport::rangedReads_data()
{
    QTest::addColumn<QStringList>("replies");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("ok");
    // Bytes [3, 7) of "0123456789" asked for.
    QTest::newRow("206") << QStringList{"RAW:HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 3-6/10\r\n"
                                        "Content-Length: 4\r\n\r\n3456"}
                         << QByteArray("3456") << true;
    // A server without ranges sends the whole object: the part is cut from it.
    QTest::newRow("range ignored") << QStringList{"RAW:HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789"}
                                   << QByteArray("3456") << true;
    // Past the object's end: nothing, as a shorter object gives.
    QTest::newRow("416") << QStringList{"RAW:HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */2\r\n"
                                        "Content-Length: 0\r\n\r\n"}
                         << QByteArray() << true;
    // Cut short, then resumed from the part's next byte.
    // Cut short, then resumed from the part's next byte (a server that honours each Range).
    QTest::newRow("cut, resumed") << QStringList{"OBJECT:0123456789|cut 2", "OBJECT:0123456789",
                                                 "OBJECT:0123456789"}
                                  << QByteArray("3456") << true;
    // Another part than the one asked for: refused, never spliced.
    QTest::newRow("wrong part") << QStringList{"RAW:HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-3/10\r\n"
                                               "Content-Length: 4\r\n\r\n0123"}
                                << QByteArray() << false;
}

void tst_HttpTransport::rangedReads()
{
    QFETCH(QStringList, replies);
    QFETCH(QByteArray, expected);
    QFETCH(bool, ok);
    ScriptedServer server(replies);
    HttpTransport http(settings(server.port(), 3));
    QByteArray received;
    QBuffer sink(&received);
    sink.open(QIODevice::WriteOnly);
    HttpTransport::Request request = HttpTransport::Request::make("GET", http.url("x"), {}, nullptr, 0, &sink);
    request.rangeFrom = 3;
    request.rangeEnd = 7;
    HttpResult out;
    QEventLoop loop;
    http.send(request, [&](const HttpResult& r) {
        out = r;
        loop.quit();
    });
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY2(server.heads().value(0).contains("\r\nRange: bytes=3-6\r\n"), server.heads().value(0).constData());
    if (replies.size() > 1) {
        // The try after the break asks for the rest of the part, of the same version. (The
        // network layer may first send the request again by itself: the try is the last one.)
        const QByteArray resumed = server.heads().last();
        QVERIFY2(resumed.contains("\r\nRange: bytes=5-6\r\n"), resumed.constData());
        QVERIFY2(resumed.contains("\r\nIf-Match: \"v1\""), resumed.constData());
    }
    QCOMPARE(out.error.ok(), ok);
    if (ok)
        QCOMPARE(received, expected);
    else
        QVERIFY(!received.contains("0123"));
}

void tst_HttpTransport::largeBodiesGoStraightToTheSocket_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("replyBody");
    QTest::newRow("length") << "RAW:HTTP/1.1 201 Created\r\nContent-Length: 4\r\n\r\ndone"
                            << int(RelayError::Kind::None) << QByteArray("done");
    QTest::newRow("chunked") << "RAW:HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
                                "2\r\ndo\r\n2;ext=1\r\nne\r\n0\r\nX-Trailer: z\r\n\r\n"
                             << int(RelayError::Kind::None) << QByteArray("done");
    QTest::newRow("interim reply first")
        << "RAW:HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 4\r\n\r\ndone"
        << int(RelayError::Kind::None) << QByteArray("done");
    QTest::newRow("until close") << "CUT:HTTP/1.0 201 Created\r\n\r\ndone" << int(RelayError::Kind::None)
                                 << QByteArray("done");
    // Answered before the body is in: the answer counts, the upload stops.
    QTest::newRow("refused early") << "EARLY:HTTP/1.1 507 Insufficient Storage\r\nContent-Length: 0\r\n\r\n"
                                   << int(RelayError::Kind::Quota) << QByteArray();
}

void tst_HttpTransport::largeBodiesGoStraightToTheSocket()
{
    // Large bodies do not go through QNAM (which hands them to its thread 16 KiB at a time)
    // but straight to a socket: the request as a server sees it, and the replies it may send.
    QFETCH(QString, reply);
    QFETCH(int, kind);
    QFETCH(QByteArray, replyBody);
    ScriptedServer server({reply});
    HttpSettings s = settings(server.port(), 0);
    s.user.clear(); // no challenge can come
    HttpTransport http(s);
    QUrl url = http.url("big");
    url.setQuery("partNumber=1&uploadId=a%2Fb");
    const QByteArray body = pattern(3 * 1024 * 1024 + 3);
    const HttpResult r = upload(http, url, body);
    QCOMPARE(int(r.error.kind), kind);
    const QByteArray head = server.heads().value(0);
    QVERIFY2(head.startsWith("PUT /repo/big?partNumber=1&uploadId=a%2Fb HTTP/1.1\r\n"), head.constData());
    QVERIFY2(head.contains(QString("\r\nHost: 127.0.0.1:%1\r\n").arg(server.port()).toLatin1()),
             head.constData());
    QVERIFY2(head.contains("\r\nContent-Length: 3145731"), head.constData());
    QVERIFY2(!head.contains("Mozilla"), head.constData()); // not QNAM's request
    if (kind == int(RelayError::Kind::None)) {
        QCOMPARE(r.status, 201);
        QCOMPARE(r.body, replyBody);
        QVERIFY(server.bodies().value(0) == body);
    } else {
        QVERIFY2(r.error.message.contains("full"), qPrintable(r.error.message));
    }
}

void tst_HttpTransport::keptConnectionsCarryTheNextUpload()
{
    // One connection for uploads one after another; a broken one is not kept.
    const QString created = "RAW:HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n";
    ScriptedServer server(
        {created, created, "CUT:HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n", created});
    HttpSettings s = settings(server.port(), 0);
    s.user.clear();
    HttpTransport http(s);
    const QByteArray body = pattern(1024 * 1024);
    for (int i = 0; i < 4; ++i) {
        const HttpResult r = upload(http, http.url(QString("part%1").arg(i)), body);
        QVERIFY2(r.error.ok(), qPrintable(r.error.message));
        if (i == 2)
            QTest::qWait(100); // the server's close is seen
    }
    QCOMPARE(server.requests(), 4);
    QCOMPARE(server.connections(), 2);
}

void tst_HttpTransport::headRepliesHaveNoBody()
{
    // A HEAD reply announces the length of a body it does not send (S3 servers do): it ends
    // with its headers, the connection kept, rather than wait for that body until a timeout.
    ScriptedServer server({"RAW:HTTP/1.1 404 Not Found\r\nContent-Type: application/xml\r\n"
                           "Content-Length: 146\r\nConnection: keep-alive\r\n\r\n",
                           "RAW:HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"});
    HttpTransport http(settings(server.port(), 0, 3'000));
    const HttpResult missing = call(http, "HEAD", http.url("missing"));
    QCOMPARE(missing.error.kind, RelayError::Kind::NotFound);
    const HttpResult present = call(http, "HEAD", http.url("present"));
    QVERIFY2(present.error.ok(), qPrintable(present.error.message));
    QCOMPARE(present.status, 200);
}

void tst_HttpTransport::redirectsStayOnTheServer()
{
    // Followed within the same server; another server never sees the request (it would get
    // the credentials sent with it).
    ScriptedServer elsewhere({"HTTP/1.1 200 OK"});
    const QString same = "HTTP/1.1 301 Moved Permanently\r\nLocation: /repo/moved"; // this server
    const QString other = QString("HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:%1/steal")
                              .arg(elsewhere.port());
    ScriptedServer scripted({same, "HTTP/1.1 200 OK", other});
    HttpTransport http(settings(scripted.port(), 3));
    QVERIFY(call(http, "GET", http.url("a")).error.ok()); // to the same server: followed
    QCOMPARE(scripted.requests(), 2);
    const HttpResult refused = call(http, "GET", http.url("b"));
    QCOMPARE(refused.error.kind, RelayError::Kind::Permission);
    QVERIFY2(refused.error.message.contains("another server"), qPrintable(refused.error.message));
    QCOMPARE(elsewhere.requests(), 0);
    QCOMPARE(scripted.requests(), 3); // and not retried
}

void tst_HttpTransport::idleTimeout()
{
    ScriptedServer server({"", ""});
    HttpTransport http(settings(server.port(), 0, 1000));
    const HttpResult r = call(http, "GET", http.url("x"));
    QCOMPARE(r.error.kind, RelayError::Kind::Timeout);
    QVERIFY2(r.error.message.contains("sent nothing for 1 s"), qPrintable(r.error.message));
}

void tst_HttpTransport::statusesNameTheCause_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("words");
    QTest::newRow("quota") << "HTTP/1.1 507 Insufficient Storage" << int(RelayError::Kind::Quota)
                           << "is full";
    QTest::newRow("locked") << "HTTP/1.1 423 Locked" << int(RelayError::Kind::Busy) << "locked";
    QTest::newRow("forbidden") << "HTTP/1.1 403 Forbidden" << int(RelayError::Kind::Permission)
                               << "refuses it";
    QTest::newRow("missing") << "HTTP/1.1 404 Not Found" << int(RelayError::Kind::NotFound) << "not found";
    QTest::newRow("exists") << "HTTP/1.1 412 Precondition Failed" << int(RelayError::Kind::AlreadyExists)
                            << "already exists";
}

void tst_HttpTransport::statusesNameTheCause()
{
    QFETCH(QString, reply);
    QFETCH(int, kind);
    QFETCH(QString, words);
    ScriptedServer server({reply, reply});
    HttpTransport http(settings(server.port(), 0));
    const HttpResult r = call(http, "PUT", http.url("x"));
    QCOMPARE(int(r.error.kind), kind);
    QVERIFY2(r.error.message.contains(words), qPrintable(r.error.message));
    QCOMPARE(server.requests(), 1);
}

QTEST_GUILESS_MAIN(tst_HttpTransport)
#include "tst_HttpTransport.moc"
