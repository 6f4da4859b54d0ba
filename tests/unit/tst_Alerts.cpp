// When the maintainers of a repository get an e-mail, and what it says (control/Alerts.h).
#include "config/ConfigLoader.h"
#include "control/Alerts.h"
#include "control/Instance.h"

#include <QTest>

using namespace escale;
using control::AlertPolicy;
using State = control::RepositoryStatus::State;

class tst_Alerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void maintainersFromTheConfiguration();
    void failingLongerThanTheDelay();
    void stoppedAtOnce();
    void recoveryOnlyAfterASuccess();
    void atMostOneProblemAnHour();
    void pausedOrUnwatchedSaysNothing();
    void mailAsSendmailReadsIt();

private:
    static config::RepositoryConfig repository(qint64 delayMs = 30 * 60'000)
    {
        config::RepositoryConfig r;
        r.name = QStringLiteral("docs");
        r.localPath = QStringLiteral("/srv/docs");
        r.maintainers = {QStringLiteral("admin@example.org")};
        r.alertDelayMs = delayMs;
        r.configFile = QStringLiteral("/etc/escale/alice.conf");
        return r;
    }
    static control::RepositoryStatus failing(const QDateTime& since, State state = State::Offline)
    {
        control::RepositoryStatus s;
        s.state = state;
        s.lastError = QStringLiteral("cannot reach 127.0.0.1:1: connection refused");
        s.troubleSince = since;
        s.relay = QStringLiteral("webdav://127.0.0.1:1/r");
        return s;
    }
    static control::RepositoryStatus fine(const QDateTime& at)
    {
        control::RepositoryStatus s;
        s.state = State::Idle;
        s.lastSuccess = at;
        return s;
    }
    const QDateTime t0 = QDateTime(QDate(2026, 12, 5), QTime(10, 0), Qt::UTC);
};

void tst_Alerts::maintainersFromTheConfiguration()
{
    auto load = [](const QByteArray& extra) {
        return config::ConfigLoader::load("maintainer = root@localhost\n[docs]\nlocal path = /srv/docs\n"
                                          "relay address = /srv/relay\n" +
                                              extra,
                                          QStringLiteral("t.conf"), QStringLiteral("/tmp"));
    };
    config::LoadResult r = load("");
    QVERIFY(!r.hasErrors());
    QCOMPARE(r.config.repositories.first().maintainers, QStringList{"root@localhost"}); // from the defaults
    QCOMPARE(r.config.repositories.first().alertDelayMs, 30 * 60'000LL);
    QVERIFY2(r.warnings().isEmpty(), qPrintable(r.warnings().isEmpty() ? QString() : r.warnings().first().message));

    r = load("email = a@example.org, b@example.org\nalert delay = 5\n");
    QVERIFY(!r.hasErrors());
    QCOMPARE(r.config.repositories.first().maintainers, (QStringList{"a@example.org", "b@example.org"}));
    QCOMPARE(r.config.repositories.first().alertDelayMs, 5 * 60'000LL); // minutes
    r = load("alert delay = 0\n");
    QCOMPARE(r.config.repositories.first().alertDelayMs, 0LL);

    // Anything that could add a header or a hidden recipient is refused, with the key's line.
    for (const QByteArray bad : {"maintainer = nobody\n", "maintainer = a@b.org\\nBcc: x@y.org\n",
                                 "maintainer = \"A\" <a@b.org>\n", "maintainer = a@b.org:25\n"}) {
        r = load(bad);
        QVERIFY2(r.hasErrors(), bad.constData());
        QCOMPARE(r.firstError()->key, QString("maintainer"));
        QVERIFY2(r.firstError()->message.contains("e-mail addresses"), qPrintable(r.firstError()->message));
    }
    r = load("alert delay = 2w\n");
    QVERIFY(r.hasErrors());
    QVERIFY2(r.firstError()->message.contains("0 (at once) to 1 week"), qPrintable(r.firstError()->message));
}

void tst_Alerts::failingLongerThanTheDelay()
{
    AlertPolicy policy(QStringLiteral("nas"));
    const auto config = repository();
    const auto status = failing(t0);
    QVERIFY(!policy.update(config, status, t0));
    QVERIFY(!policy.update(config, status, t0.addSecs(29 * 60)));
    const auto mail = policy.update(config, status, t0.addSecs(31 * 60));
    QVERIFY(mail);
    QVERIFY(!mail->recovery);
    QCOMPARE(mail->to, QStringList{"admin@example.org"});
    QCOMPARE(mail->subject, QString("Escale on nas: 'docs' has failed for 31 minutes"));
    QVERIFY2(mail->body.contains("has failed since 2026-12-05 10:00 UTC (31 minutes)"), qPrintable(mail->body));
    QVERIFY(mail->body.contains("Error: cannot reach 127.0.0.1:1: connection refused"));
    QVERIFY(mail->body.contains("Folder: /srv/docs"));
    QVERIFY(mail->body.contains("Relay:  webdav://127.0.0.1:1/r"));
    QVERIFY(mail->body.contains("Last successful sync: none since Escale started"));
    QVERIFY(mail->body.contains("[docs] of /etc/escale/alice.conf"));
    // Once: the failure goes on without another e-mail.
    QVERIFY(!policy.update(config, status, t0.addSecs(40 * 60)));
    QVERIFY(!policy.update(config, status, t0.addSecs(5 * 3600)));

    // A delay of 0: at the first failure.
    AlertPolicy quick(QStringLiteral("nas"));
    const auto atOnce = quick.update(repository(0), failing(t0, State::Error), t0.addSecs(2));
    QVERIFY(atOnce);
    QCOMPARE(atOnce->subject, QString("Escale on nas: 'docs' is failing"));
}

void tst_Alerts::stoppedAtOnce()
{
    AlertPolicy policy(QStringLiteral("nas"));
    auto status = failing(t0, State::Stopped);
    status.lastError = QStringLiteral("wrong passphrase");
    status.lastSuccess = t0.addSecs(-3600);
    const auto mail = policy.update(repository(), status, t0);
    QVERIFY(mail);
    QCOMPARE(mail->subject, QString("Escale on nas: 'docs' has stopped"));
    QVERIFY(mail->body.contains("it waits for you"));
    QVERIFY(mail->body.contains("Error: wrong passphrase"));
    QVERIFY(mail->body.contains("Last successful sync: 2026-12-05 09:00 UTC"));
    QVERIFY(!policy.update(repository(), status, t0.addSecs(60)));
}

void tst_Alerts::recoveryOnlyAfterASuccess()
{
    AlertPolicy policy(QStringLiteral("nas"));
    const auto config = repository(0);
    QVERIFY(policy.update(config, failing(t0), t0));
    // Restarted with new settings: no error, but no success either yet.
    control::RepositoryStatus restarted;
    restarted.state = State::Starting;
    QVERIFY(!policy.update(config, restarted, t0.addSecs(10)));
    // A success from before the alert does not count.
    QVERIFY(!policy.update(config, fine(t0.addSecs(-10)), t0.addSecs(20)));
    const auto mail = policy.update(config, fine(t0.addSecs(30)), t0.addSecs(30));
    QVERIFY(mail);
    QVERIFY(mail->recovery);
    QCOMPARE(mail->subject, QString("Escale on nas: 'docs' works again"));
    QVERIFY(mail->body.contains("a pass succeeded at 2026-12-05 10:00 UTC"));
    QVERIFY(!policy.update(config, fine(t0.addSecs(60)), t0.addSecs(60))); // once
    // Failures that pass before the delay: nothing at all.
    AlertPolicy quiet(QStringLiteral("nas"));
    QVERIFY(!quiet.update(repository(), failing(t0), t0.addSecs(60)));
    QVERIFY(!quiet.update(repository(), fine(t0.addSecs(120)), t0.addSecs(120)));
}

void tst_Alerts::atMostOneProblemAnHour()
{
    AlertPolicy policy(QStringLiteral("nas"));
    const auto config = repository(0);
    QVERIFY(policy.update(config, failing(t0), t0));
    QVERIFY(policy.update(config, fine(t0.addSecs(60)), t0.addSecs(60))); // works again
    // It fails again within the hour: said when the hour is over, if it still fails then.
    QVERIFY(!policy.update(config, failing(t0.addSecs(120)), t0.addSecs(120)));
    QVERIFY(!policy.update(config, failing(t0.addSecs(120)), t0.addSecs(3599)));
    const auto again = policy.update(config, failing(t0.addSecs(120)), t0.addSecs(3601));
    QVERIFY(again);
    QVERIFY(!again->recovery);
    // One that recovered before the hour was over: nothing (no problem e-mail, no recovery one).
    AlertPolicy flapping(QStringLiteral("nas"));
    QVERIFY(flapping.update(config, failing(t0), t0));
    QVERIFY(flapping.update(config, fine(t0.addSecs(60)), t0.addSecs(60)));
    QVERIFY(!flapping.update(config, failing(t0.addSecs(120)), t0.addSecs(120)));
    QVERIFY(!flapping.update(config, fine(t0.addSecs(180)), t0.addSecs(180)));
    QVERIFY(!flapping.update(config, fine(t0.addSecs(7200)), t0.addSecs(7200)));
}

void tst_Alerts::pausedOrUnwatchedSaysNothing()
{
    AlertPolicy policy(QStringLiteral("nas"));
    auto status = failing(t0);
    status.paused = true;
    QVERIFY(!policy.update(repository(0), status, t0.addSecs(3600)));
    auto nobody = repository(0);
    nobody.maintainers.clear();
    QVERIFY(!policy.update(nobody, failing(t0, State::Stopped), t0));
}

void tst_Alerts::mailAsSendmailReadsIt()
{
    control::AlertMail mail;
    mail.repository = QStringLiteral("Écrits");
    mail.to = {QStringLiteral("a@example.org"), QStringLiteral("b@example.org")};
    mail.subject = QStringLiteral("Escale on nas: 'Écrits' has stopped, and this subject is long enough to need "
                                  "several encoded words");
    mail.body = QStringLiteral("Line one\r\nLine two: é\n");
    const QByteArray text = control::composeMail(mail, t0);
    const QList<QByteArray> lines = text.split('\n');
    QCOMPARE(lines.at(0), QByteArray("To: a@example.org, b@example.org"));
    QVERIFY(lines.at(1).startsWith("Subject: =?UTF-8?B?"));
    QVERIFY(text.contains("Date: Sat, 05 Dec 2026 10:00:00 +0000\n"));
    QVERIFY(text.contains("Content-Type: text/plain; charset=UTF-8\n"));
    QVERIFY(text.contains("Auto-Submitted: auto-generated\n"));
    QVERIFY(!text.contains('\r'));
    // Each encoded word at most 75 characters, and together they give the subject back.
    const qsizetype headerEnd = text.indexOf("\n\n");
    QString subject;
    for (const QByteArray& line : text.left(headerEnd).split('\n')) {
        const QByteArray word = line.startsWith("Subject: ") ? line.mid(9) : line.startsWith(' ') ? line.mid(1) : QByteArray();
        if (!word.startsWith("=?UTF-8?B?"))
            continue;
        QVERIFY2(word.size() <= 75, word.constData());
        QVERIFY(word.endsWith("?="));
        subject += QString::fromUtf8(QByteArray::fromBase64(word.mid(10, word.size() - 12)));
    }
    QCOMPARE(subject, mail.subject);
    QCOMPARE(text.mid(headerEnd + 2), QString("Line one\nLine two: é\n").toUtf8());
    mail.subject = QStringLiteral("plain");
    QVERIFY(control::composeMail(mail, t0).contains("\nSubject: plain\n"));
}

QTEST_GUILESS_MAIN(tst_Alerts)
#include "tst_Alerts.moc"
