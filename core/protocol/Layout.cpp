#include "protocol/Layout.h"

#include "protocol/Records.h"

#include <QRegularExpression>

namespace escale::protocol::layout {

QString headName(const QString& client, quint64 generation)
{
    return client + QLatin1Char('.') + QString::number(generation);
}

QString headPath(const QString& client, quint64 generation)
{
    return headsFolder() + QLatin1Char('/') + headName(client, generation);
}

QString journalFolderOf(const QString& client)
{
    return journalFolder() + QLatin1Char('/') + client;
}

QString journalPath(const QString& client, quint64 seq)
{
    return journalFolderOf(client) + QLatin1Char('/') + QString::number(seq);
}

QString snapshotFolderOf(const QString& client)
{
    return QStringLiteral("snapshots/") + client;
}

QString snapshotPath(const QString& client, quint64 seq)
{
    return snapshotFolderOf(client) + QLatin1Char('/') + QString::number(seq);
}

QString dataFolderOf(const QString& object)
{
    return dataFolder() + QLatin1Char('/') + object.left(2);
}

QString dataPath(const QString& object)
{
    return dataFolderOf(object) + QLatin1Char('/') + object;
}

QString forgottenName(const QString& client)
{
    return client + QStringLiteral(".forgotten");
}

QString forgottenPath(const QString& client)
{
    return headsFolder() + QLatin1Char('/') + forgottenName(client);
}

std::optional<QString> parseForgottenName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9a-f]{16})\\.forgotten$"));
    const QRegularExpressionMatch m = pattern.match(name);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1);
}

std::optional<HeadName> parseHeadName(const QString& name)
{
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return std::nullopt;
    const QString client = name.left(dot);
    const QString gen = name.mid(dot + 1);
    if (!isClientId(client) || gen.isEmpty() || gen.startsWith(QLatin1Char('0')))
        return std::nullopt;
    bool ok = false;
    const quint64 g = gen.toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    for (QChar c : gen)
        if (!c.isDigit())
            return std::nullopt;
    return HeadName{client, g};
}

} // namespace escale::protocol::layout
