#include "TrayIcon.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QLocale>
#include <QSet>
#include <QSystemTrayIcon>
#include <QUrl>

namespace escale::ui {

TrayIcon::TrayIcon(TrayModel* model, QObject* parent)
    : QObject(parent)
    , m_model(model)
    , m_menu(std::make_unique<QMenu>())
    , m_tray(new QSystemTrayIcon(this))
{
    m_tray->setContextMenu(m_menu.get());
    // Queued: a menu action's own command changes the status, and the menu must not be rebuilt
    // under the action being triggered.
    connect(model, &TrayModel::changed, this, &TrayIcon::rebuild, Qt::QueuedConnection);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason != QSystemTrayIcon::Trigger && reason != QSystemTrayIcon::DoubleClick)
            return;
        if (m_model->state() == TrayModel::State::NotSetUp)
            Q_EMIT addRepositoryRequested(); // nothing to show yet: the wizard
        else
            Q_EMIT showWindowRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::messageClicked);
    rebuild();
}

TrayIcon::~TrayIcon() = default;

void TrayIcon::show()
{
    m_tray->show();
}

bool TrayIcon::isVisible() const
{
    return m_tray->isVisible();
}

QIcon TrayIcon::icon() const
{
    return m_tray->icon();
}

void TrayIcon::showMessage(const QString& title, const QString& message, bool warning)
{
    if (m_tray->isVisible())
        m_tray->showMessage(title, message,
                            warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
}

void TrayIcon::command(const QString& name, const QString& repository, const QDateTime& until)
{
    QJsonObject request{{QStringLiteral("command"), name}};
    if (!repository.isEmpty())
        request.insert(QStringLiteral("repository"), repository);
    if (until.isValid())
        request.insert(QStringLiteral("until"), until.toUTC().toString(Qt::ISODate));
    m_model->instance()->handle(request);
}

QDateTime TrayIcon::tomorrowMorning()
{
    return QDateTime(QDate::currentDate().addDays(1), QTime(8, 0));
}

void TrayIcon::addPauseMenu(QMenu* menu, const QString& text, const QString& repository)
{
    QMenu* pause = menu->addMenu(text);
    pause->setObjectName(QStringLiteral("pause:") + repository);
    pause->addAction(tr("Until resumed"), this, [this, repository] { command(QStringLiteral("pause"), repository); });
    pause->addAction(tr("For 1 hour"), this, [this, repository] {
        command(QStringLiteral("pause"), repository, QDateTime::currentDateTimeUtc().addSecs(3600));
    });
    pause->addAction(tr("Until tomorrow, %1").arg(QLocale().toString(tomorrowMorning().time(), QLocale::ShortFormat)),
                     this, [this, repository] { command(QStringLiteral("pause"), repository, tomorrowMorning()); });
}

void TrayIcon::rebuild()
{
    m_tray->setIcon(QIcon(m_model->iconPath()));
    m_tray->setToolTip(m_model->tooltip());
    m_menu->clear();
    // clear() leaves the submenus (children of the menu): without this they would pile up.
    qDeleteAll(m_menu->findChildren<QMenu*>(QString(), Qt::FindDirectChildrenOnly));
    QAction* status = m_menu->addAction(m_model->statusLine());
    status->setEnabled(false);
    m_menu->addSeparator();
    control::Instance* instance = m_model->instance();
    if (m_model->state() == TrayModel::State::NotSetUp) {
        m_menu->addAction(tr("Set up a folder to sync..."), this, &TrayIcon::addRepositoryRequested);
        m_menu->addSeparator();
        m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
        return;
    }
    bool anyPaused = false, anyRunning = false;
    for (int i = 0; i < instance->repositoryCount(); ++i) {
        const config::RepositoryConfig& r = instance->repository(i);
        const control::RepositoryStatus& s = instance->status(i);
        QMenu* sub = m_menu->addMenu(m_model->menuLine(i));
        sub->setObjectName(QStringLiteral("repository:") + r.name);
        sub->setToolTipsVisible(true);
        sub->menuAction()->setToolTip(m_model->describe(i));
        const QString path = r.localPath;
        sub->addAction(tr("Open folder"), this,
                       [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
        sub->addAction(tr("Choose what syncs..."), this, [this, i] { Q_EMIT accessRequested(i); });
        const QString name = r.name;
        if (s.paused) {
            anyPaused = true;
            sub->addAction(tr("Resume"), this, [this, name] { command(QStringLiteral("resume"), name); });
        } else {
            anyRunning = true;
            addPauseMenu(sub, tr("Pause"), name);
            sub->addAction(tr("Sync now"), this, [this, name] { command(QStringLiteral("sync"), name); });
        }
    }
    // The files that came and went last, openable.
    QMenu* recent = m_menu->addMenu(tr("Recent files"));
    recent->setObjectName(QStringLiteral("recent"));
    int shown = 0;
    const QList<control::Change>& changes = instance->recentChanges();
    QSet<QString> listed;
    for (auto it = changes.crbegin(); it != changes.crend() && shown < kRecentInMenu; ++it) {
        const sync::FileEvent& e = it->event;
        if (e.kind == sync::FileEvent::Kind::Deleted)
            continue;
        const config::RepositoryConfig* r = nullptr;
        for (int i = 0; i < instance->repositoryCount() && !r; ++i)
            if (instance->repository(i).name == it->repository)
                r = &instance->repository(i);
        const QString file = r ? r->localPath + QLatin1Char('/') + e.path : QString();
        if (!r || listed.contains(file) || !QFileInfo::exists(file))
            continue;
        listed.insert(file);
        QAction* a = recent->addAction(TrayModel::elide(e.path, 48), this,
                                       [file] { QDesktopServices::openUrl(QUrl::fromLocalFile(file)); });
        a->setToolTip(file);
        ++shown;
    }
    if (shown == 0)
        recent->addAction(tr("None yet"))->setEnabled(false);
    m_menu->addSeparator();
    // Only what applies: pause when something runs, resume when something is paused.
    if (anyRunning)
        addPauseMenu(m_menu.get(), tr("Pause all"), QString());
    if (anyPaused)
        m_menu->addAction(tr("Resume all"), this, [this] { command(QStringLiteral("resume")); });
    m_menu->addSeparator();
    m_menu->addAction(tr("Activity..."), this, &TrayIcon::activityRequested);
    m_menu->addAction(tr("Settings..."), this, &TrayIcon::settingsRequested);
    m_menu->addAction(tr("Add repository..."), this, &TrayIcon::addRepositoryRequested);
    m_menu->addAction(tr("Show Escale"), this, &TrayIcon::showWindowRequested);
    m_menu->addAction(tr("Log..."), this, &TrayIcon::logRequested);
    m_menu->addAction(tr("About Escale..."), this, &TrayIcon::aboutRequested);
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
}

} // namespace escale::ui
