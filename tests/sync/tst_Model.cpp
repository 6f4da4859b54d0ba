// The engine's model test: several real engines on one relay, driven by a seeded random
// sequence of what users do (create, edit, append, rename, move, delete, folders replacing files
// and back) and of passes in random order; then an oracle that knows every version a user
// wrote checks, after a final settle:
//   - every tree is identical, byte for byte;
//   - every version that was ever the latest on some machine is still in the tree (under its
//     name or as a conflict copy), unless a user replaced it with that version on disk (a
//     causally later edit, or a deletion);
//   - no file holds content that no user wrote (no partial or mixed file);
//   - nothing is left to send or to receive, and nothing is reported blocked;
//   - the relay holds no content any more (every client took it).
//
// ESCALE_MODEL_SEEDS=N runs seeds 1..N (default: 200 seeds of 60 operations and 20 of 200, the CI
// run), ESCALE_MODEL_FIRST=K starts at seed K, ESCALE_MODEL_OPS the operations per seed;
// ESCALE_MODEL_TRACE=1 prints the operations and the engines' lines as they happen, and
// ESCALE_MODEL_WATCH=path[|path...] how every client sees those paths after each pass;
// ESCALE_MODEL_STOP_LATER=n stops interrupted passes later, ESCALE_MODEL_ACCESS=1 has clients turn
// send and receive flags off and on (cleared before the final settle); client ids come from the
// seed (a seed replays the same run), ESCALE_MODEL_ID_SALT=n draws others, ESCALE_MODEL_WAIT=1
// has deletions wait as Escale running does (files still disappearing), ESCALE_MODEL_REREAD=1 has
// the push read every file again (none kept by the scan), =2 also has the scan cut every file. A
// failing seed prints
// its operations; it becomes a row of regressions() below. The long mode (docs/architecture.md):
//   ESCALE_MODEL_SEEDS=5000 build/tests/tst_Model seeds
#include "SyncHarness.h"

#include "maintenance/RepositoryReader.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <cerrno>
#include <sys/stat.h>

using namespace harness;

namespace {

struct Settings
{
    int clients = 3;
    int operations = 60;
    QString relay = "memory";
    bool crashes = true;  // passes stopped dead at a relay operation or a state commit
    bool restores = true; // state databases put back from an earlier copy
    double faults = 0;    // share of relay operations failing (network) while users work
    bool quota = false;   // a small 'disk quota': files wait for room
    bool filters = false; // clients turn an exclusion on and off
    bool inPlace = false; // some edits keep the size and the modification time (FAT, SMB)
    // Clients turn send and receive flags on paths off and on (escalectl access); only with
    // $ESCALE_MODEL_ACCESS for now (an exploration mode, not in the seeds' mix).
    bool access = qEnvironmentVariableIsSet("ESCALE_MODEL_ACCESS");
    // Passes stopped as Escale stops stop at the n-times-later progress report (the same seeds
    // stop at other points of their passes); $ESCALE_MODEL_STOP_LATER sets it for a run.
    int stopLater = qEnvironmentVariableIntValue("ESCALE_MODEL_STOP_LATER");
    // Every id of a run (clients, objects) comes from the seed and this salt: a seed replays the
    // same run. $ESCALE_MODEL_ID_SALT draws others.
    int idSalt = qEnvironmentVariableIntValue("ESCALE_MODEL_ID_SALT");
    // Deletions wait, as Escale running does, until no file disappeared for 3 s of a clock that
    // moves a second per pass (the tests' --once takes them at once); $ESCALE_MODEL_WAIT.
    bool wait = qEnvironmentVariableIsSet("ESCALE_MODEL_WAIT");
    // Files read again by the push, checked against what the scan read (none kept from the scan);
    // 2: each also cut by the scan, whatever its size; $ESCALE_MODEL_REREAD.
    int reread = qEnvironmentVariableIntValue("ESCALE_MODEL_REREAD");
};

class Model
{
public:
    Model(quint32 seed, const Settings& settings)
        : m_random(seed)
        , m_settings(settings)
        , m_relay(settings.relay)
    {
        static const char* names[] = {"alice", "bob", "carol", "dave"};
        for (int i = 0; i < settings.clients; ++i) {
            auto c = std::make_unique<Client>(m_relay, names[i]);
            c->config().chunkSize = 4096; // several chunks per file now and then
            if (settings.wait)
                c->config().deletionQuietMs = 3000;
            if (settings.quota)
                c->config().diskQuota = 48 * 1024;
            if (settings.reread > 0)
                c->config().scanKeepsUpTo = 0;
            if (settings.reread > 1)
                c->config().scanCutsFrom = 1;
            c->makeEngine();
            c->faults().setSeed(seed * 31 + quint32(i));
            c->faults().setFailureRate(settings.faults);
            m_clients.push_back(std::move(c));
        }
    }

    QStringList log;
    bool trace = qEnvironmentVariableIsSet("ESCALE_MODEL_TRACE");
    // With `wait`: a second later at each pass, on the model's clock.
    Client& ticking(Client& c)
    {
        if (m_settings.wait) {
            m_clockMs += 1000;
            c.engine().setClock([this] { return m_clockMs; });
        }
        return c;
    }
    void note(const QString& line)
    {
        log << line;
        if (trace)
            qInfo().noquote() << "MODEL" << line;
    }

    // One random operation.
    void step()
    {
        if (trace && !QDir(m_outside.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty())
            note("written through a link: " +
                 QDir(m_outside.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).join(", "));
        const int who = int(m_random.bounded(int(m_clients.size())));
        Client& c = *m_clients[who];
        const int dice = int(m_random.bounded(100));
        if (m_settings.access && m_random.bounded(20) == 0) // (one operation in twenty)
            return toggleAccess(who);
        if (dice < 30)
            return pass(who);
        if (dice < 50)
            return write(who, pickPath(c, true));
        if (dice < 60)
            return append(who);
        if (dice < 68)
            return remove(who);
        if (dice < 78)
            return rename(who);
        if (dice < 82)
            return removeFolder(who);
        if (dice < 86)
            return moveFolder(who);
        if (dice < 88)
            return m_settings.inPlace && dice == 87 ? editInPlace(who) : touch(who);
        if (dice < 90)
            return chmod(who);
        if (dice < 92)
            return link(who);
        if (dice < 93)
            return verify();
        if (m_settings.crashes && dice < 95)
            return crash(who);
        if (m_settings.restores && dice < 97)
            return backupOrRestore(who);
        if (m_settings.filters && dice < 99)
            return toggleFilter(who);
        return write(who, pickPath(c, false));
    }

    // Passes round-robin until every client is done and the trees agree; then the checks.
    bool settleAndCheck(QString& why)
    {
        // The relay behaves and every client receives everything from now on.
        for (auto& c : m_clients) {
            c->faults().setFailureRate(0);
            if (!c->config().exclude.isEmpty()) {
                c->config().exclude.clear();
                c->makeEngine();
            }
            for (const QString& path : kAccessPaths)
                c->engine().setAccess(path, std::nullopt, std::nullopt);
        }
        bool quiet = false;
        for (int round = 0; round < 25 && !quiet; ++round) {
            quiet = true;
            for (auto& c : m_clients) {
                const sync::PassResult r = ticking(*c).pass();
                if (trace)
                    note(QString("settling: %1 pass%2").arg(c->config().clientName, r.ok() ? QString() : " failed: " + r.error));
                traceAfterPass();
                if (r.deletionsHeld > 0)
                    c->engine().confirmDeletions();
                if (!r.ok() || !r.complete || r.published || r.downloaded || r.deleted || r.conflicts ||
                    r.pendingUp != 0 || r.pendingDown != 0)
                    quiet = false;
            }
            if (quiet)
                for (auto& c : m_clients)
                    quiet = quiet && synchronised(*c) == synchronised(*m_clients.front());
        }
        // A client whose state was put back from a backup may have sent contents whose records it
        // lost (a pass that failed before publishing): it looks for them on the relay (R20). The
        // others do not, so anything they leave behind shows below.
        for (int who : std::as_const(m_restored))
            m_clients[who]->engine().sweepAtNextPass();
        // Content goes once every client took it: at the writers' next pass.
        for (auto& c : m_clients)
            ticking(*c).pass();
        QStringList problems;
        for (auto& c : m_clients) {
            const sync::PassResult& r = c->last();
            if (!r.ok())
                problems << QString("%1 failed: %2").arg(c->config().clientName, r.error);
            if (!r.complete || r.pendingUp != 0 || r.pendingDown != 0)
                problems << QString("%1 not done: complete %2, to send %3, to receive %4")
                                .arg(c->config().clientName)
                                .arg(r.complete)
                                .arg(r.pendingUp)
                                .arg(r.pendingDown);
            for (const QString& p : r.problems)
                problems << QString("%1 reports: %2").arg(c->config().clientName, p);
            state::StateDb& db = c->engine().database();
            const auto wants = db.wants();
            for (auto it = wants.cbegin(); it != wants.cend(); ++it)
                problems << QString("%1 wants %2 for %3").arg(c->config().clientName, it.key().toHex().left(8), it.value());
            for (const auto& a : db.setAside())
                problems << QString("%1 set aside %2: %3").arg(c->config().clientName, a.path, a.cause);
            const auto peers = db.peers();
            for (const auto& p : peers)
                if (p.consumed != p.journal)
                    problems << QString("%1 read %2 of %3's %4 segments").arg(c->config().clientName).arg(p.consumed).arg(p.name).arg(p.journal);
        }
        const QMap<QString, QString> reference = synchronised(*m_clients.front());
        QSet<QString> differing;
        for (auto& c : m_clients) {
            const QMap<QString, QString> t = synchronised(*c);
            if (t == reference)
                continue;
            problems << QString("trees differ (%1 / %2): %3")
                            .arg(m_clients.front()->config().clientName, c->config().clientName,
                                 describeDifference(reference, t));
            for (auto it = t.cbegin(); it != t.cend(); ++it)
                if (reference.value(it.key()) != it.value())
                    differing.insert(it.key());
            for (auto it = reference.cbegin(); it != reference.cend(); ++it)
                if (t.value(it.key()) != it.value())
                    differing.insert(it.key());
        }
        for (const QString& path : std::as_const(differing))
            for (auto& c : m_clients)
                problems << "  " + describePath(*c, path);
        // Every content in the tree was written by a user, whole.
        QSet<QByteArray> present;
        const Client& first = *m_clients.front();
        for (auto it = reference.cbegin(); it != reference.cend(); ++it) {
            if (it.value() == "dir")
                continue;
            const QByteArray content = first.read(it.key());
            present.insert(content);
            if (!m_written.contains(content))
                problems << QString("%1 holds content nobody wrote: %2").arg(it.key(), abbreviated(content));
        }
        // An edit no scan could see survives in its machine's folder, or at least in its local
        // archive.
        for (auto& c : m_clients) {
            const QMap<QString, QString> t = c->tree();
            for (auto it = t.cbegin(); it != t.cend(); ++it)
                if (it.value() != "dir" && it.value() != "link" && m_unseen.contains(c->read(it.key())))
                    present.insert(c->read(it.key()));
            QDirIterator it(c->path(".escale-archive"), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QByteArray archived = readFile(it.next());
                if (m_unseen.contains(archived))
                    present.insert(archived);
            }
        }
        // Every version that was the latest somewhere survives, unless knowingly replaced.
        for (const QByteArray& w : std::as_const(m_written))
            if (!present.contains(w) && !m_replaced.contains(w))
                problems << QString("lost: %1").arg(abbreviated(w));
        if (!QDir(m_outside.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty())
            problems << "something was written through a symbolic link";
        const QStringList data = m_relay.objects("data/");
        if (!data.isEmpty())
            problems << QString("%1 content objects left on the relay: %2").arg(data.size()).arg(data.join(", "));
        verify();
        problems += m_verifyProblems;
        why = problems.join('\n');
        return problems.isEmpty();
    }

    // A path as a client sees it: on disk, in its state, its known versions.
    static quint64 inodeOf(const QString& file)
    {
        struct stat st
        {
        };
        return ::stat(QFile::encodeName(file).constData(), &st) == 0 ? quint64(st.st_ino) : 0;
    }
    static QString describePath(Client& c, const QString& path)
    {
        QStringList versions;
        for (const auto& v : c.engine().database().versions(path))
        {
            // (A file's content: its hash's first digits and the packs its blobs are in.)
            QStringList packs;
            for (const protocol::BlobRef& b : v.record.blobs)
                if (!packs.contains(b.pack.left(8)))
                    packs << b.pack.left(8);
            versions << QString("%1%2 %3 %4 %5%6")
                            .arg(v.pending ? "*" : "")
                            .arg(v.record.vv.toString(), protocol::kindName(v.record.kind), v.record.originName,
                                 QString::number(v.record.mtimeMs / 1000 % 100000),
                                 v.record.kind == protocol::JournalRecord::Kind::File
                                     ? QString(" #%1 in [%2]").arg(QString::fromLatin1(v.record.hash.toHex().left(8)),
                                                                   packs.join(','))
                                     : QString());
        }
        const auto local = c.engine().database().local(path);
        const QFileInfo info(c.path(path));
        return QString("%1 %2: disk %3, local %4; versions %5")
            .arg(c.config().clientName, path,
                 info.isFile() ? "'" + abbreviated(c.read(path)) +
                                     QString("' %1 B t%2 i%3")
                                         .arg(info.size())
                                         .arg(info.lastModified().toMSecsSinceEpoch() % 100'000'000)
                                         .arg(inodeOf(c.path(path)))
                 : info.isDir() ? "folder"
                                : "-",
                 local ? (local->kind == protocol::JournalRecord::Kind::Directory ? "folder " : "file ") +
                             (local->vv ? local->vv->toString() : "?") +
                             QString(" #%1 %2 B t%3 i%4")
                                 .arg(QString::fromLatin1(local->hash.toHex().left(8)))
                                 .arg(local->size)
                                 .arg(local->mtimeNs / 1'000'000 % 100'000'000)
                                 .arg(local->inode)
                       : "-",
                 versions.join(" | "));
    }

    int written() const { return int(m_written.size()); }
    int passes() const { return m_passes; }
    int crashes() const { return m_crashes; }
    int restores() const { return m_restores; }

private:
    // The start of a content (who wrote it first) and its end (what was appended last).
    static QString abbreviated(const QByteArray& content)
    {
        return content.size() <= 40 ? QString::fromUtf8(content)
                                    : QString::fromUtf8(content.left(16) + "..." + content.right(20));
    }

    QByteArray newContent(int who)
    {
        QByteArray c = QString("%1#%2 ").arg(m_clients[who]->config().clientName).arg(++m_counter).toUtf8();
        const int length = m_random.bounded(8) == 0 ? int(m_random.bounded(20'000)) : int(m_random.bounded(200));
        for (int i = 0; i < length; ++i)
            c.append(char('a' + m_random.bounded(26)));
        return c;
    }

    // Relative paths of the files (or folders) a client's folder holds.
    static QStringList entries(const Client& c, bool folders)
    {
        QStringList out;
        const QMap<QString, QString> t = c.tree();
        for (auto it = t.cbegin(); it != t.cend(); ++it)
            if (it.value() != "link" && (it.value() == "dir") == folders)
                out << it.key();
        return out;
    }

    // A client's tree without its symbolic links (never synchronised: each machine has its own).
    // A client's tree as the others must hold it: links are not synchronised, and a path where an
    // edit no scan can see sits (on any client) may differ: it was never published.
    QMap<QString, QString> synchronised(const Client& c) const
    {
        QSet<QString> unseen;
        if (!m_unseen.isEmpty())
            for (const auto& other : m_clients) {
                const QMap<QString, QString> t = other->tree();
                for (auto it = t.cbegin(); it != t.cend(); ++it)
                    if (it.value() != "dir" && it.value() != "link" && m_unseen.contains(other->read(it.key())))
                        unseen.insert(it.key());
            }
        QMap<QString, QString> t = c.tree();
        t.removeIf([&unseen](auto it) { return it.value() == "link" || unseen.contains(it.key()); });
        // A file's permission bits are part of it (R34).
        for (auto it = t.begin(); it != t.end(); ++it)
            if (it.value() != "dir") {
                struct stat st;
                if (::stat(QFile::encodeName(c.path(it.key())).constData(), &st) == 0)
                    it.value() += QString(" %1").arg(int(st.st_mode & 0777), 3, 8, QChar('0'));
            }
        return t;
    }

    QString pickOne(const QStringList& list) { return list.at(int(m_random.bounded(int(list.size())))); }

    // A path to write: often an existing file, else a new name in a small name space (so that
    // clients collide), sometimes a name where another machine has a folder.
    QString pickPath(const Client& c, bool preferExisting)
    {
        const QStringList files = entries(c, false);
        if (preferExisting && !files.isEmpty() && m_random.bounded(2))
            return pickOne(files);
        static const QStringList folders{"", "d/", "d/e/", "f/"};
        static const QStringList names{"a.txt", "b.txt", "c", "notes.md"};
        // Now and then a name another machine may have as a folder (d, d/e, f, g, d/h).
        static const QStringList clashing{"d", "f", "g", "e", "h"};
        if (m_random.bounded(10) == 0)
            return pickOne(QStringList{"", "d/"}) + pickOne(clashing);
        return pickOne(folders) + pickOne(names);
    }

    // Whether a path can be written as a file here: no file among its parents, not a folder.
    static bool writable(const Client& c, const QString& rel)
    {
        QString prefix;
        const QStringList parts = rel.split('/');
        for (int i = 0; i + 1 < parts.size(); ++i) {
            prefix += (i ? "/" : "") + parts[i];
            if (QFileInfo(c.path(prefix)).isFile() || QFileInfo(c.path(prefix)).isSymLink())
                return false;
        }
        return !QFileInfo(c.path(rel)).isDir() && !QFileInfo(c.path(rel)).isSymLink();
    }

    void replacedHere(const Client& c, const QString& rel)
    {
        if (QFileInfo(c.path(rel)).isFile())
            m_replaced.insert(c.read(rel));
    }

    void pass(int who)
    {
        ++m_passes;
        // Now and then Escale stops in the middle of the pass (SIGTERM): it ends at a file's
        // boundary, at the k-th progress report.
        sync::SyncEngine& engine = m_clients[who]->engine();
        int stopAt = m_random.bounded(6) == 0 ? 1 + int(m_random.bounded(6)) : 0;
        if (m_settings.stopLater > 1)
            stopAt *= m_settings.stopLater;
        const auto connection = QObject::connect(&engine, &sync::SyncEngine::progress, &engine,
                                                 [&engine, &stopAt](const sync::PassProgress&) {
                                                     if (stopAt > 0 && --stopAt == 0)
                                                         engine.interrupt();
                                                 });
        const sync::PassResult r = ticking(*m_clients[who]).pass();
        QObject::disconnect(connection);
        m_clients[who]->engine().interrupt(false);
        note(QString("%1 pass%2%3")
                 .arg(name(who), r.ok() ? QString() : " failed: " + r.error,
                      r.interrupted ? QStringLiteral(" (interrupted: Escale stopping)") : QString()));
        // The user meant those deletions (a folder removed): confirmed, for the next pass.
        if (r.deletionsHeld > 0) {
            m_clients[who]->engine().confirmDeletions();
            note(QString("%1 confirms %2 deletions").arg(name(who)).arg(r.deletionsHeld));
        }
        traceAfterPass();
    }

    void traceAfterPass()
    {
        if (!trace)
            return;
        // In a trace, the content objects this pass wrote and freed.
        const QStringList now = m_relay.objects("data/");
        for (const QString& o : now)
            if (!m_tracedObjects.contains(o))
                note("   + " + o);
        for (const QString& o : std::as_const(m_tracedObjects))
            if (!now.contains(o))
                note("   - " + o);
        m_tracedObjects = now;
        // ESCALE_MODEL_WATCH=path[|path...]: how every client sees those paths after each pass.
        const QStringList watched = qEnvironmentVariable("ESCALE_MODEL_WATCH").split(u'|', Qt::SkipEmptyParts);
        for (const QString& watch : watched)
            for (auto& c : m_clients)
                note("   " + describePath(*c, watch));
    }

    void write(int who, const QString& rel)
    {
        Client& c = *m_clients[who];
        if (!writable(c, rel))
            return;
        replacedHere(c, rel);
        const QByteArray content = newContent(who);
        m_written.insert(content);
        c.write(rel, content);
        stamp(c, rel);
        note(QString("%1 write %2 (%3)").arg(name(who), rel, abbreviated(content)));
    }

    void append(int who)
    {
        Client& c = *m_clients[who];
        const QStringList files = entries(c, false);
        if (files.isEmpty())
            return;
        const QString rel = pickOne(files);
        const QByteArray old = c.read(rel);
        m_replaced.insert(old);
        const QByteArray content = old + newContent(who).left(40);
        m_written.insert(content);
        QFile f(c.path(rel));
        if (!f.open(QIODevice::Append))
            qFatal("cannot append to %s", qPrintable(rel));
        f.write(content.mid(old.size()));
        f.close();
        stamp(c, rel);
        note(QString("%1 append %2 (%3)").arg(name(who), rel, abbreviated(content)));
    }

    void remove(int who)
    {
        Client& c = *m_clients[who];
        const QStringList files = entries(c, false);
        if (files.isEmpty())
            return;
        const QString rel = pickOne(files);
        replacedHere(c, rel);
        QFile::remove(c.path(rel));
        note(QString("%1 delete %2").arg(name(who), rel));
    }

    void rename(int who)
    {
        Client& c = *m_clients[who];
        const QStringList files = entries(c, false);
        if (files.isEmpty())
            return;
        const QString from = pickOne(files);
        const QString to = pickPath(c, false);
        if (to == from || QFileInfo::exists(c.path(to)) || !writable(c, to))
            return;
        QDir().mkpath(QFileInfo(c.path(to)).absolutePath());
        if (::rename(QFile::encodeName(c.path(from)).constData(), QFile::encodeName(c.path(to)).constData()) != 0)
            return;
        note(QString("%1 rename %2 -> %3").arg(name(who), from, to));
    }

    void removeFolder(int who)
    {
        Client& c = *m_clients[who];
        const QStringList folders = entries(c, true);
        if (folders.isEmpty())
            return;
        const QString rel = pickOne(folders);
        for (const QString& f : entries(c, false))
            if (f.startsWith(rel + "/"))
                replacedHere(c, f);
        QDir(c.path(rel)).removeRecursively();
        note(QString("%1 rm -r %2").arg(name(who), rel));
    }

    void moveFolder(int who)
    {
        Client& c = *m_clients[who];
        const QStringList folders = entries(c, true);
        if (folders.isEmpty())
            return;
        const QString from = pickOne(folders);
        static const QStringList targets{"g", "d/h", "f/e"};
        const QString to = pickOne(targets);
        if (to.startsWith(from + "/") || QFileInfo::exists(c.path(to)) || !writable(c, to))
            return;
        QDir().mkpath(QFileInfo(c.path(to)).absolutePath());
        if (::rename(QFile::encodeName(c.path(from)).constData(), QFile::encodeName(c.path(to)).constData()) != 0)
            return;
        note(QString("%1 mv %2 -> %3").arg(name(who), from, to));
    }

    // A symbolic link, never synchronised, where another machine may write a file or a folder.
    void link(int who)
    {
        Client& c = *m_clients[who];
        const QString rel = pickPath(c, false);
        if (!writable(c, rel) || QFileInfo(c.path(rel)).exists() || QFileInfo(c.path(rel)).isSymLink())
            return;
        QDir().mkpath(QFileInfo(c.path(rel)).absolutePath());
        if (!QFile::link(m_outside.path(), c.path(rel)))
            return;
        note(QString("%1 ln -s %2").arg(name(who), rel));
    }

    // A client's user turns 'exclude = *.md' on or off (the engine restarts with it).
    void toggleFilter(int who)
    {
        Client& c = *m_clients[who];
        if (c.config().exclude.isEmpty())
            c.config().exclude = QStringList{"*.md"};
        else
            c.config().exclude.clear();
        c.makeEngine();
        note(QString("%1 %2 *.md").arg(name(who), c.config().exclude.isEmpty() ? "includes" : "excludes"));
    }

    // A client's user turns a path's send or receive flag off, or back to the default.
    static inline const QStringList kAccessPaths{"d", "f", "notes.md", "d/e", "a.txt"};
    void toggleAccess(int who)
    {
        Client& c = *m_clients[who];
        const QString path = kAccessPaths.at(int(m_random.bounded(int(kAccessPaths.size()))));
        const int how = int(m_random.bounded(4));
        const std::optional<bool> send = how == 0 || how == 2 ? std::optional<bool>(false) : std::nullopt;
        const std::optional<bool> receive = how == 1 || how == 2 ? std::optional<bool>(false) : std::nullopt;
        c.engine().setAccess(path, send, receive);
        static const char* said[] = {"w-", "r-", "w- r-", "default"};
        note(QString("%1 access %2 %3").arg(name(who), path, said[how]));
    }

    // escalectl verify on the relay as it is: every object it holds checks.
    void verify()
    {
        auto backend = m_relay.connect();
        sync::RepositoryReader reader(backend.get());
        QString error;
        if (reader.open(std::nullopt, error) != sync::RepositoryReader::Open::Ok)
            return; // not created yet
        const sync::RepositoryReader::Report report = reader.verify();
        for (const QString& p : report.problems)
            m_verifyProblems << "verify: " + p;
        note(QString("verify: %1 chunks checked, %2 problems").arg(report.chunksChecked).arg(report.problems.size()));
    }

    // A pass that stops dead at one of its relay operations or state commits.
    void crash(int who)
    {
        const int at = 1 + int(m_random.bounded(30));
        const bool crashed = m_clients[who]->crashingPass(at);
        ++m_passes;
        if (crashed)
            ++m_crashes;
        note(QString("%1 pass, %2").arg(name(who), crashed ? QString("crashed at step %1").arg(at)
                                                            : QString("ended before step %1").arg(at)));
    }

    // The state database backed up now, or put back from its last backup (the folder as it is).
    void backupOrRestore(int who)
    {
        const QString file = m_backups.filePath(name(who) + ".db");
        if (!QFileInfo::exists(file) || m_random.bounded(2)) {
            m_clients[who]->saveState(file);
            note(QString("%1 backs up its state").arg(name(who)));
            return;
        }
        m_clients[who]->restoreState(file);
        ++m_restores;
        m_restored.insert(who);
        note(QString("%1 restores its state from the backup").arg(name(who)));
    }

    void chmod(int who)
    {
        Client& c = *m_clients[who];
        const QStringList files = entries(c, false);
        if (files.isEmpty())
            return;
        const QString rel = pickOne(files);
        static const int modes[] = {0600, 0644, 0700, 0755};
        const int mode = modes[m_random.bounded(4)];
        ::chmod(QFile::encodeName(c.path(rel)).constData(), mode_t(mode));
        note(QString("%1 chmod %2 %3").arg(name(who)).arg(mode, 3, 8, QChar('0')).arg(rel));
    }

    // Rewritten in place with other bytes of the same size, its modification time put back (a
    // coarse-time file system, or a tool that keeps times): no scan can see it. It is sent when
    // the file is read for another reason (its record then takes the hash of what was read, R19)
    // or kept in the local archive when a version from elsewhere replaces it.
    void editInPlace(int who)
    {
        Client& c = *m_clients[who];
        QStringList files = entries(c, false);
        files.removeIf([&](const QString& f) { return QFileInfo(c.path(f)).size() == 0; });
        if (files.isEmpty())
            return;
        const QString rel = pickOne(files);
        const QByteArray old = c.read(rel);
        const qint64 mtime = QFileInfo(c.path(rel)).lastModified().toSecsSinceEpoch();
        QByteArray content = newContent(who);
        while (content.size() < old.size())
            content += content;
        content.truncate(old.size());
        if (content == old)
            return;
        m_replaced.insert(old);
        m_written.insert(content);
        m_unseen.insert(content);
        QFile f(c.path(rel));
        if (!f.open(QIODevice::ReadWrite) || f.write(content) != content.size())
            qFatal("cannot rewrite %s", qPrintable(rel));
        f.close();
        setMtime(c.path(rel), mtime);
        note(QString("%1 edits %2 in place, same size and time (%3)").arg(name(who), rel, abbreviated(content)));
    }

    void touch(int who)
    {
        Client& c = *m_clients[who];
        const QStringList files = entries(c, false);
        if (files.isEmpty())
            return;
        const QString rel = pickOne(files);
        setMtime(c.path(rel), 1'700'000'000 + qint64(m_random.bounded(1'000)));
        note(QString("%1 touch %2").arg(name(who), rel));
    }

    // Modification times from the model's own clock, a second apart: runs of a seed are
    // identical whatever the machine's clock (they decide which version keeps a name).
    void stamp(const Client& c, const QString& rel) { setMtime(c.path(rel), 1'700'000'000 + m_counter); }

    QString name(int who) const { return m_clients[who]->config().clientName; }

    QTemporaryDir m_outside; // where the links lead: nothing may ever be written there
    QTemporaryDir m_backups; // state databases set aside
    QRandomGenerator m_random;
    Settings m_settings;
    Relay m_relay;
    QStringList m_tracedObjects;
    QSet<int> m_restored; // clients whose state was put back from a backup
    std::vector<std::unique_ptr<Client>> m_clients;
    QSet<QByteArray> m_written;  // every content a user wrote
    QSet<QByteArray> m_replaced; // contents a user overwrote or deleted with them on disk
    QSet<QByteArray> m_unseen;   // contents written in place where no scan sees them
    QStringList m_verifyProblems;
    int m_counter = 0;
    int m_passes = 0;
    qint64 m_clockMs = QDateTime::currentMSecsSinceEpoch(); // (a second later at each pass with `wait`)
    int m_crashes = 0;
    int m_restores = 0;
};

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

} // namespace

class tst_Model : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void seeds_data();
    void seeds();
    void cleanupTestCase();
    void regressions_data();
    void regressions();

private:
    static void configure(Settings& settings, int seed);
    bool run(quint32 seed, const Settings& settings, QString& why);

    struct Totals
    {
        qint64 seeds = 0;
        qint64 failed = 0;
        qint64 operations = 0;
        qint64 passes = 0;
        qint64 crashes = 0;
        qint64 restores = 0;
        qint64 versions = 0; // contents users wrote, each checked by the oracle
    } m_totals;
};

void tst_Model::configure(Settings& settings, int seed)
{
    // The mix of conditions, by seed: 2 to 4 clients; a faulty relay one seed in four, a small
    // quota one in five, exclusions one in three, a folder relay (on disk) one in ten.
    settings.clients = 2 + seed % 3;
    settings.faults = seed % 4 == 1 ? 0.05 : 0;
    settings.quota = seed % 5 == 2;
    settings.filters = seed % 3 == 0;
    settings.relay = seed % 10 == 7 ? "file" : "memory";
    settings.inPlace = seed % 2 == 1; // (the regression rows found before it existed run without)
}

bool tst_Model::run(quint32 seed, const Settings& settings, QString& why)
{
    // Ids (clients, objects) from the seed: a run of a seed is the run that failed (random client
    // ids sent one run in four of seed 700027 another way). $ESCALE_MODEL_ID_SALT draws others.
    QRandomGenerator ids(seed * 131 + 7919 * quint32(settings.idSalt));
    protocol::setIdSourceForTests([&ids](char* into, int bytes) {
        for (int i = 0; i < bytes; ++i)
            into[i] = char(ids.bounded(256));
    });
    const auto randomAgain = qScopeGuard([] { protocol::setIdSourceForTests(nullptr); });
    Model model(seed, settings);
    for (int i = 0; i < settings.operations; ++i)
        model.step();
    const bool good = model.settleAndCheck(why);
    m_totals.operations += settings.operations;
    m_totals.passes += model.passes();
    m_totals.crashes += model.crashes();
    m_totals.restores += model.restores();
    m_totals.versions += model.written();
    if (good)
        return true;
    why = QString("seed %1 (%2 clients, %3 operations, relay %4%5%6%7%8):\n%9\n-- operations:\n%10")
              .arg(seed)
              .arg(settings.clients)
              .arg(settings.operations)
              .arg(settings.relay, settings.faults > 0 ? ", faults" : "", settings.quota ? ", quota" : "",
                   settings.filters ? ", filters" : "", settings.inPlace ? ", in place" : "")
              .arg(why, model.log.join('\n'));
    return false;
}

void tst_Model::initTestCase()
{
    // The engines' own lines only when tracing: thousands of passes otherwise drown the report.
    if (!qEnvironmentVariableIsSet("ESCALE_MODEL_TRACE"))
        QLoggingCategory::setFilterRules("escale.*=false");
}

void tst_Model::seeds_data()
{
    // Rows of about 3,000 operations (50 seeds of 60; each row has the test framework's time limit,
    // QTEST_FUNCTION_TIMEOUT, to itself).
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("operations");
    const int first = envInt("ESCALE_MODEL_FIRST", 1);
    const int count = envInt("ESCALE_MODEL_SEEDS", 200);
    const int operations = envInt("ESCALE_MODEL_OPS", 60);
    const int rowSize = std::max(2, 3000 / std::max(1, operations));
    for (int from = first; from < first + count; from += rowSize) {
        const int n = std::min(rowSize, first + count - from);
        QTest::newRow(qPrintable(QString("seeds %1-%2, %3 operations").arg(from).arg(from + n - 1).arg(operations)))
            << from << n << operations;
    }
    // Longer sequences, by default.
    // (Gaps that need long histories, filters toggled and several restores, show at 600: seeds
    // 550023, 550047, 550110, 590109.)
    if (!qEnvironmentVariableIsSet("ESCALE_MODEL_SEEDS") && !qEnvironmentVariableIsSet("ESCALE_MODEL_OPS")) {
        QTest::newRow("seeds 1001-1020, 200 operations") << 1001 << 20 << 200;
        QTest::newRow("seeds 2001-2005, 600 operations") << 2001 << 5 << 600;
    }
}

void tst_Model::seeds()
{
    QFETCH(int, first);
    QFETCH(int, count);
    QFETCH(int, operations);
    Settings settings;
    settings.operations = operations;
    int failed = 0;
    QString firstFailure;
    QStringList failedSeeds;
    for (int seed = first; seed < first + count; ++seed) {
        configure(settings, seed);
        QString why;
        if (!run(quint32(seed), settings, why)) {
            ++failed;
            failedSeeds << QString::number(seed);
            if (failed <= 5)
                qWarning().noquote() << why.left(6000);
            if (firstFailure.isEmpty())
                firstFailure = why.section('\n', 0, 3);
        }
    }
    m_totals.seeds += count;
    m_totals.failed += failed;
    qInfo().noquote() << QString("%1 seeds from %2, %3 failed %4").arg(count).arg(first).arg(failed).arg(failedSeeds.join(' '));
    QVERIFY2(failed == 0, qPrintable(firstFailure));
}

void tst_Model::cleanupTestCase()
{
    qInfo().noquote() << QString("%1 seeds (%2 failed): %3 operations, %4 passes, %5 crashes, %6 state restores, "
                                 "%7 versions checked")
                             .arg(m_totals.seeds)
                             .arg(m_totals.failed)
                             .arg(m_totals.operations)
                             .arg(m_totals.passes)
                             .arg(m_totals.crashes)
                             .arg(m_totals.restores)
                             .arg(m_totals.versions);
}

void tst_Model::regressions_data()
{
    // Seeds that failed once, named after what they found (each fixed, with a scenario of its own
    // in tst_NoEditLost where one could be written). Replayed with the generator as it is now.
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("operations");
    QTest::addColumn<int>("salt"); // the ids' salt (ESCALE_MODEL_ID_SALT) the run that failed had
    auto row = [](const char* tag, int seed, int operations, int salt = 0) {
        QTest::newRow(tag) << seed << operations << salt;
    };
    row("rename without content, then a restored state", 102, 60);
    row("edits after a restore, superseded by the versions taken back", 168, 60);
    row("restore: a deletion taken back over a new file", 158, 60);
    row("written through a link archived in the same second", 13, 60);
    row("a copy of a copy settled, the name above it too", 543, 60);
    row("archive folder blocked by a file archived there", 41, 60);
    row("copy vector dominating a file under the copy's name", 8, 200);
    row("folder kept for its content, emptied later", 134, 60);
    row("upload lost with a restored state, swept", 1017, 200);
    row("conflict copy taken back at recovery is in the folder", 2844, 60);
    row("first pass after a restore fails: no clone, no stale head", 2865, 60);
    row("crash between a segment and its head: no clone", 3534, 60);
    row("crash, then a segment found at publishing: no clone", 4410, 60);
    row("restore: a version waiting in the backup, deleted since", 3180, 60);
    row("in place: a local copy source read other bytes", 7, 60);
    row("in place: a repush read other bytes", 189, 60);
    row("in place: a content gone, sent again for another version of it", 12863, 60);
    row("restored state: same bytes found, other permission bits, not taken as that version", 1003, 200);
    row("restore, an edit scanned, a crash before taking back: the edit kept", 42074, 60);
    row("in place run: a chmod after a restore is a change of the version taken back", 41013, 60);
    row("in place, then a chmod: sent again with the bytes read, not the hash kept", 40649, 60);
    row("a losing version's copy edited in place; the name then deleted elsewhere", 50173, 200);
    row("the winner deleted where the loser was not yet merged: the loser takes the name", 50530, 200);
    row("restore: a version numbered after one taken back is never dropped as another's", 50720, 200);
    row("in place run: a folder made for a file, emptied under the name a file took elsewhere", 43423, 60);
    row("a version withdrawn: the name is made to match the versions left", 70012, 200);
    row("in place run: a want dropped once the copy came under its own name: the name placed", 70451, 200);
    row("restore: a version not yet published is never sent again for another's want", 110270, 200);
    row("restore before the first pass: the scan's version goes with the state taken back", 110166, 200);
    row("restore before the first pass: the taken-back version superseded by the next scan", 120950, 60);
    row("a crash after publishing a deletion: the scan's successor of it is kept when taken back", 170480, 60);
    row("a conflict settled by editing its copy: the name's next version takes in the copy's loser", 190044, 200);
    row("filters let a file in again, the pass stopped at once: the next passes bring it", 211554, 60);
    row("a copy deleted by a client whose state was restored: it settles the name once it reads that version again", 470047, 200);
    row("a content overwritten where filters left it out, then a restore: no client holds it, one settles it", 550023, 600);
    row("a content deleted where filters left it out, then a restore: no client holds it, one settles it", 550047, 600);
    row("a content no client holds, asked for by one client, lacked by the one that leaves it out", 550110, 600);
    row("the relay failing while a restored state read its snapshot: the pass stops, no counter taken again", 590109, 600);
    row("a file left out by filters, untracked after a restore: not said lacking, not settled as lost", 620028, 600);
    row("a report of a missing segment taken by a pass that crashed: answered at the next pass", 660036, 1000);
    row("the same with four clients and a quota", 660002, 1000);
    row("stopping later: a held deletion from a stale entry took in a file made again with the same bytes", 680062, 600);
    row("a conflict copy's name past 255 bytes cut; a copy renamed back to its name a held deletion left", 700027, 1000, 1);
    row("access flags: a receive flag back on, then a restart: what came meanwhile is placed", 800015, 600);
    row("access flags: a folder moved away and back while its deletions were held, after another moved it", 820088, 600);
    row("access flags, in place run: a file asked for in vain left its folders, one where another had a file", 970035, 1000);
    row("quota: an edit waiting for room superseded a deletion, then a restore: the snapshot kept what it "
        "superseded",
        1290132, 600);
    row("access flags: a file's version lost everywhere, a folder made elsewhere at its name: settled with "
        "the folder",
        1320090, 600);
    row("access flags, stopping later (3): a file took a folder's name, then a file of that folder lived: "
        "the folder keeps the name",
        1470072, 1000);
    row("access flags, stopping later (3): a folder moved back into a folder not sent, under an entry from "
        "before it left: a deletion of that entry's version does not take it",
        1710031, 600);
}

void tst_Model::regressions()
{
    QFETCH(int, seed);
    QFETCH(int, operations);
    QFETCH(int, salt);
    Settings settings;
    settings.operations = operations;
    settings.idSalt = salt;
    configure(settings, seed);
    // Rows recorded before edits in place were modelled keep the sequence that found them.
    settings.inPlace = settings.inPlace && QByteArray(QTest::currentDataTag()).contains("in place");
    settings.stopLater = QByteArray(QTest::currentDataTag()).contains("stopping later (3)") ? 3
                         : QByteArray(QTest::currentDataTag()).startsWith("stopping later") ? 2
                                                                                            : 0;
    settings.access = QByteArray(QTest::currentDataTag()).startsWith("access flags");
    QString why;
    QVERIFY2(run(quint32(seed), settings, why), qPrintable(why));
}

QTEST_GUILESS_MAIN(tst_Model)
#include "tst_Model.moc"
