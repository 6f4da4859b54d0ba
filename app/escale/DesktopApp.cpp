#include "escale/DesktopApp.h"

#include "ExitCodes.h"
#include "MainWindow.h"
#include "config/ConfigLoader.h"

#include <QApplication>
#include <cstdio>

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

    ui::MainWindow window;
    const config::LoadResult result = config::ConfigLoader::loadFile(options.configPath);
    if (const config::ConfigDiagnostic* error = result.firstError())
        window.showProblem(options.configPath, error->toString());
    else
        window.showConfiguration(result.config);
    window.show();
    return app.exec();
}

} // namespace escale
