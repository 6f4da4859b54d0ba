#include "Notifier.h"

namespace escale::ui {

Notifier::Notifier(control::Instance* instance, QObject* parent)
    : QObject(parent)
    , m_instance(instance)
{
    connect(instance, &control::Instance::passFinished, this, &Notifier::onPass);
}

void Notifier::onPass(int index, const sync::PassResult& result)
{
    const QString name = m_instance->repository(index).name;
    if (!result.ok()) {
        // Once per distinct error: a relay down for an hour is one notification, not sixty.
        if (m_lastError.value(index) != result.error) {
            m_lastError.insert(index, result.error);
            emitLimited(index, Kind::Error, tr("%1: sync failed").arg(name), result.error);
        }
        return;
    }
    m_lastError.remove(index);
    if (!m_synced.contains(index)) {
        m_synced.insert(index);
        emitLimited(index, Kind::FirstSync, tr("%1 is in sync").arg(name),
                    tr("%1 is synchronised with %2.")
                        .arg(m_instance->repository(index).localPath,
                             m_instance->repository(index).relay.toDisplayString()));
    }
    if (result.conflicts > 0)
        emitLimited(
            index, Kind::Conflicts, tr("%1: conflicting changes").arg(name),
            tr("%n file(s) were changed on two machines at once; both versions are kept. Resolve them in "
               "the activity window or with 'escalectl conflicts'.",
               nullptr, result.conflicts));
    if (result.waitingForSpace)
        emitLimited(index, Kind::RelayFull, tr("%1: the relay is full").arg(name),
                    tr("Uploads wait until the other machines take their copies (disk quota reached)."));
}

void Notifier::emitLimited(int index, Kind kind, const QString& title, const QString& message)
{
    if (!m_enabled)
        return;
    const QString key = QStringLiteral("%1/%2").arg(index).arg(int(kind));
    const QDateTime now = m_clock();
    const QDateTime last = m_last.value(key);
    if (last.isValid() && last.msecsTo(now) < m_intervalMs)
        return;
    m_last.insert(key, now);
    Q_EMIT notify(kind, title, message);
}

} // namespace escale::ui
