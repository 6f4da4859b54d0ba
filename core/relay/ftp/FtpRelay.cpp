#include "relay/ftp/FtpRelay.h"

#include "Tr.h"
#include "log/Logging.h"
#include "relay/ftp/FtpListing.h"

#include <QBuffer>
#include <QDateTime>
#include <QRandomGenerator>

namespace escale::relay {

namespace {

constexpr qint64 kIdleCloseMs = 60'000; // an unused connection is closed after this long

bool validFtpPath(const QString& path, bool allowRoot)
{
    // Command lines end at CR or LF: a name holding one could smuggle a second command.
    return isValidRelayPath(path, allowRoot) && !path.contains(QLatin1Char('\r')) &&
           !path.contains(QLatin1Char('\n'));
}

QByteArray parentOf(const QByteArray& folder)
{
    const qsizetype slash = folder.lastIndexOf('/');
    return slash <= 0 ? QByteArray("/") : folder.left(slash);
}

bool mentions(const QString& text, std::initializer_list<const char*> words)
{
    for (const char* w : words)
        if (text.contains(QLatin1String(w), Qt::CaseInsensitive))
            return true;
    return false;
}

bool mentionsRefusal(const QString& text)
{
    return mentions(text, {"permission", "denied", "not allowed", "forbidden", "access"});
}

// Servers differ in the code of a missing file (550 mostly, 450 for ProFTPD's LIST), not in
// the words.
bool mentionsMissing(const QString& text)
{
    return mentions(text, {"no such file", "not found", "does not exist", "doesn't exist", "can't find",
                           "cannot find", "no such directory"});
}

} // namespace

std::optional<FtpRelay::Settings> FtpRelay::settingsFromConfig(const config::RepositoryConfig& config,
                                                               QString& error)
{
    using Scheme = config::RelayAddress::Scheme;
    using Tls = ftp::SessionSettings::Tls;
    const config::RelayAddress& a = config.relay;
    Settings s;
    s.session.host = a.host;
    const bool implicit = a.scheme == Scheme::Ftps && config.implicitTls.value_or(a.port == 990);
    s.session.tls = a.scheme == Scheme::Ftp ? Tls::None : implicit ? Tls::Implicit : Tls::Explicit;
    s.session.port = a.port > 0 ? a.port : implicit ? 990 : 21;
    const QString user = config.user.isEmpty() ? a.user : config.user;
    const auto password = relayPassword(config, user, error);
    if (!password)
        return std::nullopt;
    s.session.user = user.isEmpty() ? QStringLiteral("anonymous") : user;
    s.session.password = user.isEmpty() && password->isEmpty() ? QByteArray("escale@") : *password;
    if (s.session.user.contains(QLatin1Char('\r')) || s.session.user.contains(QLatin1Char('\n')) ||
        s.session.password.contains('\r') || s.session.password.contains('\n')) {
        error = trc("relay", "the FTP user name and password cannot hold line breaks");
        return std::nullopt;
    }
    auto trust = TlsTrust::fromConfig(config, error);
    if (!trust)
        return std::nullopt;
    s.session.trust = *trust;
    s.session.timeoutMs = config.timeoutMs;
    s.root = a.path.isEmpty() ? QStringLiteral("/") : a.path;
    while (s.root.size() > 1 && s.root.endsWith(QLatin1Char('/')))
        s.root.chop(1);
    if (s.root.contains(QLatin1Char('\r')) || s.root.contains(QLatin1Char('\n'))) {
        error = trc("relay", "the relay path cannot hold line breaks");
        return std::nullopt;
    }
    s.limits = TransferLimits::fromConfig(config);
    return s;
}

FtpRelay::FtpRelay(const Settings& settings, QObject* parent)
    : RelayBackend(parent)
    , m_settings(settings)
    , m_up(settings.limits.bandwidthUp)
    , m_down(settings.limits.bandwidthDown)
    , m_maxSessions(settings.limits.connections)
{
    if (m_settings.session.tls != ftp::SessionSettings::Tls::None && !m_settings.session.trust.verify)
        qCWarning(lcRelay).noquote() << TlsTrust::uncheckedWarning(m_settings.session.host);
    m_reaper.setInterval(15'000);
    connect(&m_reaper, &QTimer::timeout, this, [this] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (ftp::Session* s : QList<ftp::Session*>(m_idle))
            if (now - m_idleSince.value(s, now) > kIdleCloseMs) {
                s->close();
                drop(s);
            }
        if (m_sessions.isEmpty())
            m_reaper.stop();
    });
}

FtpRelay::~FtpRelay()
{
    for (ftp::Session* s : m_idle)
        s->close();
}

QString FtpRelay::describe() const
{
    const auto& s = m_settings.session;
    const bool standardPort = s.port == (s.tls == ftp::SessionSettings::Tls::Implicit ? 990 : 21);
    return QStringLiteral("%1://%2@%3%4%5")
        .arg(s.tls == ftp::SessionSettings::Tls::None ? QStringLiteral("ftp") : QStringLiteral("ftps"),
             s.user, s.host, standardPort ? QString() : QStringLiteral(":%1").arg(s.port), m_settings.root);
}

QByteArray FtpRelay::remote(const QString& relayPath) const
{
    if (relayPath.isEmpty())
        return m_settings.root.toUtf8();
    return (m_settings.root == QLatin1String("/") ? m_settings.root : m_settings.root + QLatin1Char('/'))
               .toUtf8() +
           relayPath.toUtf8();
}

RelayError FtpRelay::replyError(const ftp::Reply& reply, const QString& what) const
{
    using Kind = RelayError::Kind;
    const QString said = QStringLiteral("%1 %2").arg(reply.code).arg(reply.brief());
    const QString& host = m_settings.session.host;
    if ((reply.code == 450 || reply.code == 550) && mentionsMissing(reply.text))
        return {Kind::NotFound, trc("relay", "%1: not found (%2)").arg(what, said)};
    switch (reply.code) {
    case 421:
        return {Kind::Network, trc("relay", "%1: %2 closed the connection (%3)").arg(what, host, said)};
    case 425:
    case 426:
        return {Kind::Network,
                trc("relay", "%1: the data connection with %2 failed (%3)").arg(what, host, said)};
    case 450:
        return {Kind::Busy, trc("relay", "%1: busy on %2 (%3): retrying later").arg(what, host, said)};
    case 452:
    case 552:
        return {Kind::Quota,
                trc("relay", "%1: the storage of %2 is full (%3): free space there or raise its quota")
                    .arg(what, host, said)};
    case 530:
    case 532:
        return {Kind::Auth, trc("relay", "%1: %2 says this login may not (%3): check 'user' and 'password'")
                                .arg(what, host, said)};
    case 550:
        if (mentionsRefusal(reply.text))
            return {Kind::Permission,
                    trc("relay", "%1: %2 refuses it (%3): check the account's rights").arg(what, host, said)};
        return {Kind::NotFound, trc("relay", "%1: not found (%2)").arg(what, said)};
    case 553:
        return {Kind::Permission, trc("relay", "%1: %2 does not allow this name (%3)").arg(what, host, said)};
    default:
        break;
    }
    if (reply.code >= 400 && reply.code < 500)
        return {Kind::Network,
                trc("relay", "%1: %2 failed for now (%3): retrying later").arg(what, host, said)};
    return {Kind::Other, trc("relay", "%1: %2 answered %3").arg(what, host, said)};
}

// --- Requests and connections -------------------------------------------------------------

RelayJob* FtpRelay::submit(const QString& what, Step step, std::function<bool()> again)
{
    auto* job = new RelayJob;
    auto op = std::make_shared<Operation>();
    op->job = job;
    op->what = what;
    op->step = std::move(step);
    op->again = std::move(again);
    if (!m_loginRefused.ok()) {
        job->finishLater(m_loginRefused);
        return job;
    }
    m_queue << op;
    QMetaObject::invokeMethod(this, &FtpRelay::dispatch, Qt::QueuedConnection);
    return job;
}

void FtpRelay::dispatch()
{
    while (!m_queue.isEmpty()) {
        ftp::Session* session = nullptr;
        while (!m_idle.isEmpty() && !session) {
            ftp::Session* s = m_idle.takeLast();
            m_idleSince.remove(s);
            if (s->usable())
                session = s;
            else
                drop(s);
        }
        if (session) {
            run(session, m_queue.takeFirst());
            continue;
        }
        if (m_sessions.size() >= m_maxSessions)
            return; // the next free connection takes it
        // Until a login has worked, one at a time: a wrong password is tried once, and a server
        // that takes fewer connections than asked says so while one of ours is in.
        if (!m_loggedIn && !m_sessions.isEmpty())
            return;
        auto* s = new ftp::Session(m_settings.session, &m_up, &m_down, this);
        m_sessions << s;
        connect(s, &ftp::Session::lost, this, [this, s] { drop(s); });
        auto op = m_queue.takeFirst();
        s->open([this, s, op](const RelayError& error) {
            if (error.ok()) {
                m_loggedIn = true;
                if (s->hasFeature("REST") == false)
                    m_canRestart = false;
                if (m_settings.session.tls == ftp::SessionSettings::Tls::None && !m_warnedPlain) {
                    m_warnedPlain = true;
                    qCWarning(lcRelay).noquote()
                        << QStringLiteral("ftp://%1 sends the password and every file in clear%2")
                               .arg(m_settings.session.host,
                                    s->hasFeature("AUTH")
                                        ? QStringLiteral(": this server offers TLS, use ftps://")
                                        : QString());
                }
                return run(s, op);
            }
            drop(s);
            const bool othersIn = std::any_of(m_sessions.begin(), m_sessions.end(),
                                              [](ftp::Session* o) { return o->usable(); });
            if (error.kind == RelayError::Kind::Busy && othersIn) {
                // The server takes fewer connections than 'transfers' (said with 421 at once, or
                // when logging in): use the ones it took.
                m_maxSessions = int(m_sessions.size());
                m_queue.prepend(op);
                return dispatch();
            }
            if (error.kind == RelayError::Kind::Auth)
                m_loginRefused = error;
            finish(op, error);
        });
    }
}

void FtpRelay::run(ftp::Session* session, std::shared_ptr<Operation> op)
{
    if (!op->job) { // its caller is gone
        release(session);
        return dispatch();
    }
    op->step(session, op.get(), [this, session, op](const RelayError& error) {
        release(session);
        finish(op, error);
        dispatch();
    });
}

void FtpRelay::release(ftp::Session* session)
{
    if (!session->usable() || session->busy()) {
        drop(session);
        return;
    }
    m_idle << session;
    m_idleSince.insert(session, QDateTime::currentMSecsSinceEpoch());
    if (!m_reaper.isActive())
        m_reaper.start();
}

void FtpRelay::drop(ftp::Session* session)
{
    m_sessions.removeOne(session);
    m_idle.removeOne(session);
    m_idleSince.remove(session);
    session->disconnect(this);
    session->deleteLater();
}

void FtpRelay::finish(std::shared_ptr<Operation> op, const RelayError& error)
{
    if (!op->job)
        return;
    const bool again = retryLater(this, error, op->tries, m_settings.limits.retries, op->again, [this, op] {
        m_queue << op;
        dispatch();
    });
    if (!again)
        op->job->finishLater(error, op->entries, op->bytes);
}

// --- The relay operations ------------------------------------------------------------------

RelayJob* FtpRelay::list(const QString& folder)
{
    if (!validFtpPath(folder, true))
        return invalidPath(folder);
    const QByteArray path = remote(folder);
    const QString what =
        folder.isEmpty() ? trc("relay", "listing the relay") : trc("relay", "listing %1").arg(folder);
    return submit(what, [this, path, what](ftp::Session* s, Operation* op, Done done) {
        auto listing = std::make_shared<QBuffer>();
        listing->open(QIODevice::WriteOnly);
        const bool mlsd = s->listsWithMlsd();
        s->transfer((mlsd ? "MLSD " : "LIST ") + path, nullptr, 0, listing.get(), 0,
                    [this, s, op, listing, mlsd, path, what, done](const RelayError& error,
                                                                   const ftp::Reply& reply, qint64) {
                        if (!error.ok())
                            return done(error);
                        if (!reply.positive())
                            return done(replyError(reply, what));
                        const QByteArray& text = listing->data();
                        op->entries = ftp::parseListing(text, mlsd, QDateTime::currentDateTimeUtc());
                        if (!op->entries.isEmpty() || mlsd)
                            return done({});
                        // LIST says nothing of a missing folder on some servers, and we cannot
                        // take a listing we do not understand for an empty folder.
                        for (const QByteArray& line : text.split('\n'))
                            if (!line.trimmed().isEmpty() && !line.startsWith("total"))
                                return done({RelayError::Kind::Other,
                                             trc("relay", "%1: the listing format of %2 is not understood "
                                                          "(first line: %3)")
                                                 .arg(what, m_settings.session.host,
                                                      QString::fromUtf8(line.trimmed().left(120)))});
                        s->step("CWD " + path, done, [this, done, what](const ftp::Reply& cwd) {
                            done(cwd.code == 250 ? RelayError() : replyError(cwd, what));
                        });
                    });
    });
}

RelayJob* FtpRelay::get(const QString& path, QIODevice* sink)
{
    if (!validFtpPath(path, false))
        return invalidPath(path);
    const QByteArray file = remote(path);
    const QString what = trc("relay", "reading %1").arg(path);
    // A download that broke goes on where it stopped (REST), where the server can.
    return submit(
        what,
        [this, file, sink, what](ftp::Session* s, Operation* op, Done done) {
            s->transfer(
                "RETR " + file, nullptr, 0, sink, op->bytes,
                [this, op, what, done](const RelayError& error, const ftp::Reply& reply, qint64 bytes) {
                    op->bytes += bytes;
                    if (!error.ok())
                        return done(error);
                    done(reply.positive() ? RelayError() : replyError(reply, what));
                });
        },
        [this, sink] { return m_canRestart || sink->pos() == 0; });
}

RelayJob* FtpRelay::getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink)
{
    if (RelayJob* answered = answeredRange(path, length))
        return answered;
    if (!validFtpPath(path, false))
        return invalidPath(path);
    if (!m_loggedIn || !m_canRestart)
        return RelayBackend::getRange(path, offset, length, sink);
    const QByteArray file = remote(path);
    const QString what = trc("relay", "reading %1").arg(path);
    // A retry goes on from the part's next byte.
    return submit(what, [this, file, sink, what, offset, length](ftp::Session* s, Operation* op, Done done) {
        const qint64 left = length < 0 ? -1 : length - op->bytes;
        if (left == 0)
            return done({});
        s->transfer(
            "RETR " + file, nullptr, 0, sink, offset + op->bytes,
            [this, op, what, done, left](const RelayError& error, const ftp::Reply& reply, qint64 bytes) {
                op->bytes += bytes;
                if (left >= 0 && bytes >= left)
                    return done({}); // whatever became of the connection after
                if (!error.ok())
                    return done(error);
                // The part came (the server then answers the cut transfer with 426 or 226), or the
                // object ended before it did; 554: the part starts past the object's end.
                if (reply.positive() || (left >= 0 && bytes >= left) || reply.code == 554)
                    return done({});
                done(replyError(reply, what));
            },
            left);
    });
}

RelayJob* FtpRelay::put(const QString& path, QIODevice* source, qint64 size, WriteMode mode)
{
    if (!validFtpPath(path, false))
        return invalidPath(path);
    const QByteArray target = remote(path);
    const QString what = trc("relay", "writing %1").arg(path);
    auto again = [source] {
        return !source->isSequential() && source->seek(0);
    };
    if (mode == WriteMode::Fresh) // a new name nobody reads yet: in place
        return submit(
            what,
            [this, target, source, size, what](ftp::Session* s, Operation* op, Done done) {
                store(s, target, source, size, what, op, [op, done](const RelayError& error, qint64 bytes) {
                    op->bytes = bytes;
                    done(error);
                });
            },
            again);
    return submit(
        what,
        [this, target, source, size, mode, what](ftp::Session* s, Operation* op, Done done) {
            // To tmp/, then renamed into place: readers see the whole object or nothing.
            const QByteArray temp =
                remote(QStringLiteral("tmp/%1-%2")
                           .arg(m_tempPrefix, QString::number(QRandomGenerator::system()->generate64(), 36)));
            makeFolders(s, parentOf(temp), [=, this](const RelayError& folder) {
                if (!folder.ok())
                    return done(folder);
                store(s, temp, source, size, what, op, [=, this](const RelayError& stored, qint64 bytes) {
                    op->bytes = bytes;
                    if (!stored.ok())
                        return discard(s, temp, stored, done);
                    publish(s, temp, target, mode, what, done);
                });
            });
        },
        again);
}

void FtpRelay::store(ftp::Session* s, const QByteArray& target, QIODevice* source, qint64 size,
                     const QString& what, Operation* op, std::function<void(const RelayError&, qint64)> done)
{
    s->transfer(
        "STOR " + target, source, size, nullptr, 0,
        [this, what, done](const RelayError& error, const ftp::Reply& reply, qint64 bytes) {
            if (!error.ok())
                return done(error, bytes);
            done(reply.positive() ? RelayError() : replyError(reply, what), bytes);
        },
        -1,
        [job = op->job, size](qint64 sent) {
            if (job)
                Q_EMIT job->progress(sent, size);
        });
}

void FtpRelay::publish(ftp::Session* s, const QByteArray& temp, const QByteArray& target, WriteMode mode,
                       const QString& what, Done done)
{
    // RNFR + RNTO; `then` gets the error and the reply that ended it.
    using Then = std::function<void(const RelayError&, const ftp::Reply&)>;
    auto rename = [this, s, temp, target, what](Then then) {
        s->step(
            "RNFR " + temp, [then](const RelayError& e) { then(e, {}); },
            [this, s, target, what, then](const ftp::Reply& rnfr) {
                if (rnfr.code != 350)
                    return then(replyError(rnfr, what), rnfr);
                s->step(
                    "RNTO " + target, [then](const RelayError& e) { then(e, {}); },
                    [this, what, then](const ftp::Reply& rnto) {
                        then(rnto.code == 250 ? RelayError() : replyError(rnto, what), rnto);
                    });
            });
    };
    auto ended = [this, s, temp, done](const RelayError& error, const ftp::Reply&) {
        if (error.ok())
            return done({});
        discard(s, temp, error, done);
    };
    if (mode == WriteMode::Replace) {
        rename([s, target, rename, ended](const RelayError& error, const ftp::Reply& reply) {
            if (error.ok() || !s->usable() || reply.code < 500)
                return ended(error, reply);
            // Servers on Windows do not rename over a file: delete it first (not atomic there).
            s->command("DELE " + target,
                       [rename, ended](const RelayError&, const ftp::Reply&) { rename(ended); });
        });
        return;
    }
    // An exclusive create: refused when the name exists (checked, then renamed: not atomic).
    s->step("SIZE " + target, done, [this, s, temp, what, done, rename, ended](const ftp::Reply& size) {
        if (size.code == 213)
            return discard(s, temp,
                           {RelayError::Kind::AlreadyExists, trc("relay", "%1: already exists").arg(what)},
                           done);
        rename(ended);
    });
}

void FtpRelay::discard(ftp::Session* s, const QByteArray& temp, const RelayError& why, Done done)
{
    if (!s->usable())
        return done(why); // the stale temporary file is removed with the others of tmp/
    s->command("DELE " + temp, [why, done](const RelayError&, const ftp::Reply&) { done(why); });
}

RelayJob* FtpRelay::remove(const QString& path)
{
    if (!validFtpPath(path, false))
        return invalidPath(path);
    const QByteArray file = remote(path);
    const QString what = trc("relay", "deleting %1").arg(path);
    return submit(what, [this, file, what](ftp::Session* s, Operation*, Done done) {
        s->command("DELE " + file, [this, what, done](const RelayError& error, const ftp::Reply& reply) {
            if (!error.ok())
                return done(error);
            done(reply.positive() ? RelayError() : replyError(reply, what));
        });
    });
}

RelayJob* FtpRelay::makeFolder(const QString& folder)
{
    if (!validFtpPath(folder, true))
        return invalidPath(folder);
    const QByteArray path = remote(folder);
    return submit(trc("relay", "creating folder %1").arg(folder),
                  [this, path](ftp::Session* s, Operation*, Done done) { makeFolders(s, path, done); });
}

void FtpRelay::makeFolders(ftp::Session* s, const QByteArray& folder, Done done)
{
    if (folder == "/" || m_folders.contains(folder))
        return done({});
    const QString what = trc("relay", "creating folder %1 on %2").arg(QString::fromUtf8(folder), s->host());
    // MKD, else CWD to see whether it exists, else the parent first and MKD again. `then`
    // gets the reply that settles it: 257 or 250 when the folder is there.
    using Then = std::function<void(const ftp::Reply&)>;
    auto attempt = [s, folder, done](Then then) {
        s->step("MKD " + folder, done, [s, folder, done, then](const ftp::Reply& mkd) {
            if (mkd.code == 257)
                return then(mkd);
            s->step("CWD " + folder, done,
                    [then, mkd](const ftp::Reply& cwd) { then(cwd.code == 250 ? cwd : mkd); });
        });
    };
    auto refused = [this, s, folder, what, done](const ftp::Reply& reply) {
        RelayError e = replyError(reply, what);
        if (e.kind == RelayError::Kind::NotFound)
            e.kind = RelayError::Kind::Permission; // a folder that cannot be made
        const QString login = s->loginFolder();
        if (!login.isEmpty() && login != QLatin1String("/") && !folder.startsWith(login.toUtf8()))
            e.message = trc("relay", "%1 (the path in 'relay address' starts at the server's root; this "
                                     "login starts in %2)")
                            .arg(e.message, login);
        done(e);
    };
    auto made = [this, folder](const ftp::Reply& reply) {
        const bool there = reply.code == 257 || reply.code == 250;
        if (there)
            m_folders.insert(folder);
        return there;
    };
    attempt([this, s, folder, done, attempt, refused, made](const ftp::Reply& first) {
        if (made(first))
            return done({});
        const QByteArray parent = parentOf(folder);
        if (parent == "/" || m_folders.contains(parent))
            return refused(first);
        makeFolders(s, parent, [done, attempt, refused, made](const RelayError& above) {
            if (!above.ok())
                return done(above);
            attempt([done, refused, made](const ftp::Reply& second) {
                if (!made(second))
                    return refused(second);
                done({});
            });
        });
    });
}

} // namespace escale::relay
