#include "sync/engine/BackgroundRenames.h"

#include <QtConcurrent>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>

namespace escale::sync::engine {

BackgroundRenames::BackgroundRenames()
{
    m_thread.setMaxThreadCount(1); // in order, beside the engine's thread (the second core)
}

BackgroundRenames::~BackgroundRenames()
{
    m_thread.waitForDone();
}

QFuture<QList<int>> BackgroundRenames::renameNew(const QList<std::pair<QByteArray, QByteArray>>& names)
{
    return QtConcurrent::run(&m_thread, [names] {
        QList<int> outcomes;
        outcomes.reserve(names.size());
        for (const auto& [from, to] : names)
            outcomes.append(::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0
                                ? 0
                                : errno);
        return outcomes;
    });
}

} // namespace escale::sync::engine
