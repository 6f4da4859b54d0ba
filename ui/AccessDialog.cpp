#include "AccessDialog.h"

#include "AccessTreeModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace escale::ui {

AccessDialog::AccessDialog(control::Instance* instance, QWidget* parent)
    : QDialog(parent)
    , m_instance(instance)
{
    setObjectName(QStringLiteral("accessDialog"));
    setWindowTitle(tr("What syncs"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Repository:"), this));
    m_repositories = new QComboBox(this);
    m_repositories->setObjectName(QStringLiteral("repositories"));
    for (int i = 0; i < instance->repositoryCount(); ++i)
        m_repositories->addItem(instance->repository(i).name);
    top->addWidget(m_repositories, 1);
    layout->addLayout(top);
    auto* help =
        new QLabel(tr("Untick \"Send\" to keep a file or folder on this machine only; untick \"Receive\" to "
                      "stop taking the other machines' changes to it. A folder's choice holds for "
                      "everything in it unless set again below; inherited values are in italics."),
                   this);
    help->setWordWrap(true);
    layout->addWidget(help);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("tree"));
    m_view->setUniformRowHeights(true); // rows of one height: large folders scroll smoothly
    m_view->setAlternatingRowColors(true);
    layout->addWidget(m_view, 1);
    auto* buttons = new QHBoxLayout;
    m_inherit = new QPushButton(tr("Inherit from the folder above"), this);
    m_inherit->setObjectName(QStringLiteral("inherit"));
    m_inherit->setEnabled(false);
    buttons->addWidget(m_inherit);
    buttons->addStretch();
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_repositories, &QComboBox::currentIndexChanged, this, &AccessDialog::showRepository);
    connect(m_inherit, &QPushButton::clicked, this, [this] {
        if (m_model)
            m_model->inherit(m_view->currentIndex().siblingAtColumn(0));
    });
    resize(640, 560);
    if (instance->repositoryCount() > 0)
        showRepository(0);
}

AccessDialog::~AccessDialog() = default;

void AccessDialog::showRepository(int index)
{
    if (index < 0 || index >= m_instance->repositoryCount())
        return;
    if (m_repositories->currentIndex() != index)
        m_repositories->setCurrentIndex(index);
    m_view->setModel(nullptr);
    const config::RepositoryConfig& r = m_instance->repository(index);
    m_model = std::make_unique<AccessTreeModel>(r);
    QString error;
    if (!m_model->open(error)) {
        m_status->setText(tr("The state of '%1' cannot be opened: %2").arg(r.name, error));
        m_model.reset();
        return;
    }
    m_view->setModel(m_model.get());
    m_view->header()->setSectionResizeMode(AccessTreeModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(AccessTreeModel::SendColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(AccessTreeModel::ReceiveColumn, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(false);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { m_inherit->setEnabled(current.isValid()); });
    const QString name = r.name;
    connect(m_model.get(), &AccessTreeModel::accessChanged, this, [this, name](const QString& relative) {
        const QJsonObject answer = m_instance->handle(QJsonObject{
            {QStringLiteral("command"), QStringLiteral("sync")}, {QStringLiteral("repository"), name}});
        m_status->setText(answer.value(QStringLiteral("ok")).toBool()
                              ? tr("%1: applied now.").arg(relative)
                              : tr("%1: applied at the next sync (%2).")
                                    .arg(relative, answer.value(QStringLiteral("error")).toString()));
    });
    connect(m_model.get(), &AccessTreeModel::failed, m_status, &QLabel::setText);
    m_status->setText(tr("Folder: %1").arg(r.localPath));
}

} // namespace escale::ui
