#pragma once

#include "sync/PassResult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace escale::ui {

// What the windows say the same way: sizes, times, what a change was, what another machine still
// has to do. Translated in the context escale::ui::Words.
class Words
{
    Q_DECLARE_TR_FUNCTIONS(escale::ui::Words)

public:
    static QString dataSize(qint64 bytes);
    // The time today, else the date and time (empty for an invalid one).
    static QString when(const QDateTime& t);
    static QString change(sync::FileEvent::Kind kind); // "sent", "received", "deleted", "conflict copy"
    // Another machine's work left, or "none: in step".
    static QString peerWork(const sync::PeerState& peer);
};

} // namespace escale::ui
