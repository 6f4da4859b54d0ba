#include "relay/FaultyRelay.h"

#include <QBuffer>
#include <QTimer>
#include <algorithm>
#include <memory>

namespace escale::relay {

FaultyRelay::FaultyRelay(RelayBackend* inner, QObject* parent)
    : RelayBackend(parent)
    , m_inner(inner)
{}

void FaultyRelay::failNext(Op op, int count, RelayError::Kind kind)
{
    m_scripted.insert(int(op), qMakePair(count, kind));
}

bool FaultyRelay::takeScripted(Op op, RelayError& error)
{
    auto it = m_scripted.find(int(op));
    if (it == m_scripted.end() || it->first <= 0)
        return false;
    --it->first;
    ++m_injected;
    error = RelayError{it->second, QStringLiteral("injected fault: %1").arg(errorKindName(it->second))};
    return true;
}

bool FaultyRelay::randomFailure(RelayError& error)
{
    if (m_failureRate <= 0 || m_random.generateDouble() >= m_failureRate)
        return false;
    ++m_injected;
    error = RelayError{RelayError::Kind::Network, QStringLiteral("injected fault: connection reset")};
    return true;
}

RelayJob* FaultyRelay::injectedFailure(Op op, const QString& path)
{
    RelayError injected;
    if (m_hook && !m_hook(op)) {
        injected = RelayError{RelayError::Kind::Network, QStringLiteral("injected fault: the machine stopped")};
        auto* job = new RelayJob();
        job->finishLater(injected);
        return job;
    }
    if ((op == Op::List || op == Op::Get) && m_notFound && m_notFound(path)) {
        ++m_injected;
        auto* job = new RelayJob();
        job->finishLater(RelayError{RelayError::Kind::NotFound, QStringLiteral("injected fault: %1 not found").arg(path)});
        return job;
    }
    if (!takeScripted(op, injected) && !randomFailure(injected))
        return nullptr;
    auto* job = new RelayJob();
    job->finishLater(injected);
    return job;
}

RelayJob* FaultyRelay::relay(RelayJob* inner,
                             std::function<void(RelayJob*, RelayError&, QList<RelayEntry>&)> adjust)
{
    return relayAs(Op::List, inner, std::move(adjust), false);
}

RelayJob* FaultyRelay::relayAs(Op op, RelayJob* inner,
                               std::function<void(RelayJob*, RelayError&, QList<RelayEntry>&)> adjust,
                               bool mayLoseReply)
{
    if (mayLoseReply) {
        auto it = m_lostReplies.find(int(op));
        if (it != m_lostReplies.end() && it.value() > 0) {
            --it.value();
            ++m_injected;
            adjust = [](RelayJob*, RelayError& error, QList<RelayEntry>&) {
                if (error.ok())
                    error = RelayError{RelayError::Kind::Network,
                                       QStringLiteral("injected fault: the connection dropped before the answer")};
            };
        }
    }
    auto* outer = new RelayJob();
    inner->setParent(outer);
    const int delay = m_delayMs;
    auto complete = [outer, inner, adjust] {
        RelayError error = inner->error();
        QList<RelayEntry> entries = inner->entries();
        if (adjust)
            adjust(inner, error, entries);
        outer->finishLater(error, entries, inner->bytesTransferred());
    };
    connect(inner, &RelayJob::finished, outer, [complete, delay, outer] {
        if (delay > 0)
            QTimer::singleShot(delay, outer, complete);
        else
            complete();
    });
    return outer;
}

RelayJob* FaultyRelay::list(const QString& folder)
{
    if (RelayJob* failed = injectedFailure(Op::List, folder))
        return failed;
    const bool stale = m_staleListings > 0 && m_lastListing.contains(folder);
    if (stale) {
        --m_staleListings;
        ++m_injected;
    }
    const QList<RelayEntry> previous = m_lastListing.value(folder);
    return relay(m_inner->list(folder),
                 [this, folder, stale, previous](RelayJob*, RelayError& error, QList<RelayEntry>& entries) {
                     if (error.ok())
                         m_lastListing.insert(folder, entries);
                     if (stale) {
                         error = RelayError::none();
                         entries = previous;
                     }
                     if (m_reorder)
                         std::shuffle(entries.begin(), entries.end(), m_random);
                 });
}

RelayJob* FaultyRelay::get(const QString& path, QIODevice* sink)
{
    return read(path, 0, -1, sink, false);
}

RelayJob* FaultyRelay::getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink)
{
    return read(path, offset, length, sink, true);
}

RelayJob* FaultyRelay::read(const QString& path, qint64 offset, qint64 length, QIODevice* sink, bool ranged)
{
    if (RelayJob* failed = injectedFailure(Op::Get, path))
        return failed;
    const bool truncate = m_truncateGets > 0;
    const bool corrupt = !truncate && m_corruptGets > 0;
    auto inner = [&](QIODevice* to) {
        return ranged ? m_inner->getRange(path, offset, length, to) : m_inner->get(path, to);
    };
    if (!truncate && !corrupt)
        return relay(inner(sink));
    truncate ? --m_truncateGets : --m_corruptGets;
    ++m_injected;
    // Buffer the object, spoil it, then hand it over as if nothing happened.
    auto buffer = std::make_shared<QBuffer>();
    buffer->open(QIODevice::ReadWrite);
    return relay(inner(buffer.get()),
                 [buffer, sink, truncate](RelayJob*, RelayError& error, QList<RelayEntry>&) {
                     if (!error.ok())
                         return;
                     QByteArray bytes = buffer->data();
                     if (truncate)
                         bytes.truncate(bytes.size() / 2);
                     else if (!bytes.isEmpty())
                         bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x40);
                     sink->write(bytes);
                 });
}

RelayJob* FaultyRelay::put(const QString& path, QIODevice* source, qint64 size, WriteMode mode)
{
    if (RelayJob* failed = injectedFailure(Op::Put))
        return failed;
    if (m_putLimit >= 0 && size > m_putLimit) {
        ++m_injected;
        auto* job = new RelayJob();
        job->finishLater(m_putLimitKind == RelayError::Kind::Quota
                             ? RelayError{RelayError::Kind::Quota, QStringLiteral("injected fault: insufficient storage")}
                             : RelayError{m_putLimitKind, QStringLiteral("injected fault: request entity too large")});
        return job;
    }
    if (m_dropPuts > 0) {
        --m_dropPuts;
        ++m_injected;
        source->read(size);
        auto* job = new RelayJob();
        job->finishLater(RelayError::none(), {}, size);
        return job;
    }
    return relayAs(Op::Put, m_inner->put(path, source, size, mode), {}, true);
}

RelayJob* FaultyRelay::remove(const QString& path)
{
    if (RelayJob* failed = injectedFailure(Op::Remove))
        return failed;
    return relayAs(Op::Remove, m_inner->remove(path), {}, true);
}

RelayJob* FaultyRelay::makeFolder(const QString& folder)
{
    if (RelayJob* failed = injectedFailure(Op::MakeFolder))
        return failed;
    return relay(m_inner->makeFolder(folder));
}

} // namespace escale::relay
