// escalectl: commands on a repository, on its relay, or on the running instance (docs/cli.md).
#include "Common.h"
#include "Version.h"
#include "config/Paths.h"
#include "config/Units.h"
#include "crypto/Crypto.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QThreadPool>

using namespace escale;
using namespace escale::ctl;

namespace {

int run(const QCoreApplication& app)
{
    QCoreApplication::setApplicationName(QStringLiteral("escalectl"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(versionString()));
    QLoggingCategory::setFilterRules(QStringLiteral("escale.*.debug=false\nescale.*.info=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Commands on an Escale repository.\n\n"
        "  verify REPO                checks every object on the relay and the journal chains\n"
        "  decrypt REPO --to DIR      rebuilds the latest tree from the relay (what it still holds)\n"
        "  passphrase REPO            changes the passphrase (re-seals the key; nothing is re-sent)\n"
        "  trust REPO                 shows the relay's TLS certificate or SSH host key and pins it once\n"
        "                             confirmed\n"
        "  clients REPO               every client: name, id, last seen, what it still has to receive\n"
        "  backup REPO FILE.zip       the whole relay repository into one zip archive, with a manifest\n"
        "  restore REPO FILE.zip      a backup into an empty relay location (--force: any), verified\n"
        "  access PATH [r+|r-|r?|w+|w-|w?]...   shows or sets whether a file or folder is sent (r) and\n"
        "                             received (w)\n"
        "  conflicts [REPO]           the conflict copies waiting in the synchronised folders\n"
        "  resolve COPY --keep current|copy|both   resolves one conflict copy\n"
        "  migrate REPO ADDRESS       moves the relay repository to another relay; the other clients follow\n"
        "  forget-client REPO CLIENT  removes a client that will not come back (name or id)\n"
        "  remove-legacy REPO         lists the files Escale 0.7 left on the relay, removes them once\n"
        "                             confirmed (--force: without asking)\n"
        "  status|pause|resume|sync [REPO], stop   the running instance (pause --for 2h: for a while)\n"
        "  confirm-deletions [REPO]   lets the deletions held back (many files gone at once) go out\n"
        "  service-paths              the systemd drop-in that lets the service write the folders the\n"
        "                             configuration names outside the home (docs/server.md)\n"
        "  check [REPO]               the running instance for a monitoring system: one line with\n"
        "                             performance data, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN\n\n"
        "REPO is a repository of the configuration ([section] name) or a relay address."));
    const QCommandLineOption configOption(
        {QStringLiteral("c"), QStringLiteral("config")},
        QStringLiteral("Configuration file (default: %1).").arg(config::defaultConfigPath()),
        QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Machine-readable output."));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      QStringLiteral("decrypt: the folder to write (new or empty)."),
                                      QStringLiteral("DIR"));
    const QCommandLineOption passOption(QStringLiteral("passphrase-file"),
                                        QStringLiteral("Read the passphrase from FILE."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption newPassOption(QStringLiteral("new-passphrase-file"),
                                           QStringLiteral("passphrase: read the new passphrase from FILE."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption fingerprintOption(
        QStringLiteral("fingerprint"),
        QStringLiteral("trust: the SHA-256 fingerprint you checked (no prompt): hex, or SHA256:base64 as "
                       "ssh-keygen prints it."),
        QStringLiteral("FINGERPRINT"));
    const QCommandLineOption forceOption(
        QStringLiteral("force"),
        QStringLiteral("restore: write into a relay location that is not empty; forget-client: even a client "
                       "heard of lately, or whose changes have not reached everybody; remove-legacy: without asking."));
    const QCommandLineOption keepOption(
        QStringLiteral("keep"),
        QStringLiteral(
            "resolve: current (the file under its name), copy (the conflict copy's version) or both."),
        QStringLiteral("VERSION"));
    const QCommandLineOption setOption(
        QStringLiteral("set"),
        QStringLiteral(
            "migrate: a setting of the new relay, 'KEY = VALUE' (user, password, ...); repeatable."),
        QStringLiteral("SETTING"));
    parser.addOptions({configOption, jsonOption, toOption, passOption, newPassOption, fingerprintOption,
                       forceOption, keepOption, setOption});
    // check's thresholds (0 turns one off).
    struct Threshold
    {
        QCommandLineOption option;
        qint64 CheckThresholds::*field;
        bool duration;
    };
    const QList<Threshold> thresholds{
        {QCommandLineOption(QStringLiteral("warning-age"),
                            QStringLiteral("check: WARNING after this long without a successful sync (default 1h)."),
                            QStringLiteral("DURATION")),
         &CheckThresholds::warningAge, true},
        {QCommandLineOption(QStringLiteral("critical-age"),
                            QStringLiteral("check: CRITICAL after this long (default 1d)."), QStringLiteral("DURATION")),
         &CheckThresholds::criticalAge, true},
        {QCommandLineOption(QStringLiteral("warning-pending"),
                            QStringLiteral("check: WARNING from this many changes waiting to be sent or received "
                                           "(default 0: off)."),
                            QStringLiteral("N")),
         &CheckThresholds::warningPending, false},
        {QCommandLineOption(QStringLiteral("critical-pending"),
                            QStringLiteral("check: CRITICAL from this many (default 0: off)."), QStringLiteral("N")),
         &CheckThresholds::criticalPending, false},
        {QCommandLineOption(QStringLiteral("warning-conflicts"),
                            QStringLiteral("check: WARNING from this many conflict copies waiting (default 1)."),
                            QStringLiteral("N")),
         &CheckThresholds::warningConflicts, false},
        {QCommandLineOption(QStringLiteral("warning-usage"),
                            QStringLiteral("check: WARNING from this share of 'disk quota' used on the relay "
                                           "(default 80)."),
                            QStringLiteral("PERCENT")),
         &CheckThresholds::warningUsage, false},
        {QCommandLineOption(QStringLiteral("critical-usage"),
                            QStringLiteral("check: CRITICAL from this share (default 95)."), QStringLiteral("PERCENT")),
         &CheckThresholds::criticalUsage, false},
    };
    for (const Threshold& t : thresholds)
        parser.addOption(t.option);
    const QCommandLineOption forOption(
        QStringLiteral("for"),
        QStringLiteral("pause: for this long only (90m, 2h, 1d), then it resumes by itself; kept across "
                       "restarts."),
        QStringLiteral("DURATION"));
    parser.addOption(forOption);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("one of the commands above"));
    parser.addPositionalArgument(QStringLiteral("REPO"), QStringLiteral("repository name or relay address"));
    if (!parser.parse(app.arguments())) {
        if (app.arguments().contains(QStringLiteral("check"))) { // a monitoring system reads stdout
            print(stdout, QStringLiteral("ESCALE UNKNOWN - %1\n").arg(parser.errorText()));
            return 3;
        }
        return fail(ExitUsage, parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        print(stdout,
              parser.helpText() +
                  QStringLiteral("\nExit codes: 0 success, 1 failure or damage found, 2 bad usage, 3 wrong or "
                                 "missing password\nor passphrase, 4 relay unreachable, 5 local folder missing, 6 no "
                                 "running instance\n(status, pause, resume, sync, confirm-deletions, stop). check: 0 OK, 1 "
                                 "WARNING, 2 CRITICAL,\n3 UNKNOWN. See docs/cli.md.\n"));
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        print(stdout, QStringLiteral("escalectl %1\n").arg(QString::fromLatin1(versionString())));
        return ExitOk;
    }
    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0);
    const QStringList instanceCommands{QStringLiteral("status"),
                                       QStringLiteral("pause"),
                                       QStringLiteral("resume"),
                                       QStringLiteral("sync"),
                                       QStringLiteral("confirm-deletions"),
                                       QStringLiteral("stop")};
    const QStringList known =
        QStringList{QStringLiteral("verify"),  QStringLiteral("decrypt"), QStringLiteral("passphrase"),
                    QStringLiteral("trust"),   QStringLiteral("backup"),  QStringLiteral("restore"),
                    QStringLiteral("clients"), QStringLiteral("access"),  QStringLiteral("conflicts"),
                    QStringLiteral("resolve"), QStringLiteral("migrate"), QStringLiteral("forget-client"),
                    QStringLiteral("check"), QStringLiteral("remove-legacy"),
                    QStringLiteral("service-paths")} +
        instanceCommands;
    if (!known.contains(command))
        return fail(ExitUsage, (command.isEmpty() ? QStringLiteral("a command is needed, one of: %1")
                                                         .arg(known.join(QLatin1String(", ")))
                                                   : QStringLiteral("unknown command '%1' (known: %2)")
                                                         .arg(command, known.join(QLatin1String(", ")))) +
                                   QStringLiteral("; 'escalectl --help' says what each does"));
    if (instanceCommands.contains(command)) {
        if (args.size() > 2 || (command == QLatin1String("stop") && args.size() > 1))
            return fail(ExitUsage,
                        command == QLatin1String("stop")
                            ? QStringLiteral("stop takes no repository: it stops the whole instance")
                            : QStringLiteral("%1 takes at most one repository name").arg(command));
        QDateTime until;
        if (parser.isSet(forOption)) {
            QString why;
            const auto ms = config::parseDuration(parser.value(forOption), 60'000, why);
            if (command != QLatin1String("pause"))
                return fail(ExitUsage, QStringLiteral("--for goes with pause only"));
            if (!ms || *ms <= 0)
                return fail(ExitUsage, QStringLiteral("--for: %1").arg(why.isEmpty() ? QStringLiteral("must be more than 0") : why));
            until = QDateTime::currentDateTimeUtc().addMSecs(*ms);
        }
        return instanceCommand(command, args.value(1),
                               parser.isSet(configOption) ? parser.value(configOption)
                                                          : config::defaultConfigPath(),
                               parser.isSet(jsonOption), until);
    }
    const QString configPath =
        parser.isSet(configOption) ? parser.value(configOption) : config::defaultConfigPath();
    if (command == QLatin1String("service-paths")) {
        if (args.size() > 1)
            return fail(ExitUsage, QStringLiteral("service-paths takes no argument (-c names the configuration)"));
        return servicePaths(configPath);
    }
    if (command == QLatin1String("check")) {
        CheckThresholds limits;
        for (const Threshold& t : thresholds) {
            if (!parser.isSet(t.option))
                continue;
            QString why;
            const QString text = parser.value(t.option);
            const auto value = t.duration ? config::parseDuration(text, 1000, why)
                                          : config::parseInteger(text, 0, std::numeric_limits<qint32>::max(), why);
            if (!value || *value < 0) {
                print(stdout, QStringLiteral("ESCALE UNKNOWN - --%1: %2\n")
                                  .arg(t.option.names().constFirst(), why.isEmpty() ? QStringLiteral("negative") : why));
                return 3;
            }
            limits.*t.field = t.duration ? *value / 1000 : *value;
        }
        if (args.size() > 2) {
            print(stdout, QStringLiteral("ESCALE UNKNOWN - check takes at most one repository name\n"));
            return 3;
        }
        return check(configPath, args.value(1), limits);
    }
    if (command == QLatin1String("access")) {
        if (args.size() < 2)
            return fail(ExitUsage,
                        QStringLiteral("access needs a file or folder, then optional modifiers (r+ r- r? "
                                       "w+ w- w?)"));
        return access(configPath, args.at(1), args.mid(2), parser.isSet(jsonOption));
    }
    if (command == QLatin1String("conflicts")) {
        if (args.size() > 2)
            return fail(ExitUsage, QStringLiteral("conflicts takes at most one repository name"));
        return conflicts(configPath, args.value(1), parser.isSet(jsonOption));
    }
    if (command == QLatin1String("resolve")) {
        if (args.size() != 2)
            return fail(ExitUsage,
                        QStringLiteral("resolve needs one conflict copy, and --keep current|copy|both"));
        return resolve(configPath, args.at(1), parser.value(keepOption));
    }
    const bool archiving = command == QLatin1String("backup") || command == QLatin1String("restore");
    if (command == QLatin1String("migrate") && args.size() != 3)
        return fail(ExitUsage, QStringLiteral("migrate needs a repository name, then the new relay address"));
    if (command == QLatin1String("forget-client") && args.size() != 3)
        return fail(ExitUsage,
                    QStringLiteral("forget-client needs a repository name or relay address, then the "
                                   "client's name or id"));
    if (archiving && args.size() != 3)
        return fail(
            ExitUsage,
            QStringLiteral("%1 needs a repository name or relay address, then a zip file").arg(command));
    if (!archiving && command != QLatin1String("migrate") && command != QLatin1String("forget-client") &&
        args.size() != 2)
        return fail(ExitUsage, QStringLiteral("%1 needs one repository name or relay address").arg(command));
    if (command == QLatin1String("decrypt") && !parser.isSet(toOption))
        return fail(ExitUsage, QStringLiteral("decrypt needs --to DIR"));

    Target target;
    if (const int code = resolveTarget(args.at(1), configPath, parser.isSet(configOption), target);
        code != ExitOk)
        return code;
    const QString passphraseFile = parser.value(passOption);
    if (command == QLatin1String("verify"))
        return verify(target, passphraseFile, parser.isSet(jsonOption));
    if (command == QLatin1String("clients"))
        return clients(target, passphraseFile, parser.isSet(jsonOption));
    if (command == QLatin1String("decrypt"))
        return decrypt(target, passphraseFile, parser.value(toOption));
    if (command == QLatin1String("trust"))
        return trust(target, configPath, parser.value(fingerprintOption));
    if (command == QLatin1String("forget-client"))
        return forgetClient(target, args.at(2), parser.isSet(forceOption), passphraseFile,
                            parser.isSet(jsonOption));
    if (command == QLatin1String("remove-legacy"))
        return removeLegacy(target, parser.isSet(forceOption), parser.isSet(jsonOption));
    if (command == QLatin1String("migrate"))
        return migrate(target, configPath, args.at(2), parser.values(setOption), passphraseFile,
                       parser.isSet(jsonOption));
    if (archiving)
        return archive(command, target, args.at(2), parser.isSet(forceOption), parser.isSet(jsonOption));
    return changePassphrase(target, passphraseFile, parser.value(newPassOption));
}

} // namespace

int main(int argc, char* argv[])
{
    escale::crypto::keepOpenSslUntilExit();
    QCoreApplication app(argc, argv);
    const int code = run(app);
    // Let the worker threads end while the application is there.
    QThreadPool::globalInstance()->waitForDone();
    return code;
}
