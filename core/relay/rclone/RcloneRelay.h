#pragma once

#include "config/Config.h"
#include "relay/RelayBackend.h"
#include "relay/http/HttpTransport.h"

#include <QJsonObject>
#include <QProcess>
#include <functional>
#include <memory>

namespace escale::relay {

// Any rclone remote as a relay (Dropbox, Google Drive, OneDrive, B2, Swift, ...), through one
// long-running `rclone rcd` per relay, driven over its JSON API on 127.0.0.1 with credentials
// of its own (random, handed over in the environment, never on the command line): listings
// with operations/list, downloads streamed from `--rc-serve`, uploads streamed as a multipart
// form to operations/uploadfile (to tmp/, then operations/movefile for the atomic publish),
// deletions with operations/deletefile. The daemon starts with the first request and again
// after it dies; it stops with the relay.
class RcloneRelay : public RelayBackend
{
    Q_OBJECT

public:
    struct Settings
    {
        QString binary = QStringLiteral("rclone");
        QString configFile; // empty: rclone's own (RCLONE_CONFIG, ~/.config/rclone/rclone.conf)
        QString remote;     // the remote's name
        QString fs;         // "remote:path", the repository's folder
        qint64 timeoutMs = 60'000;
        TransferLimits limits;
    };
    static Settings settingsFromConfig(const config::RepositoryConfig& config);

    explicit RcloneRelay(const Settings& settings, QObject* parent = nullptr);
    ~RcloneRelay() override;

    QString describe() const override;
    // An exclusive create is a check then a move; folders are made as needed by rclone.
    RelayCapabilities capabilities() const override { return {false, false, true}; }

    RelayJob* list(const QString& folder) override;
    RelayJob* get(const QString& path, QIODevice* sink) override;
    RelayJob* getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink) override;
    RelayJob* put(const QString& path, QIODevice* source, qint64 size, WriteMode mode) override;
    RelayJob* remove(const QString& path) override;
    RelayJob* makeFolder(const QString& folder) override;

    // rclone's error text, and the HTTP status of its reply, as a relay error naming the cause
    // and the remedy (public for tests).
    RelayError explain(const QString& rcloneError, int status, const QString& what) const;

private:
    // Runs `then` once the daemon listens (at once if it does), or with why it cannot.
    void whenReady(std::function<void(const RelayError&)> then);
    void startDaemon();
    void daemonOutput();
    void daemonGone(const QString& why);
    // One call of the JSON API; `reply` is the decoded answer (empty on failure).
    void call(const QString& method, const QJsonObject& input,
              std::function<void(const RelayError&, const QJsonObject& reply)> done);
    RelayError failure(const HttpResult& result, const QString& what) const;
    // One API call on a relay path ({"fs", "remote"}); `finish` (by default: the job gets the
    // error) turns the reply into the job's result.
    RelayJob* operation(const QString& method, const QString& path, bool root,
                        std::function<void(RelayJob*, const RelayError&, const QJsonObject&)> finish = {});
    void upload(const QString& folder, const QString& name, QIODevice* source, qint64 size,
                std::function<void(const RelayError&)> done, std::function<void(qint64)> sent = {});

    Settings m_settings;
    QProcess m_daemon;
    QByteArray m_authorization; // "Basic ..." for the daemon
    QByteArray m_output;        // what the daemon printed, for messages
    std::unique_ptr<HttpTransport> m_http;
    QList<std::function<void(const RelayError&)>> m_waiting;
    bool m_starting = false;
};

} // namespace escale::relay
