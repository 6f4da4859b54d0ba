#pragma once

#include "relay/RelayBackend.h"

#include <QHash>
#include <QRandomGenerator>
#include <functional>
#include <utility>

namespace escale::relay {

// A decorator for robustness tests: it forwards to a real backend and injects the faults
// a relay can show — failed requests, delays, truncated or corrupted downloads, stale or
// reordered listings, uploads that are acknowledged but lost. Faults are either scripted
// (the next N operations of a kind) or random with a seed, so failures are reproducible.
class FaultyRelay : public RelayBackend
{
    Q_OBJECT

public:
    enum class Op
    {
        List,
        Get,
        Put,
        Remove,
        MakeFolder
    };

    explicit FaultyRelay(RelayBackend* inner, QObject* parent = nullptr);

    QString describe() const override { return m_inner->describe(); }
    RelayCapabilities capabilities() const override { return m_inner->capabilities(); }

    RelayJob* list(const QString& folder) override;
    RelayJob* get(const QString& path, QIODevice* sink) override;
    // Parts go to the inner relay's own ranged read, with the same faults as whole reads.
    RelayJob* getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink) override;
    RelayJob* put(const QString& path, QIODevice* source, qint64 size, WriteMode mode) override;
    RelayJob* remove(const QString& path) override;
    RelayJob* makeFolder(const QString& folder) override;
    // Recorded (what the engine announced), then passed on.
    void expectTransfers(int count) override
    {
        m_announced.append(count);
        m_inner->expectTransfers(count);
    }
    QList<int> takeAnnounced() { return std::exchange(m_announced, {}); }

    // Scripted faults: the next `count` operations of kind `op` fail with `kind`.
    void failNext(Op op, int count, RelayError::Kind kind = RelayError::Kind::Network);
    // Random transient failures (Network) of every operation with this probability.
    void setFailureRate(double probability) { m_failureRate = probability; }
    void setSeed(quint32 seed) { m_random.seed(seed); }
    // Every operation finishes this much later.
    void setDelay(int milliseconds) { m_delayMs = milliseconds; }
    // The next `count` downloads deliver only part of the object but report success.
    void truncateNextGets(int count) { m_truncateGets = count; }
    // The next `count` downloads have one byte flipped.
    void corruptNextGets(int count) { m_corruptGets = count; }
    // The next `count` listings answer with what the folder held at its previous listing.
    void serveStaleListings(int count) { m_staleListings = count; }
    // Listings come back in random order.
    void setReorderListings(bool on) { m_reorder = on; }
    // The next `count` uploads report success but store nothing.
    void dropNextPuts(int count) { m_dropPuts = count; }

    // The next `count` operations of kind `op` reach the relay, but their answer is lost: they
    // report a network failure (a MOVE or PUT that succeeded while the connection dropped).
    void loseRepliesOf(Op op, int count) { m_lostReplies.insert(int(op), count); }
    // Uploads larger than this many bytes are refused as the relay being full (Quota); -1: none.
    // With another kind: a server's own limit on a request's body (HTTP 413), a failure that lasts.
    void refusePutsLargerThan(qint64 bytes, RelayError::Kind kind = RelayError::Kind::Quota)
    {
        m_putLimit = bytes;
        m_putLimitKind = kind;
    }
    // Called before every operation: false fails it (as a relay that cannot be reached), and it may
    // throw (a simulated crash of the machine, for robustness tests).
    void setOperationHook(std::function<bool(Op)> hook) { m_hook = std::move(hook); }
    // Listings and reads of the paths this says yes to answer "not found", whatever the relay holds
    // (FTP's 550, WebDAV's 409 and some rclone remotes say so for other failures); empty: none.
    void setNotFoundWhen(std::function<bool(const QString& path)> says) { m_notFound = std::move(says); }

    int injectedFaults() const { return m_injected; }

private:
    QList<int> m_announced;
    bool takeScripted(Op op, RelayError& error);
    bool randomFailure(RelayError& error);
    RelayJob* injectedFailure(Op op, const QString& path = {}); // a failed job when a fault is due, else nullptr
    RelayJob* read(const QString& path, qint64 offset, qint64 length, QIODevice* sink, bool ranged);
    RelayJob* relay(RelayJob* inner,
                    std::function<void(RelayJob* inner, RelayError&, QList<RelayEntry>&)> adjust = {});
    RelayJob* relayAs(Op op, RelayJob* inner,
                      std::function<void(RelayJob* inner, RelayError&, QList<RelayEntry>&)> adjust,
                      bool mayLoseReply);

    RelayBackend* m_inner;
    QHash<int, QPair<int, RelayError::Kind>> m_scripted;
    QHash<QString, QList<RelayEntry>> m_lastListing;
    QRandomGenerator m_random{1};
    double m_failureRate = 0;
    int m_delayMs = 0;
    int m_truncateGets = 0;
    int m_corruptGets = 0;
    int m_staleListings = 0;
    bool m_reorder = false;
    int m_dropPuts = 0;
    QHash<int, int> m_lostReplies;
    qint64 m_putLimit = -1;
    RelayError::Kind m_putLimitKind = RelayError::Kind::Quota;
    std::function<bool(Op)> m_hook;
    std::function<bool(const QString&)> m_notFound;
    int m_injected = 0;
};

} // namespace escale::relay
