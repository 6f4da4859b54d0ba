#include "Notifier.h"

#include <algorithm>

namespace escale::ui {

Notifier::Notifier(control::Instance* instance, QObject* parent)
    : QObject(parent)
    , m_instance(instance)
{
    connect(instance, &control::Instance::passFinished, this, &Notifier::onPass);
    connect(instance, &control::Instance::failedToStart, this, [this](int index, const QString& error, bool keychain) {
        failed(m_instance->repository(index).name, error, keychain);
    });
}

void Notifier::failed(const QString& name, const QString& error, bool keychain)
{
    // Once per distinct error: a relay down for an hour is one notification, not sixty.
    if (m_lastError.value(name) == error)
        return;
    m_lastError.insert(name, error);
    if (keychain)
        emitLimited(name, Kind::Keychain, tr("%1: the keychain is not available").arg(name),
                    tr("%1\nUnlock the keychain (log in to the desktop session), or keep the password and "
                       "passphrase in files readable only by you ('password = /path', 'passphrase = /path').")
                        .arg(error));
    else
        emitLimited(name, Kind::Error, tr("%1: sync failed").arg(name), error);
}

void Notifier::onPass(int index, const sync::PassResult& result)
{
    const QString name = m_instance->repository(index).name;
    if (!result.ok()) {
        failed(name, result.error, result.keychainUnavailable);
        return;
    }
    m_lastError.remove(name);
    for (Kind gone : {Kind::Error, Kind::Keychain})
        withdraw(name, gone);
    if (!result.waitingForSpace)
        withdraw(name, Kind::RelayFull);
    if (m_instance->status(index).firstSync && !m_synced.contains(name)) {
        m_synced.insert(name);
        emitLimited(name, Kind::FirstSync, tr("%1 is in sync").arg(name),
                    tr("%1 is synchronised with %2.")
                        .arg(m_instance->repository(index).localPath,
                             m_instance->repository(index).relay.toDisplayString()));
    }
    // Conflict copies made here, or received from the machine that made them: both are told.
    int fresh = result.conflicts;
    if (result.conflictsWaiting >= 0) {
        const int before = m_conflictsWaiting.value(name, -1);
        if (before >= 0)
            fresh = std::max(fresh, result.conflictsWaiting - before);
        m_conflictsWaiting.insert(name, result.conflictsWaiting);
        if (result.conflictsWaiting == 0)
            withdraw(name, Kind::Conflicts);
    }
    if (fresh > 0)
        emitLimited(
            name, Kind::Conflicts, tr("%1: conflicting changes").arg(name),
            tr("%n file(s) were changed on two machines at once; both versions are kept. Resolve them in "
               "the activity window or with 'escalectl conflicts'.",
               nullptr, fresh));
    if (result.waitingForSpace)
        emitLimited(name, Kind::RelayFull, tr("%1: the relay is full").arg(name),
                    tr("Uploads wait until the other machines take their copies (disk quota reached)."));
}

QString Notifier::key(Kind kind, const QString& repository)
{
    return QStringLiteral("%1/%2").arg(repository).arg(int(kind));
}

void Notifier::emitLimited(const QString& repository, Kind kind, const QString& title, const QString& message)
{
    if (!m_enabled)
        return;
    const QString shownKey = key(kind, repository);
    const QDateTime now = m_clock();
    const QDateTime last = m_last.value(shownKey);
    if (last.isValid() && last.msecsTo(now) < m_intervalMs)
        return;
    m_last.insert(shownKey, now);
    if (kind != Kind::FirstSync)
        m_shown.insert(shownKey);
    Q_EMIT notify(kind, repository, title, message);
}

void Notifier::withdraw(const QString& repository, Kind kind)
{
    if (m_shown.remove(key(kind, repository)))
        Q_EMIT withdrawn(kind, repository);
}

} // namespace escale::ui
