#include "protocol/LegacyNames.h"

#include <QRegularExpression>

namespace escale::protocol {

LegacyKind legacyKind(const QString& name)
{
    if (!name.startsWith(QLatin1Char('.')) || name.size() < 3)
        return LegacyKind::None;
    if (name.endsWith(QLatin1String(".placeholder")) && name.size() > 13)
        return LegacyKind::Placeholder;
    if (name.endsWith(QLatin1String(".lock")) && name.size() > 6)
        return LegacyKind::Lock;
    // Page names hold no dot; an update's timestamp is whole seconds.
    static const QRegularExpression page(QStringLiteral("^\\.[^.]+\\.index$"));
    static const QRegularExpression update(QStringLiteral("^\\.[^.]+\\.[0-9]+\\.(index|data)$"));
    if (page.match(name).hasMatch())
        return LegacyKind::IndexPage;
    if (const auto m = update.match(name); m.hasMatch())
        return m.captured(1) == QLatin1String("index") ? LegacyKind::UpdateIndex : LegacyKind::UpdateData;
    return LegacyKind::None;
}

bool isRepositoryRootName(const QString& name)
{
    static const QStringList names{QStringLiteral("escale-repository.json"), QStringLiteral("heads"),
                                   QStringLiteral("journal"),                QStringLiteral("snapshots"),
                                   QStringLiteral("data"),                   QStringLiteral("tmp")};
    return names.contains(name);
}

QString placeholderTarget(const QString& placeholder)
{
    if (legacyKind(placeholder) != LegacyKind::Placeholder)
        return {};
    return placeholder.mid(1, placeholder.size() - 1 - int(sizeof(".placeholder") - 1));
}

} // namespace escale::protocol
