#pragma once

#include <QString>
#include <QtGlobal>

namespace escale::ui {

// The speed of a transfer from samples of the bytes moved so far (smoothed), and the time left
// at that speed. Starts again when the count goes back (a new pass).
class TransferRate
{
public:
    void sample(qint64 bytes, qint64 nowMs)
    {
        if (bytes < m_bytes || m_atMs < 0) {
            m_bytes = bytes;
            m_atMs = nowMs;
            m_speed = 0;
            return;
        }
        if (nowMs - m_atMs < 400)
            return;
        const double instant = double(bytes - m_bytes) * 1000.0 / double(nowMs - m_atMs);
        m_speed = m_speed > 0 ? 0.6 * m_speed + 0.4 * instant : instant;
        m_bytes = bytes;
        m_atMs = nowMs;
    }
    void reset() { *this = TransferRate{}; }
    double bytesPerSecond() const { return m_speed; }
    // Seconds left for `bytesLeft` at this speed; -1 when not known.
    qint64 secondsLeft(qint64 bytesLeft) const
    {
        return m_speed > 1 ? qint64(double(bytesLeft) / m_speed + 0.5) : -1;
    }

private:
    qint64 m_bytes = 0;
    qint64 m_atMs = -1;
    double m_speed = 0; // bytes/s
};

} // namespace escale::ui
