#include "ExitCodes.h"
#include "Version.h"
#include "config/Paths.h"
#include "crypto/Crypto.h"
#include "escale/HeadlessRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QThreadPool>

#ifdef ESCALE_WITH_GUI
#include "escale/DesktopApp.h"
#endif

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace {

void print(FILE* stream, const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

#ifndef ESCALE_WITH_GUI
// `escale` without --no-gui: the desktop application is its own program, escale-desktop, beside
// this one (or in PATH); it takes over this process with the same arguments.
int handOverToDesktop(char** argv)
{
    QStringList candidates;
    char self[4096];
    if (const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1); n > 0)
        candidates << QFileInfo(QString::fromLocal8Bit(self, n)).absolutePath() + QStringLiteral("/escale-desktop");
    candidates << QStandardPaths::findExecutable(QStringLiteral("escale-desktop"));
    for (const QString& c : std::as_const(candidates)) {
        if (c.isEmpty() || !QFileInfo(c).isExecutable())
            continue;
        const QByteArray path = QFile::encodeName(c);
        argv[0] = const_cast<char*>(path.constData());
        ::execv(path.constData(), argv);
        print(stderr, QStringLiteral("escale: cannot start %1: %2\n").arg(c, QString::fromLocal8Bit(std::strerror(errno))));
        return escale::ExitFailure;
    }
    print(stderr, QStringLiteral("escale: the desktop application is not installed here (Debian: apt install "
                                 "escale-desktop); 'escale --no-gui' runs the synchronisation without it\n"));
    return escale::ExitUsage;
}
#endif

} // namespace

int main(int argc, char* argv[])
{
    using namespace escale;
    crypto::keepOpenSslUntilExit();
    QCoreApplication::setApplicationName(QStringLiteral("escale"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(versionString()));
    QCoreApplication::setOrganizationName(QStringLiteral("escale"));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Keeps folders in sync between machines that cannot reach each other, through a passive\n"
        "relay storage (WebDAV, S3, FTP/FTPS, SFTP, a local or mounted folder, or an rclone remote).\n"
        "Without --no-gui it starts the desktop application (tray icon, setup wizard)."));
    const QCommandLineOption configOption(
        {QStringLiteral("c"), QStringLiteral("config")},
        QStringLiteral("Configuration file (default: %1).").arg(config::defaultConfigPath()),
        QStringLiteral("FILE"));
    const QCommandLineOption noGuiOption(QStringLiteral("no-gui"),
                                         QStringLiteral("Run without a desktop: sync every repository of the "
                                                        "configuration until SIGTERM or SIGINT."));
    const QCommandLineOption onceOption(
        QStringLiteral("once"), QStringLiteral("One complete pass per repository, then exit (0 when all "
                                               "succeeded, 7 when something was left to a later pass). "
                                               "Never starts the desktop: --no-gui is implied."));
    const QCommandLineOption confirmOption(
        QStringLiteral("confirm-deletions"),
        QStringLiteral("Propagate local deletions held back by the mass-delete "
                       "safety (a folder emptied or unmounted, or more deletions "
                       "than 'delete threshold')."));
    const QCommandLineOption repoOption(
        {QStringLiteral("r"), QStringLiteral("repository")},
        QStringLiteral("Run only this repository (a [section] name); repeatable."), QStringLiteral("NAME"));
    const QCommandLineOption logLevelOption(
        QStringLiteral("log-level"),
        QStringLiteral("debug, info, warning, error or critical (overrides "
                       "'log level' of the configuration)."),
        QStringLiteral("LEVEL"));
    const QCommandLineOption licenseOption(
        {QStringLiteral("y"), QStringLiteral("accept-license")},
        QStringLiteral("Accepted for compatibility with Escale 0.7; no effect."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help and exit."));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           QStringLiteral("Show the version and exit."));
    parser.addOptions({configOption, noGuiOption, onceOption, confirmOption, repoOption, logLevelOption,
                       licenseOption, helpOption, versionOption});

    if (!parser.parse(arguments)) {
        print(stderr,
              QStringLiteral("escale: %1\nRun 'escale --help' for the options.\n").arg(parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(helpOption)) {
        QString help = parser.helpText();
        help.replace(QLatin1String("<executable_name>"), QLatin1String("escale"));
        print(stdout,
              help + QStringLiteral("\nExit codes: 0 success, 1 a repository failed, 2 bad usage or "
                                    "configuration,\n3 wrong password or passphrase, 4 relay unreachable, "
                                    "5 local folder missing,\n7 --once: the pass ran but left something to a "
                                    "later one (waiting for relay space,\nnot yet applied, set aside).\n"
                                    "See docs/cli.md.\n"));
        return ExitOk;
    }
    if (parser.isSet(versionOption)) {
        print(stdout, QStringLiteral("escale %1\n").arg(QString::fromLatin1(versionString())));
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        print(stderr,
              QStringLiteral("escale: unexpected argument '%1'\nRun 'escale --help' for the options.\n")
                  .arg(parser.positionalArguments().first()));
        return ExitUsage;
    }

    RunOptions options;
    options.configPathGiven = parser.isSet(configOption);
    options.configPath = options.configPathGiven ? parser.value(configOption) : config::defaultConfigPath();
    options.once = parser.isSet(onceOption);
    options.confirmDeletions = parser.isSet(confirmOption);
    options.repositories = parser.values(repoOption);
    if (parser.isSet(logLevelOption)) {
        options.logLevel = escale::config::parseLogLevel(parser.value(logLevelOption));
        if (!options.logLevel) {
            print(stderr,
                  QStringLiteral("escale: --log-level: expected debug, info, warning, error or critical, "
                                 "got '%1'\n")
                      .arg(parser.value(logLevelOption)));
            return ExitUsage;
        }
    }

    if (parser.isSet(noGuiOption) || options.once) {
        QCoreApplication app(argc, argv);
        const int code = runHeadless(options);
        // Let the worker threads end before the application goes.
        QThreadPool::globalInstance()->waitForDone();
        return code;
    }
#ifdef ESCALE_WITH_GUI
    return runDesktop(argc, argv, options);
#else
    return handOverToDesktop(argv);
#endif
}
