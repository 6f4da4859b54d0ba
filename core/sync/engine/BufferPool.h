#pragma once

#include <QByteArray>
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
        return b;
    }
    // Kept for later when this is its last holder and it is worth keeping.
    void give(QByteArray&& bytes)
    {
        if (!bytes.isDetached() || bytes.capacity() < kSmallest || m_free.size() >= kKept)
            return;
        bytes.resize(0); // keeps its memory
        m_free.push_back(std::move(bytes));
    }

    // Their memory goes back to the system (at the end of a push: an idle engine keeps none).
    void clear() { m_free.clear(); }

private:
    static constexpr qsizetype kSmallest = 256 * 1024;
    static constexpr std::size_t kKept = 4;
    std::vector<QByteArray> m_free;
};

} // namespace escale::sync::engine
