#include "relay/http/DirectUpload.h"

#include "Tr.h"

#include <QSslSocket>
#include <QTimer>

namespace escale::relay {

namespace {

constexpr qint64 kQueued = 1024 * 1024; // bytes kept in the socket's buffer
constexpr qint64 kPiece = 256 * 1024;   // read from the body at once
constexpr qsizetype kKeptBody = 1024 * 1024;

} // namespace

DirectUpload::DirectUpload(QAbstractSocket* socket, QByteArray head, QIODevice* body, qint64 bodySize,
                           QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_head(std::move(head))
    , m_body(body)
    , m_left(bodySize)
    , m_bodySize(bodySize)
{
    m_socket->setParent(this);
}

DirectUpload::~DirectUpload() = default;

qint64 DirectUpload::bodySent() const
{
    return std::clamp<qint64>(m_bodySize - m_left - m_socket->bytesToWrite(), 0, m_bodySize);
}

bool DirectUpload::connected() const
{
    if (auto* ssl = qobject_cast<QSslSocket*>(m_socket))
        return ssl->isEncrypted();
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void DirectUpload::start()
{
    connect(m_socket, &QAbstractSocket::connected, this, &DirectUpload::pump);
    connect(m_socket, &QAbstractSocket::bytesWritten, this, [this] {
        Q_EMIT progress();
        pump();
    });
    if (auto* ssl = qobject_cast<QSslSocket*>(m_socket)) {
        connect(ssl, &QSslSocket::encrypted, this, &DirectUpload::pump);
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &DirectUpload::pump);
    }
    connect(m_socket, &QAbstractSocket::readyRead, this, [this] {
        Q_EMIT progress();
        readReply();
    });
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        readReply(); // what came before the end
        if (m_framing == Framing::UntilClose && m_headParsed &&
            error == QAbstractSocket::RemoteHostClosedError) {
            m_reply.complete = true;
            end();
            return;
        }
        fail(error, m_socket->errorString());
    });
    connect(m_socket, &QAbstractSocket::disconnected, this, [this] {
        readReply();
        if (m_framing == Framing::UntilClose && m_headParsed)
            m_reply.complete = true;
        if (m_reply.complete)
            end();
        else
            fail(QAbstractSocket::RemoteHostClosedError,
                 trc("relay", "the server closed the connection before its reply"));
    });
    connect(m_body, &QIODevice::readyRead, this, &DirectUpload::pump); // a throttled body has more
    pump();
    readReply(); // a reused connection may already hold bytes (it is then refused)
}

void DirectUpload::abort()
{
    fail(QAbstractSocket::SocketTimeoutError, trc("relay", "aborted"));
}

void DirectUpload::pump()
{
    if (m_ended || !connected())
        return;
    if (!m_headSent) {
        m_socket->write(m_head);
        m_headSent = true;
    }
    auto queued = [this] {
        auto* ssl = qobject_cast<QSslSocket*>(m_socket);
        return m_socket->bytesToWrite() + (ssl ? ssl->encryptedBytesToWrite() : 0);
    };
    QByteArray piece;
    while (m_left > 0 && queued() < kQueued) {
        piece.resize(std::min(m_left, kPiece));
        const qint64 n = m_body->read(piece.data(), piece.size());
        if (n < 0 || (n == 0 && !m_body->isSequential() && m_body->atEnd())) {
            // The body ended before its announced size: the server must not take what it got
            // for the object, so the connection goes down mid-body.
            m_bodyEnded = true;
            fail(QAbstractSocket::UnknownSocketError, trc("relay", "the data to send ended early"));
            return;
        }
        if (n == 0)
            return; // more on readyRead
        if (m_socket->write(piece.constData(), n) != n) {
            fail(m_socket->error(), m_socket->errorString());
            return;
        }
        m_left -= n;
    }
}

void DirectUpload::readReply()
{
    if (m_ended)
        return;
    m_in += m_socket->readAll();
    if (!m_headParsed && !parseHead())
        return;
    bool done = false;
    switch (m_framing) {
    case Framing::Length: {
        const qint64 n = std::min<qint64>(m_bodyLeft, m_in.size());
        keepBody(QByteArrayView(m_in).first(n));
        m_in.remove(0, n);
        m_bodyLeft -= n;
        done = m_bodyLeft == 0;
        break;
    }
    case Framing::Chunked:
        done = parseChunks();
        break;
    case Framing::UntilClose:
        keepBody(m_in);
        m_in.clear();
        break;
    }
    if (!done)
        return;
    m_reply.complete = true;
    // A reply that came before the whole body went out (an error, usually): the server stops
    // reading, so the connection is not fit for another request.
    if (m_left > 0)
        m_keepAlive = false;
    end();
}

void DirectUpload::keepBody(QByteArrayView bytes)
{
    if (m_reply.body.size() < kKeptBody)
        m_reply.body += bytes.first(std::min<qsizetype>(bytes.size(), kKeptBody - m_reply.body.size()));
}

bool DirectUpload::parseHead()
{
    for (;;) {
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_in.left(end).split('\n');
        m_in.remove(0, end + 4);
        const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
        bool ok = false;
        const int code = status.value(1).toInt(&ok);
        if (!status.value(0).startsWith("HTTP/1.") || !ok) {
            fail(QAbstractSocket::UnknownSocketError, trc("relay", "the server's reply is not HTTP"));
            return false;
        }
        if (code >= 100 && code < 200)
            continue; // 100 Continue and other interim replies
        m_reply.status = code;
        m_keepAlive = status.value(0) == "HTTP/1.1";
        m_framing = Framing::UntilClose;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            m_reply.headers.append({name, value});
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0 && m_framing != Framing::Chunked) {
                m_framing = Framing::Length;
                m_bodyLeft = value.toLongLong();
            } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0 &&
                       value.toLower().contains("chunked")) {
                m_framing = Framing::Chunked;
                m_bodyLeft = 0;
            } else if (name.compare("Connection", Qt::CaseInsensitive) == 0 &&
                       value.toLower().contains("close")) {
                m_keepAlive = false;
            }
        }
        if (code == 204 || code == 304) {
            m_framing = Framing::Length;
            m_bodyLeft = 0;
        }
        if (m_framing == Framing::UntilClose)
            m_keepAlive = false;
        m_headParsed = true;
        return true;
    }
}

bool DirectUpload::parseChunks()
{
    // m_bodyLeft: bytes of the current chunk still to come, its closing CRLF included.
    for (;;) {
        if (m_chunkTrailer) { // trailer lines, up to an empty one
            const qsizetype eol = m_in.indexOf("\r\n");
            if (eol < 0)
                return false;
            m_in.remove(0, eol + 2);
            if (eol == 0)
                return true;
            continue;
        }
        if (m_bodyLeft > 0) {
            const qint64 n = std::min<qint64>(m_bodyLeft, m_in.size());
            const qint64 data = std::min<qint64>(n, std::max<qint64>(m_bodyLeft - 2, 0));
            keepBody(QByteArrayView(m_in).first(data));
            m_in.remove(0, n);
            m_bodyLeft -= n;
            if (m_bodyLeft > 0)
                return false;
        }
        const qsizetype eol = m_in.indexOf("\r\n");
        if (eol < 0)
            return false;
        bool ok = false;
        const qint64 size = m_in.left(eol).split(';').value(0).trimmed().toLongLong(&ok, 16);
        m_in.remove(0, eol + 2);
        if (!ok || size < 0) {
            fail(QAbstractSocket::UnknownSocketError, trc("relay", "the server's reply is badly chunked"));
            return false;
        }
        if (size == 0)
            m_chunkTrailer = true;
        else
            m_bodyLeft = size + 2;
    }
}

void DirectUpload::fail(QAbstractSocket::SocketError error, const QString& message)
{
    if (m_ended)
        return;
    m_socketError = error;
    m_errorString = message;
    m_keepAlive = false;
    end(); // first: the abort's own signals are not heard
    m_socket->abort();
}

void DirectUpload::end()
{
    if (m_ended)
        return;
    m_ended = true;
    m_socket->disconnect(this);
    m_body->disconnect(this);
    QTimer::singleShot(0, this, &DirectUpload::finished);
}

QAbstractSocket* DirectUpload::takeSocket()
{
    if (!m_reply.complete || !m_keepAlive || m_left > 0 || !m_in.isEmpty() ||
        m_socket->state() != QAbstractSocket::ConnectedState)
        return nullptr;
    QAbstractSocket* socket = m_socket;
    socket->setParent(nullptr);
    m_socket = nullptr;
    return socket;
}

} // namespace escale::relay
