// The folder watcher (core/scan/FolderWatcher) and the scan's decision on files modified a moment
// ago (core/scan/Scanner): a file closed after writing is taken at once, one still open for
// writing is left alone, one the watcher knows nothing of is taken after two looks that agree.
#include "scan/FolderWatcher.h"
#include "scan/Hasher.h"
#include "scan/Scanner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <sys/stat.h>

using namespace escale;
using scan::WriteState;

class tst_FolderWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void closedWritingAndRenamed();
    void newFoldersAreWatchedAtOnce();
    void ownTemporaryFilesAndHiddenNamesAreIgnored();
    void watchLimitIsReported();
    void whatTheFiltersLeaveOutIsNotWatched();
    void vouchesOnlyWhileEverythingIsWatched();
    void scanTakesClosedFilesAtOnce();
    void scanLeavesFilesStillWritten();
    void scanWithoutWatcherTakesAfterTwoLooks();
    void futureDatesAreNotLeftForEver();
    void smallFilesAreKeptAsRead();
    void newFilesAreLookedAtWhenOpened();
    void keptBytesAreTheStateLookedAt();
    void cutsAndChecksAreOfWhatThePushReads();

private:
    static qint64 mtimeOf(const QString& path)
    {
        struct stat st;
        if (::stat(QFile::encodeName(path).constData(), &st) != 0)
            return -1;
        return qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    }
    static void write(const QString& path, const QByteArray& bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    }
    static scan::Scanner::Result scanNow(const QString& root, const scan::FolderWatcher* watcher,
                                         QHash<QString, scan::Scanner::Options::Observation>* observed,
                                         qint64 recheckAfterMs = 200)
    {
        scan::Scanner::Options options;
        options.recheckAfterMs = recheckAfterMs;
        options.stableAfterMs = 60'000; // the rule for old modification times never decides here
        options.observed = observed;
        if (watcher)
            options.writeState = [watcher](const QString& p, qint64 m) { return watcher->writeState(p, m); };
        return scan::Scanner::scan(root, {}, options);
    }
    static QStringList paths(const scan::Scanner::Result& r)
    {
        QStringList out;
        for (const auto& e : r.changed)
            out << e.path;
        out.sort();
        return out;
    }
};

void tst_FolderWatcher::closedWritingAndRenamed()
{
#ifndef Q_OS_LINUX
    QSKIP("close-after-write events are Linux's (inotify)");
#endif
    QTemporaryDir dir;
    auto watcher = scan::FolderWatcher::create(dir.path(), -1, true);
    QVERIFY(watcher->seesClosing());
    QCOMPARE(watcher->watchAll(), 0);
    QSignalSpy changed(watcher.get(), &scan::FolderWatcher::changed);

    write(dir.filePath("closed.txt"), "done");
    QFile open(dir.filePath("open.txt"));
    QVERIFY(open.open(QIODevice::WriteOnly));
    open.write("half");
    QVERIFY(open.flush());
    write(dir.filePath(".escale-tmp-x"), "renamed into place");
    QVERIFY(QFile::rename(dir.filePath(".escale-tmp-x"), dir.filePath("renamed.txt")));
    QTRY_VERIFY(!changed.isEmpty());
    watcher->drain();
    bool settled = false; // a close was among the changes: a pass can take it now
    for (const QList<QVariant>& signal : std::as_const(changed))
        settled = settled || signal.first().toBool();
    QVERIFY(settled);
    QCOMPARE(watcher->writeState("closed.txt", mtimeOf(dir.filePath("closed.txt"))), WriteState::Closed);
    QCOMPARE(watcher->writeState("open.txt", mtimeOf(dir.filePath("open.txt"))), WriteState::Writing);
    QCOMPARE(watcher->writeState("renamed.txt", mtimeOf(dir.filePath("renamed.txt"))), WriteState::Closed);
    QCOMPARE(watcher->writeState("never.txt", 0), WriteState::Unknown);
    // Modified after its close without a write event (as through a memory mapping): not Closed.
    QCOMPARE(watcher->writeState("closed.txt", mtimeOf(dir.filePath("closed.txt")) + 60'000'000'000),
             WriteState::Unknown);
    open.close();
    watcher->drain();
    QCOMPARE(watcher->writeState("open.txt", mtimeOf(dir.filePath("open.txt"))), WriteState::Closed);
    // Written again: being written until closed again; removed: forgotten.
    QVERIFY(open.open(QIODevice::Append));
    open.write(" more");
    QVERIFY(open.flush());
    watcher->drain();
    QCOMPARE(watcher->writeState("open.txt", mtimeOf(dir.filePath("open.txt"))), WriteState::Writing);
    open.close();
    QVERIFY(QFile::remove(dir.filePath("open.txt")));
    watcher->drain();
    QCOMPARE(watcher->writeState("open.txt", 0), WriteState::Unknown);
}

void tst_FolderWatcher::newFoldersAreWatchedAtOnce()
{
#ifndef Q_OS_LINUX
    QSKIP("close-after-write events are Linux's (inotify)");
#endif
    QTemporaryDir dir;
    auto watcher = scan::FolderWatcher::create(dir.path(), -1, true);
    QCOMPARE(watcher->watchAll(), 0);
    QSignalSpy changed(watcher.get(), &scan::FolderWatcher::changed);
    QVERIFY(QDir(dir.path()).mkpath("a"));
    QTRY_VERIFY(!changed.isEmpty()); // the folder's creation, read: "a" is watched from now on
    write(dir.filePath("a/inside.txt"), "x");
    QVERIFY(QDir(dir.path()).mkpath("moved/deep"));
    QTRY_VERIFY(changed.size() >= 2);
    watcher->drain();
    QCOMPARE(watcher->writeState("a/inside.txt", mtimeOf(dir.filePath("a/inside.txt"))), WriteState::Closed);
    // A folder renamed with its contents: known under its new name.
    QVERIFY(QDir(dir.path()).rename("a", "b"));
    watcher->drain();
    QCOMPARE(watcher->writeState("a/inside.txt", 0), WriteState::Unknown);
    write(dir.filePath("b/later.txt"), "y");
    QTRY_COMPARE(watcher->writeState("b/later.txt", mtimeOf(dir.filePath("b/later.txt"))), WriteState::Closed);
}

void tst_FolderWatcher::ownTemporaryFilesAndHiddenNamesAreIgnored()
{
#ifndef Q_OS_LINUX
    QSKIP("close-after-write events are Linux's (inotify)");
#endif
    QTemporaryDir dir;
    auto watcher = scan::FolderWatcher::create(dir.path(), -1, false);
    watcher->watchAll();
    QSignalSpy changed(watcher.get(), &scan::FolderWatcher::changed);
    write(dir.filePath(".escale-tmp-download"), "being received");
    write(dir.filePath(".hidden"), "not synchronised without 'hidden files'");
    QVERIFY(QDir(dir.path()).mkpath(".git/objects"));
    write(dir.filePath("seen.txt"), "a change");
    QTRY_VERIFY(!changed.isEmpty());
    QTest::qWait(100);
    watcher->drain();
    QCOMPARE(watcher->writeState(".escale-tmp-download", 0), WriteState::Unknown);
    QCOMPARE(watcher->writeState(".hidden", 0), WriteState::Unknown);
    QCOMPARE(watcher->writeState("seen.txt", mtimeOf(dir.filePath("seen.txt"))), WriteState::Closed);
    // Only the visible file's events made a signal; writes below the hidden folder make none.
    changed.clear();
    write(dir.filePath(".git/objects/pack"), "x");
    write(dir.filePath(".escale-tmp-other"), "y");
    QTest::qWait(300);
    QCOMPARE(changed.size(), 0);
}

void tst_FolderWatcher::whatTheFiltersLeaveOutIsNotWatched()
{
#ifndef Q_OS_LINUX
    QSKIP("inotify is Linux's");
#endif
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath("build/objects"));
    QVERIFY(QDir(dir.path()).mkpath("src"));
    scan::FolderWatcher::Selection selection;
    selection.descend = [](const QString& p) { return p != "build" && !p.startsWith("build/"); };
    selection.acceptFile = [](const QString& p) { return !p.endsWith(".o"); };
    // Two folders are watched (the root and src): a limit of two is enough.
    auto watcher = scan::FolderWatcher::create(dir.path(), 2, true, true, selection);
    QCOMPARE(watcher->watchAll(), 0);
    QSignalSpy changed(watcher.get(), &scan::FolderWatcher::changed);
    write(dir.filePath("build/objects/main.bin"), "built");
    write(dir.filePath("src/main.o"), "compiled");
    QVERIFY(QDir(dir.path()).mkpath("build/more"));
    QTest::qWait(300);
    QCOMPARE(changed.size(), 0); // a build in an excluded folder starts no pass
    write(dir.filePath("src/main.c"), "int main() {}");
    QTRY_VERIFY(!changed.isEmpty());
    watcher->drain();
    QCOMPARE(watcher->writeState("src/main.c", mtimeOf(dir.filePath("src/main.c"))), WriteState::Closed);
    QCOMPARE(watcher->writeState("src/main.o", mtimeOf(dir.filePath("src/main.o"))), WriteState::Unknown);
}

void tst_FolderWatcher::watchLimitIsReported()
{
    for (bool closeEvents : {true, false}) {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("deep/er"));
        auto watcher = scan::FolderWatcher::create(dir.path(), 1, true, closeEvents);
        QCOMPARE(watcher->seesClosing(), closeEvents);
        QCOMPARE(watcher->watchAll(), 2); // the root only: its two sub-folders are polled
    }
    // A local folder that is not there (an unplugged disk) is no watch limit reached: nothing is
    // reported (the pass says the folder is missing), and it is watched once it is back.
    for (bool closeEvents : {true, false}) {
        QTemporaryDir dir;
        const QString root = dir.filePath("unplugged");
        auto watcher = scan::FolderWatcher::create(root, -1, true, closeEvents);
        QCOMPARE(watcher->watchAll(), 0);
        QVERIFY(QDir().mkpath(root + "/sub"));
        watcher->drain();
        QCOMPARE(watcher->watchAll(), 0);
        if (!closeEvents)
            continue; // Qt's watcher counts no events: watched is all it says
        const quint64 before = watcher->events();
        QFile back(root + "/sub/back.txt");
        QVERIFY(back.open(QIODevice::WriteOnly));
        back.write("back");
        back.close();
        QTRY_VERIFY(watcher->events() > before);
    }
}

// The scan is skipped only while the watcher vouches for the folder: not once a folder's watch is gone
// (deleted, unmounted), nor once the folder itself was replaced (a disk mounted over it, the folder
// moved away and another made), until everything is watched again; and never by Qt's watcher.
void tst_FolderWatcher::vouchesOnlyWhileEverythingIsWatched()
{
#ifndef Q_OS_LINUX
    QSKIP("inotify is Linux's");
#endif
    QTemporaryDir parent;
    const QString root = parent.filePath("synced");
    QVERIFY(QDir().mkpath(root + "/sub"));
    QCOMPARE(scan::FolderWatcher::create(root, -1, true, false)->vouches(), false);
    auto watcher = scan::FolderWatcher::create(root, -1, true);
    QVERIFY(!watcher->vouches()); // nothing watched yet
    QCOMPARE(watcher->watchAll(), 0);
    watcher->drain();
    QVERIFY(watcher->vouches());
    quint64 events = watcher->events();
    watcher->drain();
    QCOMPARE(watcher->events(), events); // nothing happened

    // After a loss: no vouching, events counted, until everything is watched again.
    auto lostThenWatchedAgain = [&] {
        watcher->drain();
        QVERIFY(!watcher->vouches());
        QVERIFY(watcher->events() > events);
        watcher->watchAll();
        watcher->drain();
        QVERIFY(watcher->vouches());
        events = watcher->events();
    };
    QVERIFY(QDir(root + "/sub").removeRecursively()); // its watch goes with it
    lostThenWatchedAgain();
    QVERIFY(QDir(parent.path()).rename("synced", "moved away"));
    QVERIFY(QDir().mkpath(root));
    lostThenWatchedAgain();
    write(root + "/new.txt", "in the new folder");
    watcher->drain();
    QCOMPARE(watcher->writeState("new.txt", mtimeOf(root + "/new.txt")), WriteState::Closed);
}

void tst_FolderWatcher::scanTakesClosedFilesAtOnce()
{
#ifndef Q_OS_LINUX
    QSKIP("close-after-write events are Linux's (inotify)");
#endif
    QTemporaryDir dir;
    auto watcher = scan::FolderWatcher::create(dir.path(), -1, true);
    watcher->watchAll();
    write(dir.filePath("saved.txt"), "saved and closed");
    watcher->drain();
    QHash<QString, scan::Scanner::Options::Observation> observed;
    const scan::Scanner::Result r = scanNow(dir.path(), watcher.get(), &observed);
    QCOMPARE(paths(r), QStringList{"saved.txt"});
    QCOMPARE(r.unstable, 0);
    QCOMPARE(r.settling, 0);
}

void tst_FolderWatcher::scanLeavesFilesStillWritten()
{
#ifndef Q_OS_LINUX
    QSKIP("close-after-write events are Linux's (inotify)");
#endif
    QTemporaryDir dir;
    auto watcher = scan::FolderWatcher::create(dir.path(), -1, true);
    watcher->watchAll();
    QFile open(dir.filePath("growing.log"));
    QVERIFY(open.open(QIODevice::WriteOnly));
    open.write("first part");
    QVERIFY(open.flush());
    QHash<QString, scan::Scanner::Options::Observation> observed;
    // Two looks that agree do not take a file the watcher knows is still open for writing.
    for (int look = 0; look < 2; ++look) {
        watcher->drain();
        const scan::Scanner::Result r = scanNow(dir.path(), watcher.get(), &observed);
        QCOMPARE(paths(r), QStringList{});
        QCOMPARE(r.unstable, 1);
        QCOMPARE(r.settling, 0);
        QTest::qWait(300);
    }
    open.close();
    watcher->drain();
    QCOMPARE(paths(scanNow(dir.path(), watcher.get(), &observed)), QStringList{"growing.log"});
}

void tst_FolderWatcher::scanWithoutWatcherTakesAfterTwoLooks()
{
    QTemporaryDir dir;
    write(dir.filePath("fresh.txt"), "just written");
    QHash<QString, scan::Scanner::Options::Observation> observed;
    scan::Scanner::Result r = scanNow(dir.path(), nullptr, &observed);
    QCOMPARE(paths(r), QStringList{});
    QCOMPARE(r.settling, 1);
    r = scanNow(dir.path(), nullptr, &observed, 60'000); // too soon for the second look
    QCOMPARE(r.settling, 1);
    QTest::qWait(250);
    write(dir.filePath("fresh.txt"), "changed between the looks");
    r = scanNow(dir.path(), nullptr, &observed);
    QCOMPARE(paths(r), QStringList{}); // different: a new first look
    QCOMPARE(r.settling, 1);
    QTest::qWait(250);
    r = scanNow(dir.path(), nullptr, &observed);
    QCOMPARE(paths(r), QStringList{"fresh.txt"});
    QCOMPARE(r.settling, 0);
    QVERIFY(observed.isEmpty());
    // Without a place for first looks (as before two looks existed): left until old enough.
    QCOMPARE(scanNow(dir.path(), nullptr, nullptr).unstable, 1);
}

void tst_FolderWatcher::futureDatesAreNotLeftForEver()
{
    QTemporaryDir dir;
    write(dir.filePath("from the future.txt"), "extracted from an archive made on a fast clock");
    QFile f(dir.filePath("from the future.txt"));
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addDays(3), QFileDevice::FileModificationTime));
    f.close();
    QHash<QString, scan::Scanner::Options::Observation> observed;
    QCOMPARE(scanNow(dir.path(), nullptr, &observed).settling, 1);
    QTest::qWait(250);
    QCOMPARE(paths(scanNow(dir.path(), nullptr, &observed)), QStringList{"from the future.txt"});
}

QTEST_GUILESS_MAIN(tst_FolderWatcher)
// The scan keeps the bytes of the small files it hashes (for the push, which then reads nothing
// again): by content hash, only up to the size and the budget given, only for new or changed
// content, and exactly the bytes the hash names.
void tst_FolderWatcher::smallFilesAreKeptAsRead()
{
    QTemporaryDir dir;
    const QByteArray a(4096, 'a'), d(4096, 'd'), small("ten bytes!"), big(100 * 1024, 'b'), same("unchanged");
    write(dir.filePath("a.txt"), a);
    write(dir.filePath("d.txt"), d);
    write(dir.filePath("c.txt"), small);
    write(dir.filePath("big.bin"), big);
    write(dir.filePath("same.txt"), same);
    scan::Scanner::Options options;
    options.keepUpTo = 64 * 1024;
    options.keepBudget = 4096 + 10; // at most one of the 4 KiB files and the ten bytes
    QHash<QString, state::StateDb::LocalEntry> known;
    {
        const auto first = scan::Scanner::scan(dir.path(), {}, options);
        for (const auto& e : first.changed)
            if (e.path == "same.txt")
                known.insert(e.path, e);
    }
    QCOMPARE(known.size(), 1);
    // same.txt touched: its content is known, nothing to send, nothing kept.
    const struct timespec times[2] = {{0, UTIME_OMIT}, {1'000'000'000, 0}};
    QVERIFY(::utimensat(AT_FDCWD, QFile::encodeName(dir.filePath("same.txt")).constData(), times, 0) == 0);
    const auto r = scan::Scanner::scan(dir.path(), known, options);
    QCOMPARE(r.restatted.size(), 1);
    qint64 keptBytes = 0;
    for (const auto& e : r.changed)
        if (e.path == "big.bin")
            QVERIFY(!r.contents.contains(e.hash)); // over 64 KiB
    for (auto it = r.contents.cbegin(); it != r.contents.cend(); ++it) {
        QCOMPARE(QCryptographicHash::hash(it.value(), QCryptographicHash::Sha256), it.key());
        QVERIFY(it.value() == a || it.value() == d || it.value() == small);
        keptBytes += it.value().size();
    }
    QVERIFY2(keptBytes <= options.keepBudget, qPrintable(QString::number(keptBytes)));
    QVERIFY(r.contents.size() >= 1);
    QVERIFY(!r.contents.contains(QCryptographicHash::hash(same, QCryptographicHash::Sha256)));
    // Without a size, nothing is kept.
    options.keepUpTo = 0;
    QVERIFY(scan::Scanner::scan(dir.path(), {}, options).contents.isEmpty());
}

// A new file is looked at once, when it is opened to be hashed (not by the walk as well): its
// entry has the state of the file (size, time, inode, permission bits); a FIFO, a link and a
// folder beside it are never opened; a file known already is looked at by the walk, and unchanged
// it is not read.
void tst_FolderWatcher::newFilesAreLookedAtWhenOpened()
{
    QTemporaryDir dir;
    write(dir.filePath("new.txt"), "a new file of the folder");
    QVERIFY(::chmod(QFile::encodeName(dir.filePath("new.txt")).constData(), 0640) == 0);
    QVERIFY(::mkfifo(QFile::encodeName(dir.filePath("pipe")).constData(), 0600) == 0);
    QVERIFY(QFile::link(dir.filePath("new.txt"), dir.filePath("link.txt")));
    QVERIFY(QDir(dir.path()).mkdir("sub"));
    write(dir.filePath("sub/inner.bin"), QByteArray(70'000, 'i'));
    const struct timespec old[2] = {{0, UTIME_OMIT}, {1'000'000'000, 123}};
    for (const char* name : {"new.txt", "sub/inner.bin"})
        QVERIFY(::utimensat(AT_FDCWD, QFile::encodeName(dir.filePath(name)).constData(), old, 0) == 0);
    scan::Scanner::Options options;
    options.stableAfterMs = 60'000;
    options.keepUpTo = 1024 * 1024;
    options.keepBudget = 1024 * 1024;
    const scan::Scanner::Result r = scan::Scanner::scan(dir.path(), {}, options);
    QCOMPARE(paths(r), (QStringList{"new.txt", "sub", "sub/inner.bin"}));
    QCOMPARE(r.skipped.size(), 2); // the FIFO and the link, said once
    QHash<QString, state::StateDb::LocalEntry> known;
    for (const auto& e : r.changed) {
        known.insert(e.path, e);
        if (e.kind != protocol::JournalRecord::Kind::File)
            continue;
        struct stat st;
        QVERIFY(::stat(QFile::encodeName(dir.filePath(e.path)).constData(), &st) == 0);
        QCOMPARE(e.size, qint64(st.st_size));
        QCOMPARE(e.mtimeNs, qint64(1'000'000'000) * 1'000'000'000 + 123);
        QCOMPARE(e.inode, quint64(st.st_ino));
        QCOMPARE(e.mode, int(st.st_mode & 0777));
        QFile f(dir.filePath(e.path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QCOMPARE(e.hash, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
        QCOMPARE(r.contents.value(e.hash), QByteArrayView(bytes));
    }
    QCOMPARE(known.value("new.txt").mode, 0640);
    // Known and unchanged: nothing changed, nothing removed; a known file made a folder is a folder.
    const scan::Scanner::Result again = scan::Scanner::scan(dir.path(), known, options);
    QVERIFY(again.changed.isEmpty());
    QVERIFY(again.restatted.isEmpty());
    QVERIFY(again.removed.isEmpty());
    QVERIFY(QFile::remove(dir.filePath("new.txt")));
    QVERIFY(QDir(dir.path()).mkdir("new.txt"));
    const scan::Scanner::Result changed = scan::Scanner::scan(dir.path(), known, options);
    QVERIFY(changed.removed.isEmpty());
    QCOMPARE(paths(changed), QStringList{"new.txt"});
    QCOMPARE(changed.changed.first().kind, protocol::JournalRecord::Kind::Directory);
}

// The bytes kept by a hash are those of the state looked at: the size looked at, read, ends the
// read only when the file ends there; a file grown or shrunk since is hashed whole as it is now,
// and its bytes are not kept.
void tst_FolderWatcher::keptBytesAreTheStateLookedAt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("file.bin");
    const QByteArray bytes(5000, 'k');
    write(path, bytes);
    struct stat st;
    QVERIFY(::stat(QFile::encodeName(path).constData(), &st) == 0);
    const qint64 mtime = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    const QByteArray digest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    for (const qint64 lookedAt : {qint64(5000), qint64(100), qint64(4999), qint64(9000)}) {
        QByteArray room(9000, '\0');
        scan::KeptBytes kept{lookedAt, mtime, quint64(st.st_ino), room.data(), false};
        qint64 size = 0;
        const auto hash = scan::hashFile(path, nullptr, &size, nullptr, nullptr, &kept);
        QVERIFY(hash);
        QCOMPARE(*hash, digest);
        QCOMPARE(size, qint64(5000));
        QCOMPARE(kept.complete, lookedAt == 5000);
        if (kept.complete)
            QCOMPARE(room.left(5000), bytes);
    }
    // Longer than one read: the first read ends at the size looked at, the file goes on.
    const QString longer = dir.filePath("longer.bin");
    QByteArray long_(1024 * 1024 + 5000, 'l');
    long_[1024 * 1024 + 10] = 'x';
    write(longer, long_);
    QVERIFY(::stat(QFile::encodeName(longer).constData(), &st) == 0);
    {
        QByteArray room(1024 * 1024, '\0');
        scan::KeptBytes kept{1024 * 1024, qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                             quint64(st.st_ino), room.data(), false};
        qint64 size = 0;
        QCOMPARE(*scan::hashFile(longer, nullptr, &size, nullptr, nullptr, &kept),
                 QCryptographicHash::hash(long_, QCryptographicHash::Sha256));
        QCOMPARE(size, long_.size());
        QVERIFY(!kept.complete);
    }
    QVERIFY(::stat(QFile::encodeName(path).constData(), &st) == 0);
    // The time looked at is not the file's: not kept.
    QByteArray room(5000, '\0');
    scan::KeptBytes stale{5000, mtime - 1, quint64(st.st_ino), room.data(), false};
    QCOMPARE(*scan::hashFile(path, nullptr, nullptr, nullptr, nullptr, &stale), digest);
    QVERIFY(!stale.complete);
}

// The scan hands the push what it needs to send a file without hashing it twice: a new big file's
// cuts, each with the hash and the BlobCheck of its bytes, up to the cut budget (past it, the whole
// file's check: the push cuts it); a file it does not keep, the check of its bytes; a file it
// keeps, nothing more (those very bytes go); an edit's cuts without checks (the push hashes the few
// new blobs it reads); nothing for a content known already.
void tst_FolderWatcher::cutsAndChecksAreOfWhatThePushReads()
{
    QTemporaryDir dir;
    auto random = [](qsizetype size, quint32 seed) {
        QByteArray bytes(size, Qt::Uninitialized);
        QRandomGenerator(seed).fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
        return bytes;
    };
    const QByteArray big1 = random(3 << 20, 1), big2 = random(3 << 20, 2), mid = random(200 * 1024, 3);
    write(dir.filePath("big1.bin"), big1);
    write(dir.filePath("big2.bin"), big2);
    write(dir.filePath("mid.bin"), mid);
    write(dir.filePath("small.txt"), "kept as read");
    const protocol::Chunker::Gear& gear = protocol::Chunker::plainGear();
    scan::Scanner::Options options;
    options.gear = &gear;
    options.keepUpTo = 64 * 1024;
    options.keepBudget = 1024 * 1024;
    options.checks = true;
    options.cutBudget = 4 << 20; // one of the two big files
    auto sha = [](QByteArrayView b) {
        return QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    };
    const scan::Scanner::Result r = scan::Scanner::scan(dir.path(), {}, options);
    QCOMPARE(r.changed.size(), 4);
    QCOMPARE(r.cuts.size(), 1);
    const bool firstCut = r.cuts.contains(sha(big1));
    const QByteArray cutOne = firstCut ? big1 : big2, wholeOne = firstCut ? big2 : big1;
    const QList<scan::BlobCut> cuts = r.cuts.value(sha(cutOne));
    QCOMPARE(cuts.size(), protocol::Chunker(gear).cut(cutOne).size());
    QVERIFY(cuts.size() > 1);
    for (const scan::BlobCut& c : cuts) {
        const QByteArrayView bytes = QByteArrayView(cutOne).sliced(c.offset, c.length);
        QCOMPARE(c.hash, sha(bytes));
        QCOMPARE(c.check, scan::BlobCheck::of(bytes));
    }
    QCOMPARE(r.checks.size(), 2); // the big file past the budget, and the one not kept
    QCOMPARE(r.checks.value(sha(wholeOne)), scan::BlobCheck::of(wholeOne));
    QCOMPARE(r.checks.value(sha(mid)), scan::BlobCheck::of(mid));
    QVERIFY(r.contents.contains(sha("kept as read")));
    // An edit of the file cut: cut again, no checks; the others, known, give nothing.
    QHash<QString, state::StateDb::LocalEntry> known;
    for (const auto& e : r.changed)
        known.insert(e.path, e);
    const QString edited = firstCut ? "big1.bin" : "big2.bin";
    QByteArray edit = cutOne;
    edit.replace(1 << 20, 4, "edit");
    write(dir.filePath(edited), edit);
    const scan::Scanner::Result again = scan::Scanner::scan(dir.path(), known, options);
    QCOMPARE(paths(again), QStringList{edited});
    QCOMPARE(again.cuts.keys(), QList<QByteArray>{sha(edit)});
    for (const scan::BlobCut& c : again.cuts.value(sha(edit))) {
        QCOMPARE(c.hash, sha(QByteArrayView(edit).sliced(c.offset, c.length)));
        QVERIFY(c.check.isEmpty());
    }
    QVERIFY(again.checks.isEmpty());
}

#include "tst_FolderWatcher.moc"
