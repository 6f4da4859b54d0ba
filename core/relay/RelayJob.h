#pragma once

#include "relay/RelayTypes.h"

#include <QObject>

namespace escale::relay {

// One asynchronous relay request. It finishes exactly once, from the event loop of the
// thread it lives in (never from within the call that created it), and emits finished().
// The creator owns it; it may be deleted once finished.
class RelayJob : public QObject
{
    Q_OBJECT

public:
    explicit RelayJob(QObject* parent = nullptr);
    ~RelayJob() override;

    bool isFinished() const { return m_finished; }
    const RelayError& error() const { return m_error; }
    const QList<RelayEntry>& entries() const { return m_entries; } // list() results
    qint64 bytesTransferred() const { return m_bytes; }

    // Finishes the job later, from the event loop (safe to call from the creating thread).
    void finishLater(const RelayError& error, const QList<RelayEntry>& entries = {}, qint64 bytes = 0);

Q_SIGNALS:
    void finished();
    void progress(qint64 done, qint64 total);

private:
    void finishNow(const RelayError& error, const QList<RelayEntry>& entries, qint64 bytes);

    bool m_finished = false;
    bool m_pending = false;
    RelayError m_error;
    QList<RelayEntry> m_entries;
    qint64 m_bytes = 0;
};

// Runs a local event loop until the job finishes, then returns its error. For code that runs
// on the engine's worker thread, which has nothing else to do meanwhile.
RelayError waitFor(RelayJob* job);

// Waits for all the jobs; returns the first error (or none).
RelayError waitForAll(const QList<RelayJob*>& jobs);

} // namespace escale::relay
