#pragma once

#include "control/Instance.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QObject>
#include <functional>

namespace escale::ui {

// Desktop notifications from the instance's passes: new conflict copies (made here, or received
// from another machine), a repository that fails (once per distinct error, and again only after it
// recovered; a keychain that cannot be read said as such, with the remedy), a relay full ('disk
// quota'), and the first successful sync of a repository on this machine, ever (not at every
// start). Rate-limited: at most one notification of a kind per repository within `interval`,
// however many passes repeat it. A problem's notification is withdrawn once the problem is gone.
// No widgets: DesktopNotifications shows what it emits.
class Notifier : public QObject
{
    Q_OBJECT

public:
    enum class Kind
    {
        FirstSync,
        Conflicts,
        Error,
        RelayFull,
        Keychain, // the keychain holding a password or passphrase cannot be read
    };

    explicit Notifier(control::Instance* instance, QObject* parent = nullptr);

    // A notification's key: a newer one of the same kind for the same repository replaces it.
    static QString key(Kind kind, const QString& repository);

    void setInterval(qint64 ms) { m_intervalMs = ms; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    // Tests: the clock.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    void notify(escale::ui::Notifier::Kind kind, const QString& repository, const QString& title,
                const QString& message);
    // The problem a notification told of is gone (the repository works again, the relay has room).
    void withdrawn(escale::ui::Notifier::Kind kind, const QString& repository);

private:
    void onPass(int index, const sync::PassResult& result);
    void failed(const QString& repository, const QString& error, bool keychain);
    void emitLimited(const QString& repository, Kind kind, const QString& title, const QString& message);
    void withdraw(const QString& repository, Kind kind);

    control::Instance* m_instance;
    qint64 m_intervalMs = 10 * 60 * 1000;
    bool m_enabled = true;
    std::function<QDateTime()> m_clock = [] {
        return QDateTime::currentDateTimeUtc();
    };
    QHash<QString, QDateTime> m_last;    // "repository/kind" -> when last shown
    QHash<QString, QString> m_lastError; // repository -> the error already shown
    QHash<QString, int> m_conflictsWaiting; // repository -> conflict copies at its last pass
    QSet<QString> m_synced;                 // repositories whose first sync was told
    QSet<QString> m_shown;                  // "repository/kind" of the problems shown, not withdrawn
};

} // namespace escale::ui
