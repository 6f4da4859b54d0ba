#include "relay/sftp/SftpConnection.h"

#include "Tr.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QThread>
#include <fcntl.h>
#include <libssh/libssh.h>
#include <libssh/sftp.h>
#include <poll.h>
#include <sys/socket.h>

namespace escale::relay::sftp {

namespace {

constexpr uint32_t kReadRequest = 32 * 1024; // every SFTP server takes reads this large
constexpr int kReadsAhead = 64;              // reads in flight: 2 MiB
constexpr qint64 kWritePiece = 64 * 1024;    // OpenSSH refuses messages over 256 KiB

using Kind = RelayError::Kind;

} // namespace

// --- Pipe -----------------------------------------------------------------------------------

bool Pipe::hasRoom() const
{
    QMutexLocker lock(&m_mutex);
    return m_queued < m_capacity && !m_cancelled;
}

bool Pipe::waitForRoom()
{
    QMutexLocker lock(&m_mutex);
    while (m_queued >= m_capacity && !m_cancelled)
        m_changed.wait(&m_mutex);
    return !m_cancelled;
}

void Pipe::push(QByteArray piece)
{
    {
        QMutexLocker lock(&m_mutex);
        m_queued += piece.size();
        m_pieces.push_back(std::move(piece));
        m_changed.wakeAll();
    }
    if (m_listener && m_listenToPush)
        m_listener();
}

void Pipe::end(const QString& failure)
{
    QMutexLocker lock(&m_mutex);
    m_ended = true;
    m_failure = failure;
    m_changed.wakeAll();
}

std::optional<QByteArray> Pipe::pop(bool wait)
{
    QByteArray piece;
    {
        QMutexLocker lock(&m_mutex);
        while (wait && m_pieces.empty() && !m_ended && !m_cancelled)
            m_changed.wait(&m_mutex);
        if (m_pieces.empty() || m_cancelled)
            return std::nullopt;
        piece = std::move(m_pieces.front());
        m_pieces.pop_front();
        m_queued -= piece.size();
        m_changed.wakeAll();
    }
    if (m_listener && !m_listenToPush)
        m_listener();
    return piece;
}

bool Pipe::atEnd() const
{
    QMutexLocker lock(&m_mutex);
    return m_ended && m_pieces.empty();
}

QString Pipe::failure() const
{
    QMutexLocker lock(&m_mutex);
    return m_failure;
}

void Pipe::cancel()
{
    QMutexLocker lock(&m_mutex);
    m_cancelled = true;
    m_changed.wakeAll();
}

bool Pipe::cancelled() const
{
    QMutexLocker lock(&m_mutex);
    return m_cancelled;
}

// --- Connection -----------------------------------------------------------------------------

Connection::Connection(const ConnectionSettings& settings)
    : m_settings(settings)
{}

Connection::~Connection()
{
    close();
}

void Connection::progress()
{
    m_lastProgressMs = QDateTime::currentMSecsSinceEpoch();
}

void Connection::interruptIfStalled(qint64 nowMs)
{
    const qint64 last = m_lastProgressMs;
    if (last == 0 || nowMs - last <= m_settings.timeoutMs)
        return;
    interrupt();
}

void Connection::interrupt()
{
    QMutexLocker lock(&m_fdMutex);
    if (m_fd >= 0 && !m_interrupted.exchange(true))
        ::shutdown(m_fd, SHUT_RDWR); // the blocked call sees the connection end
}

bool Connection::stale() const
{
    const int fd = m_fd; // only this thread changes it
    if (fd < 0)
        return true;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0)
        return false; // nothing to read: the usual idle connection
    if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
        return true;
    char byte;
    return ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0; // the server closed it
}

void Connection::close()
{
    {
        QMutexLocker lock(&m_fdMutex);
        m_fd = -1;
    }
    m_lastProgressMs = 0;
    m_madeFolders.clear();
    if (m_sftp) {
        for (sftp_file f : std::as_const(m_openFiles))
            sftp_close(f); // the connection is broken or going: only the handle's memory matters
        m_openFiles.clear();
        sftp_free(m_sftp);
        m_sftp = nullptr;
    }
    if (m_ssh) {
        if (ssh_is_connected(m_ssh))
            ssh_disconnect(m_ssh);
        ssh_free(m_ssh);
        m_ssh = nullptr;
    }
}

namespace {

ssh_session newSession(const ConnectionSettings& s)
{
    ssh_session ssh = ssh_new();
    if (!ssh)
        return nullptr;
    const QByteArray host = s.host.toUtf8(), user = s.user.toUtf8(), knownHosts = s.knownHosts.toUtf8();
    const unsigned int port = unsigned(s.port);
    const long seconds = long(std::max<qint64>(1, s.timeoutMs / 1000));
    const bool no = false;
    ssh_options_set(ssh, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(ssh, SSH_OPTIONS_PORT, &port);
    ssh_options_set(ssh, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(ssh, SSH_OPTIONS_TIMEOUT, &seconds);
    ssh_options_set(ssh, SSH_OPTIONS_PROCESS_CONFIG, &no); // ~/.ssh/config is not ours to follow
    const int noDelay = 1; // each SFTP write waits for its answer: no Nagle delay on top
    ssh_options_set(ssh, SSH_OPTIONS_NODELAY, &noDelay);
    if (!knownHosts.isEmpty())
        ssh_options_set(ssh, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData());
    return ssh;
}

RelayError connectFailure(const ConnectionSettings& s, const QString& said)
{
    if (said.contains(QLatin1String("refused"), Qt::CaseInsensitive))
        return {Kind::Network, trc("relay", "%1 refused the connection (port %2): is the server running?")
                                   .arg(s.host)
                                   .arg(s.port)};
    if (said.contains(QLatin1String("resolve"), Qt::CaseInsensitive) ||
        said.contains(QLatin1String("not known"), Qt::CaseInsensitive))
        return {Kind::Network,
                trc("relay", "unknown host %1: check 'relay address' and the network").arg(s.host)};
    if (said.contains(QLatin1String("timeout"), Qt::CaseInsensitive) ||
        said.contains(QLatin1String("timed out"), Qt::CaseInsensitive))
        return {Kind::Timeout,
                trc("relay", "%1 sent nothing for %2 s: the server is too slow or the connection "
                             "stalled ('timeout' to wait longer)")
                    .arg(s.host)
                    .arg(s.timeoutMs / 1000)};
    return {Kind::Network, trc("relay", "cannot connect to %1 over SSH: %2").arg(s.host, said)};
}

// The host key's "SHA256:..." fingerprint and type name.
QString fingerprintOf(ssh_session ssh, QString& keyType, QByteArray* digest = nullptr)
{
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(ssh, &key) != SSH_OK || !key)
        return {};
    unsigned char* hash = nullptr;
    size_t length = 0;
    QString result;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) == SSH_OK) {
        const QByteArray raw(reinterpret_cast<const char*>(hash), qsizetype(length));
        if (digest)
            *digest = raw;
        result =
            QStringLiteral("SHA256:") + QString::fromLatin1(raw.toBase64(QByteArray::OmitTrailingEquals));
        ssh_clean_pubkey_hash(&hash);
    }
    keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
    ssh_key_free(key);
    return result;
}

} // namespace

RelayError Connection::open()
{
    m_interrupted = false;
    progress();
    if (isOpen() && !stale())
        return {};
    close();
    progress();
    m_ssh = newSession(m_settings);
    if (!m_ssh)
        return {Kind::Other, trc("relay", "cannot start an SSH session (out of memory)")};
    if (ssh_connect(m_ssh) != SSH_OK) {
        const RelayError e = connectFailure(m_settings, QString::fromUtf8(ssh_get_error(m_ssh)));
        close();
        return e;
    }
    {
        QMutexLocker lock(&m_fdMutex);
        m_fd = ssh_get_fd(m_ssh);
    }
    RelayError e = checkHostKey();
    if (e.ok())
        e = authenticate();
    if (!e.ok()) {
        close();
        return e;
    }
    m_sftp = sftp_new(m_ssh);
    if (!m_sftp || sftp_init(m_sftp) != SSH_OK) {
        e = {Kind::Other,
             trc("relay", "%1 offers no SFTP to '%2' (%3): check that its SSH server has the sftp "
                          "subsystem")
                 .arg(m_settings.host, m_settings.user, QString::fromUtf8(ssh_get_error(m_ssh)))};
        close();
        return e;
    }
    return {};
}

RelayError Connection::checkHostKey()
{
    QString type;
    QByteArray digest;
    m_fingerprint = fingerprintOf(m_ssh, type, &digest);
    const QString where = QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port);
    const QString known =
        m_settings.knownHosts.isEmpty() ? QStringLiteral("~/.ssh/known_hosts") : m_settings.knownHosts;
    if (!m_settings.hostKeySha256.isEmpty()) {
        if (digest == m_settings.hostKeySha256)
            return {};
        return {Kind::Tls,
                trc("relay",
                    "the host key of %1 is NOT the one in 'host key' (it presents %2 %3): someone may be "
                    "in the middle. If the server was reinstalled, check its new key there "
                    "(ssh-keygen -lf) and set 'host key = %3'")
                    .arg(where, type, m_fingerprint)};
    }
    switch (ssh_session_is_known_server(m_ssh)) {
    case SSH_KNOWN_HOSTS_OK:
        return {};
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        return {Kind::Tls,
                trc("relay",
                    "the host key of %1 has CHANGED (it presents %2 %3, %4 knows another): someone may "
                    "be in the middle. If the server was reinstalled, check its new key there "
                    "(ssh-keygen -lf) and replace its line in %4, or set 'host key = %3'")
                    .arg(where, type, m_fingerprint, known)};
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        return {Kind::Tls, trc("relay", "the host key of %1 is unknown (%2 %3, not in %4): check it on the "
                                        "server (ssh-keygen -lf), then trust it with 'host key = %3' or "
                                        "'escalectl trust'")
                               .arg(where, type, m_fingerprint, known)};
    default:
        return {Kind::Other, trc("relay", "cannot check the host key of %1 against %2: %3")
                                 .arg(where, known, QString::fromUtf8(ssh_get_error(m_ssh)))};
    }
}

RelayError Connection::authenticate()
{
    auto broken = [this] {
        return connectFailure(m_settings, QString::fromUtf8(ssh_get_error(m_ssh)));
    };
    int rc = ssh_userauth_none(m_ssh, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return broken();
    const int methods = ssh_userauth_list(m_ssh, nullptr);
    QStringList tried;
    const QByteArray secret = m_settings.password;
    if (!m_settings.privateKey.isEmpty()) {
        ssh_key key = nullptr;
        const QByteArray path = QFile::encodeName(m_settings.privateKey);
        if (ssh_pki_import_privkey_file(path.constData(), secret.isEmpty() ? nullptr : secret.constData(),
                                        nullptr, nullptr, &key) != SSH_OK) {
            return {Kind::Auth,
                    QFileInfo(m_settings.privateKey).isReadable()
                        ? trc("relay", "cannot unlock the private key %1: wrong passphrase (it is "
                                       "'password'), or not an SSH key")
                              .arg(m_settings.privateKey)
                        : trc("relay", "cannot read the private key %1").arg(m_settings.privateKey)};
        }
        rc = ssh_userauth_publickey(m_ssh, nullptr, key);
        ssh_key_free(key);
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_ERROR)
            return broken();
        return {Kind::Auth,
                trc("relay", "%1 refuses the login of '%2' with the key %3: check 'user', and that the key's "
                             "public half is in the account's authorized_keys")
                    .arg(m_settings.host, m_settings.user, m_settings.privateKey)};
    }
    if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
        rc = ssh_userauth_publickey_auto(m_ssh, nullptr, nullptr);
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_ERROR)
            return broken();
        tried << trc("relay", "ssh-agent and ~/.ssh keys");
    }
    if ((methods & SSH_AUTH_METHOD_PASSWORD) && !secret.isEmpty()) {
        rc = ssh_userauth_password(m_ssh, nullptr, secret.constData());
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_ERROR)
            return broken();
        tried << trc("relay", "password");
    } else if ((methods & SSH_AUTH_METHOD_INTERACTIVE) && !secret.isEmpty()) {
        // Servers that ask for the password as a keyboard-interactive prompt.
        while ((rc = ssh_userauth_kbdint(m_ssh, nullptr, nullptr)) == SSH_AUTH_INFO) {
            const int prompts = ssh_userauth_kbdint_getnprompts(m_ssh);
            for (int i = 0; i < prompts; ++i)
                ssh_userauth_kbdint_setanswer(m_ssh, unsigned(i), secret.constData());
        }
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_ERROR)
            return broken();
        tried << trc("relay", "password");
    }
    QString remedy = trc("relay", "check 'user' and 'password', or set 'private key'");
    if (secret.isEmpty() && (methods & (SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_INTERACTIVE)) &&
        !m_settings.passwordProblem.isEmpty())
        remedy = m_settings.passwordProblem;
    return {Kind::Auth,
            trc("relay", "%1 refuses the login of '%2' (tried: %3): %4")
                .arg(m_settings.host, m_settings.user,
                     tried.isEmpty() ? trc("relay", "nothing it accepts") : tried.join(QLatin1String(", ")),
                     remedy)};
}

RelayError Connection::failure(const QString& what)
{
    if (m_interrupted) {
        close();
        return {Kind::Timeout, trc("relay", "%1: %2 sent nothing for %3 s: the server is too slow or the "
                                            "connection stalled ('timeout' to wait longer)")
                                   .arg(what, m_settings.host)
                                   .arg(m_settings.timeoutMs / 1000)};
    }
    const int code = m_sftp ? sftp_get_error(m_sftp) : SSH_FX_NO_CONNECTION;
    const bool connected = m_ssh && ssh_is_connected(m_ssh);
    if (!connected || code == SSH_FX_CONNECTION_LOST || code == SSH_FX_NO_CONNECTION || code == SSH_FX_OK ||
        code == SSH_FX_BAD_MESSAGE) {
        const QString said = m_ssh ? QString::fromUtf8(ssh_get_error(m_ssh)) : QString();
        close();
        const RelayError e = connectFailure(m_settings, said);
        if (e.kind == Kind::Timeout)
            return e;
        return {Kind::Network,
                trc("relay", "%1: the connection to %2 broke (%3)").arg(what, m_settings.host, said)};
    }
    return statusError(code, what);
}

RelayError Connection::statusError(int code, const QString& what) const
{
    switch (code) {
    case SSH_FX_NO_SUCH_FILE:
    case SSH_FX_NO_SUCH_PATH:
        return {Kind::NotFound, trc("relay", "%1: not found").arg(what)};
    case SSH_FX_PERMISSION_DENIED:
    case SSH_FX_WRITE_PROTECT:
        return {Kind::Permission,
                trc("relay", "%1: %2 refuses it (permission denied): check the account's rights")
                    .arg(what, m_settings.host)};
    case SSH_FX_FILE_ALREADY_EXISTS:
        return {Kind::AlreadyExists, trc("relay", "%1: already exists").arg(what)};
    case 14: // SSH_FX_NO_SPACE_ON_FILESYSTEM (version 5)
    case 15: // SSH_FX_QUOTA_EXCEEDED
        return {Kind::Quota,
                trc("relay", "%1: the storage of %2 is full: free space there or raise its quota")
                    .arg(what, m_settings.host)};
    default:
        return {Kind::Other,
                (code == SSH_FX_FAILURE
                     ? trc("relay", "%1: %2 failed it (SFTP status %3: a full disk, or a name it refuses)")
                     : trc("relay", "%1: %2 failed it (SFTP status %3)"))
                    .arg(what, m_settings.host)
                    .arg(code)};
    }
}

RelayError Connection::list(const QByteArray& folder, QList<RelayEntry>& entries, const QString& what)
{
    sftp_dir dir = sftp_opendir(m_sftp, folder.constData());
    if (!dir)
        return failure(what);
    while (sftp_attributes a = sftp_readdir(m_sftp, dir)) {
        RelayEntry e;
        e.name = entryName(QByteArrayView(a->name ? a->name : ""));
        e.isDirectory = a->type == SSH_FILEXFER_TYPE_DIRECTORY;
        e.size = e.isDirectory ? -1 : qint64(a->size);
        if (a->flags & SSH_FILEXFER_ATTR_ACMODTIME)
            e.modified = QDateTime::fromSecsSinceEpoch(qint64(a->mtime), Qt::UTC);
        const bool kept = !e.name.isEmpty() &&
                          (a->type == SSH_FILEXFER_TYPE_DIRECTORY || a->type == SSH_FILEXFER_TYPE_REGULAR ||
                           a->type == SSH_FILEXFER_TYPE_UNKNOWN);
        sftp_attributes_free(a);
        if (kept)
            entries << e;
    }
    const bool complete = sftp_dir_eof(dir);
    RelayError e = complete ? RelayError() : failure(what);
    if (m_sftp)
        sftp_closedir(dir);
    return e;
}

sftp_file Connection::openFile(const QByteArray& path, int flags, int mode)
{
    sftp_file f = sftp_open(m_sftp, path.constData(), flags, mode_t(mode));
    if (f)
        m_openFiles.append(f);
    return f;
}

int Connection::closeFile(sftp_file file)
{
    if (!m_openFiles.removeOne(file))
        return SSH_ERROR; // closed with the connection already
    return sftp_close(file);
}

RelayError Connection::read(const QByteArray& file, qint64 offset, qint64 end, Pipe& out,
                            SharedThrottle& throttle, qint64& bytes, const QString& what)
{
    sftp_file f = openFile(file, O_RDONLY, 0);
    if (!f)
        return failure(what);
    // The size first: reads are asked for exactly up to it. (libssh answers every read after the
    // end with "end of file" without taking the server's answer off its queue, which then
    // grows with each file read and slows every later answer down.)
    sftp_attributes attributes = sftp_fstat(f);
    if (!attributes) {
        const RelayError e = failure(what);
        closeFile(f);
        return e;
    }
    const qint64 size = end < 0 ? qint64(attributes->size) : std::min(qint64(attributes->size), end);
    sftp_attributes_free(attributes);
    if (offset > 0)
        sftp_seek64(f, quint64(offset));
    // Reads are sent ahead, then their answers taken in order.
    struct Request
    {
        int id;
        qint64 at;
        uint32_t length;
    };
    std::deque<Request> pending;
    qint64 next = offset;
    RelayError error;
    auto drainPending = [&] {
        QByteArray scratch(kReadRequest, Qt::Uninitialized);
        for (const Request& r : pending)
            sftp_async_read(f, scratch.data(), r.length, uint32_t(r.id));
        pending.clear();
    };
    while (error.ok()) {
        while (next < size && pending.size() < kReadsAhead) {
            const uint32_t length = uint32_t(std::min<qint64>(kReadRequest, size - next));
            const int id = sftp_async_read_begin(f, length);
            if (id < 0) {
                error = failure(what);
                break;
            }
            pending.push_back({id, next, length});
            next += length;
        }
        if (!error.ok() || pending.empty())
            break;
        const Request r = pending.front();
        pending.pop_front();
        QByteArray piece(r.length, Qt::Uninitialized);
        const int n = sftp_async_read(f, piece.data(), r.length, uint32_t(r.id));
        if (n < 0) {
            error = failure(what);
            break;
        }
        if (n == 0) { // shorter than it said: the answers still due are dropped with the connection
            error = {Kind::Corrupt,
                     trc("relay", "%1: the file ended after %2 of %3 bytes").arg(what).arg(r.at).arg(size)};
            close();
            break;
        }
        piece.resize(n);
        if (uint32_t(n) < r.length) {
            // A short read: the reads sent after it are for the wrong place.
            drainPending();
            next = r.at + n;
            sftp_seek64(f, quint64(next));
        }
        throttle.pass(piece.size());
        if (!out.waitForRoom()) {
            error = {Kind::Other, trc("relay", "%1: stopped").arg(what)};
            break;
        }
        progress(); // waiting for the relay's side is not the server stalling
        out.push(std::move(piece));
        bytes += n;
        progress();
    }
    if (m_sftp && !pending.empty())
        drainPending();
    closeFile(f);
    return error;
}

// libssh 0.10 writes one request at a time, waiting for each answer: at 20 ms round trip that is
// 3 MB/s whatever the link. Writes are therefore sent here as SFTP messages of our own on the
// session's channel, many ahead, and their status answers taken off the channel in turn (SFTP v3:
// SSH_FXP_WRITE id handle offset data, answered by SSH_FXP_STATUS id code message language).
// libssh has no request of its own in flight meanwhile, so every message read here is an answer
// to one of these writes; ids come from the session's counter, so they never meet libssh's.
namespace {

constexpr uint8_t kFxpWrite = 6;
constexpr uint8_t kFxpStatus = 101;
// 1 MiB in flight: OpenSSH's sshd copies its whole input queue as it grows (41 MB up at 0 ms: 0.43 s
// with 512 KiB in flight, 0.67 s with 1 MiB, 1.3 s with 2 MiB); at 20 ms round trip 1 MiB still
// keeps the link busy.
constexpr int kWritesAhead = 16;
constexpr quint64 kToldEvery = 256 * 1024; // upload progress, at most this often

void appendU32(QByteArray& out, quint32 v)
{
    const char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(b, 4);
}

quint32 readU32(const char* p)
{
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    return quint32(u[0]) << 24 | quint32(u[1]) << 16 | quint32(u[2]) << 8 | quint32(u[3]);
}

} // namespace

bool Connection::channelReadExactly(char* into, int length)
{
    for (int got = 0; got < length;) {
        const int n = ssh_channel_read(m_sftp->channel, into + got, uint32_t(length - got), 0);
        if (n == 0 && !ssh_channel_is_eof(m_sftp->channel)) {
            interrupt(); // libssh's own timeout ('timeout'): the server stalled
            return false;
        }
        if (n <= 0)
            return false;
        got += n;
        progress();
    }
    return true;
}

RelayError Connection::write(const QByteArray& file, qint64 size, Pipe& in, SharedThrottle& throttle,
                             qint64& bytes, const QString& what, const std::function<void(qint64)>& sent)
{
    sftp_file f = openFile(file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    m_writeOpenFailed = !f;
    if (!f)
        return failure(what);
    const QByteArray handle(static_cast<const char*>(ssh_string_data(f->handle)), qsizetype(ssh_string_len(f->handle)));
    QSet<quint32> inFlight;
    RelayError error;
    bool broken = false; // the channel is out of step: the connection goes
    auto lost = [&](const QString& why) {
        broken = true;
        if (m_interrupted)
            return failure(what);
        {
            // Out of step: nothing more is said on this connection, and closing it waits for nothing.
            QMutexLocker lock(&m_fdMutex);
            if (m_fd >= 0)
                ::shutdown(m_fd, SHUT_RDWR);
        }
        close();
        return RelayError{Kind::Network, trc("relay", "%1: %2").arg(what, why)};
    };
    // One status answer off the channel.
    auto takeAnswer = [&]() -> RelayError {
        char head[9];
        if (!channelReadExactly(head, 9))
            return lost(trc("relay", "the connection ended while writing"));
        const quint32 length = readU32(head);
        const quint32 id = readU32(head + 5);
        if (length < 9 || length > 256 * 1024 || uint8_t(head[4]) != kFxpStatus || !inFlight.remove(id))
            return lost(trc("relay", "the server answered a write with an unexpected message"));
        QByteArray rest(qsizetype(length - 5), Qt::Uninitialized);
        if (!channelReadExactly(rest.data(), int(rest.size())))
            return lost(trc("relay", "the connection ended while writing"));
        const quint32 code = readU32(rest.constData());
        if (code == SSH_FX_OK)
            return {};
        QString message;
        if (rest.size() >= 8) {
            const quint32 n = readU32(rest.constData() + 4);
            if (n <= quint32(rest.size() - 8))
                message = QString::fromUtf8(rest.constData() + 8, qsizetype(n));
        }
        RelayError refused = statusError(int(code), what);
        if (!message.isEmpty() && refused.kind == Kind::Other)
            refused.message = trc("relay", "%1: %2").arg(refused.message, message);
        return refused;
    };
    quint64 offset = 0;
    quint64 told = 0; // the offset last given to `sent`
    QByteArray message;
    while (bytes < size && error.ok()) {
        const auto piece = in.pop(true);
        progress();
        if (!piece) {
            const QString why = in.failure();
            error = {Kind::Other, why.isEmpty() ? trc("relay", "%1: stopped").arg(what)
                                                : trc("relay", "%1: %2").arg(what, why)};
            break;
        }
        for (qint64 at = 0; at < piece->size() && error.ok();) {
            while (inFlight.size() >= kWritesAhead && error.ok())
                error = takeAnswer();
            if (!error.ok())
                break;
            const qint64 n = throttle.take(std::min(kWritePiece, piece->size() - at));
            const quint32 id = ++m_sftp->id_counter;
            message.clear();
            appendU32(message, quint32(1 + 4 + 4 + handle.size() + 8 + 4 + n));
            message.append(char(kFxpWrite));
            appendU32(message, id);
            appendU32(message, quint32(handle.size()));
            message.append(handle);
            appendU32(message, quint32(offset >> 32));
            appendU32(message, quint32(offset));
            appendU32(message, quint32(n));
            message.append(piece->constData() + at, n);
            if (ssh_channel_write(m_sftp->channel, message.constData(), uint32_t(message.size())) !=
                int(message.size())) {
                error = lost(trc("relay", "the connection ended while writing"));
                break;
            }
            inFlight.insert(id);
            offset += quint64(n);
            at += n;
            progress();
            if (sent && (offset - told >= kToldEvery || offset == quint64(size))) {
                told = offset;
                sent(qint64(offset));
            }
        }
        if (error.ok())
            bytes += piece->size();
    }
    // Every answer is taken, also after a refused write, so that the channel stays in step.
    while (!broken && !inFlight.isEmpty()) {
        const RelayError e = takeAnswer();
        if (error.ok())
            error = e;
    }
    if (broken)
        return error;
    // The server may report a failed write only when the file is closed.
    if (closeFile(f) != SSH_OK && error.ok())
        error = failure(what);
    return error;
}

RelayError Connection::rename(const QByteArray& from, const QByteArray& to, bool replace, const QString& what)
{
    if (!replace && exists(to))
        return {Kind::AlreadyExists, trc("relay", "%1: already exists").arg(what)};
    // libssh renames with posix-rename@openssh.com where the server has it: atomic, replacing.
    if (sftp_rename(m_sftp, from.constData(), to.constData()) == SSH_OK)
        return {};
    if (!replace || !m_sftp || !exists(to))
        return failure(what);
    // A server whose rename does not replace: the old object goes first (not atomic there).
    sftp_unlink(m_sftp, to.constData());
    if (sftp_rename(m_sftp, from.constData(), to.constData()) == SSH_OK)
        return {};
    return failure(what);
}

RelayError Connection::remove(const QByteArray& file, const QString& what)
{
    if (sftp_unlink(m_sftp, file.constData()) == SSH_OK)
        return {};
    return failure(what);
}

bool Connection::exists(const QByteArray& path)
{
    sftp_attributes a = sftp_stat(m_sftp, path.constData());
    if (!a)
        return false;
    sftp_attributes_free(a);
    return true;
}

RelayError Connection::makeFolders(const QByteArray& folder, const QString& what)
{
    if (folder.isEmpty() || folder == "/")
        return {};
    if (sftp_mkdir(m_sftp, folder.constData(), 0755) == SSH_OK)
        return {};
    const int code = sftp_get_error(m_sftp);
    if (sftp_attributes a = sftp_stat(m_sftp, folder.constData())) {
        const bool folderThere = a->type == SSH_FILEXFER_TYPE_DIRECTORY;
        sftp_attributes_free(a);
        if (folderThere)
            return {};
        return {Kind::Other, trc("relay", "%1: a file has the folder's name").arg(what)};
    }
    if (code != SSH_FX_NO_SUCH_FILE)
        return failure(what);
    const qsizetype slash = folder.lastIndexOf('/');
    if (slash <= 0)
        return failure(what);
    const RelayError above = makeFolders(folder.left(slash), what);
    if (!above.ok())
        return above;
    if (sftp_mkdir(m_sftp, folder.constData(), 0755) == SSH_OK || exists(folder))
        return {};
    return failure(what);
}

RelayError Connection::makeFolderOnce(const QByteArray& folder, const QString& what)
{
    if (m_madeFolders.contains(folder))
        return {};
    RelayError e = makeFolders(folder, what);
    if (e.ok())
        m_madeFolders.insert(folder);
    return e;
}

QString Connection::probeHostKey(const ConnectionSettings& settings, QString& keyType, QString& error)
{
    ssh_session ssh = newSession(settings);
    if (!ssh) {
        error = trc("relay", "cannot start an SSH session");
        return {};
    }
    QString fingerprint;
    if (ssh_connect(ssh) == SSH_OK)
        fingerprint = fingerprintOf(ssh, keyType);
    else
        error = connectFailure(settings, QString::fromUtf8(ssh_get_error(ssh))).message;
    if (ssh_is_connected(ssh))
        ssh_disconnect(ssh);
    ssh_free(ssh);
    return fingerprint;
}

} // namespace escale::relay::sftp
