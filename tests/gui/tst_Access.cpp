// The per-file access dialog: a lazily read tree (a folder is read when opened, and added
// in batches), inherited values shown as such, and switches that change what two real engines sync.
#include "SyncHarness.h"
#include "AccessDialog.h"
#include "AccessTreeModel.h"
#include "config/ConfigLoader.h"
#include "control/Instance.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFont>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace escale;
using Model = ui::AccessTreeModel;

class tst_Access : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lazyOnALargeFolder();
    void changesWhatSyncs();
};

void tst_Access::lazyOnALargeFolder()
{
    QTemporaryDir root;
    QElapsedTimer clock;
    clock.start();
    // 10 folders of 100 files and one of 5,000 (bench/ measures 100,000 files).
    for (int d = 0; d < 11; ++d) {
        const QString dir = root.filePath(QString("folder%1").arg(d, 3, 10, QChar('0')));
        QDir().mkpath(dir);
        const int count = d == 10 ? 5'000 : 100;
        for (int f = 0; f < count; ++f) {
            QFile file(QString("%1/file%2.txt").arg(dir).arg(f, 5, 10, QChar('0')));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
    }
    QDir().mkpath(root.filePath(".escale-archive"));
    qInfo("made 6,000 files in %lld ms", clock.restart());
    config::RepositoryConfig r;
    r.name = "big";
    r.localPath = root.path();
    QTemporaryDir state;
    r.stateDir = state.path();
    Model model(r);
    QString error;
    QVERIFY2(model.open(error), qPrintable(error));
    QTreeView view;
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Only the top folder is read; Escale's own entries are not shown.
    QCOMPARE(model.rowCount(), 11);
    QCOMPARE(model.loadedEntries(), 11);
    QVERIFY(model.hasChildren(model.index(5, 0)));
    QCOMPARE(model.rowCount(model.index(5, 0)), 0);
    qInfo("top level shown in %lld ms", clock.restart());
    const QModelIndex big = model.index(10, 0);
    QCOMPARE(model.data(big).toString(), QString("folder010"));
    // Read and added a batch at a time (a view asks for more as it needs them).
    QVERIFY(model.canFetchMore(big));
    model.fetchMore(big);
    QCOMPARE(model.rowCount(big), Model::kBatch);
    QCOMPARE(model.loadedEntries(), 11 + Model::kBatch);
    view.expand(big);
    QTRY_COMPARE(model.rowCount(big), 5'000);
    qInfo("a folder of 5,000 files opened in %lld ms", clock.restart());
    QVERIFY(!model.canFetchMore(big));
    QCOMPARE(model.loadedEntries(), 11 + 5'000);
    QCOMPARE(model.data(model.index(4'999, 0, big)).toString(), QString("file04999.txt"));
    QCOMPARE(model.relativePath(model.index(0, 0, big)), QString("folder010/file00000.txt"));
    // Nothing set: everything sent and received, by default, shown as inherited.
    const QModelIndex send = model.index(3, Model::SendColumn, big);
    QCOMPARE(model.data(send, Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.data(send, Qt::DisplayRole).toString(), QString("inherited"));
    QVERIFY(model.data(send, Qt::ToolTipRole).toString().contains("default"));
}

void tst_Access::changesWhatSyncs()
{
    QTemporaryDir root;
    harness::writeFile(root.filePath("alice/private/diary.txt"), "dear diary");
    harness::writeFile(root.filePath("alice/private/shared.txt"), "for bob");
    control::Instance alice(harness::folderMachine(root, "alice"), false);
    control::Instance bob(harness::folderMachine(root, "bob"), false);
    // Before anything syncs: alice keeps 'private' to herself, except shared.txt.
    ui::AccessDialog dialog(&alice);
    dialog.show();
    Model* model = dialog.model();
    QVERIFY(model);
    const QModelIndex priv = model->find("private");
    QVERIFY(priv.isValid());
    QVERIFY(model->setData(priv.siblingAtColumn(Model::SendColumn), Qt::Unchecked, Qt::CheckStateRole));
    const QModelIndex diary = model->find("private/diary.txt").siblingAtColumn(Model::SendColumn);
    QCOMPARE(model->data(diary, Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(model->data(diary, Qt::FontRole).value<QFont>().italic(), true);
    QVERIFY(model->data(diary, Qt::ToolTipRole).toString().contains("from the folder private"));
    const QModelIndex shared = model->find("private/shared.txt").siblingAtColumn(Model::SendColumn);
    QVERIFY(model->setData(shared, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model->data(shared, Qt::FontRole).value<QFont>().italic(), false);
    QVERIFY(model->data(shared, Qt::ToolTipRole).toString().contains("set here"));
    alice.start();
    bob.start();
    harness::writeFile(root.filePath("alice/public.txt"), "for everyone");
    QTRY_COMPARE_WITH_TIMEOUT(harness::readFile(root.filePath("bob/public.txt")), QByteArray("for everyone"),
                              30'000);
    QTRY_COMPARE_WITH_TIMEOUT(harness::readFile(root.filePath("bob/private/shared.txt")),
                              QByteArray("for bob"), 30'000);
    QVERIFY(!QFileInfo::exists(root.filePath("bob/private/diary.txt")));

    // Back to what the folder above says (the default): the diary goes now.
    dialog.view()->setCurrentIndex(priv);
    auto* inherit = dialog.findChild<QPushButton*>("inherit");
    QVERIFY(inherit->isEnabled());
    inherit->click();
    QCOMPARE(model->data(diary, Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(dialog.findChild<QLabel*>("status")->text().contains("private"));
    QTRY_COMPARE_WITH_TIMEOUT(harness::readFile(root.filePath("bob/private/diary.txt")),
                              QByteArray("dear diary"), 30'000);

    // Bob stops receiving public.txt: alice's next change to it stays with alice.
    ui::AccessDialog bobDialog(&bob);
    const QModelIndex publicReceive =
        bobDialog.model()->find("public.txt").siblingAtColumn(Model::ReceiveColumn);
    QVERIFY(publicReceive.isValid());
    QVERIFY(bobDialog.model()->setData(publicReceive, Qt::Unchecked, Qt::CheckStateRole));
    harness::writeFile(root.filePath("alice/public.txt"), "second version");
    harness::writeFile(root.filePath("alice/after.txt"), "after");
    QTRY_COMPARE_WITH_TIMEOUT(harness::readFile(root.filePath("bob/after.txt")), QByteArray("after"), 30'000);
    // Two more passes of bob's once alice has published everything: public.txt stays as it was.
    QTRY_VERIFY_WITH_TIMEOUT(alice.status(0).state == control::RepositoryStatus::State::Idle &&
                                 alice.status(0).pendingUp == 0,
                             30'000);
    const int bobPasses = bob.status(0).passes;
    QTRY_VERIFY_WITH_TIMEOUT(bob.status(0).passes >= bobPasses + 2, 60'000);
    QCOMPARE(harness::readFile(root.filePath("bob/public.txt")), QByteArray("for everyone"));
}

QTEST_MAIN(tst_Access)
#include "tst_Access.moc"
