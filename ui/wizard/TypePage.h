#pragma once

#include "SetupWizard.h"

#include <QWizardPage>

class QButtonGroup;

namespace escale::ui::wizard {

class TypePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit TypePage(SetupWizard* wizard);
    setup::RelayForm::Kind kind() const;

private:
    QButtonGroup* m_group;
};

} // namespace escale::ui::wizard
