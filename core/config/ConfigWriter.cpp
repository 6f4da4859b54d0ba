#include "config/ConfigWriter.h"

#include <QFile>
#include <QSaveFile>
#include <QStringList>

namespace escale::config {

namespace {

QString normalisedKey(const QString& line)
{
    const qsizetype eq = line.indexOf(QLatin1Char('='));
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    qsizetype cut = eq < 0 ? colon : (colon < 0 ? eq : std::min(eq, colon));
    if (cut < 0)
        return {};
    return line.left(cut).simplified().toLower();
}

} // namespace

bool editSectionInFile(const QString& path, const QString& section, const QList<KeyEdit>& edits,
                       QString& error)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot read %1: %2").arg(path, in.errorString());
        return false;
    }
    QStringList lines = QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'));
    in.close();
    const QString header = QLatin1Char('[') + section + QLatin1Char(']');
    qsizetype start = -1;
    for (qsizetype i = 0; i < lines.size(); ++i)
        if (lines.at(i).trimmed() == header) {
            start = i;
            break;
        }
    if (start < 0) {
        error = QStringLiteral("%1 has no section [%2]").arg(path, section);
        return false;
    }
    for (const KeyEdit& edit : edits) {
        qsizetype end = lines.size();
        for (qsizetype i = start + 1; i < lines.size(); ++i)
            if (lines.at(i).trimmed().startsWith(QLatin1Char('['))) {
                end = i;
                break;
            }
        QStringList names;
        for (const QString& n : edit.names)
            names << n.toLower();
        bool placed = !edit.value; // a removal places nothing
        for (qsizetype i = start + 1; i < end; ++i) {
            const QString trimmed = lines.at(i).trimmed();
            if (trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1Char(';')) ||
                !names.contains(normalisedKey(lines.at(i))))
                continue;
            if (!placed) {
                lines[i] = edit.names.first() + QStringLiteral(" = ") + *edit.value;
                placed = true;
            } else {
                lines.removeAt(i--);
                --end;
            }
        }
        if (!placed) {
            qsizetype at = end;
            while (at > start + 1 && lines.at(at - 1).trimmed().isEmpty())
                --at;
            lines.insert(at, edit.names.first() + QStringLiteral(" = ") + *edit.value);
        }
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(lines.join(QLatin1Char('\n')).toUtf8()) < 0 ||
        !out.commit()) { // QSaveFile keeps the file's permissions
        error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    return true;
}

bool setKeyInFile(const QString& path, const QString& section, const QString& key, const QString& value,
                  QString& error)
{
    return editSectionInFile(path, section, {KeyEdit{{key}, value}}, error);
}

KeyEdit keyEdit(KeyId id, const std::optional<QString>& value)
{
    KeyEdit edit;
    edit.value = value;
    for (const KeyDefinition& k : allKeys())
        if (k.id == id && k.scope != KeyScope::Global) {
            edit.names << k.name << k.aliases;
            break;
        }
    return edit;
}

QList<KeyEdit> relayAddressEdits(const QString& address)
{
    return {keyEdit(KeyId::RelayAddress, address), keyEdit(KeyId::Protocol, std::nullopt),
            keyEdit(KeyId::RelayPath, std::nullopt), keyEdit(KeyId::Port, std::nullopt)};
}

} // namespace escale::config
