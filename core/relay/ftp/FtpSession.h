#pragma once

#include "relay/RelayTypes.h"
#include "relay/RemoteAccess.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslSocket>
#include <QTimer>
#include <functional>
#include <memory>

namespace escale::relay::ftp {

// A server's reply: its code and its text (the lines of a multi-line reply joined by '\n').
struct Reply
{
    int code = 0;
    QString text;
    bool positive() const { return code >= 200 && code < 400; }
    // The text on one line, shortened, for messages.
    QString brief() const;
};

struct SessionSettings
{
    enum class Tls
    {
        None,     // plain FTP
        Explicit, // AUTH TLS on the plain connection (RFC 4217)
        Implicit, // TLS from the first byte
    };
    QString host;
    int port = 21;
    QString user = QStringLiteral("anonymous");
    QByteArray password;
    Tls tls = Tls::Explicit;
    TlsTrust trust;
    qint64 timeoutMs = 60'000;
};

// One control connection to an FTP server, logged in, in binary mode, and its passive data
// connections (EPSV, else PASV; each secured with the control connection's TLS session, which
// strict servers require). One command at a time. Lives in the thread that uses it; every
// callback is called once, from the event loop.
class Session : public QObject
{
    Q_OBJECT

public:
    Session(const SessionSettings& settings, Throttle* up, Throttle* down, QObject* parent = nullptr);
    ~Session() override;

    using Done = std::function<void(const RelayError& error, const Reply& reply)>;

    // Connects, secures and logs in. A refused login is an Auth error; the server's reply is
    // passed along for the caller's message.
    void open(std::function<void(const RelayError&)> done);
    // One command and its final reply. `error` is set only when no reply came (the connection
    // failed or stalled); a negative reply is the caller's to judge.
    void command(const QByteArray& line, Done done);
    // `line`, then `next` with its reply; a failed connection goes to `done` instead.
    void step(const QByteArray& line, const std::function<void(const RelayError&)>& done,
              std::function<void(const Reply&)> next);
    // A command with a data connection: `line` is RETR, LIST, MLSD (the reply's data into
    // `sink`) or STOR (`size` bytes from `source` sent). `restartAt` > 0 sends REST first.
    // `bytes` counts what went through the data connection.
    // `limit` >= 0 on a RETR: only that many bytes are wanted; the data connection is closed once
    // they came, and the server's answer to the cut transfer (426 or 226) is taken as the end.
    // `sent`, on a STOR, is told now and then how many bytes left this machine (upload progress).
    void transfer(const QByteArray& line, QIODevice* source, qint64 size, QIODevice* sink, qint64 restartAt,
                  std::function<void(const RelayError& error, const Reply& reply, qint64 bytes)> done,
                  qint64 limit = -1, std::function<void(qint64)> sent = {});

    // Logged in and nothing has gone wrong with the connection: it can take a command.
    bool usable() const { return m_state == State::Ready && m_control; }
    bool busy() const { return bool(m_pending) || m_transfer != nullptr; }
    void close(); // QUIT, then the connection goes

    // What the server said it offers in FEAT.
    bool hasFeature(const QByteArray& name) const { return m_features.contains(name); }
    bool listsWithMlsd() const { return hasFeature("MLST"); } // RFC 3659: MLST implies MLSD
    QString loginFolder() const { return m_loginFolder; }     // from PWD
    const QString& host() const { return m_settings.host; }

Q_SIGNALS:
    // The connection ended while idle (the server closed it, or said 421).
    void lost();

private:
    enum class State
    {
        Closed,
        Opening,
        Ready,
        Broken,
    };
    struct Transfer;

    void onControlReadable();
    void onReply(const Reply& reply);
    void fail(const RelayError& error); // the connection is unusable: the pending command fails
    void connectionError(QAbstractSocket::SocketError failure, const QString& detail);
    void sendLine(const QByteArray& line);
    void login(std::function<void(const RelayError&)> done);
    void afterLogin(std::function<void(const RelayError&)> done);
    RelayError loginRefused(const Reply& reply) const;
    QSslSocket* newSocket();
    void guardTls(QSslSocket* socket);
    void touch(); // activity: the stall timer starts again

    // Data connections.
    void passive(std::shared_ptr<Transfer> t);
    void startData(std::shared_ptr<Transfer> t, quint16 port);
    void pump(std::shared_ptr<Transfer> t);  // sends the upload's next bytes
    void drain(std::shared_ptr<Transfer> t); // reads what arrived
    void settle(std::shared_ptr<Transfer> t);

    SessionSettings m_settings;
    Throttle* m_up;
    Throttle* m_down;
    QPointer<QSslSocket> m_control;
    State m_state = State::Closed;
    QByteArray m_input;      // control bytes not yet a whole reply
    QByteArray m_replyLines; // lines of a multi-line reply so far
    int m_replyCode = 0;
    // The waiting command: called with its reply, or with the error that ended the connection;
    // returns true when it is done (false for a preliminary reply).
    std::function<bool(const RelayError&, const Reply&)> m_pending;
    std::shared_ptr<Transfer> m_transfer;
    QString m_tlsProblem;
    QTimer m_stall;
    QList<QByteArray> m_features;
    QString m_loginFolder;
    bool m_noEpsv = false;
    bool m_protected = false; // PROT P: data connections use TLS
};

} // namespace escale::relay::ftp
