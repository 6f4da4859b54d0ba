#pragma once

#include "relay/RelayTypes.h"
#include "relay/RemoteAccess.h"

#include <QByteArray>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QWaitCondition>
#include <atomic>
#include <deque>
#include <functional>
#include <optional>

struct ssh_session_struct;
struct sftp_session_struct;
struct sftp_file_struct;

namespace escale::relay::sftp {

struct ConnectionSettings
{
    QString host;
    int port = 22;
    QString user;
    QByteArray password;      // for password logins, and the passphrase of `privateKey`
    QString passwordProblem;  // why there is no password, for the message when one was needed
    QString privateKey;       // an SSH key file; empty: ssh-agent and ~/.ssh keys
    QString knownHosts;       // the known_hosts file checked
    QByteArray hostKeySha256; // a pinned host key (wins over known_hosts)
    qint64 timeoutMs = 60'000;
};

// Bytes handed between two threads, at most `capacity` of them waiting: the side that is ahead
// waits for the other. Either side may stop it (cancel), the producer says where it ends.
class Pipe
{
public:
    explicit Pipe(qint64 capacity)
        : m_capacity(capacity)
    {}
    // Producer.
    bool hasRoom() const;
    bool waitForRoom(); // false when cancelled
    void push(QByteArray piece);
    void end(const QString& failure = {}); // no more pieces; `failure`: why the producer stopped
    // Consumer: the next piece, waiting for it when `wait`; std::nullopt when there is none now
    // (without waiting), at the end, or when cancelled.
    std::optional<QByteArray> pop(bool wait);
    bool atEnd() const;
    QString failure() const;
    // Either side.
    void cancel();
    bool cancelled() const;
    // Called (from the other thread) after every push (`onPush`) or every pop: how the relay's
    // thread learns that it has work.
    void setListener(std::function<void()> listener, bool onPush)
    {
        m_listener = std::move(listener);
        m_listenToPush = onPush;
    }

private:
    mutable QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<QByteArray> m_pieces;
    qint64 m_capacity;
    qint64 m_queued = 0;
    bool m_ended = false;
    bool m_cancelled = false;
    QString m_failure;
    std::function<void()> m_listener;
    bool m_listenToPush = true;
};

using relay::SharedThrottle;

// One SSH connection with its SFTP channel, used from one worker thread with libssh's blocking
// calls: opened on first use (connect, host key checked against the pin or known_hosts,
// authentication by key, agent or password), reopened after it breaks.
class Connection
{
public:
    explicit Connection(const ConnectionSettings& settings);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Opens the connection, or checks that the open one still is (a server that closed it while
    // it was idle is reconnected to).
    RelayError open();
    void close();
    bool isOpen() const { return m_sftp != nullptr; }

    // Called from another thread: when the current call has shown no progress for longer than
    // `timeoutMs`, the connection is cut so that it returns with a Timeout error (libssh's SFTP
    // calls wait for their answer for ever).
    void interruptIfStalled(qint64 nowMs);
    // Called from another thread: the current call ends at once (the relay is going away).
    void interrupt();
    void idle() { m_lastProgressMs = 0; } // no call under way

    // Relay operations on absolute server paths (UTF-8). `what` names the request in messages.
    RelayError list(const QByteArray& folder, QList<RelayEntry>& entries, const QString& what);
    // Bytes [offset, end) of `file` (end < 0: to its end; past its end: what is there).
    RelayError read(const QByteArray& file, qint64 offset, qint64 end, Pipe& out, SharedThrottle& throttle,
                    qint64& bytes, const QString& what);
    // `sent`, when given, is told now and then how many bytes went out (upload progress; called on
    // this connection's thread).
    RelayError write(const QByteArray& file, qint64 size, Pipe& in, SharedThrottle& throttle, qint64& bytes,
                     const QString& what, const std::function<void(qint64)>& sent = {});
    // Whether the last write failed at opening its file (nothing was taken from its pipe).
    bool writeOpenFailed() const { return m_writeOpenFailed; }
    RelayError rename(const QByteArray& from, const QByteArray& to, bool replace, const QString& what);
    RelayError remove(const QByteArray& file, const QString& what);
    RelayError makeFolders(const QByteArray& folder, const QString& what);
    // makeFolders, once per connection for a given folder (it is remembered until forgotten).
    RelayError makeFolderOnce(const QByteArray& folder, const QString& what);
    void forgetFolder(const QByteArray& folder) { m_madeFolders.remove(folder); }
    bool exists(const QByteArray& path);
    // The error an SFTP status code means.
    RelayError statusError(int code, const QString& what) const;
    // Exactly `length` bytes off the session's channel; false when it broke.
    bool channelReadExactly(char* into, int length);

    // "SHA256:..." of the server's host key, once connected (for trust prompts and messages).
    QString hostKeyFingerprint() const { return m_fingerprint; }
    // Connects and returns the host key's fingerprint and type, whatever the trust (for
    // `escalectl trust`); `error` set when the server cannot be reached.
    static QString probeHostKey(const ConnectionSettings& settings, QString& keyType, QString& error);

private:
    RelayError checkHostKey();
    RelayError authenticate();
    // The error of the last SFTP call; a lost connection closes this one.
    RelayError failure(const QString& what);

    void progress(); // the current call is moving
    bool stale() const;

    // Files are opened and closed through these: a file still open when the connection closes
    // (a failure in the middle of a transfer) is closed with it, before the session goes (libssh
    // frees a file's handle only in sftp_close, which needs its session).
    sftp_file_struct* openFile(const QByteArray& path, int flags, int mode);
    int closeFile(sftp_file_struct* file); // SSH_OK when it closed cleanly

    ConnectionSettings m_settings;
    std::atomic<qint64> m_lastProgressMs{0}; // 0: no call under way
    QMutex m_fdMutex;                        // the socket is not closed while another thread cuts it
    int m_fd = -1;
    std::atomic<bool> m_interrupted{false};
    ssh_session_struct* m_ssh = nullptr;
    sftp_session_struct* m_sftp = nullptr;
    QList<sftp_file_struct*> m_openFiles;
    QSet<QByteArray> m_madeFolders; // by makeFolderOnce, on this connection
    bool m_writeOpenFailed = false;
    QString m_fingerprint;
};

} // namespace escale::relay::sftp
