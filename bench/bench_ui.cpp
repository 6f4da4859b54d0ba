// Desktop interface benchmarks (not tests: they print figures, never fail on time).
//   escale-bench-ui access [files]   the "what syncs" tree on a folder of that many files: time to
//                                    show it and to open folders, against a full walk of the tree
//                                    (what a tree read eagerly pays first) and `find | wc -l`.
// Data sets go under $ESCALE_BENCH_DIR (default /tmp/escale-bench) and are made once.
#include "AccessTreeModel.h"
#include "BenchCommon.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTreeView>

using namespace escale;

namespace {

using bench::out;
using bench::shell;
using bench::workDir;

// `folders` folders of `perFolder` empty files, and one folder 'flat' of `flat` files.
void makeTree(const QString& root, int folders, int perFolder, int flat)
{
    if (QFileInfo::exists(root + QStringLiteral("/.complete")))
        return;
    auto fill = [](const QString& dir, int count) {
        QDir().mkpath(dir);
        for (int f = 0; f < count; ++f) {
            QFile file(QStringLiteral("%1/file%2.txt").arg(dir).arg(f, 6, 10, QLatin1Char('0')));
            file.open(QIODevice::WriteOnly);
        }
    };
    for (int d = 0; d < folders; ++d)
        fill(QStringLiteral("%1/folder%2").arg(root).arg(d, 3, 10, QLatin1Char('0')), perFolder);
    fill(root + QStringLiteral("/flat"), flat);
    QFile marker(root + QStringLiteral("/.complete"));
    marker.open(QIODevice::WriteOnly);
}

double seconds(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

QString ms(double s)
{
    return QString::number(s * 1000, 'f', 1) + QStringLiteral(" ms");
}

// Shows the tree and opens `folder`; the three times, in seconds.
struct Times
{
    double show = 0;
    double folder = 0;
    double flat = 0;
};
Times measure(const QString& root, const QString& state)
{
    Times times;
    config::RepositoryConfig r;
    r.name = QStringLiteral("bench");
    r.localPath = root;
    r.stateDir = state;
    QElapsedTimer t;
    t.start();
    ui::AccessTreeModel model(r);
    QString error;
    if (!model.open(error))
        out << "  cannot open the state: " << error << "\n";
    QTreeView view;
    view.setUniformRowHeights(true);
    view.resize(800, 600);
    view.setModel(&model);
    view.show();
    QApplication::processEvents();
    times.show = seconds(t);
    t.restart();
    view.expand(model.find(QStringLiteral("folder042")));
    QApplication::processEvents();
    times.folder = seconds(t);
    t.restart();
    const QModelIndex flat = model.find(QStringLiteral("flat"));
    view.expand(flat);
    QApplication::processEvents();
    while (model.canFetchMore(flat))
        model.fetchMore(flat);
    view.scrollToBottom();
    QApplication::processEvents();
    times.flat = seconds(t);
    return times;
}

int access(int files)
{
    const int flat = std::min(10'000, files / 10);
    const int folders = 90, perFolder = (files - flat) / folders;
    const int total = folders * perFolder + flat;
    const QString root = workDir() + QStringLiteral("/access%1").arg(files);
    out << "Generating " << total << " empty files: " << folders << " folders of " << perFolder
        << " and one of " << flat << " (once)...\n";
    out.flush();
    makeTree(root, folders, perFolder, flat);
    const QString state = workDir() + QStringLiteral("/access-state");
    QDir(state).removeRecursively();
    measure(root, state); // warm the page cache and the state database
    Times best{1e9, 1e9, 1e9};
    for (int i = 0; i < 3; ++i) {
        const Times m = measure(root, state);
        best.show = std::min(best.show, m.show);
        best.folder = std::min(best.folder, m.folder);
        best.flat = std::min(best.flat, m.flat);
    }
    double walk = 1e9;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        int seen = 0;
        for (QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                             QDirIterator::Subdirectories);
             it.hasNext(); it.next())
            ++seen;
        walk = std::min(walk, seconds(t));
        if (seen < total)
            out << "  the walk saw " << seen << " entries\n";
    }
    double find = 1e9;
    for (int i = 0; i < 3; ++i)
        find = std::min(find, shell(QStringLiteral("find '%1' | wc -l > /dev/null").arg(root)));
    out << "tree shown (" << folders + 1 << " top-level folders read): " << ms(best.show) << "\n";
    out << "a folder of " << perFolder << " files opened: " << ms(best.folder) << "\n";
    out << "the folder of " << flat << " files opened and scrolled to its end: " << ms(best.flat) << "\n";
    out << "reference: full walk of the " << total << " entries (QDirIterator): " << ms(walk)
        << "; find | wc -l: " << ms(find) << "\n";
    out << "ratio: showing the tree takes " << QString::number(100.0 * best.show / walk, 'f', 1)
        << " % of an eager read's walk alone\n";
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 2 && args.at(1) == QLatin1String("access"))
        return access(args.size() >= 3 ? args.at(2).toInt() : 100'000);
    out << "usage: escale-bench-ui access [files]\n";
    return 2;
}
