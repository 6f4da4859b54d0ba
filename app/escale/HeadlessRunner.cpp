#include "escale/HeadlessRunner.h"

#include "ExitCodes.h"
#include "config/ConfigLoader.h"
#include "config/Paths.h"
#include "log/Logging.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>

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

    int exitCode = ExitOk;
    for (const config::RepositoryConfig& r : std::as_const(config.repositories)) {
        qCInfo(lcApp).noquote() << QStringLiteral("[%1] %2 <-> %3 (%4, encryption %5, client '%6')")
                                       .arg(r.name, r.localPath, r.relay.toDisplayString(),
                                            config::syncModeName(r.mode), config::encryptionName(r.encryption),
                                            r.clientName);
        if (!QFileInfo(r.localPath).isDir()) {
            qCCritical(lcApp).noquote()
                << QStringLiteral("[%1] the local folder %2 does not exist: create it, or mount the disk it is on")
                       .arg(r.name, r.localPath);
            exitCode = ExitLocalFolder;
        }
    }
    if (exitCode == ExitOk)
        qCInfo(lcApp).noquote() << QStringLiteral("configuration %1 is valid: %2 repositories")
                                       .arg(options.configPath)
                                       .arg(config.repositories.size());
    log::shutdown();
    return exitCode;
}

} // namespace escale
