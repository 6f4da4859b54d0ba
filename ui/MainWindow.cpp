#include "MainWindow.h"

#include "FollowProgress.h"
#include "TrayModel.h"
#include "Words.h"
#include "control/Instance.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

// The state icons are the tray's, compiled into this static library.
static void registerStateIcons()
{
    Q_INIT_RESOURCE(tray);
}

namespace escale::ui {

namespace {

using RepoState = control::RepositoryStatus::State;

QLabel* wrapped(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPushButton* button(const QString& name, const QString& text, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

// A row: a wrapped label, then buttons on the right.
QWidget* row(QLabel* label, const QList<QPushButton*>& buttons, QWidget* parent)
{
    auto* w = new QWidget(parent);
    auto* layout = new QHBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label, 1);
    for (QPushButton* b : buttons)
        layout->addWidget(b, 0, Qt::AlignTop);
    return w;
}

} // namespace

// One repository in the status window.
class RepositoryPanel : public QFrame
{
public:
    RepositoryPanel(MainWindow* window, control::Instance* instance, int index)
        : QFrame(window)
        , m_window(window)
        , m_instance(instance)
        , m_index(index)
    {
        const config::RepositoryConfig& r = instance->repository(index);
        setObjectName(QStringLiteral("repository:") + r.name);
        setFrameShape(QFrame::StyledPanel);
        auto* layout = new QVBoxLayout(this);

        auto* title = new QHBoxLayout;
        m_icon = new QLabel(this);
        m_icon->setObjectName(QStringLiteral("icon"));
        auto* name = new QLabel(QStringLiteral("<b>%1</b>").arg(r.name.toHtmlEscaped()), this);
        m_state = new QLabel(this);
        m_state->setObjectName(QStringLiteral("state"));
        m_pause = button(QStringLiteral("pause"), QString(), this);
        m_syncNow = button(QStringLiteral("syncNow"), MainWindow::tr("Sync now"), this);
        auto* open = button(QStringLiteral("openFolder"), MainWindow::tr("Open folder"), this);
        title->addWidget(m_icon);
        title->addWidget(name);
        title->addWidget(m_state, 1);
        title->addWidget(m_pause);
        title->addWidget(m_syncNow);
        title->addWidget(open);
        layout->addLayout(title);

        m_details = wrapped(QStringLiteral("details"), this);
        layout->addWidget(m_details);

        m_progress = new QProgressBar(this);
        m_progress->setObjectName(QStringLiteral("progress"));
        m_progress->setRange(0, 1000);
        m_transfer = wrapped(QStringLiteral("transfer"), this);
        layout->addWidget(m_progress);
        layout->addWidget(m_transfer);

        m_problem = wrapped(QStringLiteral("problem"), this);
        m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
        auto* retry = button(QStringLiteral("retry"), MainWindow::tr("Retry"), this);
        auto* settings = button(QStringLiteral("settings"), MainWindow::tr("Settings..."), this);
        // A folder that lost its marker (emptied on purpose, or a disk not mounted): the user says.
        m_confirm = button(QStringLiteral("confirmDeletions"), MainWindow::tr("Delete them everywhere"), this);
        m_problemRow = row(m_problem, {m_confirm, retry, settings}, this);
        layout->addWidget(m_problemRow);

        m_conflicts = wrapped(QStringLiteral("conflicts"), this);
        auto* resolve = button(QStringLiteral("resolve"), MainWindow::tr("Resolve..."), this);
        m_conflictsRow = row(m_conflicts, {resolve}, this);
        layout->addWidget(m_conflictsRow);

        m_waiting = wrapped(QStringLiteral("waiting"), this);
        auto* details = button(QStringLiteral("waitingDetails"), MainWindow::tr("Details..."), this);
        m_waitingRow = row(m_waiting, {details}, this);
        layout->addWidget(m_waitingRow);

        const QString path = r.localPath;
        const QString repository = r.name;
        QObject::connect(open, &QPushButton::clicked, this,
                         [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
        QObject::connect(m_pause, &QPushButton::clicked, this, [this, repository] {
            const bool paused = m_instance->status(m_index).paused;
            m_instance->handle(QJsonObject{
                {QStringLiteral("command"), paused ? QStringLiteral("resume") : QStringLiteral("pause")},
                {QStringLiteral("repository"), repository}});
        });
        QObject::connect(m_syncNow, &QPushButton::clicked, this, [this] { m_instance->retry(m_index); });
        QObject::connect(retry, &QPushButton::clicked, this, [this] { m_instance->retry(m_index); });
        QObject::connect(m_confirm, &QPushButton::clicked, this, [this] {
            m_confirm->setEnabled(false);
            m_instance->confirmDeletions(m_index);
        });
        QObject::connect(settings, &QPushButton::clicked, m_window, &MainWindow::settingsRequested);
        QObject::connect(resolve, &QPushButton::clicked, this,
                         [this] { Q_EMIT m_window->activityRequested(MainWindow::Activity::Conflicts); });
        QObject::connect(details, &QPushButton::clicked, this, [this] {
            Q_EMIT m_window->activityRequested(m_instance->status(m_index).lastPass.deletionsHeld > 0
                                                   ? MainWindow::Activity::Transfers
                                                   : MainWindow::Activity::Errors);
        });
    }

    void refresh(qint64 nowMs)
    {
        const control::RepositoryStatus& s = m_instance->status(m_index);
        const config::RepositoryConfig& r = m_instance->repository(m_index);
        const sync::PassProgress& g = s.progress;
        const bool working = s.state == RepoState::Syncing && (g.filesLeft() > 0 || !g.current.isEmpty());

        QString icon = QStringLiteral("uptodate");
        QString state;
        switch (s.state) {
        case RepoState::Starting:
            icon = QStringLiteral("syncing");
            state = MainWindow::tr("Starting…");
            break;
        case RepoState::Syncing:
            icon = QStringLiteral("syncing");
            state = working ? MainWindow::tr("Syncing") : MainWindow::tr("Looking for changes…");
            break;
        case RepoState::Idle:
            // Never "up to date" beside changes still to send.
            state = s.pendingUp > 0 ? MainWindow::tr("%n change(s) waiting to be sent", nullptr, s.pendingUp)
                                    : MainWindow::tr("Up to date");
            break;
        case RepoState::Paused:
            icon = QStringLiteral("paused");
            state = s.pausedUntil.isValid() ? MainWindow::tr("Paused until %1").arg(TrayModel::until(s.pausedUntil))
                                            : MainWindow::tr("Paused");
            break;
        case RepoState::Offline:
            icon = QStringLiteral("offline");
            state = MainWindow::tr("The relay cannot be reached: Escale tries again");
            break;
        case RepoState::Error:
            icon = QStringLiteral("error");
            state = MainWindow::tr("Sync failed: Escale tries again");
            break;
        case RepoState::Stopped:
            icon = QStringLiteral("error");
            state = MainWindow::tr("Stopped");
            break;
        }
        if (s.conflictsWaiting > 0 && (icon == QLatin1String("uptodate") || icon == QLatin1String("syncing")))
            icon = QStringLiteral("conflicts");
        if (icon != m_iconName) {
            m_iconName = icon;
            m_icon->setPixmap(QIcon(QStringLiteral(":/tray/%1.svg").arg(icon)).pixmap(22, 22));
        }
        m_icon->setToolTip(state);
        m_state->setText(state);
        m_pause->setText(s.paused ? MainWindow::tr("Resume") : MainWindow::tr("Pause"));
        m_pause->setEnabled(s.state != RepoState::Stopped);
        m_syncNow->setEnabled(!s.paused && s.state != RepoState::Stopped);

        m_details->setText(MainWindow::tr("Last sync: %1 · Folder: %2 · Relay: %3")
                               .arg(s.lastSuccess.isValid() ? Words::when(s.lastSuccess) : MainWindow::tr("not yet"),
                                    r.localPath, s.relay));

        // What moves now: both directions, the bytes, the speed and the time left.
        m_rate.sample(g.bytesSent + g.bytesReceived, nowMs);
        if (!working)
            m_rate.reset();
        m_progress->setVisible(working);
        m_transfer->setVisible(working);
        if (working) {
            const qint64 total = g.bytesToSend + g.bytesToReceive;
            const qint64 done = g.bytesSent + g.bytesReceived;
            m_progress->setValue(total > 0 ? int(1000 * std::min(done, total) / total) : 0);
            m_progress->setFormat(total > 0 ? MainWindow::tr("%1 of %2").arg(Words::dataSize(done), Words::dataSize(total))
                                            : QString());
            QStringList parts;
            if (g.filesToSend > 0)
                parts << MainWindow::tr("sending %1 of %n file(s)", nullptr, g.filesToSend)
                             .arg(std::min(g.filesSent + 1, g.filesToSend));
            if (g.filesToReceive > 0)
                parts << MainWindow::tr("receiving %1 of %n file(s)", nullptr, g.filesToReceive)
                             .arg(std::min(g.filesReceived + 1, g.filesToReceive));
            if (m_rate.bytesPerSecond() > 0)
                parts << MainWindow::tr("%1/s").arg(Words::dataSize(qint64(m_rate.bytesPerSecond())));
            const qint64 seconds = m_rate.secondsLeft(g.bytesLeft());
            if (seconds >= 0)
                parts << (seconds < 60     ? MainWindow::tr("less than a minute left")
                          : seconds < 3600 ? MainWindow::tr("about %n minute(s) left", nullptr, int(seconds / 60))
                                           : MainWindow::tr("about %n hour(s) left", nullptr, int(seconds / 3600)));
            QString text = parts.join(QStringLiteral(" · "));
            if (!g.current.isEmpty())
                text += QLatin1Char('\n') +
                        (g.currentSending ? MainWindow::tr("Now sending %1") : MainWindow::tr("Now receiving %1"))
                            .arg(g.current);
            m_transfer->setText(text);
        }

        // A problem, whole, with what can be done about it.
        m_problemRow->setVisible(!s.lastError.isEmpty());
        m_problem->setText(Words::sentence(s.lastError));
        m_confirm->setVisible(!s.lastError.isEmpty() && s.lastPass.markerLost);
        m_confirm->setEnabled(s.state != control::RepositoryStatus::State::Syncing);

        m_conflictsRow->setVisible(s.conflictsWaiting > 0);
        if (s.conflictsWaiting > 0)
            m_conflicts->setText(MainWindow::tr("%n file(s) changed on two machines at once: both versions are "
                                                "kept until you choose.",
                                                nullptr, s.conflictsWaiting));

        QStringList waiting;
        if (s.lastPass.deletionsHeld > 0)
            waiting << MainWindow::tr("%n file(s) deleted here at once wait for your confirmation before they are "
                                      "deleted on the other machines.",
                                      nullptr, s.lastPass.deletionsHeld);
        if (!s.lastPass.waiting.isEmpty())
            waiting << MainWindow::tr("%n file(s) cannot be synced for now.", nullptr, int(s.lastPass.waiting.size()));
        for (const QString& p : s.lastPass.problems)
            waiting << p;
        m_waitingRow->setVisible(!waiting.isEmpty());
        m_waiting->setText(waiting.join(QLatin1Char('\n')));
    }

private:
    MainWindow* m_window;
    control::Instance* m_instance;
    int m_index;
    QString m_iconName;
    QLabel* m_icon;
    QLabel* m_state;
    QPushButton* m_pause;
    QPushButton* m_syncNow;
    QLabel* m_details;
    QProgressBar* m_progress;
    QLabel* m_transfer;
    QWidget* m_problemRow;
    QLabel* m_problem;
    QPushButton* m_confirm;
    QWidget* m_conflictsRow;
    QLabel* m_conflicts;
    QWidget* m_waitingRow;
    QLabel* m_waiting;
    TransferRate m_rate;
};

namespace {
constexpr int kPathRole = Qt::UserRole;
constexpr int kRecentRows = 200;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    registerStateIcons();
    qRegisterMetaType<escale::ui::MainWindow::Activity>();
    m_clock.start();
    setWindowTitle(tr("Escale"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);

    m_problem = wrapped(QStringLiteral("problem"), central);
    layout->addWidget(m_problem);

    m_notSetUp = new QWidget(central);
    m_notSetUp->setObjectName(QStringLiteral("notSetUp"));
    auto* notSetUp = new QVBoxLayout(m_notSetUp);
    auto* welcome = new QLabel(tr("Escale is not set up yet. Choose a folder to keep in sync, and the relay "
                                  "storage your machines share (a WebDAV or S3 service, an FTP or SFTP server, a "
                                  "shared or removable drive)."),
                               m_notSetUp);
    welcome->setWordWrap(true);
    auto* setUp = button(QStringLiteral("setUp"), tr("Set up a folder to sync..."), m_notSetUp);
    connect(setUp, &QPushButton::clicked, this, &MainWindow::addRepositoryRequested);
    notSetUp->addWidget(welcome);
    notSetUp->addWidget(setUp, 0, Qt::AlignLeft);
    notSetUp->addStretch();
    layout->addWidget(m_notSetUp, 1);

    // The repositories: scrolled when there are many.
    auto* scroll = m_panelsScroll = new QScrollArea(central);
    scroll->setObjectName(QStringLiteral("repositories"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_panelsArea = new QWidget(scroll);
    m_panels = new QVBoxLayout(m_panelsArea);
    m_panels->setContentsMargins(0, 0, 0, 0);
    m_panels->addStretch();
    scroll->setWidget(m_panelsArea);
    layout->addWidget(scroll, 3);

    m_lists = new QTabWidget(central);
    m_recent = new QTreeWidget(m_lists);
    m_recent->setObjectName(QStringLiteral("recent"));
    m_recent->setRootIsDecorated(false);
    m_recent->setUniformRowHeights(true);
    m_recent->setHeaderLabels({tr("When"), tr("Repository"), tr("What"), tr("File"), tr("By")});
    m_recent->header()->setStretchLastSection(false);
    for (int c : {0, 1, 2, 4})
        m_recent->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_recent->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_recent->setToolTip(tr("Double-click a file to open it"));
    connect(m_recent, &QTreeWidget::itemActivated, this, [](QTreeWidgetItem* item) {
        const QString path = item->data(0, kPathRole).toString();
        if (!path.isEmpty() && QFileInfo::exists(path))
            QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
    m_lists->addTab(m_recent, tr("Recent files"));
    m_machines = new QTreeWidget(m_lists);
    m_machines->setObjectName(QStringLiteral("machines"));
    m_machines->setRootIsDecorated(false);
    m_machines->setHeaderLabels({tr("Repository"), tr("Machine"), tr("Last change"), tr("Pending work")});
    m_lists->addTab(m_machines, tr("Other machines"));
    layout->addWidget(m_lists, 2);

    m_buttons = new QWidget(central);
    auto* buttons = new QHBoxLayout(m_buttons);
    buttons->setContentsMargins(0, 0, 0, 0);
    auto* activity = button(QStringLiteral("activity"), tr("Activity..."), m_buttons);
    connect(activity, &QPushButton::clicked, this, [this] { Q_EMIT activityRequested(Activity::Transfers); });
    auto* settings = button(QStringLiteral("settings"), tr("Settings..."), m_buttons);
    connect(settings, &QPushButton::clicked, this, &MainWindow::settingsRequested);
    auto* add = button(QStringLiteral("addRepository"), tr("Add repository..."), m_buttons);
    connect(add, &QPushButton::clicked, this, &MainWindow::addRepositoryRequested);
    auto* log = button(QStringLiteral("log"), tr("Log..."), m_buttons);
    connect(log, &QPushButton::clicked, this, &MainWindow::logRequested);
    auto* about = button(QStringLiteral("about"), tr("About..."), m_buttons);
    connect(about, &QPushButton::clicked, this, &MainWindow::aboutRequested);
    buttons->addWidget(activity);
    buttons->addWidget(settings);
    buttons->addWidget(add);
    buttons->addWidget(log);
    buttons->addWidget(about);
    buttons->addStretch();
    m_configPath = new QLabel(m_buttons);
    m_configPath->setObjectName(QStringLiteral("configPath"));
    m_configPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_configPath->setEnabled(false); // greyed: a detail
    buttons->addWidget(m_configPath);
    layout->addWidget(m_buttons);
    setCentralWidget(central);
    m_problem->hide();
    m_notSetUp->hide();
    resize(820, 600);
}

MainWindow::~MainWindow() = default;

void MainWindow::setInstance(control::Instance* instance)
{
    m_instance = instance;
    connect(instance, &control::Instance::statusChanged, this, &MainWindow::refresh);
    connect(instance, &control::Instance::repositoryAdded, this, &MainWindow::rebuildPanels);
    connect(instance, &control::Instance::repositoryRemoved, this, &MainWindow::rebuildPanels);
    connect(instance, &control::Instance::changed, this,
            [this] { addRecent(int(m_instance->recentChanges().size()) - 1); });
    // What moves now, twice a second (the other machines change with the status, not with it).
    followProgress(instance, this, 500, [this] { refreshPanels(); });
    rebuildPanels();
    refreshRecent();
}

void MainWindow::rebuildPanels()
{
    qDeleteAll(m_repositoryPanels);
    m_repositoryPanels.clear();
    if (!m_instance)
        return;
    for (int i = 0; i < m_instance->repositoryCount(); ++i) {
        auto* panel = new RepositoryPanel(this, m_instance, i);
        panel->setParent(m_panelsArea);
        m_panels->insertWidget(i, panel);
        m_repositoryPanels << panel;
    }
    refresh();
}

void MainWindow::refresh()
{
    if (!m_instance)
        return;
    const bool none = m_instance->repositoryCount() == 0;
    m_notSetUp->setVisible(none);
    m_panelsScroll->setVisible(!none);
    m_lists->setVisible(!none);
    if (m_repositoryPanels.size() != m_instance->repositoryCount()) {
        rebuildPanels(); // calls refresh() again, with the panels matching
        return;
    }
    refreshPanels();
    refreshMachines();
}

void MainWindow::refreshPanels()
{
    const qint64 now = m_clock.elapsed();
    for (RepositoryPanel* panel : std::as_const(m_repositoryPanels))
        panel->refresh(now);
}

void MainWindow::addRecent(int row)
{
    if (row < 0 || row >= m_instance->recentChanges().size())
        return;
    const control::Change& change = m_instance->recentChanges().at(row);
    const sync::FileEvent& e = change.event;
    auto* item = new QTreeWidgetItem;
    item->setText(0, Words::when(e.when));
    item->setText(1, change.repository);
    item->setText(2, Words::change(e.kind));
    item->setText(3, e.path);
    item->setText(4, e.by);
    for (int i = 0; i < m_instance->repositoryCount(); ++i)
        if (m_instance->repository(i).name == change.repository && e.kind != sync::FileEvent::Kind::Deleted) {
            const QString path = m_instance->repository(i).localPath + QLatin1Char('/') + e.path;
            item->setData(0, kPathRole, path);
            item->setToolTip(3, path);
        }
    Words::dropEmpty(m_recent);
    m_recent->insertTopLevelItem(0, item);
    while (m_recent->topLevelItemCount() > kRecentRows)
        delete m_recent->takeTopLevelItem(m_recent->topLevelItemCount() - 1);
}

void MainWindow::refreshRecent()
{
    m_recent->clear();
    const int count = int(m_instance->recentChanges().size());
    for (int row = std::max(0, count - kRecentRows); row < count; ++row)
        addRecent(row);
    Words::showEmpty(m_recent, tr("No file came or went yet."));
}

void MainWindow::refreshMachines()
{
    m_machines->clear();
    for (int i = 0; i < m_instance->repositoryCount(); ++i)
        for (const sync::PeerState& p : m_instance->status(i).lastPass.peers) {
            auto* item = new QTreeWidgetItem(m_machines);
            item->setText(0, m_instance->repository(i).name);
            item->setText(1, p.name);
            item->setText(2, p.lastChange.isValid() ? Words::when(p.lastChange) : tr("not seen yet"));
            item->setText(3, Words::peerWork(p));
        }
    for (int c = 0; c < m_machines->columnCount(); ++c)
        m_machines->resizeColumnToContents(c);
    Words::showEmpty(m_machines, tr("No other machine has joined yet."));
}

void MainWindow::showConfiguration(const config::Config& config)
{
    m_problem->hide();
    m_buttons->setVisible(true);
    m_configPath->setText(tr("Configuration: %1").arg(config.path));
    refresh();
}

void MainWindow::showProblem(const QString& configPath, const QString& problem)
{
    m_notSetUp->hide();
    m_panelsScroll->hide();
    m_lists->hide();
    m_buttons->setVisible(false);
    m_problem->setText(tr("Escale cannot use the configuration %1:\n\n%2").arg(configPath, problem));
    m_problem->show();
}

} // namespace escale::ui
