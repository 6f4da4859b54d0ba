// The engine's case folding (relay-format.md R4), on its own: the probe, twins that differ only
// by case, a rename that only changes case, and names the pass writes or removes.

#include "relay/MemoryRelay.h"
#include "sync/engine/CaseIndex.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/LocalFiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace escale;
using sync::engine::CaseIndex;
using sync::engine::EngineContext;

class tst_CaseIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void probeFindsThisFileSystemCaseSensitive();
    void twinsAndRenames();
};

namespace {

struct Fixture
{
    Fixture()
    {
        config.name = QStringLiteral("test");
        config.localPath = folder.path();
        relay = std::make_unique<relay::MemoryRelay>(std::make_shared<relay::MemoryStore>());
        context = std::make_unique<EngineContext>(config, relay.get(), state.filePath(QStringLiteral("state.db")));
        QString error;
        opened = context->db.open(context->statePath, error);
    }
    void write(const QString& relative, const QByteArray& bytes) const
    {
        QDir().mkpath(QFileInfo(folder.filePath(relative)).absolutePath());
        QFile f(folder.filePath(relative));
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
    }
    QTemporaryDir folder, state;
    config::RepositoryConfig config;
    std::unique_ptr<relay::MemoryRelay> relay;
    std::unique_ptr<EngineContext> context;
    bool opened = false;
};

} // namespace

void tst_CaseIndex::probeFindsThisFileSystemCaseSensitive()
{
    Fixture f;
    QVERIFY(f.opened);
    CaseIndex cases(*f.context);
    QVERIFY(!cases.probed());
    cases.probe();
    QVERIFY(cases.probed());
    // The test machine's temporary folder (ext4, tmpfs, overlay) tells case apart and keeps modes.
    QVERIFY(!cases.insensitive());
    QVERIFY(cases.keepsModes());
    QCOMPARE(QDir(f.folder.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList()); // the probe left nothing
}

void tst_CaseIndex::twinsAndRenames()
{
    Fixture f;
    QVERIFY(f.opened);
    CaseIndex cases(*f.context);
    cases.setInsensitive(true); // as on FAT or a case-insensitive mount
    QVERIFY(cases.probed());
    f.write(QStringLiteral("docs/Report.txt"), "the report");
    QCOMPARE(cases.caseTwin(QStringLiteral("docs/report.txt")), QStringLiteral("docs/Report.txt"));
    QCOMPARE(cases.caseTwin(QStringLiteral("docs/REPORT.TXT")), QStringLiteral("docs/Report.txt"));
    QCOMPARE(cases.caseTwin(QStringLiteral("docs/Report.txt")), QString()); // itself
    QCOMPARE(cases.caseTwin(QStringLiteral("docs/other.txt")), QString());
    // A name the pass wrote counts at once; one it removed no longer does.
    cases.noteName(QStringLiteral("docs/Notes.md"), true);
    QCOMPARE(cases.caseTwin(QStringLiteral("docs/notes.md")), QStringLiteral("docs/Notes.md"));
    cases.noteName(QStringLiteral("docs/Notes.md"), false);
    QCOMPARE(cases.caseTwin(QStringLiteral("docs/notes.md")), QString());

    // A rename that only changes case: done in place when the file is the known one, unchanged.
    auto entry = sync::engine::statLocal(f.folder.filePath(QStringLiteral("docs/Report.txt")),
                                         QStringLiteral("docs/Report.txt"));
    QVERIFY(entry);
    entry->hash = QByteArray(32, 'h');
    f.context->db.putLocal(*entry);
    protocol::JournalRecord winner;
    winner.path = QStringLiteral("docs/report.txt");
    winner.hash = QByteArray(32, 'o'); // other content: not a rename
    QVERIFY(!cases.renameCaseTwin(QStringLiteral("docs/Report.txt"), QStringLiteral("docs/report.txt"), winner));
    winner.hash = entry->hash;
    QVERIFY(cases.renameCaseTwin(QStringLiteral("docs/Report.txt"), QStringLiteral("docs/report.txt"), winner));
    QVERIFY(QFile::exists(f.folder.filePath(QStringLiteral("docs/report.txt"))));
    QVERIFY(!QFile::exists(f.folder.filePath(QStringLiteral("docs/Report.txt"))));
    QVERIFY(f.context->db.local(QStringLiteral("docs/report.txt")));
    QVERIFY(!f.context->db.local(QStringLiteral("docs/Report.txt")));
    QCOMPARE(cases.caseTwin(QStringLiteral("docs/REPORT.txt")), QStringLiteral("docs/report.txt"));
    // Each folder is read once per pass: a new pass reads it again.
    f.write(QStringLiteral("docs/Added.txt"), "added behind the index's back");
    QCOMPARE(cases.caseTwin(QStringLiteral("docs/added.txt")), QString());
    cases.newPass();
    QCOMPARE(cases.caseTwin(QStringLiteral("docs/added.txt")), QStringLiteral("docs/Added.txt"));
}

QTEST_GUILESS_MAIN(tst_CaseIndex)
#include "tst_CaseIndex.moc"
