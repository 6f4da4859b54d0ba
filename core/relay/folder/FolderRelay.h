#pragma once

#include "relay/RelayBackend.h"
#include "relay/RemoteAccess.h"

#include <memory>

class QFileSystemWatcher;

namespace escale::relay {

// A relay that is a local or mounted folder (USB disk, NAS, SMB/NFS mount). Writes go to
// tmp/ and are renamed into place, so readers never see a partial object; exclusive creates
// use renameat2(RENAME_NOREPLACE), or link(2) where the file system lacks it. File I/O runs
// on worker threads; jobs finish on the caller's event loop.
class FolderRelay : public RelayBackend
{
    Q_OBJECT

public:
    explicit FolderRelay(const QString& root, QObject* parent = nullptr);

    QString describe() const override { return m_root; }
    RelayCapabilities capabilities() const override { return {true, true, true}; }

    RelayJob* list(const QString& folder) override;
    RelayJob* get(const QString& path, QIODevice* sink) override;
    RelayJob* getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink) override;
    RelayJob* put(const QString& path, QIODevice* source, qint64 size, WriteMode mode) override;
    RelayJob* remove(const QString& path) override;
    RelayJob* makeFolder(const QString& folder) override;

    bool watch(const QString& folder) override;

    // 'bandwidth limit up' / 'down' (bytes/s, 0: none): a slow USB disk or a share that others
    // use too is not filled at full speed. Shared by every transfer of a direction.
    void setBandwidth(qint64 up, qint64 down);

    QString root() const { return m_root; }

private:
    QString absolute(const QString& relative) const;

    QString m_root;
    QFileSystemWatcher* m_watcher = nullptr;
    std::shared_ptr<SharedThrottle> m_up, m_down; // null: unlimited
};

} // namespace escale::relay
