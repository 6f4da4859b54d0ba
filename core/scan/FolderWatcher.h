#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace escale::scan {

// What the watcher knows of a file being written (Scanner::Options::writeState).
enum class WriteState
{
    Unknown, // no event seen for it lately: the scan checks that it stands still (two looks)
    Writing, // created or written to, not closed since: left for later unless idle for a while
    Closed,  // closed after writing (or renamed into place) and not changed since: taken at once
};

// Tells a repository's runner that its folder changed, and the scan which files are complete.
// On Linux an inotify watcher sees files closed after writing (IN_CLOSE_WRITE), so a saved file
// is sent at once and a file still open for writing is not; elsewhere (and when inotify cannot be
// used) a QFileSystemWatcher only says that a folder changed, and the scan's two looks decide.
// Folders named with Escale's reserved prefix (its own temporary files) are not watched and their
// events are ignored.
class FolderWatcher : public QObject
{
    Q_OBJECT

public:
    // What the repository's filters leave out (relative paths): folders not looked into are not
    // watched, and events of files not synchronised are ignored. Unset: everything.
    struct Selection
    {
        std::function<bool(const QString& folder)> descend;
        std::function<bool(const QString& file)> acceptFile;
    };
    // `watchLimit`: at most this many folders watched (-1: as many as the system allows);
    // `hiddenFolders`: names starting with a dot are watched; `closeEvents` false: Qt's watcher
    // even where inotify is there (tests of the fallback).
    static std::unique_ptr<FolderWatcher> create(const QString& root, int watchLimit, bool hiddenFolders,
                                                 bool closeEvents = true, Selection selection = {});
    ~FolderWatcher() override = default;

    // Watches the folders not watched yet; the number of folders that could not be watched (the
    // system's or the configured limit), which are then left to polling. Cheap when nothing is new.
    virtual int watchAll() = 0;
    // Reads the events already waiting, now (the scan calls it first, so that what it asks next is
    // as recent as the file system).
    virtual void drain() {}
    // What is known of the file at `relative` whose modification time is `mtimeNs`: Closed only
    // when it was closed after that modification.
    virtual WriteState writeState(const QString& relative, qint64 mtimeNs) const
    {
        Q_UNUSED(relative);
        Q_UNUSED(mtimeNs);
        return WriteState::Unknown;
    }
    // Whether close-after-write events are seen (inotify).
    virtual bool seesClosing() const { return false; }
    // Whether the watcher can vouch that nothing changed while it read no event: every folder
    // watched through inotify, no event lost (queue overflow, a watch gone). Writes through a
    // memory mapping raise no event: the scan still looks now and then (LocalChanges).
    virtual bool vouches() const { return false; }
    // Events read so far (of names the scan looks at): unchanged, nothing happened in between.
    virtual quint64 events() const { return 0; }

Q_SIGNALS:
    // Something changed in the folder. `settled`: a file was closed, created, renamed or removed,
    // or a folder changed (a pass can take it now); false: only writes to files still open.
    void changed(bool settled);

protected:
    using QObject::QObject;
};

} // namespace escale::scan
