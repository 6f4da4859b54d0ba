#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

namespace escale::protocol {

// One counter per client that changed a path (relay-format.md R24). Versions are ordered by
// these vectors alone, never by clocks.
class VersionVector
{
public:
    enum class Order
    {
        Equal,
        Newer,
        Older,
        Concurrent
    };

    VersionVector() = default;
    explicit VersionVector(QMap<QString, quint64> counters);

    quint64 counter(const QString& client) const { return m_counters.value(client, 0); }
    const QMap<QString, quint64>& counters() const { return m_counters; }
    bool isEmpty() const { return m_counters.isEmpty(); }

    // How this vector relates to `other`: Newer means this one supersedes it.
    Order compare(const VersionVector& other) const;
    bool supersedes(const VersionVector& other) const { return compare(other) == Order::Newer; }

    VersionVector incremented(const QString& client) const;
    VersionVector withCounter(const QString& client, quint64 value) const; // 0 removes it
    VersionVector merged(const VersionVector& other) const; // element-wise maximum

    // Canonical text form, sorted by client: "a1b2:3,c3d4:1". Equal vectors give equal text.
    QString toString() const;
    static VersionVector fromString(const QString& text, bool* ok = nullptr);

    bool operator==(const VersionVector& other) const { return m_counters == other.m_counters; }

private:
    QMap<QString, quint64> m_counters; // no zero entries
};

} // namespace escale::protocol
