#include "sync/AccessFlags.h"

#include "Tr.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace escale::sync {

EffectiveAccess effectiveAccess(const AccessTable& table, const QString& path)
{
    EffectiveAccess a;
    if (table.isEmpty())
        return a; // (the common case: nothing set anywhere)
    QString p = path;
    for (;;) {
        const auto it = table.constFind(p);
        if (it != table.cend()) {
            if (!a.sendSet && it->send) {
                a.send = *it->send;
                a.sendSetAt = p;
                a.sendSet = true;
            }
            if (!a.receiveSet && it->receive) {
                a.receive = *it->receive;
                a.receiveSetAt = p;
                a.receiveSet = true;
            }
        }
        if ((a.sendSet && a.receiveSet) || p.isEmpty())
            break;
        const qsizetype slash = p.lastIndexOf(QLatin1Char('/'));
        p = slash < 0 ? QString() : p.left(slash);
    }
    return a;
}

bool applyAccessModifiers(const QStringList& words, state::StateDb::Access& result, QString& error)
{
    state::StateDb::Access flags = result; // all or nothing
    for (const QString& word : words) {
        if (word.isEmpty()) {
            error = trc("sync", "an empty access modifier");
            return false;
        }
        for (qsizetype i = 0; i < word.size();) {
            const QChar letter = word.at(i).toLower();
            if (letter != QLatin1Char('r') && letter != QLatin1Char('w')) {
                error = trc("sync", "'%1' is not an access modifier: use r+, r-, r? (send) and w+, w-, w? "
                                    "(receive)")
                            .arg(word);
                return false;
            }
            char sign = '+'; // a bare letter means +
            ++i;
            if (i < word.size() && QStringLiteral("+-?").contains(word.at(i)))
                sign = word.at(i++).toLatin1();
            std::optional<bool> value;
            if (sign != '?')
                value = sign == '+';
            (letter == QLatin1Char('r') ? flags.send : flags.receive) = value;
        }
    }
    result = flags;
    return true;
}

QString accessFlagsText(const state::StateDb::Access& flags)
{
    auto sign = [](const std::optional<bool>& v) {
        return !v ? QLatin1Char('?') : *v ? QLatin1Char('+') : QLatin1Char('-');
    };
    return QStringLiteral("r") + sign(flags.send) + QStringLiteral("w") + sign(flags.receive);
}

QString accessTableText(const AccessTable& table)
{
    QJsonObject o;
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        QJsonObject flags;
        if (it->send)
            flags.insert(QStringLiteral("send"), *it->send);
        if (it->receive)
            flags.insert(QStringLiteral("receive"), *it->receive);
        o.insert(it.key(), flags);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

AccessTable accessTableFromText(const QString& text)
{
    AccessTable table;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonObject flags = it.value().toObject();
        state::StateDb::Access a;
        if (flags.value(QStringLiteral("send")).isBool())
            a.send = flags.value(QStringLiteral("send")).toBool();
        if (flags.value(QStringLiteral("receive")).isBool())
            a.receive = flags.value(QStringLiteral("receive")).toBool();
        table.insert(it.key(), a);
    }
    return table;
}

} // namespace escale::sync
