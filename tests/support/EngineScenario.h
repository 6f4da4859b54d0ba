#pragma once

// Three real engines through one network relay: files, a big file in chunks, an empty folder,
// a rename; trees compared byte for byte, and the relay left without content.
#include "RelayCalls.h"
#include "RelayServers.h"
#include "SyncHarness.h"
#include "relay/RelayFactory.h"

#include <QRandomGenerator>
#include <QTimer>
#include <functional>

namespace testing {

// `configure` fills the relay part of each client's configuration.
inline void threeEnginesConverge(const std::function<escale::config::RepositoryConfig()>& configure)
{
    using namespace escale;
    struct Peer
    {
        QTemporaryDir folder, state;
        std::unique_ptr<relay::RelayBackend> relay;
        std::unique_ptr<sync::SyncEngine> engine;
    };
    std::vector<std::unique_ptr<Peer>> peers;
    for (const char* name : {"alice", "bob", "carol"}) {
        auto p = std::make_unique<Peer>();
        config::RepositoryConfig c = configure();
        c.localPath = p->folder.path();
        c.clientName = name;
        c.settleMs = 0;
        c.chunkSize = 1024 * 1024;
        QString error;
        p->relay = relay::createRelay(c, error);
        QVERIFY2(p->relay, qPrintable(error));
        p->engine = std::make_unique<sync::SyncEngine>(c, p->relay.get(), p->state.filePath("state.db"));
        QVERIFY(p->engine->open(error));
        peers.push_back(std::move(p));
    }
    auto pass = [&](int rounds) {
        for (int i = 0; i < rounds; ++i)
            for (auto& p : peers) {
                const auto r = p->engine->runPass();
                QVERIFY2(r.ok(), qPrintable(r.error));
            }
    };
    harness::writeFile(peers[0]->folder.filePath("docs/report.txt"), "from alice");
    harness::writeFile(peers[1]->folder.filePath("photos/big.bin"), QByteArray(2 * 1024 * 1024 + 5, 'b'));
    QDir().mkpath(peers[2]->folder.filePath("empty folder"));
    pass(3);
    const auto tree = harness::tree(peers[0]->folder.path());
    QVERIFY(tree.contains("docs/report.txt") && tree.contains("photos/big.bin") &&
            tree.contains("empty folder"));
    QCOMPARE(harness::tree(peers[1]->folder.path()), tree);
    QCOMPARE(harness::tree(peers[2]->folder.path()), tree);
    // Renamed on one, everywhere; no content left on the relay once all have it.
    QVERIFY(QFile::rename(peers[1]->folder.filePath("docs/report.txt"),
                          peers[1]->folder.filePath("docs/renamed.txt")));
    pass(3);
    QVERIFY(QFile::exists(peers[2]->folder.filePath("docs/renamed.txt")));
    QVERIFY(!QFile::exists(peers[0]->folder.filePath("docs/report.txt")));
    QCOMPARE(harness::tree(peers[1]->folder.path()), harness::tree(peers[0]->folder.path()));
    std::unique_ptr<relay::RelayJob> job(peers[0]->relay->list("data"));
    const relay::RelayError e = relay::waitFor(job.get());
    int left = 0;
    for (const relay::RelayEntry& sub : job->entries()) {
        std::unique_ptr<relay::RelayJob> inner(peers[0]->relay->list("data/" + sub.name));
        if (relay::waitFor(inner.get()).ok())
            left += int(inner->entries().size());
    }
    QVERIFY2(e.kind == relay::RelayError::Kind::NotFound || left == 0, qPrintable(QString::number(left)));
}

// The server dies in the middle of an upload, then of a download, and comes back: the passes
// fail with a clear error, the next ones complete, and no partial object or file is ever taken
// for data. `configure` fills the relay part of each client's configuration.
inline void serverKilledDuringTransfers(Server& server,
                                        const std::function<escale::config::RepositoryConfig()>& configure)
{
    using namespace escale;
    QTemporaryDir aFolder, bFolder, aState, bState;
    auto engine = [&](const QString& folder, const QString& state, const char* name, bool slowUp,
                      bool slowDown) {
        config::RepositoryConfig c = configure();
        c.localPath = folder;
        c.clientName = name;
        c.settleMs = 0;
        c.chunkSize = 4 * 1024 * 1024;
        c.retries = 0;
        // Slow enough to be caught in the middle, with more data than the sockets' buffers hold.
        c.bandwidthUp = slowUp ? 8 * 1024 * 1024 : 0;
        c.bandwidthDown = slowDown ? 4 * 1024 * 1024 : 0;
        QString error;
        auto relay = relay::createRelay(c, error);
        auto e = std::make_unique<sync::SyncEngine>(c, relay.get(), state + "/state.db");
        e->open(error);
        return std::make_pair(std::move(relay), std::move(e));
    };
    auto [aRelay, a] = engine(aFolder.path(), aState.path(), "alice", true, false);
    auto [bRelay, b] = engine(bFolder.path(), bState.path(), "bob", false, true);
    QVERIFY(a->runPass().ok());
    QVERIFY(b->runPass().ok());
    QByteArray data = harness::randomBytes(16 * 1024 * 1024 + 11, 13); // random: no blob twice (R39)
    harness::writeFile(aFolder.filePath("video.bin"), data);

    QTimer::singleShot(700, [&] { server.kill(); });
    auto r = a->runPass();
    QVERIFY2(!r.ok() && r.error.contains("cannot upload video.bin"), qPrintable(r.error));
    QVERIFY(server.restart());
    QVERIFY2(b->runPass().ok(), "nothing published yet: nothing to take");
    QVERIFY(!QFile::exists(bFolder.filePath("video.bin")));
    r = a->runPass();
    QVERIFY2(r.ok(), qPrintable(r.error));

    QTimer::singleShot(700, [&] { server.kill(); });
    r = b->runPass();
    // A failed download is a problem of this pass, retried at the next one (or, on a machine
    // slow enough that the server died earlier, the pass failed outright).
    const QString problems = r.problems.join('\n');
    QVERIFY2(!r.ok() || (!r.complete && problems.contains("cannot download video.bin")),
             qPrintable(problems));
    // Never a partial file under its name. (On a loaded machine the kill may come only after the
    // download ended, and the pass failed later: then the file is whole.)
    QVERIFY(!QFile::exists(bFolder.filePath("video.bin")) || harness::readFile(bFolder.filePath("video.bin")) == data);
    QVERIFY(server.restart());
    for (int i = 0; i < 3 && harness::readFile(bFolder.filePath("video.bin")) != data; ++i)
        b->runPass();
    QCOMPARE(harness::readFile(bFolder.filePath("video.bin")), data);
    QVERIFY(a->runPass().ok());
}

// The server hangs (stopped with its connections open): the pass ends with a timeout that says
// so, nothing is written, and once the server runs again the next pass completes.
inline void stalledServerTimesOut(Server& server,
                                  const std::function<escale::config::RepositoryConfig()>& configure)
{
    using namespace escale;
    QTemporaryDir aFolder, bFolder, aState, bState;
    auto engine = [&](const QString& folder, const QString& state, const char* name) {
        config::RepositoryConfig c = configure();
        c.localPath = folder;
        c.clientName = name;
        c.settleMs = 0;
        c.timeoutMs = 2'000;
        c.retries = 0;
        QString error;
        auto relay = relay::createRelay(c, error);
        auto e = std::make_unique<sync::SyncEngine>(c, relay.get(), state + "/state.db");
        e->open(error);
        return std::make_pair(std::move(relay), std::move(e));
    };
    auto [aRelay, a] = engine(aFolder.path(), aState.path(), "alice");
    auto [bRelay, b] = engine(bFolder.path(), bState.path(), "bob");
    QVERIFY(a->runPass().ok());
    QVERIFY(b->runPass().ok());
    harness::writeFile(aFolder.filePath("note.txt"), "written while the server hung");
    server.freeze();
    const sync::PassResult r = a->runPass();
    server.thaw();
    QVERIFY(!r.ok());
    QCOMPARE(r.cause, relay::RelayError::Kind::Timeout);
    QVERIFY2(r.error.contains("sent nothing for 2 s"), qPrintable(r.error));
    QVERIFY2(b->runPass().ok(), "the server runs again");
    QVERIFY(!QFile::exists(bFolder.filePath("note.txt")));
    QVERIFY2(a->runPass().ok(), "sent once the server answers");
    QVERIFY(b->runPass().ok());
    QCOMPARE(harness::readFile(bFolder.filePath("note.txt")), QByteArray("written while the server hung"));
}

} // namespace testing
