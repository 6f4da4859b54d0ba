#include "DelayProxy.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <deque>
#include <memory>

namespace testing {

namespace {

// One direction of one connection: what `from` sent, held until its time, then written to `to`.
class Lane : public QObject
{
public:
    Lane(QTcpSocket* from, QTcpSocket* to, const QElapsedTimer& clock, qint64 notBefore, int delayMs,
         std::atomic<qint64>& counter, QObject* parent)
        : QObject(parent)
        , m_from(from)
        , m_to(to)
        , m_clock(clock)
        , m_notBefore(notBefore)
        , m_delayMs(delayMs)
        , m_counter(counter)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &Lane::deliver);
        connect(from, &QTcpSocket::readyRead, this, &Lane::take);
        connect(from, &QTcpSocket::disconnected, this, [this] { hold({}, true); });
        connect(to, &QTcpSocket::connected, this, &Lane::deliver);
    }
    void take()
    {
        const QByteArray bytes = m_from->readAll();
        if (!bytes.isEmpty())
            hold(bytes, false);
    }

private:
    struct Item
    {
        qint64 due;
        QByteArray bytes;
        bool close;
    };
    void hold(const QByteArray& bytes, bool close)
    {
        if (m_closing)
            return;
        m_closing = close;
        const qint64 now = m_clock.elapsed();
        m_items.push_back({std::max(now, m_notBefore) + m_delayMs, bytes, close});
        if (!m_timer.isActive())
            schedule();
    }
    void schedule()
    {
        if (!m_items.empty())
            m_timer.start(int(std::max<qint64>(0, m_items.front().due - m_clock.elapsed())));
    }
    void deliver()
    {
        if (m_to->state() != QAbstractSocket::ConnectedState) {
            if (m_to->state() == QAbstractSocket::UnconnectedState) // the other side is gone
                m_items.clear();
            return; // `connected` calls again
        }
        const qint64 now = m_clock.elapsed();
        while (!m_items.empty() && m_items.front().due <= now) {
            Item item = std::move(m_items.front());
            m_items.pop_front();
            if (item.close) {
                m_to->disconnectFromHost();
                return;
            }
            m_counter += item.bytes.size();
            m_to->write(item.bytes);
        }
        schedule();
    }

    QTcpSocket* m_from;
    QTcpSocket* m_to;
    const QElapsedTimer& m_clock;
    qint64 m_notBefore;
    int m_delayMs;
    std::atomic<qint64>& m_counter;
    QTimer m_timer{this};
    std::deque<Item> m_items;
    bool m_closing = false;
};

} // namespace

class DelayProxy::Worker : public QObject
{
public:
    Worker(quint16 target, int delayMs, std::shared_ptr<Stats> stats)
        : m_target(target)
        , m_delayMs(delayMs)
        , m_stats(std::move(stats))
    {
        m_clock.start();
    }
    quint16 listen()
    {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &Worker::accept);
        return m_server->listen(QHostAddress::LocalHost, 0) ? m_server->serverPort() : 0;
    }

private:
    void accept()
    {
        while (QTcpSocket* client = m_server->nextPendingConnection()) {
            ++m_stats->connections;
            auto* upstream = new QTcpSocket(client);
            // The handshake's round trip: the client's first bytes leave after it.
            const qint64 opened = m_clock.elapsed() + 2 * qint64(m_delayMs);
            new Lane(client, upstream, m_clock, opened, m_delayMs, m_stats->up, client);
            new Lane(upstream, client, m_clock, 0, m_delayMs, m_stats->down, client);
            // Gone once both sides are closed (each close travels with the delay, after the bytes).
            auto done = [client, upstream] {
                if (client->state() == QAbstractSocket::UnconnectedState &&
                    upstream->state() == QAbstractSocket::UnconnectedState)
                    client->deleteLater();
            };
            connect(client, &QTcpSocket::disconnected, client, done);
            connect(upstream, &QTcpSocket::disconnected, client, done);
            // A server that refuses the connection: the client's is closed too. (Once connected, a
            // close or a reset arrives as `disconnected`, and travels with the delay.)
            auto reached = std::make_shared<bool>(false);
            connect(upstream, &QTcpSocket::connected, client, [reached] { *reached = true; });
            connect(upstream, &QTcpSocket::errorOccurred, client, [client, done, reached](QAbstractSocket::SocketError) {
                if (*reached)
                    return;
                client->disconnectFromHost();
                done();
            });
            upstream->connectToHost(QHostAddress::LocalHost, m_target);
        }
    }

    quint16 m_target;
    int m_delayMs;
    std::shared_ptr<Stats> m_stats;
    QElapsedTimer m_clock;
    QTcpServer* m_server = nullptr;
};

DelayProxy::DelayProxy(quint16 targetPort, int delayMs)
    : m_delayMs(delayMs)
{
    m_worker = new Worker(targetPort, delayMs, m_stats);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [this] { m_port = m_worker->listen(); }, Qt::BlockingQueuedConnection);
}

DelayProxy::~DelayProxy()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace testing
