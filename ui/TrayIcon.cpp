#include "TrayIcon.h"

#include <QDesktopServices>
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
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
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

void TrayIcon::command(const QString& name, const QString& repository)
{
    QJsonObject request{{QStringLiteral("command"), name}};
    if (!repository.isEmpty())
        request.insert(QStringLiteral("repository"), repository);
    m_model->instance()->handle(request);
}

void TrayIcon::rebuild()
{
    m_tray->setIcon(QIcon(m_model->iconPath()));
    m_tray->setToolTip(m_model->tooltip());
    m_menu->clear();
    QAction* status = m_menu->addAction(m_model->statusLine());
    status->setEnabled(false);
    m_menu->addSeparator();
    control::Instance* instance = m_model->instance();
    bool anyPaused = false, anyRunning = false;
    for (int i = 0; i < instance->repositoryCount(); ++i) {
        const config::RepositoryConfig& r = instance->repository(i);
        const control::RepositoryStatus& s = instance->status(i);
        QMenu* sub = m_menu->addMenu(m_model->describe(i));
        sub->setObjectName(QStringLiteral("repository:") + r.name);
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
            sub->addAction(tr("Pause"), this, [this, name] { command(QStringLiteral("pause"), name); });
            sub->addAction(tr("Sync now"), this, [this, name] { command(QStringLiteral("sync"), name); });
        }
    }
    m_menu->addSeparator();
    m_menu->addAction(tr("Pause all"), this, [this] { command(QStringLiteral("pause")); })
        ->setEnabled(anyRunning);
    m_menu->addAction(tr("Resume all"), this, [this] { command(QStringLiteral("resume")); })
        ->setEnabled(anyPaused);
    m_menu->addSeparator();
    m_menu->addAction(tr("Activity..."), this, &TrayIcon::activityRequested);
    m_menu->addAction(tr("Settings..."), this, &TrayIcon::settingsRequested);
    m_menu->addAction(tr("Add repository..."), this, &TrayIcon::addRepositoryRequested);
    m_menu->addAction(tr("Show Escale"), this, &TrayIcon::showWindowRequested);
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
}

} // namespace escale::ui
