#pragma once

#include "config/Config.h"
#include "setup/NewRepository.h"
#include "setup/RelayProbe.h"

#include <QWizard>

namespace escale::ui {

// The setup wizard: relay type -> connection (tested for real, asynchronously) -> create or
// join -> passphrase -> local folder, device name and mode -> filters -> summary. It builds a
// setup::NewRepository; every page validates itself; nothing is written before Finish, which
// writes the configuration section and the keychain entries (setup::addToConfiguration).
// Shown on first start and from "Add repository...".
class SetupWizard : public QWizard
{
    Q_OBJECT

public:
    enum Page
    {
        TypePage,
        ConnectionPage,
        RepositoryPage,
        PassphrasePage,
        LocalPage,
        FiltersPage,
        SummaryPage,
    };

    explicit SetupWizard(const QString& configPath, QWidget* parent = nullptr);

    const QString& configPath() const { return m_configPath; }
    setup::NewRepository& repository() { return m_repository; }
    const setup::NewRepository& repository() const { return m_repository; }
    setup::RelayForm::Kind relayKind() const;
    // What the connection test found on the relay (Found or Empty once past that page).
    const setup::ProbeResult& found() const { return m_found; }
    void setFound(const setup::ProbeResult& found) { m_found = found; }
    bool joining() const;

    // The configuration written by Finish.
    const config::RepositoryConfig& added() const { return m_added; }

    void accept() override;
    // Escape or Cancel: once something was entered, asks before throwing it away.
    void reject() override;

Q_SIGNALS:
    // After Finish wrote the configuration: the repository to start.
    void repositoryAdded(const escale::config::RepositoryConfig& repository);

private:
    QString m_configPath;
    setup::NewRepository m_repository;
    setup::ProbeResult m_found;
    config::RepositoryConfig m_added;
};

} // namespace escale::ui
