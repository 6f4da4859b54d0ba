// Screenshots of the desktop interface for docs/screenshots/, in English and French: run under a
// real X server with a tray host (scripts/screenshots.sh: xvfb-run and trayer). It syncs a small
// throw-away repository first, so that what is shown is a real engine's state, then shows each
// window (and each page of the setup wizard, driven as a user would) and grabs it.
#include "AboutBox.h"
#include "AccessDialog.h"
#include "LogViewer.h"
#include "log/Logging.h"
#include "AccessTreeModel.h"
#include "ActivityWindow.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "SetupWizard.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "TrayModel.h"
#include "config/ConfigLoader.h"
#include "control/Instance.h"
#if ESCALE_SCREENSHOTS_WITH_SERVERS
#include "RelayServers.h"
#endif

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRandomGenerator>
#include <QRadioButton>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <cstdio>
#include <deque>
#include <functional>

using namespace escale;

namespace {

void write(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

// Types into a wizard field as a user would.
void type(QWidget* page, const QString& name, const QString& text)
{
    if (auto* edit = page->findChild<QLineEdit*>(name)) {
        edit->setText(text);
        Q_EMIT edit->textEdited(text);
    } else {
        std::fprintf(stderr, "escale-screenshots: no field %s\n", qPrintable(name));
    }
}

#if ESCALE_SCREENSHOTS_WITH_SERVERS
// The value (0 to 1000) of the first progress bar shown in `w` named `name` (any when empty), or -1.
int barValue(QWidget* w, const QString& name = {})
{
    for (QProgressBar* bar : w->findChildren<QProgressBar*>(name))
        if (bar->isVisible())
            return bar->value();
    return -1;
}
#endif

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fputs("usage: escale-screenshots OUTPUT_DIR en|fr\n", stderr);
        return 2;
    }
    const QString out = args.at(1), language = args.at(2);
    QDir().mkpath(out);
    ui::installTranslation(app, language);
    QTemporaryDir root;
    const QString documents = root.filePath(QStringLiteral("Documents"));
    write(documents + QStringLiteral("/report.odt"), QByteArray(40'000, 'r'));
    write(documents + QStringLiteral("/budget.ods"), QByteArray(12'000, 'b'));
    write(documents + QStringLiteral("/Projects/escale/notes.md"), "# notes\n");
    write(documents + QStringLiteral("/Projects/garden.txt"), "tomatoes\n");
    write(documents + QStringLiteral("/Private/diary.txt"), "dear diary\n");
    write(root.filePath(QStringLiteral("Photos/cat.jpg")), QByteArray(90'000, 'c'));
    const QString text =
        QStringLiteral(
            "[Documents]\nlocal path = %1\nrelay address = %2\nstate dir = %3\nclient name = desktop\n"
            "disk quota = 5GB\n[Photos]\nlocal path = %4\nrelay address = %5\n"
            "state dir = %3\nclient name = desktop\n")
            .arg(documents, root.filePath(QStringLiteral("relay1")), root.filePath(QStringLiteral("state")),
                 root.filePath(QStringLiteral("Photos")), root.filePath(QStringLiteral("relay2")));
    const QString configPath = root.filePath(QStringLiteral("escale.conf"));
    write(configPath, text.toUtf8());
    QDir().mkpath(root.filePath(QStringLiteral("relay1")));
    QDir().mkpath(root.filePath(QStringLiteral("relay2")));
    const auto loaded = config::ConfigLoader::loadFile(configPath);
    if (loaded.hasErrors()) {
        std::fprintf(stderr, "escale-screenshots: %s\n", qPrintable(loaded.firstError()->toString()));
        return 1;
    }
    control::Instance instance(loaded.config, false);
    // Another machine on the Documents relay: what is sent has a reader, and it shows as such.
    const QString laptopText =
        QStringLiteral("[Documents]\nlocal path = %1\nrelay address = %2\nstate dir = %3\nclient name = laptop\n")
            .arg(root.filePath(QStringLiteral("Laptop")), root.filePath(QStringLiteral("relay1")),
                 root.filePath(QStringLiteral("laptop-state")));
    QDir().mkpath(root.filePath(QStringLiteral("Laptop")));
    write(root.filePath(QStringLiteral("laptop.conf")), laptopText.toUtf8());
    const auto laptopLoaded = config::ConfigLoader::loadFile(root.filePath(QStringLiteral("laptop.conf")));
    control::Instance laptop(laptopLoaded.config, false);
    ui::TrayModel model(&instance);
    ui::TrayIcon tray(&model);
    ui::MainWindow window;
    window.setInstance(&instance);
    window.showConfiguration(loaded.config);
    window.resize(860, 620);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        std::fputs("escale-screenshots: no system tray: the tray menu is shot on its own\n", stderr);
    tray.show();
    instance.start();
    laptop.start();
    window.show();

    auto shoot = [&](QWidget* w, const QString& name) {
        w->grab().save(out + QStringLiteral("/%1-%2.png").arg(name, language));
    };
    std::unique_ptr<ui::ActivityWindow> activity;
    std::unique_ptr<ui::SettingsDialog> settings;
    std::unique_ptr<ui::AccessDialog> access;
    std::unique_ptr<ui::SetupWizard> wizard;
    std::unique_ptr<ui::LogViewer> logViewer;
    std::unique_ptr<ui::AboutBox> about;
    // The log of this run, as the application writes it, for the log viewer's picture.
    const QString logFile = root.filePath(QStringLiteral("escale.log"));
    log::LogOptions logOptions;
    logOptions.file = logFile;
    logOptions.toStderr = false;
    log::install(logOptions);
    QTemporaryDir newRelay;
    // Each step runs when the previous one is done; a step returns false to be polled again.
    std::deque<std::function<bool()>> steps{
        [&] {
            return model.state() == ui::TrayModel::State::UpToDate &&
                   laptop.status(0).state == control::RepositoryStatus::State::Idle &&
                   !instance.status(0).lastPass.peers.isEmpty();
        },
        [&] {
            shoot(&window, QStringLiteral("main-window"));
            return true;
        },
        [&] { return model.state() == ui::TrayModel::State::UpToDate && instance.status(0).pendingUp == 0; },
        [&] {
            // The Photos disk is unplugged: the problem, whole, with Retry and Settings.
            QDir().rename(root.filePath(QStringLiteral("Photos")), root.filePath(QStringLiteral("Photos.away")));
            instance.handle({{QStringLiteral("command"), QStringLiteral("sync")}, {QStringLiteral("repository"), QStringLiteral("Photos")}});
            return true;
        },
        [&] { return !instance.status(1).lastError.isEmpty(); },
        [&] {
            shoot(&window, QStringLiteral("main-window-error"));
            activity = std::make_unique<ui::ActivityWindow>(&instance);
            activity->resize(900, 620);
            activity->showTab(ui::ActivityWindow::ErrorsTab);
            activity->show();
            return true;
        },
        [&] {
            shoot(activity.get(), QStringLiteral("activity-errors"));
            activity->hide();
            QDir().rename(root.filePath(QStringLiteral("Photos.away")), root.filePath(QStringLiteral("Photos")));
            instance.retry(1);
            return true;
        },
        [&] { return model.state() == ui::TrayModel::State::UpToDate; },
        [&] {
            tray.menu()->popup(QPoint(40, 40));
            return true;
        },
        [&] {
            shoot(tray.menu(), QStringLiteral("tray-menu"));
            QIcon(model.iconPath())
                .pixmap(32, 32)
                .save(out + QStringLiteral("/tray-icon-%1.png").arg(language));
            tray.menu()->hide();
            // A conflict copy, as two machines changing one file at once leave.
            write(documents + QStringLiteral("/Projects/escale/notes (conflict from laptop 2026-11-20 101010).md"),
                  "# notes\nbuy seeds\nwater the tomatoes\n");
            write(documents + QStringLiteral("/Projects/escale/notes.md"), "# notes\nwater the tomatoes\n");
            instance.handle({{QStringLiteral("command"), QStringLiteral("sync")}});
            return true;
        },
        [&] {
            return instance.status(0).state == control::RepositoryStatus::State::Idle &&
                   instance.status(0).conflictsWaiting == 1;
        },
        [&] {
            activity = std::make_unique<ui::ActivityWindow>(&instance);
            activity->resize(900, 620);
            activity->showTab(ui::ActivityWindow::ChangesTab);
            activity->show();
            return true;
        },
        [&] {
            shoot(activity.get(), QStringLiteral("activity-changes"));
            activity->showTab(ui::ActivityWindow::ConflictsTab);
            if (auto* list = activity->findChild<QTreeWidget*>(QStringLiteral("conflicts"));
                list && list->topLevelItemCount())
                list->setCurrentItem(list->topLevelItem(0));
            return true;
        },
        [&] {
            shoot(activity.get(), QStringLiteral("activity-conflicts"));
            activity->hide();
            settings = std::make_unique<ui::SettingsDialog>(&instance, configPath);
            settings->resize(860, 640);
            settings->showPage(0);
            settings->show();
            return true;
        },
        [&] {
            shoot(settings.get(), QStringLiteral("settings-repository"));
            settings->showPage(-1);
            return true;
        },
        [&] {
            shoot(settings.get(), QStringLiteral("settings-general"));
            settings->hide();
            access = std::make_unique<ui::AccessDialog>(&instance);
            access->resize(640, 460);
            ui::AccessTreeModel* tree = access->model();
            tree->setData(
                tree->find(QStringLiteral("Private")).siblingAtColumn(ui::AccessTreeModel::SendColumn),
                Qt::Unchecked, Qt::CheckStateRole);
            access->view()->expand(tree->find(QStringLiteral("Private")));
            access->view()->expand(tree->find(QStringLiteral("Projects")));
            access->show();
            return true;
        },
        [&] {
            shoot(access.get(), QStringLiteral("access"));
            access->hide();
            wizard = std::make_unique<ui::SetupWizard>(root.filePath(QStringLiteral("new.conf")));
            wizard->show();
            return true;
        },
        [&] {
            shoot(wizard.get(), QStringLiteral("wizard-1-relay"));
            wizard->next();
            type(wizard->currentPage(), QStringLiteral("relayFolder"), newRelay.path());
            wizard->currentPage()->findChild<QAbstractButton*>(QStringLiteral("testConnection"))->click();
            return true;
        },
        [&] {
            auto* status = wizard->currentPage()->findChild<QLabel*>(QStringLiteral("status"));
            return status && status->text().contains(QStringLiteral("#2e7d32")); // the success colour
        },
        [&] {
            shoot(wizard.get(), QStringLiteral("wizard-2-connection"));
            wizard->next();
            return true;
        },
        [&] { return wizard->currentId() == ui::SetupWizard::RepositoryPage; },
        [&] {
            shoot(wizard.get(), QStringLiteral("wizard-3-repository"));
            wizard->next();
            type(wizard->currentPage(), QStringLiteral("passphrase"),
                 QStringLiteral("violet anchor harbour"));
            type(wizard->currentPage(), QStringLiteral("confirmation"),
                 QStringLiteral("violet anchor harbour"));
            return true;
        },
        [&] {
            shoot(wizard.get(), QStringLiteral("wizard-4-passphrase"));
            wizard->next();
            type(wizard->currentPage(), QStringLiteral("localFolder"),
                 QDir::homePath() + QStringLiteral("/Shared"));
            type(wizard->currentPage(), QStringLiteral("deviceName"), QStringLiteral("desktop"));
            return true;
        },
        [&] {
            shoot(wizard.get(), QStringLiteral("wizard-5-local"));
            wizard->next();
            if (auto* exclude = wizard->currentPage()->findChild<QPlainTextEdit*>(QStringLiteral("exclude")))
                exclude->setPlainText(QStringLiteral("*.tmp\n~$*"));
            return true;
        },
        [&] {
            shoot(wizard.get(), QStringLiteral("wizard-6-filters"));
            wizard->next();
            return true;
        },
        [&] {
            shoot(wizard.get(), QStringLiteral("wizard-7-summary"));
            wizard->hide();
            logViewer = std::make_unique<ui::LogViewer>(logFile);
            logViewer->resize(900, 420);
            logViewer->show();
            return true;
        },
        [&] {
            shoot(logViewer.get(), QStringLiteral("log"));
            logViewer->hide();
            about = std::make_unique<ui::AboutBox>(QDir::homePath() + QStringLiteral("/.config/escale/escale.conf"),
                                                   QDir::homePath() + QStringLiteral("/.local/share/escale"),
                                                   QDir::homePath() + QStringLiteral("/.local/state/escale/escale.log"));
            about->show();
            return true;
        },
        [&] {
            shoot(about.get(), QStringLiteral("about"));
            about->hide();
            return true;
        },
    };
#if ESCALE_SCREENSHOTS_WITH_SERVERS
    // A transfer seen to fill: 1 GiB sent to a real WebDAV server (Apache, as the tests start it),
    // held to 40 MB/s so that the bars move between two looks; the tool fails if they do not.
    std::unique_ptr<testing::ApacheDav> dav;
    std::unique_ptr<control::Instance> videos;
    std::unique_ptr<ui::MainWindow> videosWindow;
    std::unique_ptr<ui::ActivityWindow> transfers;
    int firstStatus = -1, firstTab = -1;
    steps.push_back([&] {
        dav = std::make_unique<testing::ApacheDav>();
        if (!dav->started()) {
            std::fputs("escale-screenshots: Apache could not be started for the transfer pictures\n", stderr);
            app.exit(1);
            return false;
        }
        const QString folder = root.filePath(QStringLiteral("Videos"));
        QDir().mkpath(folder);
        QFile big(folder + QStringLiteral("/holiday.mkv"));
        if (!big.open(QIODevice::WriteOnly))
            return false;
        QByteArray block(8 << 20, Qt::Uninitialized);
        for (int i = 0; i < 128; ++i) { // random: no two blocks alike, none found twice
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(block.data()), block.size() / 4);
            big.write(block);
        }
        big.close();
        write(root.filePath(QStringLiteral("dav-password")), "testpw\n");
        QFile::setPermissions(root.filePath(QStringLiteral("dav-password")), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QString videosText =
            QStringLiteral("bandwidth limit up = 40MB\n[Videos]\nlocal path = %1\nrelay address = %2\n"
                           "password = %3\nstate dir = %4\nclient name = desktop\n")
                .arg(folder, dav->url(), root.filePath(QStringLiteral("dav-password")),
                     root.filePath(QStringLiteral("videos-state")));
        write(root.filePath(QStringLiteral("videos.conf")), videosText.toUtf8());
        const auto videosLoaded = config::ConfigLoader::loadFile(root.filePath(QStringLiteral("videos.conf")));
        if (videosLoaded.hasErrors()) {
            std::fprintf(stderr, "escale-screenshots: %s\n", qPrintable(videosLoaded.firstError()->toString()));
            app.exit(1);
            return false;
        }
        videos = std::make_unique<control::Instance>(videosLoaded.config, false);
        videosWindow = std::make_unique<ui::MainWindow>();
        videosWindow->setInstance(videos.get());
        videosWindow->showConfiguration(videosLoaded.config);
        videosWindow->resize(860, 420);
        videosWindow->show();
        transfers = std::make_unique<ui::ActivityWindow>(videos.get());
        transfers->resize(900, 360);
        transfers->showTab(ui::ActivityWindow::TransfersTab);
        transfers->show();
        videos->start();
        return true;
    });
    steps.push_back([&] {
        return barValue(videosWindow.get(), QStringLiteral("progress")) >= 150 && barValue(transfers.get()) >= 100;
    });
    steps.push_back([&] {
        firstStatus = barValue(videosWindow.get(), QStringLiteral("progress"));
        firstTab = barValue(transfers.get());
        shoot(videosWindow.get(), QStringLiteral("main-window-transfer"));
        shoot(transfers.get(), QStringLiteral("activity-transfers"));
        return true;
    });
    steps.push_back([&] {
        const int status = barValue(videosWindow.get(), QStringLiteral("progress")), tab = barValue(transfers.get());
        if (status < firstStatus + 150 || tab < firstTab + 150)
            return false; // polled again; the step's minute runs out if they never move
        std::printf("escale-screenshots: 1 GiB to WebDAV: the status window's bar went from %.1f %% to %.1f %%, "
                    "the transfers tab's from %.1f %% to %.1f %%\n",
                    firstStatus / 10.0, status / 10.0, firstTab / 10.0, tab / 10.0);
        videos->stop();
        return true;
    });
#endif
    const int total = int(steps.size());
    int code = 1;
    QElapsedTimer clock;
    clock.start();
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (clock.elapsed() > 60'000) {
            std::fprintf(stderr, "escale-screenshots: step %d of %d did not finish\n",
                         total - int(steps.size()) + 1, total);
            app.quit();
            return;
        }
        if (steps.empty() || !steps.front()())
            return;
        steps.pop_front();
        clock.restart();
        if (steps.empty()) {
            code = 0;
            app.quit();
        }
    });
    poll.start(400);
    app.exec();
    laptop.stop();
    instance.stop();
#if ESCALE_SCREENSHOTS_WITH_SERVERS
    if (videos)
        videos->stop();
#endif
    log::shutdown();
    return code;
}
