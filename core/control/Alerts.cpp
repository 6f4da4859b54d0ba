#include "control/Alerts.h"

#include "Tr.h"
#include "control/Instance.h"
#include "log/Logging.h"

#include <QLocale>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>

namespace escale::control {

namespace {

using State = RepositoryStatus::State;

QString when(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString lasting(qint64 ms)
{
    const qint64 minutes = std::max<qint64>(1, (ms + 30'000) / 60'000);
    if (minutes < 120)
        return minutes == 1 ? trc("control", "1 minute") : trc("control", "%1 minutes").arg(minutes);
    const qint64 hours = (minutes + 30) / 60;
    if (hours < 48)
        return trc("control", "%1 hours").arg(hours);
    return trc("control", "%1 days").arg((hours + 12) / 24);
}

// A header value in RFC 2047 encoded words when it is not plain ASCII, each word at most 75
// characters, never cutting a UTF-8 sequence.
QByteArray headerText(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    bool ascii = true;
    for (char c : utf8)
        ascii = ascii && c >= 0x20 && c < 0x7f;
    if (ascii)
        return utf8;
    QByteArray out;
    qsizetype start = 0;
    while (start < utf8.size()) {
        qsizetype end = std::min<qsizetype>(utf8.size(), start + 45);
        while (end < utf8.size() && end > start + 1 && (uchar(utf8.at(end)) & 0xC0) == 0x80)
            --end;
        if (!out.isEmpty())
            out += "\n ";
        out += "=?UTF-8?B?" + utf8.mid(start, end - start).toBase64() + "?=";
        start = end;
    }
    return out;
}

} // namespace

std::optional<AlertMail> AlertPolicy::update(const config::RepositoryConfig& config, const RepositoryStatus& status,
                                             const QDateTime& now)
{
    if (config.maintainers.isEmpty() || status.paused)
        return std::nullopt;
    Track& track = m_tracks[config.name];
    const bool stopped = status.state == State::Stopped;
    const bool failing = stopped || !status.lastError.isEmpty();
    AlertMail mail;
    mail.repository = config.name;
    mail.to = config.maintainers;
    const QString place = trc("control", "Folder: %1\nRelay:  %2\n").arg(config.localPath, status.relay);
    const QString footer =
        trc("control", "\n-- \nSent by Escale on %1 because 'maintainer' names you in [%2] of %3.\n")
            .arg(m_host, config.name, config.configFile.isEmpty() ? trc("control", "its configuration")
                                                                   : config.configFile);
    if (!failing) {
        // Works again: only once a pass succeeded after the alert (a repository restarted with
        // new settings is not well yet).
        if (!track.alertedAt.isValid() || !status.lastSuccess.isValid() || status.lastSuccess < track.alertedAt)
            return std::nullopt;
        mail.recovery = true;
        mail.subject = trc("control", "Escale on %1: '%2' works again").arg(m_host, config.name);
        mail.body = trc("control", "The repository '%1' works again: a pass succeeded at %2.\n\n%3%4")
                        .arg(config.name, when(status.lastSuccess), place, footer);
        track.alertedAt = {};
        return mail;
    }
    if (track.alertedAt.isValid())
        return std::nullopt; // told already
    const QDateTime since = status.troubleSince.isValid() ? status.troubleSince : now;
    const qint64 failingMs = since.msecsTo(now);
    if (!stopped && failingMs < config.alertDelayMs)
        return std::nullopt;
    if (track.lastProblemMail.isValid() && track.lastProblemMail.msecsTo(now) < kMinIntervalMs)
        return std::nullopt; // it flaps: told again when the hour is over, if it still fails
    track.alertedAt = now;
    track.lastProblemMail = now;
    mail.subject = stopped ? trc("control", "Escale on %1: '%2' has stopped").arg(m_host, config.name)
                   : failingMs < 60'000 ? trc("control", "Escale on %1: '%2' is failing").arg(m_host, config.name)
                                        : trc("control", "Escale on %1: '%2' has failed for %3")
                                              .arg(m_host, config.name, lasting(failingMs));
    const QString what =
        stopped ? trc("control", "The repository '%1' has stopped: it waits for you, nothing is synchronised "
                                 "until the cause is fixed and Escale restarted (systemctl restart escale@USER "
                                 "or escale, or quit and start the desktop application).")
                      .arg(config.name)
                : trc("control", "The repository '%1' has failed since %2 (%3). Escale keeps retrying on its own; "
                                 "nothing is lost meanwhile, changes wait on each side.")
                      .arg(config.name, when(since), lasting(failingMs));
    mail.body = trc("control", "%1\n\nError: %2\n\n%3Last successful sync: %4\n\n'escalectl status' and the log "
                               "say more. You get one e-mail when it works again, and at most one alert an hour "
                               "for this repository.\n%5")
                    .arg(what, status.lastError.isEmpty() ? trc("control", "(none given)") : status.lastError, place,
                         status.lastSuccess.isValid() ? when(status.lastSuccess)
                                                      : trc("control", "none since Escale started"),
                         footer);
    return mail;
}

QByteArray composeMail(const AlertMail& mail, const QDateTime& now)
{
    QByteArray out;
    out += "To: " + mail.to.join(QLatin1String(", ")).toUtf8() + '\n';
    out += "Subject: " + headerText(mail.subject) + '\n';
    out += "Date: " +
           QLocale::c().toString(now.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss '+0000'")).toLatin1() + '\n';
    out += "MIME-Version: 1.0\n";
    out += "Content-Type: text/plain; charset=UTF-8\n";
    out += "Content-Transfer-Encoding: 8bit\n";
    out += "Auto-Submitted: auto-generated\n";
    out += "X-Escale-Repository: " + headerText(mail.repository) + '\n';
    out += '\n';
    QByteArray body = mail.body.toUtf8();
    body.replace("\r", "");
    out += body;
    if (!out.endsWith('\n'))
        out += '\n';
    return out;
}

QString sendmailProgram()
{
    QString found = QStandardPaths::findExecutable(QStringLiteral("sendmail"));
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(
            QStringLiteral("sendmail"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/lib"), QStringLiteral("/sbin")});
    return found;
}

Alerter::Alerter(Instance& instance)
    : m_instance(instance)
    , m_policy(QSysInfo::machineHostName())
{
    connect(&instance, &Instance::statusChanged, this, [this] { check(); });
    connect(&instance, &Instance::failedToStart, this, [this] { check(); });
    connect(&m_timer, &QTimer::timeout, this, &Alerter::check);
    m_timer.start(15'000);
    bool wanted = false;
    for (int i = 0; i < instance.repositoryCount(); ++i)
        wanted = wanted || !instance.repository(i).maintainers.isEmpty();
    if (wanted && sendmailProgram().isEmpty())
        qCWarning(lcApp).noquote()
            << QStringLiteral("'maintainer' is set but this system has no sendmail: alert e-mails cannot be sent. "
                              "Install a mail transfer agent that provides /usr/sbin/sendmail (msmtp-mta, "
                              "nullmailer, postfix ...)");
}

Alerter::~Alerter()
{
    // Mails under way are let finish (a few seconds at most), not cut.
    const QList<QProcess*> mailing = m_mailing; // each removes itself as it ends
    for (QProcess* p : mailing)
        p->waitForFinished(5'000);
}

void Alerter::check()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < m_instance.repositoryCount(); ++i)
        if (const auto mail = m_policy.update(m_instance.repository(i), m_instance.status(i), now))
            send(*mail);
}

void Alerter::send(const AlertMail& mail)
{
    const QString tag = QStringLiteral("[%1] ").arg(mail.repository);
    const QString to = mail.to.join(QLatin1String(", "));
    const QString program = sendmailProgram();
    if (program.isEmpty()) {
        qCWarning(lcApp).noquote() << tag + QStringLiteral("cannot send the e-mail \"%1\" to %2: this system has no "
                                                           "sendmail (install msmtp-mta, nullmailer or postfix)")
                                                .arg(mail.subject, to);
        return;
    }
    auto* process = new QProcess(this);
    m_mailing << process;
    process->setProcessChannelMode(QProcess::MergedChannels);
    auto done = [this, process] {
        m_mailing.removeOne(process);
        process->deleteLater();
    };
    connect(process, &QProcess::finished, this, [=](int code, QProcess::ExitStatus exit) {
        const QString said = QString::fromLocal8Bit(process->readAll()).trimmed();
        if (exit == QProcess::NormalExit && code == 0)
            qCInfo(lcApp).noquote() << tag + QStringLiteral("e-mail sent to %1: %2").arg(to, mail.subject);
        else
            qCWarning(lcApp).noquote()
                << tag + QStringLiteral("%1 could not send the e-mail to %2 (exit %3)%4: check the mail system")
                             .arg(program, to)
                             .arg(exit == QProcess::NormalExit ? code : -1)
                             .arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said.left(300));
        done();
    });
    connect(process, &QProcess::errorOccurred, this, [=](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        qCWarning(lcApp).noquote() << tag + QStringLiteral("cannot run %1 to send the e-mail to %2: %3")
                                                .arg(program, to, process->errorString());
        done();
    });
    QTimer::singleShot(60'000, process, [process] { process->kill(); });
    process->start(program, {QStringLiteral("-oi"), QStringLiteral("-t")});
    process->write(composeMail(mail, QDateTime::currentDateTimeUtc()));
    process->closeWriteChannel();
}

} // namespace escale::control
