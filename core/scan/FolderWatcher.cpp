#include "scan/FolderWatcher.h"

#include "config/Paths.h"
#include "protocol/PathCheck.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QFile>
#include <QFileSystemWatcher>
#include <QSocketNotifier>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <sys/inotify.h>
#endif

namespace escale::scan {

namespace {

bool ignoredName(const QString& name, bool hidden)
{
    return protocol::isReservedName(name) || (!hidden && name.startsWith(QLatin1Char('.')));
}

QString joined(const QString& folder, const QString& name)
{
    return folder.isEmpty() ? name : folder + QLatin1Char('/') + name;
}

// Where inotify is not there (or cannot start): folders watched through Qt, which says only that
// a folder changed.
class QtFolderWatcher final : public FolderWatcher
{
public:
    QtFolderWatcher(const QString& root, int watchLimit, bool hidden, Selection selection)
        : m_root(root)
        , m_limit(watchLimit)
        , m_hidden(hidden)
        , m_selection(std::move(selection))
    {
        connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { Q_EMIT changed(true); });
    }

    int watchAll() override
    {
        if (m_failed > 0)
            return m_failed; // out of watches: polling, said once
        QStringList dirs{m_root};
        QDirIterator it(m_root, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString d = it.next();
            const QString relative = d.mid(m_root.size() + 1);
            bool ignored = m_selection.descend && !m_selection.descend(relative);
            for (const QString& part : relative.split(QLatin1Char('/')))
                ignored = ignored || ignoredName(part, m_hidden);
            if (!ignored)
                dirs << d;
        }
        const QStringList watched = m_watcher.directories();
        QStringList missing;
        for (const QString& d : std::as_const(dirs))
            if (!watched.contains(d))
                missing << d;
        if (missing.isEmpty())
            return 0;
        QStringList failed;
        if (m_limit >= 0 && watched.size() + missing.size() > m_limit) {
            failed = missing.mid(std::max<qsizetype>(0, m_limit - watched.size()));
            missing.resize(missing.size() - failed.size());
        }
        // A folder not there (the local folder unplugged, or gone meanwhile) is no limit reached:
        // the pass says so, and it is watched when it is back.
        QStringList refused = m_watcher.addPaths(missing);
        refused.removeIf([](const QString& d) { return !QFileInfo(d).isDir(); });
        failed += refused;
        m_failed = int(failed.size());
        return m_failed;
    }

private:
    QString m_root;
    int m_limit;
    bool m_hidden;
    Selection m_selection;
    int m_failed = 0;
    QFileSystemWatcher m_watcher{this};
};

#ifdef Q_OS_LINUX
// inotify, one watch per folder. Files: IN_CLOSE_WRITE (closed after writing) and IN_MOVED_TO
// (renamed into place) make them Closed; IN_CREATE and IN_MODIFY make them Writing; a removal
// forgets them. New folders are watched as soon as their creation is seen.
class InotifyWatcher final : public FolderWatcher
{
public:
    static constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                      IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR |
                                      IN_DONT_FOLLOW;
    // What the watcher says of a file is forgotten this long after its last event: by then the
    // scan's rule for old modification times (or its two looks) decides as well.
    static constexpr qint64 kForgetNs = 10'000'000'000;

    InotifyWatcher(int fd, const QString& root, int watchLimit, bool hidden, Selection selection)
        : m_fd(fd)
        , m_root(root)
        , m_limit(watchLimit)
        , m_hidden(hidden)
        , m_selection(std::move(selection))
        , m_notifier(fd, QSocketNotifier::Read, this)
        , m_local(config::notifiesOtherMachines(root))
    {
        connect(&m_notifier, &QSocketNotifier::activated, this, [this] { readEvents(true); });
    }
    ~InotifyWatcher() override { ::close(m_fd); }

    int watchAll() override
    {
        if (m_unwatched > 0)
            return m_unwatched; // out of watches: polling from then on, said once
        if (!m_walk)
            return 0;
        m_walk = false;
        m_blind = false;
        ++m_events; // unwatched until now: what happened there was not seen
        watchTree(QString());
        return m_unwatched;
    }

    // What the scan drains happened before it looks: it sees it, no pass needs to follow. The
    // folder itself is checked too: replaced (a disk mounted or unmounted over it, the folder
    // moved away and another made), its watches are of another folder.
    void drain() override
    {
        readEvents(false);
        struct stat st;
        const bool there = ::stat(QFile::encodeName(m_root).constData(), &st) == 0;
        if (!m_wds.contains(QString()) || !there || st.st_dev != m_rootDevice || st.st_ino != m_rootInode) {
            if (!m_wds.isEmpty() || there) {
                for (auto it = m_wds.cbegin(); it != m_wds.cend(); ++it)
                    ::inotify_rm_watch(m_fd, it.value());
                m_wds.clear();
                m_dirs.clear();
                m_files.clear();
            }
            m_walk = true;
            ++m_events;
        }
    }

    WriteState writeState(const QString& relative, qint64 mtimeNs) const override
    {
        const auto it = m_files.constFind(relative);
        if (it == m_files.cend())
            return WriteState::Unknown;
        if (it->state == WriteState::Closed && mtimeNs > it->atNs)
            return WriteState::Unknown; // modified after the close (through a mapping?): two looks
        return it->state;
    }

    bool seesClosing() const override { return true; }
    bool vouches() const override { return m_local && !m_walk && !m_blind && m_unwatched == 0; }
    quint64 events() const override { return m_events; }

private:
    struct FileState
    {
        WriteState state;
        qint64 atNs; // when its last event was read (CLOCK_REALTIME)
    };

    static qint64 nowNs()
    {
        struct timespec t;
        ::clock_gettime(CLOCK_REALTIME, &t);
        return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
    }

    bool watch(const QString& relative)
    {
        if (m_wds.contains(relative))
            return true;
        if (m_limit >= 0 && m_wds.size() >= m_limit)
            return false;
        const QByteArray path = QFile::encodeName(relative.isEmpty() ? m_root : joined(m_root, relative));
        const int wd = ::inotify_add_watch(m_fd, path.constData(), kMask);
        if (wd < 0) {
            if (errno == ENOSPC || errno == ENOMEM)
                return false;
            m_blind = true; // gone or unreadable (the scan says so): nothing vouched for meanwhile
            m_walk = true;  // looked at again after the next pass
            return true;
        }
        if (relative.isEmpty()) {
            struct stat st;
            if (::stat(path.constData(), &st) == 0) {
                m_rootDevice = st.st_dev;
                m_rootInode = st.st_ino;
            }
        }
        m_dirs.insert(wd, relative);
        m_wds.insert(relative, wd);
        return true;
    }

    // The folder and every folder below it (a folder created or moved in with its contents).
    void watchTree(const QString& relative)
    {
        if (!watch(relative))
            ++m_unwatched; // its sub-folders are counted too
        DIR* dir = ::opendir(QFile::encodeName(relative.isEmpty() ? m_root : joined(m_root, relative)).constData());
        if (!dir)
            return;
        QStringList subdirs;
        while (dirent* entry = ::readdir(dir)) {
            if (std::strcmp(entry->d_name, ".") == 0 || std::strcmp(entry->d_name, "..") == 0)
                continue;
            bool isDir = entry->d_type == DT_DIR;
            if (entry->d_type == DT_UNKNOWN) {
                struct stat st;
                isDir = ::fstatat(::dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
            }
            const QString name = QFile::decodeName(entry->d_name);
            if (isDir && !ignoredName(name, m_hidden) && descends(joined(relative, name)))
                subdirs << joined(relative, name);
        }
        ::closedir(dir);
        for (const QString& sub : std::as_const(subdirs))
            watchTree(sub);
    }

    // A folder moved away or removed: its watches (and what was known of its files) go.
    void forgetTree(const QString& relative)
    {
        const QString prefix = relative + QLatin1Char('/');
        for (auto it = m_wds.begin(); it != m_wds.end();) {
            if (it.key() == relative || it.key().startsWith(prefix)) {
                ::inotify_rm_watch(m_fd, it.value());
                m_dirs.remove(it.value());
                it = m_wds.erase(it);
            } else {
                ++it;
            }
        }
        for (auto it = m_files.begin(); it != m_files.end();)
            it = it.key().startsWith(prefix) ? m_files.erase(it) : std::next(it);
    }

    void readEvents(bool notify)
    {
        alignas(struct inotify_event) char buffer[64 * 1024];
        bool any = false;
        bool settled = false;
        for (;;) {
            const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
            if (n <= 0)
                break; // EAGAIN: nothing more waits (the descriptor does not block)
            const qint64 at = nowNs();
            for (ssize_t offset = 0; offset < n;) {
                const auto* event = reinterpret_cast<const struct inotify_event*>(buffer + offset);
                offset += ssize_t(sizeof(struct inotify_event) + event->len);
                const uint32_t mask = event->mask;
                if (mask & IN_Q_OVERFLOW) {
                    m_files.clear(); // events were lost: nothing is known, new folders may be unwatched
                    m_walk = true;
                    ++m_events;
                    any = settled = true;
                    continue;
                }
                const auto dir = m_dirs.constFind(event->wd);
                if (dir == m_dirs.cend())
                    continue;
                const QString folder = dir.value();
                if (mask & IN_IGNORED) {
                    // The watch is gone (its folder deleted, its file system unmounted): watched
                    // again if the folder is there at the next watchAll().
                    m_wds.remove(folder);
                    m_dirs.remove(event->wd);
                    m_walk = true;
                    ++m_events;
                    any = settled = true;
                    continue;
                }
                if (mask & (IN_MOVE_SELF | IN_UNMOUNT))
                    ++m_events;
                if (mask & IN_MOVE_SELF) {
                    // Moved as a whole: its watches no longer know its place (the move itself is
                    // seen in its old parent, unless that is outside the folder).
                    if (!folder.isEmpty())
                        forgetTree(folder);
                    m_walk = true;
                    any = settled = true;
                    continue;
                }
                if (event->len == 0) {
                    if (mask & (IN_DELETE_SELF | IN_UNMOUNT)) {
                        ++m_events;
                        m_walk = true;
                        any = settled = true;
                    }
                    continue;
                }
                const QString name = QFile::decodeName(event->name);
                if (ignoredName(name, m_hidden))
                    continue; // Escale's own temporary files (downloads being written), hidden names
                const QString path = joined(folder, name);
                if ((mask & IN_ISDIR) ? !descends(path) : (m_selection.acceptFile && !m_selection.acceptFile(path)))
                    continue; // left out by the filters: the scan does not look there either
                any = true;
                ++m_events;
                if (mask & IN_ISDIR) {
                    settled = true;
                    if (mask & (IN_CREATE | IN_MOVED_TO))
                        watchTree(path);
                    else if (mask & (IN_MOVED_FROM | IN_DELETE))
                        forgetTree(path);
                    continue;
                }
                if (mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) {
                    m_files.insert(path, FileState{WriteState::Closed, at});
                    settled = true;
                } else if (mask & (IN_CREATE | IN_MODIFY)) {
                    m_files.insert(path, FileState{WriteState::Writing, at});
                    settled = settled || (mask & IN_CREATE);
                } else if (mask & (IN_DELETE | IN_MOVED_FROM)) {
                    m_files.remove(path);
                    settled = true;
                } else if (mask & IN_ATTRIB) {
                    settled = true; // a mode or time changed: the scan looks
                }
            }
        }
        const qint64 old = nowNs() - kForgetNs;
        for (auto it = m_files.begin(); it != m_files.end();)
            it = it->atNs < old ? m_files.erase(it) : std::next(it);
        if (any && notify)
            Q_EMIT changed(settled);
    }

    bool descends(const QString& folder) const { return !m_selection.descend || m_selection.descend(folder); }

    int m_fd;
    QString m_root;
    int m_limit;
    bool m_hidden;
    Selection m_selection;
    QSocketNotifier m_notifier;
    QHash<int, QString> m_dirs; // watch descriptor -> folder ('' for the root)
    QHash<QString, int> m_wds;
    QHash<QString, FileState> m_files;
    bool m_walk = true; // folders may be unwatched: walk the tree at the next watchAll()
    bool m_blind = false; // a folder could not be watched (gone, unreadable)
    bool m_local;         // the file system tells of other machines' changes (not NFS, SMB, FUSE...)
    int m_unwatched = 0;  // folders left unwatched for want of watches
    quint64 m_events = 0;
    dev_t m_rootDevice = 0;
    ino_t m_rootInode = 0;
};
#endif

} // namespace

std::unique_ptr<FolderWatcher> FolderWatcher::create(const QString& root, int watchLimit, bool hiddenFolders,
                                                     bool closeEvents, Selection selection)
{
#ifdef Q_OS_LINUX
    if (closeEvents) {
        const int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (fd >= 0)
            return std::make_unique<InotifyWatcher>(fd, root, watchLimit, hiddenFolders, std::move(selection));
    }
#endif
    return std::make_unique<QtFolderWatcher>(root, watchLimit, hiddenFolders, std::move(selection));
}

} // namespace escale::scan
