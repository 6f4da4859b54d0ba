#include "escale/HeadlessRunner.h"

#include "ExitCodes.h"
#include "config/ConfigLoader.h"
#include "config/IniDocument.h"
#include "config/Paths.h"
#include "control/ControlChannel.h"
#include "control/Instance.h"
#include "log/Logging.h"
#include "sync/RepositoryRunner.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QMap>
#include <QSet>
#include <QScopeGuard>
#include <QSocketNotifier>
#include <QTimer>
#include <atomic>
#include <csignal>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace escale {

namespace {

void printLine(const QString& line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

} // namespace

int loadConfiguration(const RunOptions& options, config::Config& config)
{
    const config::LoadResult result = config::ConfigLoader::loadFile(options.configPath);
    if (const config::ConfigDiagnostic* error = result.firstError()) {
        QString line = error->toString();
        if (error->line == 0 && !QFileInfo::exists(options.configPath) && !options.configPathGiven)
            line += QStringLiteral("; write one (see docs/configuration.md) or start escale without --no-gui "
                                   "to run the setup wizard");
        printLine(line);
        return ExitUsage;
    }
    for (const config::ConfigDiagnostic& w : result.warnings())
        printLine(w.toString());
    config = result.config;

    if (!options.repositories.isEmpty()) {
        QStringList known;
        for (const auto& r : std::as_const(config.repositories))
            known << r.name;
        QList<config::RepositoryConfig> selected;
        for (const QString& name : options.repositories) {
            const config::RepositoryConfig* r = config.repository(name);
            if (!r) {
                printLine(QStringLiteral("%1: no repository named '%2' (it has: %3)")
                              .arg(options.configPath, name, known.join(QLatin1String(", "))));
                return ExitUsage;
            }
            selected.append(*r);
        }
        config.repositories = selected;
    }
    return ExitOk;
}

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int signal)
{
    const char c = signal == SIGHUP ? 'h' : 's';
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

// systemd's notification protocol (sd_notify(3), without libsystemd): one datagram per message to
// the socket $NOTIFY_SOCKET names (a path, or '@' for the abstract namespace). Nothing when the
// variable is not set (not started by systemd with Type=notify).
class SystemdNotifier
{
public:
    SystemdNotifier()
    {
        const QByteArray where = qgetenv("NOTIFY_SOCKET");
        if (where.isEmpty() || size_t(where.size()) >= sizeof(m_address.sun_path))
            return;
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (m_fd < 0)
            return;
        m_address.sun_family = AF_UNIX;
        std::memcpy(m_address.sun_path, where.constData(), size_t(where.size()));
        if (m_address.sun_path[0] == '@')
            m_address.sun_path[0] = '\0';
        m_length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(where.size()));
        const qint64 watchdogUs = qgetenv("WATCHDOG_USEC").toLongLong();
        const QByteArray pid = qgetenv("WATCHDOG_PID");
        if (watchdogUs > 0 && (pid.isEmpty() || pid.toLongLong() == qint64(::getpid())))
            m_watchdogMs = int(std::max<qint64>(watchdogUs / 2000, 1)); // twice per period
    }
    ~SystemdNotifier()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SystemdNotifier(const SystemdNotifier&) = delete;
    SystemdNotifier& operator=(const SystemdNotifier&) = delete;
    bool active() const { return m_fd >= 0; }
    int watchdogMs() const { return m_watchdogMs; } // 0: no watchdog asked
    void send(const QByteArray& message)
    {
        if (m_fd >= 0)
            [[maybe_unused]] const auto n = ::sendto(m_fd, message.constData(), size_t(message.size()), MSG_NOSIGNAL,
                                                     reinterpret_cast<const sockaddr*>(&m_address), m_length);
    }

private:
    int m_fd = -1;
    sockaddr_un m_address{};
    socklen_t m_length = 0;
    int m_watchdogMs = 0;
};

// One line for `systemctl status`: how many repositories are in which state.
QByteArray statusLine(const control::Instance& instance)
{
    QMap<QString, int> states;
    for (int i = 0; i < instance.repositoryCount(); ++i)
        ++states[control::stateName(instance.status(i).state)];
    QStringList parts;
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
    return QStringLiteral("STATUS=%1 %2: %3")
        .arg(instance.repositoryCount())
        .arg(instance.repositoryCount() == 1 ? QStringLiteral("repository") : QStringLiteral("repositories"),
             parts.join(QLatin1String(", ")))
        .toUtf8();
}

// Every section's keys and values as the file says them (normalised keys), to tell which keys an
// edit changed; values are compared, never logged (a password may be among them).
QMap<QString, QMap<QString, QString>> sectionsOf(const QByteArray& bytes)
{
    config::IniDocument doc;
    config::ConfigDiagnostics diagnostics;
    QMap<QString, QMap<QString, QString>> out;
    if (!doc.parse(bytes, QString(), diagnostics))
        return out;
    auto take = [&](const config::IniDocument::Section& section) {
        QMap<QString, QString>& keys = out[section.name];
        for (const config::IniDocument::Entry& e : section.entries)
            keys.insert(e.key, e.value);
    };
    take(doc.defaults());
    for (const config::IniDocument::Section& section : doc.sections())
        take(section);
    return out;
}

QStringList changedKeys(const QMap<QString, QString>& before, const QMap<QString, QString>& after)
{
    QStringList keys;
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        if (!after.contains(it.key()) || after.value(it.key()) != it.value())
            keys << it.key();
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (!before.contains(it.key()))
            keys << it.key();
    keys.sort();
    return keys;
}

// SIGHUP, or an edit of the configuration file (watched): the file is read again and what changed
// is applied as the settings dialog applies it — a repository whose keys changed restarts with
// them, new ones start, removed ones stop — with a log line for each. A file that does not load
// changes nothing: the error is logged with its line, and the running configuration stays.
class ConfigReloader : public QObject
{
public:
    ConfigReloader(control::Instance& instance, const QString& path, QStringList only)
        : m_instance(instance)
        , m_path(path)
        , m_only(std::move(only))
    {
        m_bytes = m_seen = readAll();
        m_settle.setSingleShot(true);
        m_settle.setInterval(500); // an editor's save is several events
        connect(&m_settle, &QTimer::timeout, this, [this] { reload(false); });
        connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_settle.start(); });
        connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
            if (readAll() != m_seen) // another file of the folder: nothing to do
                m_settle.start();
        });
        watch();
    }

    void reload(bool asked)
    {
        watch(); // saved by renaming a new file over it: that one is watched now
        const QByteArray bytes = readAll();
        // Said once per version of the file when watched (a broken edit is not logged again at
        // every event of its folder), at every SIGHUP when asked.
        if (!asked && bytes == m_seen)
            return;
        m_seen = bytes;
        if (bytes == m_bytes) {
            if (asked)
                qCInfo(lcApp).noquote() << QStringLiteral("%1 reloaded: nothing changed").arg(m_path);
            return;
        }
        // What is compared is what was loaded (the file may change again meanwhile).
        const config::LoadResult loaded = config::ConfigLoader::loadFile(m_path);
        if (const config::ConfigDiagnostic* error = loaded.firstError()) {
            qCWarning(lcApp).noquote() << QStringLiteral("%1 not reloaded, the running configuration stays: %2")
                                              .arg(m_path, error->toString());
            return;
        }
        const auto before = sectionsOf(m_bytes), after = sectionsOf(loaded.bytes);
        m_bytes = m_seen = loaded.bytes;
        const QStringList defaults = changedKeys(before.value(QString()), after.value(QString()));
        QSet<QString> repositories;
        for (int i = m_instance.repositoryCount() - 1; i >= 0; --i) {
            const QString name = m_instance.repository(i).name;
            repositories.insert(name);
            const config::RepositoryConfig* now = selected(loaded.config, name);
            if (!now) {
                m_instance.removeRepository(i);
                qCInfo(lcApp).noquote()
                    << QStringLiteral("[%1] no longer in the configuration: stopped (its folder and state stay)").arg(name);
                continue;
            }
            QStringList keys = changedKeys(before.value(name), after.value(name));
            for (const QString& k : defaults)
                if (!after.value(name).contains(k))
                    keys << k;
            if (keys.isEmpty())
                continue;
            m_instance.replaceRepository(i, *now);
            qCInfo(lcApp).noquote() << QStringLiteral("[%1] settings changed (%2): restarted with them")
                                           .arg(name, keys.join(QLatin1String(", ")));
        }
        for (const config::RepositoryConfig& r : loaded.config.repositories) {
            if (repositories.contains(r.name) || !selected(loaded.config, r.name))
                continue;
            m_instance.addRepository(r);
            qCInfo(lcApp).noquote() << QStringLiteral("[%1] added: %2 <-> %3")
                                           .arg(r.name, r.localPath, r.relay.toDisplayString());
        }
        // Sections that are no repository: the global settings (log, language...).
        QStringList global;
        for (auto it = after.cbegin(); it != after.cend(); ++it)
            if (!it.key().isEmpty() && !loaded.config.repository(it.key()))
                global += changedKeys(before.value(it.key()), it.value());
        if (!global.isEmpty())
            qCInfo(lcApp).noquote() << QStringLiteral("global settings changed (%1): they apply at the next start")
                                           .arg(global.join(QLatin1String(", ")));
    }

private:
    const config::RepositoryConfig* selected(const config::Config& config, const QString& name) const
    {
        return m_only.isEmpty() || m_only.contains(name) ? config.repository(name) : nullptr;
    }
    QByteArray readAll() const
    {
        QFile f(m_path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    void watch()
    {
        if (QFileInfo::exists(m_path) && !m_watcher.files().contains(m_path))
            m_watcher.addPath(m_path);
        const QString folder = QFileInfo(m_path).absolutePath();
        if (!m_watcher.directories().contains(folder))
            m_watcher.addPath(folder);
    }

    control::Instance& m_instance;
    QString m_path;
    QStringList m_only;
    QByteArray m_bytes; // the file as last loaded
    QByteArray m_seen;  // as last read, loaded or not
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
};

int exitCodeFor(const sync::PassResult& r)
{
    switch (r.status) {
    case sync::PassResult::Status::Ok:
        return ExitOk;
    case sync::PassResult::Status::LocalFolder:
        return ExitLocalFolder;
    case sync::PassResult::Status::Auth:
        return ExitAuth;
    case sync::PassResult::Status::Failed:
    case sync::PassResult::Status::Refused: {
        using Kind = relay::RelayError::Kind;
        const Kind k = r.cause;
        return k == Kind::Network || k == Kind::Timeout || k == Kind::Tls ? ExitUnreachable : ExitFailure;
    }
    }
    return ExitFailure;
}

QString summary(const sync::PassResult& r)
{
    return QStringLiteral("%1 sent, %2 received, %3 deleted, %4 conflicts, %5 relay objects freed")
        .arg(r.uploaded)
        .arg(r.downloaded)
        .arg(r.deleted)
        .arg(r.conflicts)
        .arg(r.freed);
}

// --once: SIGTERM or SIGINT stop the pass under way at the next file's boundary (what is whole is
// published, what was received is kept), and the repositories after it are not started.
std::atomic<sync::SyncEngine*> g_onceEngine{nullptr};
std::atomic<bool> g_onceStopping{false};

void onceSignal(int)
{
    g_onceStopping.store(true);
    if (sync::SyncEngine* engine = g_onceEngine.load())
        engine->interrupt(); // an atomic store: safe in a signal handler
}

int runOnce(const config::Config& config, bool confirmDeletions)
{
    static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<sync::SyncEngine*>::is_always_lock_free);
    struct sigaction action = {};
    action.sa_handler = onceSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    int exitCode = ExitOk;
    for (config::RepositoryConfig r : config.repositories) {
        if (g_onceStopping.load()) {
            qCWarning(lcApp).noquote() << QStringLiteral("[%1] not started: stopping").arg(r.name);
            exitCode = exitCode == ExitOk ? ExitIncomplete : exitCode;
            continue;
        }
        r.settleMs = 0; // one pass: take files as they are now
        QString error;
        std::optional<sync::EngineSetup> setup = sync::openEngine(r, error);
        if (!setup) {
            qCCritical(lcApp).noquote() << QStringLiteral("[%1] %2").arg(r.name, error);
            exitCode = exitCode == ExitOk ? ExitFailure : exitCode;
            continue;
        }
        sync::SyncEngine& engine = *setup->engine;
        if (confirmDeletions)
            engine.confirmDeletions();
        g_onceEngine.store(&engine);
        if (g_onceStopping.load())
            engine.interrupt();
        const auto forget = qScopeGuard([] { g_onceEngine.store(nullptr); });
        sync::PassResult result = engine.runPass();
        if (!result.movedTo.isEmpty() && !result.interrupted) // the repository moved: the pass goes on there
            result = engine.runPass();
        if (result.deletionsHeld > 0)
            qCWarning(lcApp).noquote()
                << QStringLiteral("[%1] %2 deletions wait for confirmation: check the folder, "
                                  "then run again with --confirm-deletions")
                       .arg(r.name)
                       .arg(result.deletionsHeld);
        if (!result.ok()) {
            qCCritical(lcApp).noquote() << QStringLiteral("[%1] %2").arg(r.name, result.error);
            if (exitCode == ExitOk)
                exitCode = exitCodeFor(result);
            continue;
        }
        qCInfo(lcApp).noquote() << QStringLiteral("[%1] %2: %3")
                                       .arg(r.name,
                                            result.complete ? QStringLiteral("pass complete")
                                                            : QStringLiteral("pass done, some changes wait"),
                                            summary(result));
        // The pass ran, but not everything went through: scripts and monitoring must see it.
        const bool incomplete = result.interrupted || !result.waiting.isEmpty() || result.waitingForSpace || result.pendingUp > 0 ||
                                result.pendingDown > 0;
        for (const QString& line : std::as_const(result.waiting))
            qCWarning(lcApp).noquote() << QStringLiteral("[%1] waiting: %2").arg(r.name, line);
        if (result.waitingForSpace)
            qCWarning(lcApp).noquote()
                << QStringLiteral("[%1] some files wait for room on the relay ('disk quota')").arg(r.name);
        if (incomplete && exitCode == ExitOk)
            exitCode = ExitIncomplete;
    }
    return exitCode;
}

int runDaemon(const config::Config& config, bool confirmDeletions, const QStringList& only)
{
    if (::pipe(g_signalPipe) != 0) {
        qCCritical(lcApp) << "cannot set up signal handling";
        return ExitFailure;
    }
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGHUP, &action, nullptr);

    control::Instance instance(config, confirmDeletions);
    if (instance.repositoryCount() == 0)
        return ExitFailure;
    // One instance per configuration: two would sync the same folders against each other.
    control::ControlServer server(
        [&instance](const QJsonObject& request) { return instance.handle(request); });
    QString error;
    bool otherInstance = false;
    if (!server.listen(control::socketPath(config.path), error, &otherInstance)) {
        if (otherInstance) {
            qCCritical(lcApp).noquote() << error;
            return ExitFailure;
        }
        // Syncing matters more than being reachable by escalectl.
        qCWarning(lcApp).noquote() << QStringLiteral("%1; escalectl cannot reach this instance").arg(error);
    }
    int running = instance.repositoryCount();
    QObject::connect(&instance, &control::Instance::failedToStart, qApp, [&](int index, const QString& why) {
        qCCritical(lcApp).noquote() << QStringLiteral("[%1] %2").arg(instance.repository(index).name, why);
        if (--running == 0)
            QCoreApplication::exit(ExitFailure);
    });
    QObject::connect(
        &instance, &control::Instance::passFinished, qApp, [&](int index, const sync::PassResult& result) {
            const QString name = instance.repository(index).name;
            if (result.status == sync::PassResult::Status::Auth) {
                // Retrying cannot help: this repository stops until restarted.
                qCCritical(lcApp).noquote() << QStringLiteral("[%1] %2; stopped").arg(name, result.error);
                if (--running == 0)
                    QCoreApplication::exit(ExitAuth);
            } else if (!result.ok())
                qCWarning(lcApp).noquote()
                    << QStringLiteral("[%1] %2; retrying later").arg(name, result.error);
            else if (result.uploaded + result.downloaded + result.deleted + result.conflicts + result.freed >
                     0)
                qCInfo(lcApp).noquote() << QStringLiteral("[%1] %2").arg(name, summary(result));
        });
    QObject::connect(&instance, &control::Instance::stopRequested, qApp, [] {
        qCInfo(lcApp) << "stopping (asked through the control socket)";
        QCoreApplication::exit(ExitOk);
    });

    ConfigReloader reloader(instance, config.path, only);
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, qApp, [&reloader] {
        char c;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &c, 1);
        if (c == 'h') {
            reloader.reload(true);
            return;
        }
        qCInfo(lcApp) << "stopping";
        QCoreApplication::exit(ExitOk);
    });
    // systemd (Type=notify): ready once every repository has started (its first pass under way or
    // done, or failed to start); the state in one line; the watchdog fed while every repository's
    // worker answers.
    SystemdNotifier systemd;
    QTimer watchdog;
    if (systemd.watchdogMs() > 0) {
        // Fed while every repository's worker answers (its event loop turns, in passes too): one
        // stuck for a whole watchdog period stops the feeding, and systemd restarts Escale.
        const qint64 period = 2LL * systemd.watchdogMs();
        QObject::connect(&watchdog, &QTimer::timeout, qApp, [&systemd, &instance, period] {
            static bool said = false;
            qint64 quiet = 0;
            const int who = instance.quietest(quiet);
            if (who < 0 || quiet < period) {
                said = false;
                systemd.send("WATCHDOG=1");
            } else if (!std::exchange(said, true)) {
                qCWarning(lcApp).noquote()
                    << QStringLiteral("[%1] has not answered for %2 s: systemd restarts Escale if it stays so")
                           .arg(instance.repository(who).name)
                           .arg(quiet / 1000);
            }
        });
        watchdog.start(systemd.watchdogMs());
    }
    bool ready = false;
    auto tellSystemd = [&] {
        if (!systemd.active())
            return;
        bool started = true;
        for (int i = 0; i < instance.repositoryCount(); ++i)
            started = started && instance.status(i).state != control::RepositoryStatus::State::Starting;
        if (started && !ready) {
            ready = true;
            systemd.send("READY=1\n" + statusLine(instance));
        } else if (ready) {
            systemd.send(statusLine(instance));
        }
    };
    QObject::connect(&instance, &control::Instance::statusChanged, qApp, tellSystemd);
    QObject::connect(&instance, &control::Instance::failedToStart, qApp, tellSystemd);
    instance.start();
    qCInfo(lcApp).noquote() << QStringLiteral("running %1 repositories; stop with SIGTERM or Ctrl-C")
                                   .arg(instance.repositoryCount());
    tellSystemd();
    const int code = QCoreApplication::exec();
    systemd.send("STOPPING=1");
    instance.stop();
    qCInfo(lcApp) << "stopped";
    return code;
}

} // namespace

int runHeadless(const RunOptions& options)
{
    config::Config config;
    if (const int code = loadConfiguration(options, config); code != ExitOk)
        return code;

    log::LogOptions logOptions;
    logOptions.level = options.logLevel.value_or(config.global.logLevel);
    logOptions.file = config.global.logFile;
    logOptions.rotate = config.global.logRotate;
    logOptions.maxSize = config.global.logSize;
    if (const QString error = log::install(logOptions); !error.isEmpty())
        qCWarning(lcApp).noquote() << error;
    for (const config::RepositoryConfig& r : std::as_const(config.repositories))
        qCInfo(lcApp).noquote() << QStringLiteral("[%1] %2 <-> %3 (%4, client '%5')")
                                       .arg(r.name, r.localPath, r.relay.toDisplayString(),
                                            config::syncModeName(r.mode), r.clientName);

    const int code = options.once ? runOnce(config, options.confirmDeletions)
                                  : runDaemon(config, options.confirmDeletions, options.repositories);
    log::shutdown();
    return code;
}

} // namespace escale
