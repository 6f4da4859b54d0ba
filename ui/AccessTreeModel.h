#pragma once

#include "config/Config.h"
#include "state/StateDb.h"
#include "sync/LocalState.h"
#include "sync/AccessFlags.h"

#include <QAbstractFileIconProvider>
#include <QAbstractItemModel>
#include <memory>
#include <vector>

namespace escale::ui {

// A repository's local folder as a tree, with each file's and folder's "send" and "receive"
// switches (the access flags of sync/AccessFlags) in two check columns. Folders are read when
// first expanded, and their entries added a few thousand at a time, so a folder of 100,000
// files opens at once. A value set on the path itself shows plain; an inherited one (from a
// parent folder, or the default) shows in italics with where it comes from. Flags are written
// to the repository's state database, which the engine reads at every pass.
class AccessTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        SendColumn,
        ReceiveColumn,
    };
    static constexpr int kBatch = 2000; // entries added per fetchMore()

    explicit AccessTreeModel(const config::RepositoryConfig& repository, QObject* parent = nullptr);
    ~AccessTreeModel() override;

    // False with `error` when the state database cannot be opened.
    bool open(QString& error);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString relativePath(const QModelIndex& index) const;
    // The loaded entry at `relative` ('a/b/c'), loading the folders on the way; invalid if none.
    QModelIndex find(const QString& relative);
    sync::EffectiveAccess effective(const QModelIndex& index) const;
    // Clears the flags set on the path itself: it inherits again.
    void inherit(const QModelIndex& index);
    // How many entries have been read from disk so far (tests check the tree stays lazy).
    int loadedEntries() const { return m_loaded; }

Q_SIGNALS:
    // Flags changed on `relative`: the engine takes them at its next pass.
    void accessChanged(const QString& relative);
    // The flags could not be written (the state database's disk is full or read-only...).
    void failed(const QString& error);

private:
    struct Node;
    Node* node(const QModelIndex& index) const;
    QModelIndex indexOf(Node* node, int column) const;
    void write(Node* node, const state::StateDb::Access& access);
    void refreshBelow(Node* node);

    config::RepositoryConfig m_repository;
    sync::LocalState m_state;
    sync::AccessTable m_table;
    std::unique_ptr<Node> m_root;
    QAbstractFileIconProvider m_icons;
    int m_loaded = 0;
};

} // namespace escale::ui
