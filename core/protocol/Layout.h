#pragma once

#include <QString>
#include <optional>

namespace escale::protocol {

// Names of the objects on the relay (relay-format.md section 2).
namespace layout {

inline QString headerPath()
{
    return QStringLiteral("escale-repository.json");
}
inline QString headsFolder()
{
    return QStringLiteral("heads");
}
inline QString journalFolder()
{
    return QStringLiteral("journal");
}
inline QString dataFolder()
{
    return QStringLiteral("data");
}
// The forwarding record of a migrated repository (R32), in heads/ so that the poll's listing
// shows it.
inline QString forwardName()
{
    return QStringLiteral("forward");
}
inline QString forwardPath()
{
    return QStringLiteral("heads/forward");
}
// The record that a client was forgotten (R33), also in heads/.
QString forgottenName(const QString& client);
QString forgottenPath(const QString& client);
// "c0ffee0123456789.forgotten" -> the client id; std::nullopt for anything else.
std::optional<QString> parseForgottenName(const QString& name);

QString headName(const QString& client, quint64 generation);
QString headPath(const QString& client, quint64 generation);
QString journalFolderOf(const QString& client);
QString journalPath(const QString& client, quint64 seq);
QString dataFolderOf(const QString& object);
QString snapshotFolderOf(const QString& client);
QString snapshotPath(const QString& client, quint64 seq);
QString dataPath(const QString& object);

struct HeadName
{
    QString client;
    quint64 generation = 0;
};
// "c0ffee0123456789.7" -> {client, 7}; std::nullopt for anything else.
std::optional<HeadName> parseHeadName(const QString& name);

} // namespace layout
} // namespace escale::protocol
