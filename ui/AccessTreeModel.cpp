#include "AccessTreeModel.h"

#include "sync/SyncEngine.h"
#include "protocol/LocalLayout.h"

#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace escale::ui {

struct AccessTreeModel::Node
{
    QString name;
    QString relative; // '' for the root
    bool folder = false;
    Node* parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
    bool listed = false;      // its entries were read from disk
    QList<QFileInfo> waiting; // read, not added yet
};

AccessTreeModel::AccessTreeModel(const config::RepositoryConfig& repository, QObject* parent)
    : QAbstractItemModel(parent)
    , m_repository(repository)
    , m_state(repository)
    , m_root(std::make_unique<Node>())
{
    m_root->folder = true;
}

AccessTreeModel::~AccessTreeModel() = default;

bool AccessTreeModel::open(QString& error)
{
    if (!m_state.open(error))
        return false;
    const auto table = m_state.accessTable(error);
    if (!table)
        return false;
    m_table = *table;
    return true;
}

AccessTreeModel::Node* AccessTreeModel::node(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex AccessTreeModel::indexOf(Node* n, int column) const
{
    return n == m_root.get() ? QModelIndex() : createIndex(n->row, column, n);
}

QModelIndex AccessTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    const Node* p = node(parent);
    if (row < 0 || row >= int(p->children.size()) || column < 0 || column > ReceiveColumn)
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex AccessTreeModel::parent(const QModelIndex& child) const
{
    const Node* n = node(child);
    return n == m_root.get() || !n->parent ? QModelIndex() : indexOf(n->parent, 0);
}

int AccessTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(node(parent)->children.size());
}

int AccessTreeModel::columnCount(const QModelIndex&) const
{
    return 3;
}

bool AccessTreeModel::hasChildren(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return false;
    const Node* n = node(parent);
    // Unread folders get their expander; reading them waits until they are opened.
    return n->folder && (!n->listed || !n->children.empty() || !n->waiting.isEmpty());
}

bool AccessTreeModel::canFetchMore(const QModelIndex& parent) const
{
    const Node* n = node(parent);
    return n->folder && (!n->listed || !n->waiting.isEmpty());
}

void AccessTreeModel::fetchMore(const QModelIndex& parent)
{
    Node* n = node(parent);
    if (!n->folder)
        return;
    if (!n->listed) {
        n->listed = true;
        QDir dir(m_repository.localPath +
                 (n->relative.isEmpty() ? QString() : QLatin1Char('/') + n->relative));
        QList<QFileInfo> entries = dir.entryInfoList(
            QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::NoSort);
        // Escale's own entries (.escale-archive, .escale-folder, temporary files) are never synced.
        entries.erase(std::remove_if(entries.begin(), entries.end(),
                                     [](const QFileInfo& f) {
                                         return f.fileName().startsWith(protocol::local::reservedPrefix());
                                     }),
                      entries.end());
        std::sort(entries.begin(), entries.end(), [](const QFileInfo& a, const QFileInfo& b) {
            const bool da = a.isDir() && !a.isSymLink(), db = b.isDir() && !b.isSymLink();
            if (da != db)
                return da;
            return QString::localeAwareCompare(a.fileName(), b.fileName()) < 0;
        });
        n->waiting = std::move(entries);
    }
    const int take = int(std::min<qsizetype>(kBatch, n->waiting.size()));
    if (take == 0)
        return;
    const int first = int(n->children.size());
    beginInsertRows(parent.sibling(parent.row(), 0), first, first + take - 1);
    for (int i = 0; i < take; ++i) {
        const QFileInfo& f = n->waiting.at(i);
        auto child = std::make_unique<Node>();
        child->name = f.fileName();
        child->relative = n->relative.isEmpty() ? child->name : n->relative + QLatin1Char('/') + child->name;
        child->folder = f.isDir() && !f.isSymLink();
        child->parent = n;
        child->row = first + i;
        n->children.push_back(std::move(child));
    }
    n->waiting.remove(0, take);
    m_loaded += take;
    endInsertRows();
}

QString AccessTreeModel::relativePath(const QModelIndex& index) const
{
    return node(index)->relative;
}

QModelIndex AccessTreeModel::find(const QString& relative)
{
    Node* n = m_root.get();
    for (const QString& part : relative.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        Node* next = nullptr;
        for (;;) {
            for (const auto& c : n->children)
                if (c->name == part)
                    next = c.get();
            if (next || !canFetchMore(indexOf(n, 0)))
                break;
            fetchMore(indexOf(n, 0));
        }
        if (!next)
            return {};
        n = next;
    }
    return indexOf(n, 0);
}

sync::EffectiveAccess AccessTreeModel::effective(const QModelIndex& index) const
{
    return sync::effectiveAccess(m_table, node(index)->relative);
}

QVariant AccessTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Node* n = node(index);
    if (index.column() == NameColumn) {
        if (role == Qt::DisplayRole)
            return n->name;
        if (role == Qt::DecorationRole)
            return m_icons.icon(n->folder ? QAbstractFileIconProvider::Folder
                                          : QAbstractFileIconProvider::File);
        if (role == Qt::ToolTipRole)
            return n->relative;
        return {};
    }
    const bool send = index.column() == SendColumn;
    const sync::EffectiveAccess e = sync::effectiveAccess(m_table, n->relative);
    const bool allowed = send ? e.send : e.receive;
    const bool set = send ? e.sendSet : e.receiveSet;
    const QString setAt = send ? e.sendSetAt : e.receiveSetAt;
    const bool here = set && setAt == n->relative;
    switch (role) {
    case Qt::CheckStateRole:
        return allowed ? Qt::Checked : Qt::Unchecked;
    case Qt::DisplayRole:
        return here ? QString() : tr("inherited");
    case Qt::FontRole: {
        QFont font;
        font.setItalic(!here);
        return font;
    }
    case Qt::ForegroundRole:
        return here ? QVariant()
                    : QVariant(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
    case Qt::ToolTipRole: {
        const QString what =
            send ? (allowed ? tr("Sent to the other machines") : tr("Not sent to the other machines"))
                 : (allowed ? tr("Received from the other machines")
                            : tr("Not received from the other machines"));
        if (here)
            return tr("%1 (set here)").arg(what);
        return set ? tr("%1 (from the folder %2)").arg(what, setAt) : tr("%1 (the default)").arg(what);
    }
    default:
        return {};
    }
}

Qt::ItemFlags AccessTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() != NameColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant AccessTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SendColumn:
        return tr("Send");
    case ReceiveColumn:
        return tr("Receive");
    }
    return {};
}

bool AccessTreeModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.column() == NameColumn || role != Qt::CheckStateRole)
        return false;
    Node* n = node(index);
    state::StateDb::Access own = m_table.value(n->relative);
    const bool on = value.toInt() == Qt::Checked;
    (index.column() == SendColumn ? own.send : own.receive) = on;
    write(n, own);
    return true;
}

void AccessTreeModel::inherit(const QModelIndex& index)
{
    if (index.isValid())
        write(node(index), state::StateDb::Access{});
}

void AccessTreeModel::write(Node* n, const state::StateDb::Access& access)
{
    QString error;
    std::optional<sync::AccessTable> table;
    if (!m_state.setAccess(n->relative, access, error) || !(table = m_state.accessTable(error))) {
        Q_EMIT failed(error);
        return;
    }
    m_table = *table;
    if (n != m_root.get())
        Q_EMIT dataChanged(indexOf(n, SendColumn), indexOf(n, ReceiveColumn));
    refreshBelow(n);
    Q_EMIT accessChanged(n->relative);
}

void AccessTreeModel::refreshBelow(Node* n)
{
    // Every loaded entry below it shows the new values.
    if (!n->children.empty())
        Q_EMIT dataChanged(createIndex(0, SendColumn, n->children.front().get()),
                           createIndex(int(n->children.size()) - 1, ReceiveColumn, n->children.back().get()));
    for (const auto& c : n->children)
        if (c->folder)
            refreshBelow(c.get());
}

} // namespace escale::ui
