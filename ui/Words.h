#pragma once

#include "sync/PassResult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class QTreeWidget;
class QTreeWidgetItem;

namespace escale::ui {

// What the windows say the same way: sizes, times, what a change was, what another machine still
// has to do. Translated in the context escale::ui::Words.
class Words
{
    Q_DECLARE_TR_FUNCTIONS(escale::ui::Words)

public:
    static QString dataSize(qint64 bytes);
    // A message shown on its own, as a sentence: its first letter a capital ("the relay folder ..."
    // from core reads "The relay folder ..."). Paths and names further in are left as they are.
    static QString sentence(const QString& message);
    // The time today, else the date and time (empty for an invalid one).
    static QString when(const QDateTime& t);
    static QString change(sync::FileEvent::Kind kind); // "sent", "received", "deleted", "conflict copy"
    // An encryption suite by its configuration name ("aes-256-gcm", "chacha20-poly1305", "off"),
    // written the same way everywhere: "AES-256-GCM", "ChaCha20-Poly1305", "none".
    static QString suite(const QString& encryption);
    // Another machine's work left, or "none: in step".
    static QString peerWork(const sync::PeerState& peer);
    // An empty list says so in words (one grey line across it); dropEmpty() takes that line away.
    static void showEmpty(QTreeWidget* list, const QString& text);
    static void dropEmpty(QTreeWidget* list);
    static bool isEmptyLine(const QTreeWidgetItem* item);
};

} // namespace escale::ui
