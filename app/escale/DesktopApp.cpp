#include "escale/DesktopApp.h"

#include "AboutBox.h"
#include "AccessDialog.h"
#include "LogViewer.h"
#include "Version.h"
#include "config/Paths.h"
#include "log/Logging.h"
#include "DesktopNotifications.h"
#include "ActivityWindow.h"
#include "ExitCodes.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "SettingsDialog.h"
#include "SetupWizard.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "TrayModel.h"
#include "config/ConfigLoader.h"
#include "control/ControlChannel.h"
#include "control/Instance.h"

#include <QApplication>
#include <QFileInfo>
#include <QPointer>
#include <QSystemTrayIcon>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <memory>

namespace escale {

int runDesktop(int& argc, char** argv, const RunOptions& options)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        std::fputs("escale: no graphical display found; on a headless machine run 'escale --no-gui'\n",
                   stderr);
        return ExitUsage;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Escale"));

    // No configuration yet: the first start, which opens the setup wizard.
    const bool firstStart = !QFileInfo::exists(options.configPath);
    config::LoadResult result;
    result.config.path = options.configPath;
    if (!firstStart)
        result = config::ConfigLoader::loadFile(options.configPath);
    // A file whose last repository was removed: as at the first start, with its general settings.
    if (result.noRepository && std::count_if(result.diagnostics.cbegin(), result.diagnostics.cend(),
                                             [](const auto& d) { return d.isError(); }) == 1)
        result.diagnostics.clear();
    // The log file the user guide promises (~/.local/state/escale/escale.log by default, rotated),
    // as `escale --no-gui` writes it; the log viewer reads it.
    if (result.config.global.logFile.isEmpty())
        result.config.global.logFile =
            config::defaultStateDir() + QLatin1Char('/') + QFileInfo(options.configPath).completeBaseName() +
            QLatin1String(".log");
    log::LogOptions logOptions;
    logOptions.level = options.logLevel.value_or(result.config.global.logLevel);
    logOptions.file = result.config.global.logFile;
    logOptions.rotate = result.config.global.logRotate;
    logOptions.maxSize = result.config.global.logSize;
    if (const QString error = log::install(logOptions); !error.isEmpty())
        qCWarning(lcApp).noquote() << error;
    qCInfo(lcApp).noquote() << QStringLiteral("Escale %1 (desktop) with %2")
                                   .arg(QString::fromLatin1(versionString()), options.configPath);
    const QString logFile = result.config.global.logFile;
    // Before any window: English, or French from the system or the 'language' setting (read also
    // from a file with errors elsewhere: its general section may say it).
    ui::installTranslation(app, result.config.global.language);
    // What is wrong with the file, said again in that language (it was read before the catalogue).
    if (result.hasErrors())
        if (const config::LoadResult again = config::ConfigLoader::loadFile(options.configPath); again.hasErrors())
            result.diagnostics = again.diagnostics; // (a file mended meanwhile waits for the next start)
    ui::MainWindow window;
    std::unique_ptr<control::Instance> instance;
    std::unique_ptr<control::ControlServer> server;
    if (const config::ConfigDiagnostic* error = result.firstError()) {
        window.showProblem(options.configPath, error->toString());
    } else {
        // The same instance and control socket as `escale --no-gui` (docs/ipc.md): escalectl
        // drives the desktop application too.
        instance = std::make_unique<control::Instance>(result.config, options.confirmDeletions);
        server = std::make_unique<control::ControlServer>(
            [&instance](const QJsonObject& request) { return instance->handle(request); });
        QString why;
        bool otherInstance = false;
        if (!server->listen(control::socketPath(result.config.path), why, &otherInstance)) {
            if (otherInstance) {
                // Already running: that one comes to the front, this launch ends.
                QString ignored;
                control::request(control::socketPath(result.config.path),
                                 QJsonObject{{QStringLiteral("command"), QStringLiteral("show")}}, ignored);
                std::fputs("escale: already running with this configuration; brought it to the front\n",
                           stderr);
                return ExitOk;
            }
            std::fprintf(stderr, "escale: %s; escalectl cannot reach this instance\n", qPrintable(why));
        }
        QObject::connect(instance.get(), &control::Instance::stopRequested, &app, &QApplication::quit);
        QObject::connect(instance.get(), &control::Instance::showRequested, &window, [&window] {
            window.show();
            window.raise();
            window.activateWindow();
        });
        window.setInstance(instance.get());
        window.showConfiguration(result.config);
        instance->start();
    }
    // The tray when the desktop has one; else the window, and the tray as soon as one appears.
    std::unique_ptr<ui::TrayModel> trayModel;
    std::unique_ptr<ui::TrayIcon> tray;
    std::unique_ptr<ui::Notifier> notifier;
    std::unique_ptr<ui::DesktopNotifications> notifications;
    QTimer trayWatch;
    if (instance) {
        trayModel = std::make_unique<ui::TrayModel>(instance.get());
        tray = std::make_unique<ui::TrayIcon>(trayModel.get());
        QObject::connect(tray.get(), &ui::TrayIcon::quitRequested, &app, &QApplication::quit);
        notifier = std::make_unique<ui::Notifier>(instance.get());
        notifier->setEnabled(result.config.global.notifications);
        notifications = std::make_unique<ui::DesktopNotifications>(tray.get());
        QObject::connect(notifier.get(), &ui::Notifier::notify, notifications.get(),
                         [&notifications](ui::Notifier::Kind kind, const QString& repository, const QString& title,
                                          const QString& message) {
                             notifications->show(ui::Notifier::key(kind, repository), title, message,
                                                 kind == ui::Notifier::Kind::Error ||
                                                     kind == ui::Notifier::Kind::RelayFull ||
                                                     kind == ui::Notifier::Kind::Keychain);
                         });
        QObject::connect(notifier.get(), &ui::Notifier::withdrawn, notifications.get(),
                         [&notifications](ui::Notifier::Kind kind, const QString& repository) {
                             notifications->withdraw(ui::Notifier::key(kind, repository));
                         });
        QObject::connect(tray.get(), &ui::TrayIcon::showWindowRequested, &window, [&window] {
            window.show();
            window.raise();
            window.activateWindow();
        });
        auto showTray = [&tray, &trayWatch] {
            if (!QSystemTrayIcon::isSystemTrayAvailable())
                return false;
            QApplication::setQuitOnLastWindowClosed(false); // the tray stays: Quit is in its menu
            tray->show();
            trayWatch.stop();
            return true;
        };
        if (!showTray()) {
            window.show();
            QObject::connect(&trayWatch, &QTimer::timeout, &app, showTray);
            trayWatch.start(5000);
        }
    } else {
        window.show();
    }
    // The window and the notifications follow the file once the wizard or the settings wrote it.
    auto showFile = [&] {
        const config::LoadResult now = config::ConfigLoader::loadFile(result.config.path);
        if (now.hasErrors() && !now.noRepository)
            return;
        window.showConfiguration(now.config);
        if (notifier)
            notifier->setEnabled(now.config.global.notifications);
    };
    if (instance)
        QObject::connect(instance.get(), &control::Instance::repositoryRemoved, &app, showFile);
    // The setup wizard: at the first start, and from the tray's "Add repository...".
    QPointer<ui::SetupWizard> wizard;
    auto addRepository = [&] {
        if (!wizard) {
            wizard = new ui::SetupWizard(result.config.path);
            wizard->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(wizard, &ui::SetupWizard::repositoryAdded, &app,
                             [&](const config::RepositoryConfig& added) {
                                 instance->addRepository(added);
                                 showFile();
                             });
        }
        wizard->show();
        wizard->raise();
        wizard->activateWindow();
    };
    // "Choose what syncs": one dialog per request.
    auto showAccess = [&](int index) {
        auto* dialog = new ui::AccessDialog(instance.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->showRepository(index);
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    };
    // The settings, made when first asked for.
    QPointer<ui::SettingsDialog> settings;
    auto showSettings = [&] {
        if (!settings) {
            settings = new ui::SettingsDialog(instance.get(), result.config.path);
            settings->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(settings, &ui::SettingsDialog::generalChanged, &app, showFile);
            QObject::connect(settings, &ui::SettingsDialog::accessRequested, &app, showAccess);
        }
        settings->show();
        settings->raise();
        settings->activateWindow();
    };
    // The activity window, made when first asked for.
    QPointer<ui::ActivityWindow> activity;
    auto showActivity = [&](ui::ActivityWindow::Tab tab) {
        if (!activity) {
            activity = new ui::ActivityWindow(instance.get());
            activity->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(activity, &ui::ActivityWindow::settingsRequested, &app, showSettings);
        }
        activity->showTab(tab);
        activity->show();
        activity->raise();
        activity->activateWindow();
    };
    if (instance) {
        QObject::connect(&window, &ui::MainWindow::addRepositoryRequested, &app, addRepository);
        QObject::connect(&window, &ui::MainWindow::settingsRequested, &app, showSettings);
        QObject::connect(&window, &ui::MainWindow::activityRequested, &app, [&](ui::MainWindow::Activity tab) {
            showActivity(tab == ui::MainWindow::Activity::Conflicts ? ui::ActivityWindow::ConflictsTab
                         : tab == ui::MainWindow::Activity::Errors  ? ui::ActivityWindow::ErrorsTab
                                                                    : ui::ActivityWindow::tabThatMatters(instance.get()));
        });
    }
    if (tray) {
        QObject::connect(tray.get(), &ui::TrayIcon::addRepositoryRequested, &app, addRepository);
        QObject::connect(tray.get(), &ui::TrayIcon::settingsRequested, &app, showSettings);
        QObject::connect(tray.get(), &ui::TrayIcon::accessRequested, &app, showAccess);
        QObject::connect(tray.get(), &ui::TrayIcon::activityRequested, &app,
                         [&] { showActivity(ui::ActivityWindow::tabThatMatters(instance.get())); });
        // A notification clicked: what it told of (conflicts, a problem; the window for the rest).
        QObject::connect(notifications.get(), &ui::DesktopNotifications::clicked, &app, [&](const QString& key) {
            const auto kind = ui::Notifier::Kind(key.section(QLatin1Char('/'), -1).toInt());
            if (kind == ui::Notifier::Kind::Conflicts)
                showActivity(ui::ActivityWindow::ConflictsTab);
            else if (kind == ui::Notifier::Kind::FirstSync)
                Q_EMIT tray->showWindowRequested();
            else
                showActivity(ui::ActivityWindow::ErrorsTab);
        });
    }
    // The log viewer and the About box, from the tray and the window.
    QPointer<ui::LogViewer> logViewer;
    auto showLog = [&] {
        if (!logViewer) {
            logViewer = new ui::LogViewer(logFile);
            logViewer->setAttribute(Qt::WA_DeleteOnClose);
        }
        logViewer->show();
        logViewer->raise();
        logViewer->activateWindow();
    };
    auto showAbout = [&] {
        auto* about = new ui::AboutBox(options.configPath,
                                       result.config.global.stateDir.isEmpty() ? config::defaultDataDir()
                                                                               : result.config.global.stateDir,
                                       logFile);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->show();
    };
    QObject::connect(&window, &ui::MainWindow::logRequested, &app, showLog);
    QObject::connect(&window, &ui::MainWindow::aboutRequested, &app, showAbout);
    if (tray) {
        QObject::connect(tray.get(), &ui::TrayIcon::logRequested, &app, showLog);
        QObject::connect(tray.get(), &ui::TrayIcon::aboutRequested, &app, showAbout);
    }
    if (instance && instance->repositoryCount() == 0)
        addRepository();
    const int code = app.exec();
    delete wizard;
    delete logViewer;
    delete activity;
    delete settings;
    if (instance)
        instance->stop();
    log::shutdown();
    return code;
}

} // namespace escale
