#include "protocol/VersionVector.h"

#include <QStringList>

namespace escale::protocol {

VersionVector::VersionVector(QMap<QString, quint64> counters)
    : m_counters(std::move(counters))
{
    m_counters.removeIf([](auto it) { return it.value() == 0; });
}

VersionVector::Order VersionVector::compare(const VersionVector& other) const
{
    bool greater = false;
    bool less = false;
    auto a = m_counters.cbegin();
    auto b = other.m_counters.cbegin();
    while (a != m_counters.cend() || b != other.m_counters.cend()) {
        if (b == other.m_counters.cend() || (a != m_counters.cend() && a.key() < b.key())) {
            greater = true; // only we have this client
            ++a;
        } else if (a == m_counters.cend() || b.key() < a.key()) {
            less = true;
            ++b;
        } else {
            if (a.value() > b.value())
                greater = true;
            else if (a.value() < b.value())
                less = true;
            ++a;
            ++b;
        }
    }
    if (greater && less)
        return Order::Concurrent;
    if (greater)
        return Order::Newer;
    if (less)
        return Order::Older;
    return Order::Equal;
}

VersionVector VersionVector::incremented(const QString& client) const
{
    VersionVector v = *this;
    v.m_counters[client] = counter(client) + 1;
    return v;
}

VersionVector VersionVector::withCounter(const QString& client, quint64 value) const
{
    VersionVector v = *this;
    if (value == 0)
        v.m_counters.remove(client);
    else
        v.m_counters[client] = value;
    return v;
}

VersionVector VersionVector::merged(const VersionVector& other) const
{
    VersionVector v = *this;
    for (auto it = other.m_counters.cbegin(); it != other.m_counters.cend(); ++it)
        v.m_counters[it.key()] = std::max(v.counter(it.key()), it.value());
    return v;
}

QString VersionVector::toString() const
{
    QStringList parts;
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it)
        parts << it.key() + QLatin1Char(':') + QString::number(it.value());
    return parts.join(QLatin1Char(','));
}

VersionVector VersionVector::fromString(const QString& text, bool* ok)
{
    QMap<QString, quint64> counters;
    bool good = true;
    if (!text.isEmpty()) {
        for (const QString& part : text.split(QLatin1Char(','))) {
            const qsizetype colon = part.indexOf(QLatin1Char(':'));
            bool numberOk = false;
            const quint64 n = colon > 0 ? part.mid(colon + 1).toULongLong(&numberOk) : 0;
            if (!numberOk || n == 0) {
                good = false;
                break;
            }
            counters.insert(part.left(colon), n);
        }
    }
    if (ok)
        *ok = good;
    return good ? VersionVector(counters) : VersionVector();
}

} // namespace escale::protocol
