#include "ActivityWindow.h"

#include "ConflictView.h"
#include "FollowProgress.h"
#include "Words.h"
#include "sync/LocalState.h"

#include "sync/Conflicts.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
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

namespace escale::ui {

namespace {

using RepoState = control::RepositoryStatus::State;

QTreeWidget* table(const QString& name, const QStringList& headers, QWidget* parent)
{
    auto* t = new QTreeWidget(parent);
    t->setObjectName(name);
    t->setRootIsDecorated(false);
    t->setUniformRowHeights(true);
    t->setAlternatingRowColors(true);
    t->setHeaderLabels(headers);
    t->header()->setStretchLastSection(true);
    return t;
}

// A conflict copy as the list keeps it.
constexpr int kRepositoryRole = Qt::UserRole;
constexpr int kCopyRole = Qt::UserRole + 1;

} // namespace

ActivityWindow::ActivityWindow(control::Instance* instance, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_instance(instance)
{
    setObjectName(QStringLiteral("activityWindow"));
    setWindowTitle(tr("Activity")); // the system adds " — Escale"
    m_clock.start();
    auto* layout = new QVBoxLayout(this);
    m_heldBox = new QVBoxLayout;
    layout->addLayout(m_heldBox);
    m_overview =
        table(QStringLiteral("overview"),
              {tr("Repository"), tr("State"), tr("Relay space"), tr("To send"), tr("To receive")}, this);
    m_overview->setMaximumHeight(140);
    layout->addWidget(m_overview);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    layout->addWidget(m_tabs, 1);

    m_transfers = table(QStringLiteral("transfers"),
                        {tr("Repository"), tr("File"), tr("Progress"), tr("Speed"), tr("Left")}, this);
    m_tabs->addTab(m_transfers, tr("Transfers"));

    m_changes = table(QStringLiteral("changes"),
                      {tr("When"), tr("Repository"), tr("What"), tr("File"), tr("By")}, this);
    // The file name takes the room; the other columns fit their contents.
    m_changes->header()->setStretchLastSection(false);
    for (int c : {0, 1, 2, 4})
        m_changes->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_changes->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_tabs->addTab(m_changes, tr("Recent changes"));

    auto* conflicts = new QWidget(this);
    auto* conflictsLayout = new QVBoxLayout(conflicts);
    auto* conflictsHelp =
        new QLabel(tr("A file changed on two machines at once keeps both versions: the one under "
                      "its name and a conflict copy. Choose which to keep; what goes is kept in "
                      "the folder's .escale-archive."),
                   conflicts);
    conflictsHelp->setWordWrap(true);
    conflictsLayout->addWidget(conflictsHelp);
    m_conflicts = table(QStringLiteral("conflicts"),
                        {tr("Repository"), tr("File"), tr("Other version from"), tr("Its date")}, conflicts);
    m_conflicts->setSelectionMode(QAbstractItemView::SingleSelection);
    conflictsLayout->addWidget(m_conflicts, 1);
    m_conflictView = new ConflictView(conflicts);
    conflictsLayout->addWidget(m_conflictView, 2);
    auto* buttons = new QHBoxLayout;
    m_keepMine = new QPushButton(tr("Keep mine"), conflicts);
    m_keepMine->setObjectName(QStringLiteral("keepMine"));
    m_keepTheirs = new QPushButton(tr("Keep theirs"), conflicts);
    m_keepTheirs->setObjectName(QStringLiteral("keepTheirs"));
    m_keepBoth = new QPushButton(tr("Keep both"), conflicts);
    m_keepBoth->setObjectName(QStringLiteral("keepBoth"));
    m_showInFolder = new QPushButton(tr("Show in folder"), conflicts);
    m_showInFolder->setObjectName(QStringLiteral("showInFolder"));
    for (QPushButton* b : {m_keepMine, m_keepTheirs, m_keepBoth, m_showInFolder})
        buttons->addWidget(b);
    buttons->addStretch();
    conflictsLayout->addLayout(buttons);
    m_conflictStatus = new QLabel(conflicts);
    m_conflictStatus->setObjectName(QStringLiteral("conflictStatus"));
    m_conflictStatus->setWordWrap(true);
    conflictsLayout->addWidget(m_conflictStatus);
    m_tabs->addTab(conflicts, tr("Conflicts"));

    auto* errorsScroll = new QScrollArea(this);
    errorsScroll->setWidgetResizable(true);
    auto* errors = new QWidget(errorsScroll);
    errors->setObjectName(QStringLiteral("errors"));
    m_errors = new QVBoxLayout(errors);
    m_errors->addStretch();
    errorsScroll->setWidget(errors);
    m_tabs->addTab(errorsScroll, tr("Errors"));

    m_clients = table(
        QStringLiteral("clients"),
        {tr("Repository"), tr("Machine"), tr("Last change"), tr("Pending work"), tr("Relay space")}, this);
    m_tabs->addTab(m_clients, tr("Other machines"));

    connect(m_keepMine, &QPushButton::clicked, this, [this] { resolveSelected(0); });
    connect(m_keepTheirs, &QPushButton::clicked, this, [this] { resolveSelected(1); });
    connect(m_keepBoth, &QPushButton::clicked, this, [this] { resolveSelected(2); });
    connect(m_showInFolder, &QPushButton::clicked, this, [this] {
        const QTreeWidgetItem* item = m_conflicts->currentItem();
        if (!item)
            return;
        const auto& r = m_instance->repository(item->data(0, kRepositoryRole).toInt());
        const QString copy = item->data(0, kCopyRole).toString();
        QDesktopServices::openUrl(
            QUrl::fromLocalFile(QFileInfo(r.localPath + QLatin1Char('/') + copy).absolutePath()));
    });
    connect(m_conflicts, &QTreeWidget::currentItemChanged, this, &ActivityWindow::showSelectedConflict);

    for (const control::Change& c : instance->recentChanges())
        addChange(c);
    Words::showEmpty(m_changes, tr("Nothing came or went yet."));
    connect(instance, &control::Instance::changed, this, &ActivityWindow::addChange);
    connect(instance, &control::Instance::statusChanged, this, &ActivityWindow::refresh);
    connect(instance, &control::Instance::repositoryAdded, this, &ActivityWindow::refresh);
    connect(instance, &control::Instance::repositoryRemoved, this, [this] {
        m_samples.clear();
        refresh();
        refreshConflicts();
    });
    followProgress(instance, this, 500, [this] {
        refreshOverview(); // its counts of what is still to send and receive
        refreshTransfers();
    });
    refresh();
    refreshConflicts();
    resize(860, 520);
}

void ActivityWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void ActivityWindow::refresh()
{
    refreshHeld();
    refreshOverview();
    refreshTransfers();
    refreshErrors();
    refreshClients();
    // New conflict copies (or resolved ones) since the last look: the list follows.
    QList<int> seen;
    for (int i = 0; i < m_instance->repositoryCount(); ++i)
        seen << m_instance->status(i).conflictsWaiting;
    if (seen != m_conflictsSeen)
        refreshConflicts();
}

void ActivityWindow::refreshHeld()
{
    while (QLayoutItem* item = m_heldBox->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int i = 0; i < m_instance->repositoryCount(); ++i) {
        const int held = m_instance->status(i).lastPass.deletionsHeld;
        if (held <= 0)
            continue;
        const config::RepositoryConfig& r = m_instance->repository(i);
        auto* frame = new QFrame(this);
        frame->setObjectName(QStringLiteral("held:") + r.name);
        frame->setFrameShape(QFrame::StyledPanel);
        auto* row = new QHBoxLayout(frame);
        auto* text =
            new QLabel(tr("%1: %n file(s) deleted here at once are not deleted on the other machines yet. "
                          "If you meant it, delete them everywhere; if not (a disk unplugged, a folder "
                          "moved), bring them back: the other machines keep theirs meanwhile.",
                          nullptr, held)
                           .arg(r.name),
                       frame);
        text->setWordWrap(true);
        row->addWidget(text, 1);
        auto* confirm = new QPushButton(tr("Delete them everywhere"), frame);
        confirm->setObjectName(QStringLiteral("confirmDeletions"));
        connect(confirm, &QPushButton::clicked, this, [this, i, confirm] {
            confirm->setEnabled(false);
            m_instance->confirmDeletions(i);
        });
        auto* open = new QPushButton(tr("Open folder"), frame);
        const QString path = r.localPath;
        connect(open, &QPushButton::clicked, this,
                [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
        row->addWidget(confirm);
        row->addWidget(open);
        m_heldBox->addWidget(frame);
    }
}

void ActivityWindow::refreshOverview()
{
    m_overview->clear();
    for (int i = 0; i < m_instance->repositoryCount(); ++i) {
        const control::RepositoryStatus& s = m_instance->status(i);
        const config::RepositoryConfig& r = m_instance->repository(i);
        auto* item = new QTreeWidgetItem(m_overview);
        item->setText(0, r.name);
        switch (s.state) {
        case RepoState::Starting:
            item->setText(1, tr("starting"));
            break;
        case RepoState::Syncing:
            item->setText(1, tr("syncing"));
            break;
        case RepoState::Idle:
            item->setText(1, s.pendingUp > 0 ? tr("%n change(s) waiting to be sent", nullptr, s.pendingUp)
                             : s.lastSuccess.isValid() ? tr("up to date (%1)").arg(Words::when(s.lastSuccess))
                                                       : tr("up to date"));
            break;
        case RepoState::Paused:
            item->setText(1, tr("paused"));
            break;
        case RepoState::Offline:
            item->setText(1, tr("relay unreachable"));
            break;
        case RepoState::Error:
            item->setText(1, tr("error"));
            break;
        case RepoState::Stopped:
            item->setText(1, tr("stopped"));
            break;
        }
        QString space = s.relayUsage < 0 ? tr("not known yet") : Words::dataSize(s.relayUsage);
        if (s.relayUsage >= 0 && r.diskQuota && *r.diskQuota > 0)
            space = tr("%1 of %2 (%3 %)")
                        .arg(Words::dataSize(s.relayUsage), Words::dataSize(*r.diskQuota))
                        .arg(qRound(100.0 * double(s.relayUsage) / double(*r.diskQuota)));
        item->setText(2, space);
        // What a running pass is sending or receiving is still to do: never "0 changes" beside a
        // file on its way.
        const bool running = s.state == RepoState::Syncing;
        const sync::PassProgress& g = s.progress;
        const int up = running ? std::max(s.pendingUp, g.filesToSend - g.filesSent) : s.pendingUp;
        const qint64 down =
            running ? std::max<qint64>(s.pendingDown, g.filesToReceive - g.filesReceived) : s.pendingDown;
        item->setText(3, up < 0 ? QString() : tr("%n change(s)", nullptr, up));
        item->setText(4, down < 0 ? QString() : tr("%n change(s)", nullptr, int(down)));
    }
    for (int c = 0; c < m_overview->columnCount(); ++c)
        m_overview->resizeColumnToContents(c);
}

void ActivityWindow::refreshTransfers()
{
    const qint64 now = m_clock.elapsed();
    m_transfers->clear();
    for (int i = 0; i < m_instance->repositoryCount(); ++i) {
        const control::RepositoryStatus& s = m_instance->status(i);
        const sync::PassProgress& g = s.progress;
        const qint64 moved = g.bytesSent + g.bytesReceived;
        TransferRate& rate = m_samples[i];
        if (s.state != RepoState::Syncing)
            rate.reset();
        rate.sample(moved, now);
        if (s.state != RepoState::Syncing || (g.current.isEmpty() && g.filesLeft() == 0))
            continue;
        auto* item = new QTreeWidgetItem(m_transfers);
        item->setText(0, m_instance->repository(i).name);
        item->setText(1, g.current.isEmpty() ? tr("(between files)")
                                             : (g.currentSending ? tr("↑ %1") : tr("↓ %1")).arg(g.current));
        auto* bar = new QProgressBar(m_transfers);
        bar->setRange(0, 1000);
        const qint64 done = g.currentDoneShown();
        bar->setValue(g.currentSize > 0 ? int(1000 * done / g.currentSize) : 0);
        bar->setFormat(g.currentSize > 0
                           ? tr("%1 of %2").arg(Words::dataSize(done), Words::dataSize(g.currentSize))
                           : QString());
        m_transfers->setItemWidget(item, 2, bar);
        item->setText(3, rate.bytesPerSecond() > 0 ? tr("%1/s").arg(Words::dataSize(qint64(rate.bytesPerSecond())))
                                                   : QString());
        item->setText(4, tr("%n file(s), %1", nullptr, g.filesLeft()).arg(Words::dataSize(g.bytesLeft())));
    }
    if (m_transfers->topLevelItemCount() == 0) {
        auto* idle = new QTreeWidgetItem(m_transfers);
        idle->setText(0, tr("Nothing is being transferred."));
        idle->setFirstColumnSpanned(true);
    }
    m_transfers->resizeColumnToContents(0);
    m_transfers->setColumnWidth(1, std::max(m_transfers->columnWidth(1), 260));
    m_transfers->setColumnWidth(2, std::max(m_transfers->columnWidth(2), 180));
}

void ActivityWindow::addChange(const control::Change& change)
{
    const sync::FileEvent& e = change.event;
    auto* item = new QTreeWidgetItem;
    item->setText(0, Words::when(e.when));
    item->setText(1, change.repository);
    item->setText(2, Words::change(e.kind));
    item->setText(3, e.path);
    item->setText(4, e.by);
    Words::dropEmpty(m_changes);
    m_changes->insertTopLevelItem(0, item);
    while (m_changes->topLevelItemCount() > control::Instance::kRecentChanges)
        delete m_changes->takeTopLevelItem(m_changes->topLevelItemCount() - 1);
}

void ActivityWindow::refreshConflicts()
{
    m_conflictsSeen.clear();
    const QString selected =
        m_conflicts->currentItem() ? m_conflicts->currentItem()->data(0, kCopyRole).toString() : QString();
    m_conflicts->clear();
    for (int i = 0; i < m_instance->repositoryCount(); ++i) {
        m_conflictsSeen << m_instance->status(i).conflictsWaiting;
        const config::RepositoryConfig& r = m_instance->repository(i);
        for (const sync::ConflictCopy& c : sync::findConflicts(r.localPath)) {
            auto* item = new QTreeWidgetItem(m_conflicts);
            item->setText(0, r.name);
            item->setText(1, c.original);
            item->setText(2, c.device);
            item->setText(3, Words::when(c.time));
            item->setToolTip(1, c.copy);
            item->setData(0, kRepositoryRole, i);
            item->setData(0, kCopyRole, c.copy);
            if (c.copy == selected)
                m_conflicts->setCurrentItem(item);
        }
    }
    for (int c = 0; c < m_conflicts->columnCount(); ++c)
        m_conflicts->resizeColumnToContents(c);
    Words::showEmpty(m_conflicts, tr("No conflict: nothing to resolve."));
    if (!m_conflicts->currentItem() && m_conflicts->topLevelItemCount() > 0 &&
        !Words::isEmptyLine(m_conflicts->topLevelItem(0)))
        m_conflicts->setCurrentItem(m_conflicts->topLevelItem(0)); // the first one shows at once
    showSelectedConflict();
}

void ActivityWindow::showSelectedConflict()
{
    const QTreeWidgetItem* item = Words::isEmptyLine(m_conflicts->currentItem()) ? nullptr : m_conflicts->currentItem();
    for (QPushButton* b : {m_keepMine, m_keepTheirs, m_keepBoth, m_showInFolder})
        b->setEnabled(item != nullptr);
    m_keepMine->setText(tr("Keep mine"));
    m_keepTheirs->setText(tr("Keep theirs"));
    const auto conflict = item ? sync::parseConflictCopy(item->data(0, kCopyRole).toString()) : std::nullopt;
    if (!conflict) {
        m_conflictView->clear();
        return;
    }
    const config::RepositoryConfig& r = m_instance->repository(item->data(0, kRepositoryRole).toInt());
    ConflictView::Side current{r.localPath + QLatin1Char('/') + conflict->original, QString(), false};
    sync::LocalState state(r);
    QString ignored;
    if (state.open(ignored))
        if (const auto origin = state.originOf(conflict->original)) {
            current.machine = origin->name;
            current.mine = origin->mine;
        }
    const bool copyIsMine = conflict->device.compare(r.clientName, Qt::CaseInsensitive) == 0;
    const ConflictView::Side copy{r.localPath + QLatin1Char('/') + conflict->copy, conflict->device, copyIsMine};
    if (copyIsMine)
        current.mine = false;
    m_conflictView->showConflict(current, copy);
    // The buttons name the machines: "Keep mine (alice)", "Keep theirs (bob)"; when neither version
    // is this machine's, "Keep bob's" and "Keep carol's".
    const ConflictView::Side& mine = copyIsMine ? copy : current;
    const ConflictView::Side& theirs = copyIsMine ? current : copy;
    const QString unknown = tr("unknown machine");
    if (mine.mine || copyIsMine) {
        m_keepMine->setText(tr("Keep mine (%1)").arg(r.clientName));
        m_keepTheirs->setText(tr("Keep theirs (%1)").arg(theirs.machine.isEmpty() ? unknown : theirs.machine));
    } else {
        m_keepMine->setText(tr("Keep %1's").arg(current.machine.isEmpty() ? unknown : current.machine));
        m_keepTheirs->setText(tr("Keep %1's").arg(copy.machine));
    }
}

void ActivityWindow::resolveSelected(int choice)
{
    const QTreeWidgetItem* item = m_conflicts->currentItem();
    if (!item)
        return;
    const int index = item->data(0, kRepositoryRole).toInt();
    const config::RepositoryConfig& r = m_instance->repository(index);
    const auto conflict = sync::parseConflictCopy(item->data(0, kCopyRole).toString());
    if (!conflict)
        return;
    // The copy holds the version of the machine it names: this one's ("mine") or another's.
    const bool copyIsMine = conflict->device.compare(r.clientName, Qt::CaseInsensitive) == 0;
    sync::KeepVersion keep = sync::KeepVersion::Both;
    if (choice == 0)
        keep = copyIsMine ? sync::KeepVersion::Copy : sync::KeepVersion::Current;
    else if (choice == 1)
        keep = copyIsMine ? sync::KeepVersion::Current : sync::KeepVersion::Copy;
    QString result, error;
    if (!sync::resolveConflict(r.localPath, *conflict, keep, result, error)) {
        m_conflictStatus->setText(error);
        refreshConflicts();
        return;
    }
    m_conflictStatus->setText(result);
    m_instance->handle(QJsonObject{{QStringLiteral("command"), QStringLiteral("sync")},
                                   {QStringLiteral("repository"), r.name}});
    refreshConflicts();
    Q_EMIT resolved(result);
}

ActivityWindow::Tab ActivityWindow::tabThatMatters(const control::Instance* instance)
{
    bool conflicts = false;
    for (int i = 0; i < instance->repositoryCount(); ++i) {
        const control::RepositoryStatus& s = instance->status(i);
        if (!s.lastError.isEmpty() || !s.lastPass.problems.isEmpty())
            return ErrorsTab;
        conflicts |= s.conflictsWaiting > 0;
    }
    return conflicts ? ConflictsTab : TransfersTab;
}

void ActivityWindow::refreshErrors()
{
    struct Problem
    {
        int index;
        QString text;
        bool lastError; // the repository's failure: Retry and Settings apply
    };
    QList<Problem> problems;
    QStringList shown;
    for (int i = 0; i < m_instance->repositoryCount(); ++i) {
        const control::RepositoryStatus& s = m_instance->status(i);
        if (!s.lastError.isEmpty())
            problems.append({i, s.lastError, true});
        for (const QString& p : s.lastPass.problems)
            problems.append({i, p, false});
    }
    for (const Problem& p : std::as_const(problems))
        shown << m_instance->repository(p.index).name + QLatin1Char('\n') + p.text;
    if (shown == m_errorsShown && m_errors->count() > 1)
        return; // the same: its buttons stay under the pointer
    m_errorsShown = shown;
    while (m_errors->count() > 1) { // the stretch stays last
        QLayoutItem* item = m_errors->takeAt(0);
        if (QWidget* w = item->widget()) {
            w->hide();
            w->deleteLater(); // a button of it may be what is being clicked
        }
        delete item;
    }
    int row = 0;
    for (const Problem& p : std::as_const(problems)) {
        const QString name = m_instance->repository(p.index).name;
        auto* frame = new QFrame;
        frame->setObjectName(QStringLiteral("problem:") + name);
        frame->setFrameShape(QFrame::StyledPanel);
        auto* layout = new QHBoxLayout(frame);
        auto* text = new QLabel(QStringLiteral("<b>%1</b><br>%2").arg(name.toHtmlEscaped(), Words::sentence(p.text).toHtmlEscaped()), frame);
        text->setObjectName(QStringLiteral("text"));
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(text, 1);
        if (p.lastError && m_instance->status(p.index).lastPass.markerLost) {
            // The folder lost its marker: emptied on purpose (the user confirms) or not mounted.
            auto* confirm = new QPushButton(tr("Delete them everywhere"), frame);
            confirm->setObjectName(QStringLiteral("confirmDeletions"));
            const int index = p.index;
            connect(confirm, &QPushButton::clicked, this, [this, index, confirm] {
                confirm->setEnabled(false);
                m_instance->confirmDeletions(index);
            });
            layout->addWidget(confirm, 0, Qt::AlignTop);
        }
        if (p.lastError) {
            auto* retry = new QPushButton(tr("Retry"), frame);
            retry->setObjectName(QStringLiteral("retry"));
            const int index = p.index;
            connect(retry, &QPushButton::clicked, this, [this, index] { m_instance->retry(index); });
            auto* settings = new QPushButton(tr("Settings..."), frame);
            settings->setObjectName(QStringLiteral("settings"));
            connect(settings, &QPushButton::clicked, this, &ActivityWindow::settingsRequested);
            layout->addWidget(retry, 0, Qt::AlignTop);
            layout->addWidget(settings, 0, Qt::AlignTop);
        }
        m_errors->insertWidget(row++, frame);
    }
    if (problems.isEmpty()) {
        auto* none = new QLabel(tr("No problem: every repository syncs."));
        none->setObjectName(QStringLiteral("none"));
        m_errors->insertWidget(0, none);
    }
}

void ActivityWindow::refreshClients()
{
    m_clients->clear();
    for (int i = 0; i < m_instance->repositoryCount(); ++i) {
        const control::RepositoryStatus& s = m_instance->status(i);
        for (const sync::PeerState& p : s.lastPass.peers) {
            auto* item = new QTreeWidgetItem(m_clients);
            item->setText(0, m_instance->repository(i).name);
            item->setText(1, p.name);
            item->setText(2, p.lastChange.isValid() ? Words::when(p.lastChange) : tr("not seen yet"));
            item->setText(3, Words::peerWork(p));
            item->setText(4, Words::dataSize(p.usage));
        }
    }
    for (int c = 0; c < m_clients->columnCount(); ++c)
        m_clients->resizeColumnToContents(c);
    Words::showEmpty(m_clients, tr("No other machine has joined yet."));
}

} // namespace escale::ui
