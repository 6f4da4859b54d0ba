// Screenshots of the desktop interface for docs/screenshots/, in English and French: run under a
// real X server with a tray host (scripts/screenshots.sh: xvfb-run and trayer). It syncs a small
// throw-away repository first, so that what is shown is a real engine's state.
#include "MainWindow.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "TrayModel.h"
#include "config/ConfigLoader.h"
#include "control/Instance.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

using namespace escale;

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
    for (const QString& folder : {QStringLiteral("Documents"), QStringLiteral("Photos")}) {
        QDir().mkpath(root.filePath(folder));
        QFile f(root.filePath(folder + QStringLiteral("/readme.txt")));
        f.open(QIODevice::WriteOnly);
        f.write("hello\n");
    }
    const QString text =
        QStringLiteral("[Documents]\nlocal path = %1\nrelay address = %2\nstate dir = %3\nencryption = off\n"
                       "[Photos]\nlocal path = %4\nrelay address = %5\nstate dir = %3\n")
            .arg(root.filePath(QStringLiteral("Documents")), root.filePath(QStringLiteral("relay1")),
                 root.filePath(QStringLiteral("state")), root.filePath(QStringLiteral("Photos")),
                 root.filePath(QStringLiteral("relay2")));
    const auto loaded =
        config::ConfigLoader::load(text.toUtf8(), root.filePath(QStringLiteral("escale.conf")), root.path());
    control::Instance instance(loaded.config, false);
    ui::TrayModel model(&instance);
    ui::TrayIcon tray(&model);
    ui::MainWindow window;
    window.showConfiguration(loaded.config);
    window.resize(760, 300);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        std::fputs("escale-screenshots: no system tray: the tray menu is shot on its own\n", stderr);
    tray.show();
    instance.start();
    window.show();
    int code = 1;
    // Once both repositories are up to date (or after 30 s), the window and the tray menu.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        static int ticks = 0;
        if (model.state() != ui::TrayModel::State::UpToDate && ++ticks < 300)
            return;
        poll.stop();
        window.grab().save(out + QStringLiteral("/main-window-%1.png").arg(language));
        QMenu* menu = tray.menu();
        menu->popup(QPoint(40, 40));
        QTimer::singleShot(500, &app, [&, menu] {
            menu->grab().save(out + QStringLiteral("/tray-menu-%1.png").arg(language));
            QIcon(model.iconPath())
                .pixmap(32, 32)
                .save(out + QStringLiteral("/tray-icon-%1.png").arg(language));
            code = model.state() == ui::TrayModel::State::UpToDate ? 0 : 1;
            app.quit();
        });
    });
    poll.start(100);
    app.exec();
    instance.stop();
    return code;
}
