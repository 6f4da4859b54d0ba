#include "MainWindow.h"
#include "config/ConfigLoader.h"

#include <QApplication>
#include <QLabel>
#include <QTest>
#include <QTreeWidget>

using namespace escale;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsRepositories();
    void showsConfigurationProblem();
};

void tst_MainWindow::listsRepositories()
{
    const auto result =
        config::ConfigLoader::load("[docs]\nlocal path = /data/docs\nrelay address = webdavs://h/x\n"
                                   "encryption = on\n[pics]\nlocal path = /data/pics\n"
                                   "relay address = /mnt/r\nmode = upload\n",
                                   "escale.conf", "/tmp");
    QVERIFY(!result.hasErrors());
    ui::MainWindow w;
    w.showConfiguration(result.config);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* tree = w.findChild<QTreeWidget*>();
    QVERIFY(tree && tree->isVisible());
    QCOMPARE(tree->topLevelItemCount(), 2);
    QCOMPARE(tree->topLevelItem(0)->text(0), QString("docs"));
    QCOMPARE(tree->topLevelItem(0)->text(2), QString("webdavs://h/x"));
    QCOMPARE(tree->topLevelItem(0)->text(4), QString("aes-256-gcm"));
    QCOMPARE(tree->topLevelItem(1)->text(3), QString("upload"));
}

void tst_MainWindow::showsConfigurationProblem()
{
    ui::MainWindow w;
    w.showProblem("/etc/escale.conf",
                  "escale.conf:3: 'mode': expected shared, upload, download or conservative");
    w.show();
    auto* label = w.findChild<QLabel*>();
    QVERIFY(label->text().contains("escale.conf:3: 'mode'"));
    QVERIFY(!w.findChild<QTreeWidget*>()->isVisible());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
