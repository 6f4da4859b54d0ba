#include "MainWindow.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace escale::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Escale"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_message = new QLabel(central);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_repositories = new QTreeWidget(central);
    m_repositories->setRootIsDecorated(false);
    m_repositories->setHeaderLabels(
        {tr("Repository"), tr("Folder"), tr("Relay"), tr("Mode"), tr("Encryption")});
    m_repositories->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_buttons = new QWidget(central);
    auto* buttons = new QHBoxLayout(m_buttons);
    buttons->setContentsMargins(0, 0, 0, 0);
    for (const auto& [name, text, signal] :
         {std::tuple{"activity", tr("Activity..."), &MainWindow::activityRequested},
          std::tuple{"settings", tr("Settings..."), &MainWindow::settingsRequested},
          std::tuple{"addRepository", tr("Add repository..."), &MainWindow::addRepositoryRequested}}) {
        auto* button = new QPushButton(text, m_buttons);
        button->setObjectName(QString::fromLatin1(name));
        connect(button, &QPushButton::clicked, this, signal);
        buttons->addWidget(button);
    }
    buttons->addStretch();
    layout->addWidget(m_message);
    layout->addWidget(m_repositories);
    layout->addWidget(m_buttons);
    setCentralWidget(central);
    resize(760, 360);
}

void MainWindow::showConfiguration(const config::Config& config)
{
    m_repositories->clear();
    for (const config::RepositoryConfig& r : config.repositories) {
        auto* item = new QTreeWidgetItem(m_repositories);
        item->setText(0, r.name);
        item->setText(1, r.localPath);
        item->setText(2, r.relay.toDisplayString());
        item->setText(3, config::syncModeName(r.mode));
        item->setText(4, config::encryptionName(r.encryption));
    }
    m_message->setText(tr("Configuration: %1").arg(config.path));
    m_repositories->setVisible(true);
    m_buttons->setVisible(true);
}

void MainWindow::showProblem(const QString& configPath, const QString& problem)
{
    m_repositories->clear();
    m_repositories->setVisible(false);
    m_buttons->setVisible(false);
    m_message->setText(tr("Escale cannot use the configuration %1:\n\n%2").arg(configPath, problem));
}

} // namespace escale::ui
