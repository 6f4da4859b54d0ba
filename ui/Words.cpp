#include "Words.h"

#include <QLocale>
#include <QStringList>
#include <QTreeWidget>

#include <algorithm>

namespace escale::ui {

QString Words::dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString Words::sentence(const QString& message)
{
    // Only a word: a message may start with a file's or a relay's name ("photos/a.jpg changed ..."),
    // whose letters are not ours to change.
    const QString first = message.section(QLatin1Char(' '), 0, 0);
    if (first.isEmpty() || !first.front().isLower() ||
        !std::all_of(first.cbegin(), first.cend(), [](QChar c) { return c.isLetter() || c == QChar(0x2019); }))
        return message;
    return message.front().toUpper() + message.mid(1);
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

namespace {
constexpr int kEmptyRole = Qt::UserRole + 99;
}

void Words::showEmpty(QTreeWidget* list, const QString& text)
{
    dropEmpty(list);
    if (list->topLevelItemCount() > 0)
        return;
    auto* line = new QTreeWidgetItem(list);
    line->setText(0, text);
    line->setData(0, kEmptyRole, true);
    line->setFlags(Qt::NoItemFlags); // not selectable: nothing to act on
    line->setFirstColumnSpanned(true);
}

void Words::dropEmpty(QTreeWidget* list)
{
    for (int i = list->topLevelItemCount() - 1; i >= 0; --i)
        if (isEmptyLine(list->topLevelItem(i)))
            delete list->takeTopLevelItem(i);
}

bool Words::isEmptyLine(const QTreeWidgetItem* item)
{
    return item && item->data(0, kEmptyRole).toBool();
}

QString Words::suite(const QString& encryption)
{
    const QString e = encryption.trimmed().toLower();
    if (e == QLatin1String("chacha20-poly1305"))
        return QStringLiteral("ChaCha20-Poly1305");
    if (e == QLatin1String("off") || e == QLatin1String("no") || e.isEmpty())
        return tr("none (not encrypted)");
    return QStringLiteral("AES-256-GCM");
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
