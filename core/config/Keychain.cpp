#include "config/Keychain.h"

#include "Tr.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSemaphore>
#include <QThread>
#include <QTimer>
#include <memory>
#include <qt6keychain/keychain.h>

namespace escale::config {

namespace {

const QString kService = QStringLiteral("escale");

// Runs a keychain job (owned from now on) to its end or to the timeout, in this thread; on
// success a read job's secret goes to `secret`. False with `error` set on failure; an entry not
// found leaves `error` empty. A job that times out is left to end on its own, then deleted.
bool runHere(QKeychain::Job* job, const QString& key, QString& error, int timeoutMs, QByteArray* secret)
{
    error.clear();
    if (!Keychain::reachable()) {
        delete job;
        error = trc("config", "no keychain here (no D-Bus session)");
        return false;
    }
    job->setAutoDelete(false);
    job->setKey(key);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec();
    if (!finished) {
        QObject::connect(job, &QKeychain::Job::finished, job, &QObject::deleteLater);
        error =
            trc("config", "the keychain did not answer within %1 s (is it locked?)").arg(timeoutMs / 1000);
        return false;
    }
    const bool ok = job->error() == QKeychain::NoError;
    if (ok && secret) {
        const auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(job);
        *secret = read->binaryData().isEmpty() ? read->textData().toUtf8() : read->binaryData();
    } else if (!ok && job->error() != QKeychain::EntryNotFound) {
        error = trc("config", "the keychain refused it: %1").arg(job->errorString());
    }
    delete job;
    return ok;
}

// qtkeychain's jobs only work in the application's main thread (its D-Bus and libsecret replies
// are delivered there: a job run on an engine's thread crashed). A job asked for on another
// thread runs there, and this thread waits for it, at most the timeout: if the main thread is
// busy (stopping, and waiting for this very thread), the call fails rather than deadlocks.
bool run(QKeychain::Job* job, const QString& key, QString& error, int timeoutMs, QByteArray* secret = nullptr)
{
    QCoreApplication* app = QCoreApplication::instance();
    if (!app || QThread::currentThread() == app->thread())
        return runHere(job, key, error, timeoutMs, secret);
    // What the main thread writes, kept alive until both threads are done with it.
    struct Call
    {
        QSemaphore finished;
        bool ok = false;
        QString error;
        QByteArray secret;
    };
    auto call = std::make_shared<Call>();
    job->moveToThread(app->thread());
    const bool wantsSecret = secret != nullptr;
    QMetaObject::invokeMethod(
        app,
        [call, job, key, timeoutMs, wantsSecret] {
            call->ok = runHere(job, key, call->error, timeoutMs, wantsSecret ? &call->secret : nullptr);
            call->finished.release();
        },
        Qt::QueuedConnection);
    if (!call->finished.tryAcquire(1, timeoutMs + 2'000)) {
        error =
            trc("config", "the keychain did not answer within %1 s (is it locked?)").arg(timeoutMs / 1000);
        return false;
    }
    error = call->error;
    if (secret)
        *secret = call->secret;
    return call->ok;
}

} // namespace

bool Keychain::reachable()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

namespace {
thread_local KeychainWatch* t_watch = nullptr;

// A failed call with a cause is the keychain's failure (an entry not found leaves `error` empty).
bool watched(bool ok, const QString& error)
{
    if (!ok && !error.isEmpty())
        KeychainWatch::noteFailure();
    return ok;
}
} // namespace

KeychainWatch::KeychainWatch()
    : m_outer(t_watch)
{
    t_watch = this;
}

KeychainWatch::~KeychainWatch()
{
    t_watch = m_outer;
}

void KeychainWatch::noteFailure()
{
    for (KeychainWatch* w = t_watch; w; w = w->m_outer)
        w->m_failed = true;
}

std::optional<QByteArray> Keychain::read(const QString& key, QString& error, int timeoutMs)
{
    QByteArray secret;
    if (!watched(run(new QKeychain::ReadPasswordJob(kService), key, error, timeoutMs, &secret), error))
        return std::nullopt;
    return secret;
}

bool Keychain::write(const QString& key, const QByteArray& secret, QString& error, int timeoutMs)
{
    auto* job = new QKeychain::WritePasswordJob(kService);
    job->setBinaryData(secret);
    return watched(run(job, key, error, timeoutMs), error);
}

bool Keychain::remove(const QString& key, QString& error, int timeoutMs)
{
    return watched(run(new QKeychain::DeletePasswordJob(kService), key, error, timeoutMs), error) ||
           error.isEmpty();
}

} // namespace escale::config
