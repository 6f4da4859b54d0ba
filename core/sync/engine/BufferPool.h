#pragma once

#include <QByteArray>
#include <QFuture>
#include <QtConcurrent>
#include <QtGlobal>
#if __has_include(<sys/mman.h>)
#include <sys/mman.h>
#endif
#include <vector>

namespace escale::sync::engine {

// Large buffers (packs being filled, blobs being cut) handed back once nobody else holds them,
// so that the next one reuses memory already mapped: a fresh mapping costs a page fault for
// every 4 KiB written into it, which showed as an eighth of the time spent sending a big file.
class BufferPool
{
public:
    // An empty buffer with room for at least `capacity` bytes.
    QByteArray take(qsizetype capacity)
    {
        auto best = m_free.end(); // the smallest that fits: a blob never takes a pack's buffer
        for (auto it = m_free.begin(); it != m_free.end(); ++it)
            if (it->capacity() >= capacity && (best == m_free.end() || it->capacity() < best->capacity()))
                best = it;
        if (best != m_free.end()) {
            QByteArray b = std::move(*best);
            m_free.erase(best);
            return b;
        }
        QByteArray b;
        b.reserve(capacity);
        preferHugePages(b);
        populateBeyondFirst(b);
        return b;
    }
    // Kept for later when this is its last holder and it is worth keeping.
    void give(QByteArray&& bytes)
    {
        settle(bytes.constData());
        if (!bytes.isDetached() || bytes.capacity() < kSmallest || m_free.size() >= kKept)
            return;
        bytes.resize(0); // keeps its memory
        m_free.push_back(std::move(bytes));
    }

    // Their memory goes back to the system (at the end of a push: an idle engine keeps none).
    void clear()
    {
        settle();
        m_free.clear();
    }
    ~BufferPool() { settle(); }

private:
    // A buffer of megabytes is filled from start to end once mapped: in pages of 2 MiB where the
    // system has them on request (Linux's transparent huge pages in 'madvise' mode), one fault
    // instead of 512 (10,000 small files packed into 8 MiB packs: a tenth of the push was faults).
    static void preferHugePages(QByteArray& b)
    {
#ifdef MADV_HUGEPAGE
        constexpr quintptr huge = 2 * 1024 * 1024;
        const auto begin = reinterpret_cast<quintptr>(b.data());
        const quintptr from = (begin + huge - 1) & ~(huge - 1);
        const quintptr to = (begin + quintptr(b.capacity())) & ~(huge - 1);
        if (to > from)
            ::madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE); // a hint: ignored if refused
#else
        Q_UNUSED(b);
#endif
    }

    // The pages of a fresh buffer past its first 2 MiB are faulted in on another core while the
    // engine fills the first ones (MADV_POPULATE_WRITE: mapped as if written, nothing written, so
    // the engine's writes meanwhile are safe): the system zeroing fresh pages for the packs of
    // 10,000 small files was a fifth of the push on a virtual machine.
    void populateBeyondFirst(QByteArray& b)
    {
#ifdef MADV_POPULATE_WRITE
        constexpr quintptr huge = 2 * 1024 * 1024;
        const auto begin = reinterpret_cast<quintptr>(b.data());
        const quintptr from = (begin + huge) & ~(huge - 1);
        const quintptr to = (begin + quintptr(b.capacity())) & ~quintptr(4095);
        if (to > from + huge)
            m_populating.emplace_back(b.constData(), QtConcurrent::run([from, to] {
                ::madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE); // (or not: faults as before)
            }));
#else
        Q_UNUSED(b);
#endif
    }
    // Before a buffer may be freed: the faulting in of the buffer at `data` (all: nullptr) ends.
    // (A buffer freed without this, grown past its room say, is only faulted in where it was:
    // that never changes what any memory holds.)
    void settle(const char* data = nullptr)
    {
        for (auto it = m_populating.begin(); it != m_populating.end();) {
            if (data && it->first != data && !it->second.isFinished()) {
                ++it;
                continue;
            }
            it->second.waitForFinished();
            it = m_populating.erase(it);
        }
    }

    static constexpr qsizetype kSmallest = 256 * 1024;
    static constexpr std::size_t kKept = 4;
    std::vector<QByteArray> m_free;
    std::vector<std::pair<const char*, QFuture<void>>> m_populating; // by the buffer's data
};

} // namespace escale::sync::engine
