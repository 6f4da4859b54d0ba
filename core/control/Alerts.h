#pragma once

#include "config/Config.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <optional>

class QProcess;

namespace escale::control {

struct RepositoryStatus;
class Instance;

// An e-mail to a repository's maintainers.
struct AlertMail
{
    QString repository;
    QStringList to;
    QString subject;
    QString body;
    bool recovery = false; // "works again" rather than a problem
};

// When a repository's maintainers ('maintainer' in the configuration) hear from Escale
// (docs/server.md, "Alerts by e-mail"):
// - once when it stops (a wrong password or passphrase, a repository that cannot start: it waits
//   for someone), at once;
// - once when it has failed for 'alert delay' with no success between (offline, relay errors:
//   Escale retries on its own, and most such troubles pass unseen);
// - once when it works again after such an e-mail (a successful pass);
// - at most one problem e-mail per repository per hour: one that keeps failing and recovering
//   is told about once an hour, not at every flap. Nothing while it is paused.
// Pure: fed with the status and the time, it says what to send.
class AlertPolicy
{
public:
    static constexpr qint64 kMinIntervalMs = 3600LL * 1000;

    explicit AlertPolicy(QString host)
        : m_host(std::move(host))
    {}
    std::optional<AlertMail> update(const config::RepositoryConfig& config, const RepositoryStatus& status,
                                    const QDateTime& now);

private:
    struct Track
    {
        QDateTime alertedAt;       // the problem e-mail not followed by a recovery one yet
        QDateTime lastProblemMail; // for the hourly limit
    };
    QString m_host;
    QHash<QString, Track> m_tracks; // by repository name
};

// The e-mail as sendmail -t reads it: headers (To, Subject in RFC 2047 when not ASCII, Date,
// MIME, Auto-Submitted) and the body in UTF-8 with CRLF-free line ends.
QByteArray composeMail(const AlertMail& mail, const QDateTime& now);

// The system's sendmail interface: `sendmail` in PATH, else /usr/sbin, /usr/lib, /sbin (empty:
// none).
QString sendmailProgram();

// Watches an instance's repositories and sends what AlertPolicy says through sendmail. Made when
// the instance starts, dropped when it stops (stopping on purpose is nothing to report).
class Alerter : public QObject
{
    Q_OBJECT

public:
    explicit Alerter(Instance& instance);
    ~Alerter() override;

private:
    void check(); // every repository, now
    void send(const AlertMail& mail);

    Instance& m_instance;
    AlertPolicy m_policy;
    QTimer m_timer;          // the delays run out even when no status changes
    QList<QProcess*> m_mailing; // sendmail processes under way
};

} // namespace escale::control
