#include "protocol/PathCheck.h"
#include "protocol/LocalLayout.h"

#include <QStringList>

namespace escale::protocol {

bool isReservedName(const QString& name)
{
    return name.startsWith(local::reservedPrefix());
}

QString checkRelayPath(const QString& path, QString* normalised)
{
    if (path.isEmpty())
        return QStringLiteral("empty path");
    if (path.startsWith(QLatin1Char('/')))
        return QStringLiteral("absolute path");
    if (path.contains(QLatin1Char('\\')))
        return QStringLiteral("backslash in path");
    for (QChar c : path)
        if ((c.unicode() < 0x20 && c != QLatin1Char('\t')) || c.unicode() == 0x7f)
            return QStringLiteral("control character in path");
    const QString nfc = path.normalized(QString::NormalizationForm_C);
    for (const QString& part : nfc.split(QLatin1Char('/'))) {
        if (part.isEmpty())
            return QStringLiteral("empty path component");
        if (part == QLatin1String(".") || part == QLatin1String(".."))
            return QStringLiteral("'%1' component").arg(part);
        if (part.toUtf8().size() > 255)
            return QStringLiteral("name longer than 255 bytes");
        if (isReservedName(part))
            return QStringLiteral("reserved name '%1'").arg(part);
    }
    if (nfc.toUtf8().size() > 4000)
        return QStringLiteral("path too long");
    if (normalised)
        *normalised = nfc;
    return QString();
}

} // namespace escale::protocol
