#include "Words.h"

#include <QLocale>
#include <QStringList>

namespace escale::ui {

QString Words::dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString Words::when(const QDateTime& t)
{
    if (!t.isValid())
        return QString();
    const QDateTime local = t.toLocalTime();
    return local.date() == QDate::currentDate() ? QLocale().toString(local.time(), QLocale::ShortFormat)
                                                : QLocale().toString(local, QLocale::ShortFormat);
}

QString Words::change(sync::FileEvent::Kind kind)
{
    switch (kind) {
    case sync::FileEvent::Kind::Sent:
        return tr("sent");
    case sync::FileEvent::Kind::Received:
        return tr("received");
    case sync::FileEvent::Kind::Deleted:
        return tr("deleted");
    case sync::FileEvent::Kind::Conflict:
        return tr("conflict copy");
    }
    return QString();
}

QString Words::peerWork(const sync::PeerState& peer)
{
    QStringList work;
    if (peer.unacknowledged > 0)
        work << tr("has %n of this machine's change sets to take", nullptr, int(peer.unacknowledged));
    if (peer.unapplied > 0)
        work << tr("%n of its change sets to apply here", nullptr, int(peer.unapplied));
    return work.isEmpty() ? tr("none: in step") : work.join(QLatin1String("; "));
}

} // namespace escale::ui
