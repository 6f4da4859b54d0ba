// The benchmarks' delaying TCP proxy: bytes arrive whole and in order, each direction at least
// the delay later (a lower bound only: a busy machine may add to it, never take from it), a new
// connection costs a round trip more, and closes travel both ways.

#include "DelayProxy.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <memory>

class tst_DelayProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void echoesThroughTheDelay();
    void closesTravelBothWays();
    void refusedUpstreamClosesTheClient();
};

namespace {

// Echoes what it receives; counts the connections its clients closed.
struct EchoServer
{
    EchoServer()
    {
        server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
            while (QTcpSocket* s = server.nextPendingConnection()) {
                QObject::connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll()); });
                QObject::connect(s, &QTcpSocket::disconnected, s, [s, count = closed] {
                    ++*count;
                    s->deleteLater();
                });
            }
        });
    }
    quint16 port() const { return server.serverPort(); }
    QTcpServer server;
    std::shared_ptr<int> closed = std::make_shared<int>(0);
};

QByteArray readExactly(QTcpSocket& socket, qsizetype size)
{
    QByteArray got;
    QElapsedTimer waited;
    waited.start();
    while (got.size() < size && waited.elapsed() < 30'000) {
        QTest::qWait(2); // the servers of these tests run on this thread's event loop
        got += socket.readAll();
    }
    return got;
}

} // namespace

void tst_DelayProxy::echoesThroughTheDelay()
{
    EchoServer server;
    testing::DelayProxy proxy(server.port(), 60);
    QVERIFY(proxy.port() != 0);
    QTcpSocket socket;
    QElapsedTimer clock;
    clock.start();
    socket.connectToHost(QHostAddress::LocalHost, proxy.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("hello");
    QCOMPARE(readExactly(socket, 5), QByteArray("hello"));
    // Handshake round trip, then one way and back: at least 4 × 60 ms.
    QVERIFY2(clock.elapsed() >= 4 * 60, qPrintable(QString::number(clock.elapsed())));

    clock.restart();
    socket.write("again");
    QCOMPARE(readExactly(socket, 5), QByteArray("again"));
    QVERIFY2(clock.elapsed() >= 2 * 60, qPrintable(QString::number(clock.elapsed())));

    // A megabyte in small writes comes back whole and in order.
    QByteArray big(1024 * 1024, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32*>(big.data()), big.size() / 4);
    for (qsizetype at = 0; at < big.size(); at += 4096)
        socket.write(big.mid(at, 4096));
    QCOMPARE(readExactly(socket, big.size()), big);
    QCOMPARE(proxy.connections(), 1);
    QTRY_COMPARE(proxy.bytesUp(), qint64(10 + big.size()));
    QTRY_COMPARE(proxy.bytesDown(), qint64(10 + big.size()));
}

void tst_DelayProxy::closesTravelBothWays()
{
    EchoServer server;
    testing::DelayProxy proxy(server.port(), 20);
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, proxy.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("bye");
        QCOMPARE(readExactly(socket, 3), QByteArray("bye"));
        socket.disconnectFromHost();
    }
    QTRY_COMPARE(*server.closed, 1); // the client's close reached the server

    // The server closes: the client sees it, after the bytes sent before.
    QTcpServer closing;
    QVERIFY(closing.listen(QHostAddress::LocalHost, 0));
    connect(&closing, &QTcpServer::newConnection, &closing, [&closing] {
        QTcpSocket* s = closing.nextPendingConnection();
        s->write("last words");
        s->disconnectFromHost();
    });
    testing::DelayProxy second(closing.serverPort(), 20);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, second.port());
    QVERIFY(socket.waitForConnected(5000));
    QCOMPARE(readExactly(socket, 10), QByteArray("last words"));
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
}

void tst_DelayProxy::refusedUpstreamClosesTheClient()
{
    quint16 nobody = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        nobody = probe.serverPort();
    }
    testing::DelayProxy proxy(nobody, 10);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, proxy.port());
    QVERIFY(socket.waitForConnected(5000));
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
}

QTEST_GUILESS_MAIN(tst_DelayProxy)
#include "tst_DelayProxy.moc"
