#include "protocol/PathCheck.h"

#include "Tr.h"
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
        return trc("protocol", "empty path");
    if (path.startsWith(QLatin1Char('/')))
        return trc("protocol", "absolute path");
    if (path.contains(QLatin1Char('\\')))
        return trc("protocol", "backslash in path");
    for (QChar c : path)
        if ((c.unicode() < 0x20 && c != QLatin1Char('\t')) || c.unicode() == 0x7f)
            return trc("protocol", "control character in path");
    const QString nfc = path.normalized(QString::NormalizationForm_C);
    for (const QString& part : nfc.split(QLatin1Char('/'))) {
        if (part.isEmpty())
            return trc("protocol", "empty path component");
        if (part == QLatin1String(".") || part == QLatin1String(".."))
            return trc("protocol", "'%1' component").arg(part);
        if (part.toUtf8().size() > 255)
            return trc("protocol", "name longer than 255 bytes");
        if (isReservedName(part))
            return trc("protocol", "reserved name '%1'").arg(part);
    }
    if (nfc.toUtf8().size() > 4000)
        return trc("protocol", "path too long");
    if (normalised)
        *normalised = nfc;
    return QString();
}

} // namespace escale::protocol
