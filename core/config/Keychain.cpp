#include "config/Keychain.h"

#include <QEventLoop>
#include <QTimer>
#include <functional>
#include <qt6keychain/keychain.h>

namespace escale::config {

namespace {

const QString kService = QStringLiteral("escale");

// Runs a keychain job (owned from now on) to its end or to the timeout; on success `done`
// reads what it needs from it. False with `error` set on failure; an entry not found leaves
// `error` empty. A job that times out is left to end on its own, then deleted.
bool run(QKeychain::Job* job, const QString& key, QString& error, int timeoutMs,
         const std::function<void(QKeychain::Job&)>& done = {})
{
    error.clear();
    if (!Keychain::reachable()) {
        delete job;
        error = QStringLiteral("no keychain here (no D-Bus session)");
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
            QStringLiteral("the keychain did not answer within %1 s (is it locked?)").arg(timeoutMs / 1000);
        return false;
    }
    const bool ok = job->error() == QKeychain::NoError;
    if (ok && done)
        done(*job);
    else if (!ok && job->error() != QKeychain::EntryNotFound)
        error = QStringLiteral("the keychain refused it: %1").arg(job->errorString());
    delete job;
    return ok;
}

} // namespace

bool Keychain::reachable()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

std::optional<QByteArray> Keychain::read(const QString& key, QString& error, int timeoutMs)
{
    QByteArray secret;
    if (!run(new QKeychain::ReadPasswordJob(kService), key, error, timeoutMs, [&secret](QKeychain::Job& job) {
            auto& read = static_cast<QKeychain::ReadPasswordJob&>(job);
            secret = read.binaryData().isEmpty() ? read.textData().toUtf8() : read.binaryData();
        }))
        return std::nullopt;
    return secret;
}

bool Keychain::write(const QString& key, const QByteArray& secret, QString& error, int timeoutMs)
{
    auto* job = new QKeychain::WritePasswordJob(kService);
    job->setBinaryData(secret);
    return run(job, key, error, timeoutMs);
}

bool Keychain::remove(const QString& key, QString& error, int timeoutMs)
{
    return run(new QKeychain::DeletePasswordJob(kService), key, error, timeoutMs) || error.isEmpty();
}

} // namespace escale::config
