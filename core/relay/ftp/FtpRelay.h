#pragma once

#include "config/Config.h"
#include "relay/RelayBackend.h"
#include "relay/RemoteAccess.h"
#include "relay/ftp/FtpSession.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace escale::relay {

// An FTP or FTPS account as a relay, through our own client (ftp::Session): up to `transfers`
// control connections, each logged in once and used for one request at a time; MLSD listings
// (LIST, Unix or DOS, where the server has no MLSD); objects published by STOR to tmp/ then
// RNFR/RNTO, content chunks (WriteMode::Fresh) stored in place; downloads that break go on
// with REST. Failed requests are tried again on a new connection, with back-off.
class FtpRelay : public RelayBackend
{
    Q_OBJECT

public:
    struct Settings
    {
        ftp::SessionSettings session;
        QString root = QStringLiteral("/"); // the repository folder on the server, absolute
        TransferLimits limits;
    };
    static std::optional<Settings> settingsFromConfig(const config::RepositoryConfig& config, QString& error);

    explicit FtpRelay(const Settings& settings, QObject* parent = nullptr);
    ~FtpRelay() override;

    QString describe() const override;
    // FTP has no exclusive create: it is a check, then a rename.
    RelayCapabilities capabilities() const override { return {false, true, true}; }

    RelayJob* list(const QString& folder) override;
    RelayJob* get(const QString& path, QIODevice* sink) override;
    // REST to the part's start, RETR, and the data connection closed once the part came; before
    // a login has shown that the server takes REST, the whole object is read and the part kept.
    RelayJob* getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink) override;
    RelayJob* put(const QString& path, QIODevice* source, qint64 size, WriteMode mode) override;
    RelayJob* remove(const QString& path) override;
    RelayJob* makeFolder(const QString& folder) override;

    // The relay error for a negative reply to the request `what` (public for tests).
    RelayError replyError(const ftp::Reply& reply, const QString& what) const;

private:
    using Done = std::function<void(const RelayError&)>;
    struct Operation;
    // One request's work on a logged-in session (its results in `op`); it calls `done` once.
    using Step = std::function<void(ftp::Session* session, Operation* op, Done done)>;
    struct Operation
    {
        QPointer<RelayJob> job;
        QString what;
        Step step;
        std::function<bool()> again; // readies the request for another try; false: it cannot be
        QList<RelayEntry> entries;
        qint64 bytes = 0;
        int tries = 0;
    };

    RelayJob* submit(const QString& what, Step step, std::function<bool()> again = {});
    void dispatch();
    void run(ftp::Session* session, std::shared_ptr<Operation> op);
    void finish(std::shared_ptr<Operation> op, const RelayError& error);
    void release(ftp::Session* session); // back to the idle ones, or closed when unusable
    void drop(ftp::Session* session);

    QByteArray remote(const QString& relayPath) const; // absolute path on the server
    // Makes `folder` (absolute) and the folders above it that are missing.
    void makeFolders(ftp::Session* s, const QByteArray& folder, Done done);
    // STOR of `size` bytes from `source` to `target` (absolute); `op`'s job tells the progress.
    void store(ftp::Session* s, const QByteArray& target, QIODevice* source, qint64 size, const QString& what,
               Operation* op, std::function<void(const RelayError&, qint64 bytes)> done);
    void publish(ftp::Session* s, const QByteArray& temp, const QByteArray& target, WriteMode mode,
                 const QString& what, Done done);
    // Deletes a temporary file left by a failed upload, when the connection still works.
    void discard(ftp::Session* s, const QByteArray& temp, const RelayError& why, Done done);

    Settings m_settings;
    Throttle m_up;
    Throttle m_down;
    QList<ftp::Session*> m_sessions; // every open connection
    QList<ftp::Session*> m_idle;     // the ones waiting for a request
    QHash<ftp::Session*, qint64> m_idleSince;
    QList<std::shared_ptr<Operation>> m_queue;
    QSet<QByteArray> m_folders; // folders known to exist
    RelayError m_loginRefused;  // once refused, the login is not tried again
    int m_maxSessions;
    bool m_warnedPlain = false;
    bool m_loggedIn = false;  // a login has worked
    bool m_canRestart = true; // REST STREAM, as far as we know
    QTimer m_reaper;          // closes connections idle for long
};

} // namespace escale::relay
