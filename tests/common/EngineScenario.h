#pragma once

// Three real engines through one network relay: files, a big file in chunks, an empty folder,
// a rename; trees compared byte for byte, and the relay left without content.
#include "../common/RelayCalls.h"
#include "../sync/SyncHarness.h"
#include "relay/RelayFactory.h"

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

} // namespace testing
