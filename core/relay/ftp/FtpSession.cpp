#include "relay/ftp/FtpSession.h"

#include "Tr.h"
#include "log/Logging.h"

#include <QRegularExpression>

namespace escale::relay::ftp {

namespace {

constexpr qsizetype kMaxReply = 64 * 1024;      // a server saying more in one reply is broken
constexpr qint64 kPiece = 256 * 1024;           // bytes moved at once between a device and a socket
constexpr qint64 kInFlight = 1024 * 1024;       // upload bytes queued in a data socket at most
constexpr qint64 kReadBuffer = 4 * 1024 * 1024; // download bytes a data socket holds at most

QByteArray withoutSecrets(const QByteArray& line)
{
    return line.startsWith("PASS ") ? QByteArray("PASS ****") : line;
}

} // namespace

QString Reply::brief() const
{
    QString t = text.section(QLatin1Char('\n'), -1).trimmed();
    if (t.size() > 200)
        t = t.left(200) + QStringLiteral("...");
    return t;
}

struct Session::Transfer
{
    QByteArray line;
    QIODevice* source = nullptr;
    qint64 size = 0;
    QIODevice* sink = nullptr;
    qint64 restartAt = 0;
    qint64 limit = -1; // bytes wanted from a download; -1: all
    bool cut = false;  // the download was closed once its part came
    std::function<void(const RelayError&, const Reply&, qint64)> done;
    std::function<void(qint64)> sent; // upload progress

    QPointer<QSslSocket> data;
    bool dataReady = false;    // connected, and secured when data is protected
    bool opened = false;       // the server said 1xx: the data may flow
    bool remoteClosed = false; // the server closed the data connection
    bool dataDone = false;     // everything went through the data connection
    bool replied = false;      // the final reply came
    bool waiting = false;      // a throttle timer is armed
    bool finished = false;
    Reply reply;
    RelayError error;
    qint64 bytes = 0; // through the data connection
};

Session::Session(const SessionSettings& settings, Throttle* up, Throttle* down, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_up(up)
    , m_down(down)
{
    m_stall.setSingleShot(true);
    m_stall.setInterval(int(std::min<qint64>(m_settings.timeoutMs, 24 * 3600 * 1000)));
    connect(&m_stall, &QTimer::timeout, this, [this] {
        fail({RelayError::Kind::Timeout,
              trc("relay", "%1 sent nothing for %2 s: the server is too slow or the connection stalled "
                           "('timeout' to wait longer)")
                  .arg(m_settings.host, QString::number(m_settings.timeoutMs / 1000))});
    });
}

Session::~Session()
{
    if (m_control)
        m_control->abort();
}

QSslSocket* Session::newSocket()
{
    auto* s = new QSslSocket(this);
    guardTls(s);
    return s;
}

void Session::guardTls(QSslSocket* socket)
{
    connect(socket, &QSslSocket::sslErrors, this, [this, socket](const QList<QSslError>& errors) {
        const QString why = m_settings.trust.untrusted(m_settings.host, socket->peerCertificate(), errors);
        if (why.isEmpty())
            socket->ignoreSslErrors(errors); // the certificate the user chose to trust
        else
            m_tlsProblem = why;
    });
}

void Session::touch()
{
    if (m_pending || m_transfer)
        m_stall.start();
    else
        m_stall.stop();
}

void Session::open(std::function<void(const RelayError&)> done)
{
    m_state = State::Opening;
    QSslSocket* control = newSocket();
    m_control = control;
    QSslConfiguration tls = m_settings.trust.tls;
    // Data connections resume this session: strict servers refuse them otherwise.
    tls.setSslOption(QSsl::SslOptionDisableSessionPersistence, false);
    control->setSslConfiguration(tls);
    // Commands and replies are small and answered one by one: no Nagle delay.
    connect(control, &QSslSocket::connected, control,
            [control] { control->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
    connect(control, &QSslSocket::readyRead, this, &Session::onControlReadable);
    connect(control, &QSslSocket::errorOccurred, this,
            [this, control](QAbstractSocket::SocketError e) { connectionError(e, control->errorString()); });
    connect(control, &QSslSocket::disconnected, this, [this] {
        connectionError(QAbstractSocket::RemoteHostClosedError, trc("relay", "connection closed"));
    });

    m_pending = [this, done](const RelayError& error, const Reply& greeting) {
        if (!error.ok()) {
            done(error);
            return true;
        }
        if (greeting.code == 120) // "ready in a moment"
            return false;
        if (greeting.code == 421) {
            const RelayError busy{
                RelayError::Kind::Busy,
                trc("relay", "%1 takes no more connections now (%2)").arg(m_settings.host, greeting.brief())};
            fail(busy);
            done(busy);
            return true;
        }
        if (greeting.code != 220) {
            done({RelayError::Kind::Other,
                  trc("relay", "%1 does not greet as an FTP server does (%2 %3)")
                      .arg(m_settings.host, QString::number(greeting.code), greeting.brief())});
            return true;
        }
        if (m_settings.tls != SessionSettings::Tls::Explicit) {
            login(done);
            return true;
        }
        step("AUTH TLS", done, [this, done](const Reply& auth) {
            if (auth.code != 234)
                return done({RelayError::Kind::Tls,
                             trc("relay", "%1 does not offer TLS (AUTH TLS: %2 %3): use ftps:// only with a "
                                          "server that does, or ftp:// on a trusted network")
                                 .arg(m_settings.host, QString::number(auth.code), auth.brief())});
            // Nothing is said until the handshake is over; a failed one ends the connection.
            m_pending = [done](const RelayError& failure, const Reply&) {
                done(failure.ok() ? RelayError{RelayError::Kind::Other, trc("relay", "unexpected reply")}
                                  : failure);
                return true;
            };
            auto once = std::make_shared<QMetaObject::Connection>();
            *once = connect(m_control, &QSslSocket::encrypted, this, [this, done, once] {
                disconnect(*once);
                m_pending = nullptr;
                login(done);
            });
            m_control->startClientEncryption();
            touch();
        });
        return true;
    };
    touch();
    if (m_settings.tls == SessionSettings::Tls::Implicit)
        control->connectToHostEncrypted(m_settings.host, quint16(m_settings.port));
    else
        control->connectToHost(m_settings.host, quint16(m_settings.port));
}

RelayError Session::loginRefused(const Reply& reply) const
{
    // "Sorry, the maximum number of clients (2) for this user are already connected": not a
    // wrong password.
    static const QRegularExpression limit(QStringLiteral("too many|maximum|limit"),
                                          QRegularExpression::CaseInsensitiveOption);
    if (limit.match(reply.text).hasMatch())
        return {RelayError::Kind::Busy,
                trc("relay", "%1 takes no more connections for '%2' now (%3 %4)")
                    .arg(m_settings.host, m_settings.user, QString::number(reply.code), reply.brief())};
    return {RelayError::Kind::Auth,
            trc("relay", "%1 refuses the login of '%2' (%3 %4): check 'user' and 'password'")
                .arg(m_settings.host, m_settings.user, QString::number(reply.code), reply.brief())};
}

void Session::step(const QByteArray& line, const std::function<void(const RelayError&)>& done,
                   std::function<void(const Reply&)> next)
{
    command(line, [done, next](const RelayError& error, const Reply& reply) {
        if (!error.ok())
            return done(error);
        next(reply);
    });
}

void Session::login(std::function<void(const RelayError&)> done)
{
    step("USER " + m_settings.user.toUtf8(), done, [this, done](const Reply& user) {
        if (user.code == 230)
            return afterLogin(done);
        if (user.code != 331)
            return done(loginRefused(user));
        step("PASS " + m_settings.password, done, [this, done](const Reply& pass) {
            if (pass.code != 230 && pass.code != 202)
                return done(loginRefused(pass));
            afterLogin(done);
        });
    });
}

void Session::afterLogin(std::function<void(const RelayError&)> done)
{
    auto ready = [this, done] {
        step("TYPE I", done, [this, done](const Reply& type) {
            if (type.code != 200)
                return done({RelayError::Kind::Other,
                             trc("relay", "%1 refuses binary transfers (TYPE I: %2 %3)")
                                 .arg(m_settings.host, QString::number(type.code), type.brief())});
            step("PWD", done, [this, done](const Reply& pwd) {
                const qsizetype first = pwd.text.indexOf(QLatin1Char('"'));
                const qsizetype last = pwd.text.lastIndexOf(QLatin1Char('"'));
                if (pwd.code == 257 && first >= 0 && last > first)
                    m_loginFolder = pwd.text.mid(first + 1, last - first - 1)
                                        .replace(QStringLiteral("\"\""), QStringLiteral("\""));
                m_state = State::Ready;
                touch();
                done({});
            });
        });
    };
    auto features = [this, done, ready] {
        step("FEAT", done, [this, ready](const Reply& feat) {
            if (feat.code == 211) {
                const QStringList lines = feat.text.split(QLatin1Char('\n'));
                for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
                    const QString word = lines[i].trimmed().section(QLatin1Char(' '), 0, 0).toUpper();
                    if (!word.isEmpty())
                        m_features << word.toLatin1();
                }
            }
            if (!hasFeature("UTF8"))
                return ready();
            // Names are UTF-8 (RFC 2640); servers that need asking are asked.
            command("OPTS UTF8 ON", [ready](const RelayError&, const Reply&) { ready(); });
        });
    };
    if (m_settings.tls == SessionSettings::Tls::None)
        return features();
    step("PBSZ 0", done, [this, done, features](const Reply&) {
        step("PROT P", done, [this, done, features](const Reply& prot) {
            if (prot.code != 200)
                return done({RelayError::Kind::Tls,
                             trc("relay", "%1 refuses to encrypt data connections (PROT P: %2 %3)")
                                 .arg(m_settings.host, QString::number(prot.code), prot.brief())});
            m_protected = true;
            features();
        });
    });
}

void Session::sendLine(const QByteArray& line)
{
    qCDebug(lcRelay).noquote() << m_settings.host << "<<" << QString::fromUtf8(withoutSecrets(line));
    m_control->write(line + "\r\n");
}

void Session::command(const QByteArray& line, Done done)
{
    if (!m_control || m_state == State::Broken || m_state == State::Closed) {
        QMetaObject::invokeMethod(
            this,
            [this, done] {
                done({RelayError::Kind::Network,
                      trc("relay", "the connection to %1 is closed").arg(m_settings.host)},
                     {});
            },
            Qt::QueuedConnection);
        return;
    }
    m_pending = [done](const RelayError& error, const Reply& reply) {
        if (error.ok() && reply.code < 200)
            return false; // preliminary: the final reply follows
        done(error, reply);
        return true;
    };
    sendLine(line);
    touch();
}

void Session::onControlReadable()
{
    m_input += m_control->readAll();
    qsizetype end;
    while ((end = m_input.indexOf('\n')) >= 0) {
        QByteArray line = m_input.left(end);
        m_input.remove(0, end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        const bool numbered = line.size() >= 3 && std::isdigit(uchar(line[0])) &&
                              std::isdigit(uchar(line[1])) && std::isdigit(uchar(line[2]));
        const int code = numbered ? line.left(3).toInt() : 0;
        if (m_replyCode == 0) {
            if (!numbered)
                continue; // chatter outside any reply
            if (line.size() > 3 && line[3] == '-') {
                m_replyCode = code;
                m_replyLines = line;
                continue;
            }
        } else {
            m_replyLines += '\n' + line;
            if (m_replyLines.size() > kMaxReply)
                return fail({RelayError::Kind::Other,
                             trc("relay", "%1 sent a reply longer than %2 bytes: not an FTP server")
                                 .arg(m_settings.host)
                                 .arg(kMaxReply)});
            if (code != m_replyCode || line.size() < 4 || line[3] != ' ')
                continue;
            line = m_replyLines;
        }
        m_replyCode = 0;
        m_replyLines.clear();
        Reply reply;
        reply.code = code;
        reply.text = QString::fromUtf8(line.mid(4)); // multi-line: every line, the first without its code
        onReply(reply);
        if (!m_control)
            return;
    }
    if (m_input.size() > kMaxReply)
        fail({RelayError::Kind::Other, trc("relay", "%1 sent a line longer than %2 bytes: not an FTP server")
                                           .arg(m_settings.host)
                                           .arg(kMaxReply)});
}

void Session::onReply(const Reply& reply)
{
    qCDebug(lcRelay).noquote() << m_settings.host << ">>" << reply.code << reply.brief();
    if (!m_pending) {
        if (reply.code == 421) { // the server closes an idle connection
            m_state = State::Broken;
            m_control->abort();
            Q_EMIT lost();
        }
        return;
    }
    auto handler = std::move(m_pending);
    m_pending = nullptr;
    if (!handler({}, reply) && !m_pending)
        m_pending = std::move(handler);
    touch();
}

void Session::connectionError(QAbstractSocket::SocketError failure, const QString& detail)
{
    if (m_state == State::Broken || m_state == State::Closed)
        return;
    if (!m_pending && !m_transfer && m_state == State::Ready) {
        m_state = State::Broken; // dropped while idle
        Q_EMIT lost();
        return;
    }
    if (!m_tlsProblem.isEmpty())
        return fail({RelayError::Kind::Tls, m_tlsProblem});
    if (failure == QAbstractSocket::RemoteHostClosedError)
        return fail({RelayError::Kind::Network,
                     (m_state == State::Opening ? trc("relay", "%1 closed the connection before the login")
                                                : trc("relay", "%1 closed the connection"))
                         .arg(m_settings.host)});
    fail(socketFailure(failure, detail, m_settings.host, m_settings.port,
                       trc("relay", "the connection to %1").arg(m_settings.host)));
}

void Session::fail(const RelayError& error)
{
    if (m_state == State::Broken && !m_pending && !m_transfer)
        return;
    m_state = State::Broken;
    m_stall.stop();
    if (m_control) {
        m_control->disconnect(this);
        m_control->abort();
        m_control->deleteLater();
    }
    if (auto t = m_transfer) {
        t->error = error;
        m_pending = nullptr;
        settle(t);
    } else if (auto handler = std::move(m_pending)) {
        m_pending = nullptr;
        handler(error, {});
    }
}

void Session::close()
{
    if (usable() && !busy()) {
        sendLine("QUIT");
        m_control->disconnectFromHost();
    }
    m_state = State::Closed;
    m_stall.stop();
}

// --- Data connections ---------------------------------------------------------------------

void Session::transfer(const QByteArray& line, QIODevice* source, qint64 size, QIODevice* sink,
                       qint64 restartAt, std::function<void(const RelayError&, const Reply&, qint64)> done,
                       qint64 limit, std::function<void(qint64)> sent)
{
    auto t = std::make_shared<Transfer>();
    t->sent = std::move(sent);
    t->limit = source ? -1 : limit;
    t->line = line;
    t->source = source;
    t->size = source ? size : 0;
    t->sink = sink;
    t->restartAt = restartAt;
    t->done = std::move(done);
    if (!usable()) {
        command(line, [t](const RelayError& error, const Reply& reply) { t->done(error, reply, 0); });
        return;
    }
    m_transfer = t;
    passive(t);
}

void Session::passive(std::shared_ptr<Transfer> t)
{
    command(m_noEpsv ? "PASV" : "EPSV", [this, t](const RelayError& error, const Reply& reply) {
        if (!error.ok() || t->finished)
            return;
        if (!m_noEpsv && reply.code >= 500 && reply.code <= 504) {
            m_noEpsv = true; // an old server: PASV
            return passive(t);
        }
        quint16 port = 0;
        if (reply.code == 229) { // "Entering Extended Passive Mode (|||port|)"
            static const QRegularExpression epsv(QStringLiteral("\\(([!-~])\\1\\1(\\d{1,5})\\1\\)"));
            const auto m = epsv.match(reply.text);
            port = m.hasMatch() ? quint16(m.captured(2).toUInt()) : 0;
        } else if (reply.code == 227) { // "Entering Passive Mode (h1,h2,h3,h4,p1,p2)"
            static const QRegularExpression pasv(QStringLiteral("(\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)"));
            const auto m = pasv.match(reply.text);
            // The address given is ignored: data goes to the server of the control connection
            // (a server behind NAT gives a private one; a hostile one could name another host).
            if (m.hasMatch() && m.captured(5).toUInt() < 256 && m.captured(6).toUInt() < 256)
                port = quint16(m.captured(5).toUInt() * 256 + m.captured(6).toUInt());
        } else {
            t->reply = reply;
            t->replied = true;
            return settle(t);
        }
        if (port == 0) {
            t->error = {RelayError::Kind::Other,
                        trc("relay", "%1 gave no usable data port (%2 %3)")
                            .arg(m_settings.host, QString::number(reply.code), reply.brief())};
            return settle(t);
        }
        startData(t, port);
    });
}

void Session::startData(std::shared_ptr<Transfer> t, quint16 port)
{
    QSslSocket* data = newSocket();
    t->data = data;
    data->setReadBufferSize(kReadBuffer);
    auto ready = [this, t] {
        t->dataReady = true;
        pump(t);
    };
    if (m_protected)
        connect(data, &QSslSocket::encrypted, this, ready);
    else
        connect(data, &QSslSocket::connected, this, ready);
    connect(data, &QSslSocket::readyRead, this, [this, t] { drain(t); });
    connect(data, &QSslSocket::bytesWritten, this, [this, t] { pump(t); });
    connect(data, &QSslSocket::encryptedBytesWritten, this, [this, t] { pump(t); });
    auto closed = [this, t] {
        t->remoteClosed = true;
        if (!t->source)
            return drain(t);
        settle(t); // an upload cut short: the server's reply says why
    };
    connect(data, &QSslSocket::disconnected, this, closed);
    connect(data, &QSslSocket::errorOccurred, this, [this, t, data, closed](QAbstractSocket::SocketError e) {
        if (e == QAbstractSocket::RemoteHostClosedError)
            return closed();
        if (t->error.ok())
            t->error = !m_tlsProblem.isEmpty()
                           ? RelayError{RelayError::Kind::Tls, m_tlsProblem}
                           : socketFailure(e, data->errorString(), m_settings.host, data->peerPort(),
                                           trc("relay", "the data connection to %1").arg(m_settings.host));
        settle(t);
    });
    const QString address = m_control->peerAddress().toString();
    if (m_protected) {
        // The control connection's session (its ticket) is resumed on the data connection.
        data->setSslConfiguration(m_control->sslConfiguration());
        data->connectToHostEncrypted(address, port, m_settings.host);
    } else {
        data->connectToHost(address, port);
    }
    auto send = [this, t] {
        sendLine(t->line);
        m_pending = [this, t](const RelayError& error, const Reply& reply) {
            if (!error.ok())
                return true; // fail() settles the transfer
            if (reply.code < 200) {
                t->opened = true;
                pump(t);
                return false;
            }
            t->replied = true;
            t->reply = reply;
            settle(t);
            return true;
        };
        touch();
    };
    if (t->restartAt <= 0)
        return send();
    command("REST " + QByteArray::number(t->restartAt),
            [this, t, send](const RelayError& error, const Reply& reply) {
                if (!error.ok() || t->finished)
                    return;
                if (reply.code != 350) {
                    t->reply = reply;
                    t->replied = true;
                    return settle(t);
                }
                send();
            });
}

void Session::pump(std::shared_ptr<Transfer> t)
{
    QSslSocket* data = t->data;
    if (!t->source || !data || !t->dataReady || !t->opened || t->finished || t->waiting || t->dataDone)
        return;
    while (t->bytes < t->size && data->bytesToWrite() + data->encryptedBytesToWrite() < kInFlight) {
        const qint64 allowed = m_up->take(std::min(kPiece, t->size - t->bytes));
        if (allowed == 0) {
            t->waiting = true;
            QTimer::singleShot(m_up->waitMs(), this, [this, t] {
                t->waiting = false;
                pump(t);
            });
            return;
        }
        const QByteArray piece = t->source->read(allowed);
        if (piece.size() < allowed)
            m_up->take(-(allowed - piece.size()));
        if (piece.isEmpty()) {
            if (!t->source->atEnd() && t->source->isSequential() && t->source->isOpen()) {
                // Nothing yet from a sequential source: go on when it has more.
                connect(
                    t->source, &QIODevice::readyRead, this, [this, t] { pump(t); }, Qt::SingleShotConnection);
                return;
            }
            t->error = {
                RelayError::Kind::Other,
                trc("relay", "the data to send ended after %1 of %2 bytes").arg(t->bytes).arg(t->size)};
            data->abort(); // the server keeps a short file, which the caller removes
            return settle(t);
        }
        data->write(piece);
        t->bytes += piece.size();
        touch();
    }
    if (t->sent) // what left: handed over, less what still waits in the socket's buffers
        t->sent(std::max<qint64>(0, t->bytes - data->bytesToWrite() - data->encryptedBytesToWrite()));
    if (t->bytes == t->size) {
        t->dataDone = true; // the server's final reply tells whether it got all of it
        data->disconnectFromHost();
        settle(t);
    }
}

void Session::drain(std::shared_ptr<Transfer> t)
{
    QSslSocket* data = t->data;
    if (!data || t->finished || t->waiting || t->source)
        return;
    while (data->bytesAvailable() > 0 && !t->cut) {
        qint64 want = std::min(kPiece, data->bytesAvailable());
        if (t->limit >= 0)
            want = std::min(want, t->limit - t->bytes);
        const qint64 allowed = want > 0 ? m_down->take(want) : 0;
        if (want <= 0) {
            // The part asked for is in: the rest is not read. Closing the data connection ends
            // the transfer; the server says so on the control connection.
            t->cut = true;
            break;
        }
        if (allowed == 0) {
            t->waiting = true;
            QTimer::singleShot(m_down->waitMs(), this, [this, t] {
                t->waiting = false;
                drain(t);
            });
            return;
        }
        const QByteArray piece = data->read(allowed);
        if (t->sink && t->sink->write(piece) != piece.size()) {
            t->error = {
                RelayError::Kind::Other,
                trc("relay", "cannot store what %1 sent: %2").arg(m_settings.host, t->sink->errorString())};
            data->abort();
            return settle(t);
        }
        t->bytes += piece.size();
        touch();
        if (t->limit >= 0 && t->bytes >= t->limit)
            t->cut = true;
    }
    if (t->cut) {
        // Closed as TLS wants it (close_notify): a server that sees a data connection broken off
        // may drop the control connection too (ProFTPD does).
        t->dataDone = true;
        data->disconnect(this);
        data->disconnectFromHost();
        return settle(t);
    }
    if (t->remoteClosed || data->state() == QAbstractSocket::UnconnectedState) {
        t->dataDone = true;
        settle(t);
    }
}

void Session::settle(std::shared_ptr<Transfer> t)
{
    if (t->finished)
        return;
    // A download cut once its part came: whatever the server answers (426 aborted, 226 done, 451),
    // the part is in.
    const bool refused = t->replied && !t->reply.positive() && !t->cut;
    if (t->error.ok() && !refused) {
        if (!t->replied || !(t->dataDone || (t->source && t->remoteClosed)))
            return; // still going
        if (t->source && t->bytes != t->size)
            t->error = {
                RelayError::Kind::Network,
                trc("relay", "%1 took %2 of %3 bytes").arg(m_settings.host).arg(t->bytes).arg(t->size)};
    }
    t->finished = true;
    if (t->data) {
        t->data->disconnect(this);
        if (!t->dataDone || !t->error.ok())
            t->data->abort();
        if (t->cut && t->data->state() != QAbstractSocket::UnconnectedState)
            connect(t->data, &QAbstractSocket::disconnected, t->data, &QObject::deleteLater); // closing
        else
            t->data->deleteLater();
    }
    if (m_transfer == t)
        m_transfer.reset();
    if (!t->error.ok() && !t->replied && m_state == State::Ready) {
        // The server's answer to this transfer is still to come: this connection is out of step.
        m_state = State::Broken;
        m_pending = nullptr;
        m_stall.stop();
        if (m_control) {
            m_control->disconnect(this);
            m_control->abort();
            m_control->deleteLater();
        }
    }
    touch();
    auto done = std::move(t->done);
    QMetaObject::invokeMethod(
        this, [done, error = t->error, reply = t->reply, bytes = t->bytes] { done(error, reply, bytes); },
        Qt::QueuedConnection);
}

} // namespace escale::relay::ftp
