#include "escale/HeadlessRunner.h"

#include "ExitCodes.h"
#include "config/ConfigLoader.h"
#include "config/Paths.h"
#include "control/ControlChannel.h"
#include "control/Instance.h"
#include "log/Logging.h"
#include "sync/RepositoryRunner.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
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

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

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

int runOnce(const config::Config& config, bool confirmDeletions)
{
    int exitCode = ExitOk;
    for (config::RepositoryConfig r : config.repositories) {
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
        sync::PassResult result = engine.runPass();
        if (!result.movedTo.isEmpty()) // the repository moved: the pass goes on there
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
        const bool incomplete = !result.waiting.isEmpty() || result.waitingForSpace || result.pendingUp > 0 ||
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

int runDaemon(const config::Config& config, bool confirmDeletions)
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

    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, qApp, [] {
        char c;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &c, 1);
        qCInfo(lcApp) << "stopping";
        QCoreApplication::exit(ExitOk);
    });
    instance.start();
    qCInfo(lcApp).noquote() << QStringLiteral("running %1 repositories; stop with SIGTERM or Ctrl-C")
                                   .arg(instance.repositoryCount());
    const int code = QCoreApplication::exec();
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
                                  : runDaemon(config, options.confirmDeletions);
    log::shutdown();
    return code;
}

} // namespace escale
