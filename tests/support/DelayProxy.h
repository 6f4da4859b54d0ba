#pragma once

#include <QThread>
#include <QtGlobal>
#include <atomic>
#include <memory>

namespace testing {

// A TCP proxy on 127.0.0.1 that delays every byte by a fixed time in each direction, order kept:
// a network with a round trip of twice the delay, for the benchmarks of a slow relay (and tests
// that need one). A new connection also costs one round trip before its first byte arrives, as
// TCP's handshake does. Runs on its own thread, so a caller blocked in a synchronous call does
// not stall it. Counts connections and bytes.
class DelayProxy
{
public:
    DelayProxy(quint16 targetPort, int delayMs);
    ~DelayProxy();
    DelayProxy(const DelayProxy&) = delete;
    DelayProxy& operator=(const DelayProxy&) = delete;

    quint16 port() const { return m_port; } // 0 when it could not listen
    int delayMs() const { return m_delayMs; }
    int connections() const { return m_stats->connections; }
    qint64 bytesUp() const { return m_stats->up; }     // client to server
    qint64 bytesDown() const { return m_stats->down; } // server to client

    struct Stats
    {
        std::atomic<int> connections{0};
        std::atomic<qint64> up{0}, down{0};
    };

private:
    int m_delayMs;
    quint16 m_port = 0;
    std::shared_ptr<Stats> m_stats = std::make_shared<Stats>();
    QThread m_thread;
    class Worker;
    Worker* m_worker = nullptr;
};

} // namespace testing
