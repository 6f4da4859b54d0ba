#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QObject>
#include <QPair>

namespace escale::relay {

// One HTTP/1.1 request with a large body, written by the calling thread straight to a socket.
// QNetworkAccessManager hands an upload body to its own HTTP thread 16 KiB at a time, one round
// trip between the two threads each (about 65 MB/s per upload on this kind of machine, however
// fast the server): HttpTransport sends large bodies through this instead, when no
// authentication challenge can come (no credentials, Basic sent ahead, or signed requests).
class DirectUpload : public QObject
{
    Q_OBJECT

public:
    struct Reply
    {
        int status = 0; // 0 until the status line came
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;       // error bodies are small; at most 1 MiB is kept
        bool complete = false; // the whole reply was read
    };

    // `socket` has been asked to connect (and to encrypt, for a QSslSocket); it is owned from now
    // on. `head` is the request line and headers, CRLF-terminated, blank line included.
    DirectUpload(QAbstractSocket* socket, QByteArray head, QIODevice* body, qint64 bodySize,
                 QObject* parent = nullptr);
    ~DirectUpload() override;

    void start();
    void abort(); // closes the connection; finished() follows

    const Reply& reply() const { return m_reply; }
    // Why the exchange failed before the reply was complete (UnknownSocketError and an empty
    // string when it did not).
    QAbstractSocket::SocketError socketError() const { return m_socketError; }
    QString errorString() const { return m_errorString; }
    bool bodyEnded() const { return m_bodyEnded; } // the body ran dry before its size
    // Bytes of the body the socket has written out (not those still queued in it).
    qint64 bodySent() const;
    // The connection, when the reply left it fit for another request; null otherwise.
    QAbstractSocket* takeSocket();

Q_SIGNALS:
    void progress(); // bytes went out or came in
    void finished(); // once

private:
    bool connected() const;
    void pump();
    void readReply();
    void keepBody(QByteArrayView bytes); // the reply body, up to its first MiB
    bool parseHead();
    bool parseChunks();
    void fail(QAbstractSocket::SocketError error, const QString& message);
    void end();

    QAbstractSocket* m_socket;
    QByteArray m_head;
    QIODevice* m_body;
    qint64 m_left;
    qint64 m_bodySize;
    bool m_headSent = false;
    bool m_ended = false;
    bool m_bodyEnded = false;
    QByteArray m_in; // reply bytes not parsed yet
    bool m_headParsed = false;
    enum class Framing
    {
        Length,
        Chunked,
        UntilClose,
    } m_framing = Framing::Length;
    qint64 m_bodyLeft = 0;       // Length: bytes still to come; Chunked: of the current chunk
    bool m_keepAlive = true;     // the server did not say 'Connection: close'
    bool m_chunkTrailer = false; // Chunked: the last chunk came, the trailer is being read
    Reply m_reply;
    QAbstractSocket::SocketError m_socketError = QAbstractSocket::UnknownSocketError;
    QString m_errorString;
};

} // namespace escale::relay
