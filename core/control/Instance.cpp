#include "control/Instance.h"

#include "Tr.h"
#include "control/Alerts.h"
#include "control/RepositoryMemory.h"

#include "log/Logging.h"

#include <QJsonArray>
#include <QTimer>

namespace escale::control {

QString stateName(RepositoryStatus::State state)
{
    using State = RepositoryStatus::State;
    switch (state) {
    case State::Starting:
        return QStringLiteral("starting");
    case State::Syncing:
        return QStringLiteral("syncing");
    case State::Idle:
        return QStringLiteral("up to date");
    case State::Paused:
        return QStringLiteral("paused");
    case State::Offline:
        return QStringLiteral("offline");
    case State::Error:
        return QStringLiteral("error");
    case State::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

Instance::Instance(const config::Config& config, bool confirmDeletions, QObject* parent)
    : QObject(parent)
    , m_confirmDeletions(confirmDeletions)
    , m_resumeTimer(new QTimer(this))
{
    m_resumeTimer->setSingleShot(true);
    connect(m_resumeTimer, &QTimer::timeout, this, &Instance::resumeDue);
    for (const config::RepositoryConfig& r : config.repositories)
        add(r);
}

int Instance::addRepository(const config::RepositoryConfig& config)
{
    const int index = add(config);
    if (m_started)
        m_repositories.back()->runner->start();
    Q_EMIT repositoryAdded(index);
    Q_EMIT statusChanged(index);
    return index;
}

int Instance::add(const config::RepositoryConfig& r)
{
    auto repo = std::make_unique<Repository>();
    setRunner(repo.get(), r);
    // Paused when it was at the last stop (and its pause for a while is not over).
    repo->memory = std::make_unique<RepositoryMemory>(r);
    if (repo->memory->paused()) {
        const QDateTime until = repo->memory->pausedUntil();
        if (until.isValid() && until <= QDateTime::currentDateTimeUtc()) {
            QString ignored;
            repo->memory->setPaused(false, {}, ignored);
        } else {
            qCInfo(lcApp).noquote() << QStringLiteral("[%1] paused, as it was when Escale stopped%2")
                                           .arg(r.name, until.isValid()
                                                            ? QStringLiteral(" (until %1)")
                                                                  .arg(until.toLocalTime().toString(Qt::ISODate))
                                                            : QString());
            repo->status.paused = true;
            repo->status.pausedUntil = until;
            repo->status.state = RepositoryStatus::State::Paused;
            repo->runner->setPaused(true); // queued before its start: no pass runs
        }
    }
    m_repositories.push_back(std::move(repo));
    QMetaObject::invokeMethod(this, &Instance::resumeDue, Qt::QueuedConnection);
    return int(m_repositories.size()) - 1;
}

void Instance::setPaused(int index, bool pause, const QDateTime& until)
{
    using State = RepositoryStatus::State;
    if (index < 0 || index >= repositoryCount())
        return;
    Repository& r = *m_repositories[size_t(index)];
    const QDateTime end = pause ? until : QDateTime();
    if (r.status.paused != pause || r.status.pausedUntil != end) // in the log, whoever asked
        qCInfo(lcApp).noquote() << QStringLiteral("[%1] %2").arg(
            repository(index).name,
            !pause ? QStringLiteral("resumed")
            : end.isValid()
                ? QStringLiteral("paused until %1: nothing is sent or received until then")
                      .arg(end.toLocalTime().toString(Qt::ISODate))
                : QStringLiteral("paused: nothing is sent or received until it is resumed"));
    r.status.paused = pause;
    r.status.pausedUntil = end;
    r.runner->setPaused(pause);
    QString error;
    if (!r.memory->setPaused(pause, end, error))
        qCWarning(lcApp).noquote() << QStringLiteral("[%1] %2: the pause holds until Escale stops")
                                          .arg(repository(index).name, error);
    if (r.status.state != State::Stopped)
        r.status.state = pause ? State::Paused : State::Syncing;
    Q_EMIT statusChanged(index);
    resumeDue();
}

void Instance::resumeDue()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 nextMs = -1;
    for (int i = 0; i < repositoryCount(); ++i) {
        const RepositoryStatus& s = status(i);
        if (!s.paused || !s.pausedUntil.isValid())
            continue;
        const qint64 left = now.msecsTo(s.pausedUntil);
        if (left <= 0) {
            setPaused(i, false); // re-arms the timer itself
            return;
        }
        nextMs = nextMs < 0 ? left : std::min(nextMs, left);
    }
    // At most a minute: the monotonic timer does not count a suspended machine's sleep.
    if (nextMs < 0)
        m_resumeTimer->stop();
    else
        m_resumeTimer->start(int(std::min<qint64>(nextMs + 10, 60'000)));
}

void Instance::showSyncing(Repository* p)
{
    using State = RepositoryStatus::State;
    if (p->status.state == State::Syncing || p->status.state == State::Stopped || p->status.paused)
        return;
    p->status.state = State::Syncing;
    Q_EMIT statusChanged(indexOf(p));
}

int Instance::indexOf(const Repository* repository) const
{
    for (size_t i = 0; i < m_repositories.size(); ++i)
        if (m_repositories[i].get() == repository)
            return int(i);
    return -1;
}

void Instance::setRunner(Repository* p, const config::RepositoryConfig& r)
{
    using State = RepositoryStatus::State;
    p->runner = std::make_unique<sync::RepositoryRunner>(r, m_confirmDeletions);
    p->status.relay = r.relay.toDisplayString();
    connect(p->runner.get(), &sync::RepositoryRunner::progress, this,
            [this, p](const sync::PassProgress& progress) {
                p->status.progress = progress;
                if (p->passRunning && progress.filesLeft() > 0)
                    showSyncing(p);
                Q_EMIT progressChanged(indexOf(p));
            });
    connect(p->runner.get(), &sync::RepositoryRunner::fileEvent, this,
            [this, p](const sync::FileEvent& event) {
                m_recent.append(Change{p->runner->config().name, event});
                if (m_recent.size() > kRecentChanges)
                    m_recent.remove(0, m_recent.size() - kRecentChanges);
                Q_EMIT changed(m_recent.last());
            });
    // A pass shows as syncing when it has files to move, or once it has lasted a third of a
    // second: the polls of the fast window (one a second, a few milliseconds each) do not make
    // the tray blink. The first pass (starting) shows at once.
    connect(p->runner.get(), &sync::RepositoryRunner::passStarted, this, [this, p] {
        p->status.progress = {};
        const bool first = p->pass == 0;
        p->passRunning = true;
        const quint64 pass = p->pass = ++m_passes; // unique: a timer never takes another's pass
        if (first) {
            showSyncing(p);
            return;
        }
        QTimer::singleShot(kSyncingAfterMs, this, [this, p, pass] {
            if (indexOf(p) >= 0 && p->passRunning && p->pass == pass)
                showSyncing(p);
        });
    });
    connect(p->runner.get(), &sync::RepositoryRunner::passFinished, this,
            [this, p](const sync::PassResult& result) {
                RepositoryStatus& s = p->status;
                p->passRunning = false;
                ++s.passes;
                s.lastPass = result;
                s.progress = {};
                if (!result.movedTo.isEmpty())
                    s.relay = result.movedTo;
                s.conflicts += result.conflicts;
                s.sent += result.uploaded;
                s.received += result.downloaded;
                if (result.conflictsWaiting >= 0) {
                    s.conflictsWaiting = result.conflictsWaiting;
                    s.pendingUp = result.pendingUp;
                    s.pendingDown = result.pendingDown;
                    s.relayUsage = result.relayUsage;
                }
                s.firstSync = false;
                if (result.ok()) {
                    QString error;
                    if (!p->memory->synced()) {
                        s.firstSync = true;
                        if (!p->memory->setSynced(error))
                            qCWarning(lcApp).noquote() << error;
                    }
                    s.lastSuccess = QDateTime::currentDateTimeUtc();
                    s.lastError.clear();
                    s.troubleSince = {};
                    s.state = State::Idle;
                } else {
                    s.lastError = result.error;
                    if (!s.troubleSince.isValid())
                        s.troubleSince = QDateTime::currentDateTimeUtc();
                    using Kind = relay::RelayError::Kind;
                    const bool unreachable = result.cause == Kind::Network || result.cause == Kind::Timeout;
                    s.state = result.status == sync::PassResult::Status::Auth ? State::Stopped
                              : unreachable                                   ? State::Offline
                                                                              : State::Error;
                }
                if (s.paused && s.state != State::Stopped)
                    s.state = State::Paused;
                Q_EMIT passFinished(indexOf(p), result);
                Q_EMIT statusChanged(indexOf(p));
            });
    connect(p->runner.get(), &sync::RepositoryRunner::passHeld, this, [this, p] {
        ++p->status.passesHeld;
        Q_EMIT statusChanged(indexOf(p));
    });
    connect(p->runner.get(), &sync::RepositoryRunner::failedToStart, this,
            [this, p](const QString& error, bool keychain) {
        p->status.state = State::Stopped;
        p->status.lastError = error;
        if (!p->status.troubleSince.isValid())
            p->status.troubleSince = QDateTime::currentDateTimeUtc();
        Q_EMIT failedToStart(indexOf(p), error, keychain);
        Q_EMIT statusChanged(indexOf(p));
    });
}

Instance::~Instance()
{
    stop();
}

int Instance::quietest(qint64& quietMs) const
{
    int who = -1;
    quietMs = 0;
    for (int i = 0; i < repositoryCount(); ++i)
        if (const qint64 q = m_repositories[size_t(i)]->runner->quietForMs(); who < 0 || q > quietMs) {
            who = i;
            quietMs = q;
        }
    return who;
}

const config::RepositoryConfig& Instance::repository(int index) const
{
    return m_repositories[size_t(index)]->runner->config();
}

bool Instance::replaceRepository(int index, const config::RepositoryConfig& config)
{
    if (index < 0 || index >= repositoryCount())
        return false;
    Repository* p = m_repositories[size_t(index)].get();
    p->runner->stop();
    const bool paused = p->status.paused;
    const QDateTime until = p->status.pausedUntil;
    p->status = RepositoryStatus{};
    p->status.paused = paused;
    p->status.pausedUntil = until;
    setRunner(p, config);
    p->memory = std::make_unique<RepositoryMemory>(config); // its state may have moved
    QString error;
    if (paused && !p->memory->setPaused(true, until, error))
        qCWarning(lcApp).noquote() << error;
    if (paused) {
        p->status.state = RepositoryStatus::State::Paused;
        p->runner->setPaused(true); // queued before its start
    }
    if (m_started)
        p->runner->start();
    Q_EMIT statusChanged(index);
    return true;
}

bool Instance::removeRepository(int index)
{
    if (index < 0 || index >= repositoryCount())
        return false;
    m_repositories[size_t(index)]->runner->stop();
    m_repositories.erase(m_repositories.begin() + index);
    Q_EMIT repositoryRemoved(index);
    return true;
}

bool Instance::retry(int index)
{
    if (index < 0 || index >= repositoryCount())
        return false;
    Repository& r = *m_repositories[size_t(index)];
    if (r.status.state == RepositoryStatus::State::Stopped) {
        const config::RepositoryConfig same = repository(index); // a copy: the runner goes
        qCInfo(lcApp).noquote() << QStringLiteral("[%1] started again, as asked").arg(same.name);
        return replaceRepository(index, same);
    }
    if (r.status.paused)
        return false;
    r.runner->syncNow();
    return true;
}

bool Instance::confirmDeletions(int index)
{
    if (index < 0 || index >= repositoryCount())
        return false;
    m_repositories[size_t(index)]->runner->confirmDeletions();
    return true;
}

void Instance::start()
{
    m_started = true;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_alerter = std::make_unique<Alerter>(*this);
    for (auto& r : m_repositories)
        r->runner->start();
}

void Instance::stop()
{
    m_alerter.reset(); // stopping on purpose is nothing to alert about
    for (auto& r : m_repositories)
        r->runner->stop();
}

QList<int> Instance::targets(const QJsonObject& request, QString& error) const
{
    const QString name = request.value(QStringLiteral("repository")).toString();
    QList<int> found;
    for (int i = 0; i < repositoryCount(); ++i)
        if (name.isEmpty() || repository(i).name == name)
            found << i;
    if (found.isEmpty() && !name.isEmpty())
        error = trc("control", "no repository '%1' runs here").arg(name);
    return found;
}

QJsonObject Instance::statusJson() const
{
    QJsonArray list;
    for (int i = 0; i < repositoryCount(); ++i) {
        const RepositoryStatus& s = status(i);
        const config::RepositoryConfig& c = repository(i);
        QJsonArray peers;
        for (const sync::PeerState& p : s.lastPass.peers)
            peers.append(
                QJsonObject{{QStringLiteral("name"), p.name},
                            {QStringLiteral("id"), p.id},
                            {QStringLiteral("last_change"),
                             p.lastChange.isValid() ? p.lastChange.toString(Qt::ISODate) : QString()},
                            {QStringLiteral("unacknowledged"), double(p.unacknowledged)},
                            {QStringLiteral("unapplied"), double(p.unapplied)},
                            {QStringLiteral("usage"), double(p.usage)}});
        const sync::PassProgress& g = s.progress;
        list.append(QJsonObject{
            {QStringLiteral("name"), c.name},
            {QStringLiteral("state"), stateName(s.state)},
            {QStringLiteral("paused"), s.paused},
            {QStringLiteral("paused_until"),
             s.pausedUntil.isValid() ? s.pausedUntil.toString(Qt::ISODate) : QString()},
            {QStringLiteral("local_path"), c.localPath},
            {QStringLiteral("relay"), s.relay},
            {QStringLiteral("last_sync"),
             s.lastSuccess.isValid() ? s.lastSuccess.toString(Qt::ISODate) : QString()},
            {QStringLiteral("last_error"), s.lastError},
            {QStringLiteral("failing_since"),
             s.troubleSince.isValid() ? s.troubleSince.toString(Qt::ISODate) : QString()},
            {QStringLiteral("conflicts"), s.conflicts},
            {QStringLiteral("conflicts_waiting"), s.conflictsWaiting},
            {QStringLiteral("pending_up"), s.pendingUp},
            {QStringLiteral("pending_down"), double(s.pendingDown)},
            {QStringLiteral("relay_usage"), double(s.relayUsage)},
            {QStringLiteral("disk_quota"), c.diskQuota ? double(*c.diskQuota) : -1.0},
            {QStringLiteral("files_sent"), s.sent},
            {QStringLiteral("files_received"), s.received},
            {QStringLiteral("passes"), s.passes},
            {QStringLiteral("passes_held"), s.passesHeld},
            {QStringLiteral("clients"), peers},
            {QStringLiteral("progress"), QJsonObject{{QStringLiteral("files_left"), g.filesLeft()},
                                                     {QStringLiteral("bytes_left"), double(g.bytesLeft())},
                                                     {QStringLiteral("files_to_send"), g.filesToSend},
                                                     {QStringLiteral("files_sent"), g.filesSent},
                                                     {QStringLiteral("bytes_to_send"), double(g.bytesToSend)},
                                                     {QStringLiteral("bytes_sent"), double(g.bytesSent)},
                                                     {QStringLiteral("files_to_receive"), g.filesToReceive},
                                                     {QStringLiteral("files_received"), g.filesReceived},
                                                     {QStringLiteral("bytes_to_receive"), double(g.bytesToReceive)},
                                                     {QStringLiteral("bytes_received"), double(g.bytesReceived)},
                                                     {QStringLiteral("current"), g.current}}},
            {QStringLiteral("last_pass"),
             QJsonObject{{QStringLiteral("sent"), s.lastPass.uploaded},
                         {QStringLiteral("received"), s.lastPass.downloaded},
                         {QStringLiteral("deleted"), s.lastPass.deleted},
                         {QStringLiteral("conflicts"), s.lastPass.conflicts},
                         {QStringLiteral("freed"), s.lastPass.freed},
                         {QStringLiteral("complete"), s.lastPass.complete},
                         {QStringLiteral("deletions_held"), s.lastPass.deletionsHeld},
                         {QStringLiteral("waiting_for_space"), s.lastPass.waitingForSpace},
                         {QStringLiteral("waiting"), QJsonArray::fromStringList(s.lastPass.waiting)}}},
            {QStringLiteral("relay_notice"), s.lastPass.relayNotice},
        });
    }
    return {{QStringLiteral("ok"), true},
            {QStringLiteral("started"), m_startedAt.isValid() ? m_startedAt.toString(Qt::ISODate) : QString()},
            {QStringLiteral("repositories"), list}};
}

QJsonObject Instance::handle(const QJsonObject& request)
{
    using State = RepositoryStatus::State;
    const QString command = request.value(QStringLiteral("command")).toString();
    auto failure = [](const QString& message) {
        return QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), message}};
    };
    // Said in words (translated) and by a flag, which escalectl reads (its exit code).
    auto unknownRepository = [&failure](const QString& message) {
        QJsonObject answer = failure(message);
        answer.insert(QStringLiteral("unknown_repository"), true);
        return answer;
    };
    if (command == QLatin1String("status")) {
        QString error;
        if (targets(request, error).isEmpty() && !error.isEmpty())
            return unknownRepository(error);
        return statusJson();
    }
    if (command == QLatin1String("stop")) {
        QMetaObject::invokeMethod(this, &Instance::stopRequested, Qt::QueuedConnection);
        return {{QStringLiteral("ok"), true}};
    }
    if (command == QLatin1String("show")) {
        // A second launch of the desktop application: the running one comes to the front.
        QMetaObject::invokeMethod(this, &Instance::showRequested, Qt::QueuedConnection);
        return {{QStringLiteral("ok"), true}};
    }
    if (command != QLatin1String("pause") && command != QLatin1String("resume") &&
        command != QLatin1String("sync") && command != QLatin1String("confirm-deletions"))
        return failure(trc("control", "unknown command '%1' (known: status, pause, resume, sync, "
                                      "confirm-deletions, stop, show)")
                           .arg(command));
    QString error;
    const QList<int> chosen = targets(request, error);
    if (!error.isEmpty())
        return unknownRepository(error);
    // A pause for a while: until a time to come.
    QDateTime until;
    if (command == QLatin1String("pause") && request.contains(QStringLiteral("until"))) {
        until = QDateTime::fromString(request.value(QStringLiteral("until")).toString(), Qt::ISODate);
        if (!until.isValid() || until <= QDateTime::currentDateTimeUtc())
            return failure(trc("control", "'until' must be a date and time to come (ISO 8601, such as "
                                          "2026-12-24T08:00:00Z), not '%1'")
                               .arg(request.value(QStringLiteral("until")).toVariant().toString()));
    }
    QJsonArray done;
    for (int i : chosen) {
        Repository& r = *m_repositories[size_t(i)];
        if (command == QLatin1String("confirm-deletions")) {
            confirmDeletions(i);
        } else if (command == QLatin1String("sync")) {
            if (r.status.paused || r.status.state == State::Stopped) {
                if (chosen.size() == 1)
                    return failure((r.status.paused
                                        ? trc("control", "'%1' is paused: resume it first")
                                        : trc("control", "'%1' has stopped: see its last error, then restart Escale"))
                                       .arg(repository(i).name));
                continue;
            }
            r.runner->syncNow();
        } else {
            setPaused(i, command == QLatin1String("pause"), until);
        }
        done.append(repository(i).name);
    }
    return {{QStringLiteral("ok"), true}, {QStringLiteral("repositories"), done}};
}

} // namespace escale::control
