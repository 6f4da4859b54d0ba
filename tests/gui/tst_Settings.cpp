// The settings dialog against a running instance: repository settings written back into the
// file (only the keys changed; comments and unknown keys kept) and the repository restarted
// with them, bad values refused with nothing written, general settings (notifications,
// language, log level, start at login), pause, and removal keeping or trashing the files.
#include "SyncHarness.h"
#include "Autostart.h"
#include "SettingsDialog.h"
#include "Translations.h"
#include "config/ConfigLoader.h"
#include "control/Instance.h"

#include <QApplication>
#include <QCheckBox>
#include <QMessageBox>
#include <QScopeGuard>
#include <QScrollBar>
#include <QTimer>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QTemporaryDir>
#include <QTest>

using namespace escale;
using State = control::RepositoryStatus::State;

class tst_Settings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void editsRemovesAndGeneral();
    void unsavedEditsAndRelayKinds();
    void fitsInFrench();

private:
    QTemporaryDir m_xdg;
};

void tst_Settings::initTestCase()
{
    // Start-at-login entries and the trash go to a throw-away home.
    qputenv("XDG_CONFIG_HOME", m_xdg.filePath("config").toUtf8());
    qputenv("XDG_DATA_HOME", m_xdg.filePath("data").toUtf8());
    QVERIFY(QDir().mkpath(m_xdg.filePath("data"))); // the home trash needs its base folder
}

void tst_Settings::editsRemovesAndGeneral()
{
    QTemporaryDir root;
    const QString conf = root.filePath("escale.conf");
    for (const char* d : {"docs", "photos", "relay", "relay2"})
        QDir().mkpath(root.filePath(d));
    harness::writeFile(root.filePath("photos/cat.jpg"), "meow");
    const QByteArray original =
        QString("# my Escale\nlog level = info\n\n[docs]\n# notes on docs\nlocal path = %1\n"
                "relay address = %2\nstate dir = %3\nrefresh = 1\nquota = 1GB\n"
                "my unknown key = stays\n\n[photos]\nlocal path = %4\nrelay address = %5\n"
                "state dir = %3\nrefresh = 1\n")
            .arg(root.filePath("docs"), root.filePath("relay"), root.filePath("state"),
                 root.filePath("photos"), root.filePath("relay2"))
            .toUtf8();
    harness::writeFile(conf, original);
    const config::LoadResult loaded = config::ConfigLoader::loadFile(conf);
    QVERIFY(!loaded.hasErrors());
    control::Instance instance(loaded.config, false);
    instance.start();
    QTRY_VERIFY_WITH_TIMEOUT(
        instance.status(0).state == State::Idle && instance.status(1).state == State::Idle, 30'000);
    ui::SettingsDialog dialog(&instance, conf);
    dialog.show();
    auto* pages = dialog.findChild<QListWidget*>("pages");
    QCOMPARE(pages->count(), 3); // general, docs, photos
    dialog.showPage(0);
    auto* docs = dialog.findChild<QScrollArea*>("repository:docs");
    QVERIFY(docs);
    auto field = [docs](const QString& key) {
        return docs->findChild<QLineEdit*>(key);
    };
    QCOMPARE(field("disk quota")->text(), QString("1GB")); // written as 'quota'
    QCOMPARE(field("refresh")->text(), QString("1"));
    QVERIFY(field("transfers")->text().isEmpty());
    QVERIFY(!field("transfers")->placeholderText().isEmpty());

    // A folder relay: no account, certificate, SSH, S3 or rclone fields; the rare ones under Advanced.
    for (const char* absent : {"user", "verify ssl", "host key", "s3 region", "rclone binary", "ca certificate"}) {
        auto* w = docs->findChild<QWidget*>(absent);
        QVERIFY2(!w || !w->isVisibleTo(docs), absent);
    }
    // 'state dir' is written in this section: the advanced settings are open; they fold away.
    QVERIFY(docs->findChild<QWidget*>("advanced")->isVisibleTo(docs));
    QVERIFY(field("pullers")->isVisibleTo(docs));
    docs->findChild<QCheckBox*>("showAdvanced")->setChecked(false);
    QVERIFY(!field("pullers")->isVisibleTo(docs));

    // A bad value: refused beside its field, with its label (not the key and a line of the file),
    // nothing written, the repository untouched; the advanced settings open to show it.
    field("pullers")->setText("many");
    QVERIFY(!dialog.apply());
    auto* status = docs->findChild<QLabel*>("status");
    QVERIFY2(status->text().contains("Copies before freeing"), qPrintable(status->text()));
    auto* pullersError = docs->findChild<QLabel*>("error:pullers");
    QVERIFY(pullersError->isVisibleTo(docs));
    QVERIFY2(pullersError->text().startsWith("Copies before freeing: ") && !pullersError->text().contains("escale.conf:") &&
                 !pullersError->text().contains("'pullers'"),
             qPrintable(pullersError->text()));
    QVERIFY(field("pullers")->styleSheet().contains("c62828"));
    QVERIFY(field("pullers")->isVisibleTo(docs));
    QCOMPARE(harness::readFile(conf), original);
    // Close with that edit still there: it asks; Cancel keeps the dialog open, unchanged.
    QVERIFY(dialog.hasUnsavedEdits());
    auto answer = [](QMessageBox::StandardButton button, QString* text) {
        QTimer::singleShot(0, [button, text] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            *text = box->text();
            box->button(button)->click();
        });
    };
    QString asked;
    answer(QMessageBox::Cancel, &asked);
    dialog.reject();
    QVERIFY2(asked.contains("not applied"), qPrintable(asked));
    QVERIFY(dialog.isVisible());
    QCOMPARE(field("pullers")->text(), QString("many"));
    // The field edited: its message goes.
    QTest::keyClick(field("pullers"), Qt::Key_Backspace);
    QVERIFY(!pullersError->isVisibleTo(docs));

    // Good values: only those keys change in the file, and the repository restarts with them.
    field("pullers")->clear();
    field("disk quota")->setText("2GB");
    field("transfers")->setText("8");
    field("exclude")->setText("*.log");
    docs->findChild<QComboBox*>("mode")->setCurrentIndex(3); // conservative
    QVERIFY(docs->findChild<QCheckBox*>("hidden files")->isChecked()); // synced by default
    docs->findChild<QCheckBox*>("hidden files")->setChecked(false);
    QVERIFY(!docs->findChild<QCheckBox*>("temporary files")->isChecked());
    docs->findChild<QCheckBox*>("temporary files")->setChecked(true);
    QVERIFY(dialog.apply());
    QVERIFY2(status->text().contains("restarted"), qPrintable(status->text()));
    const QByteArray text = harness::readFile(conf);
    QVERIFY2(text.startsWith("# my Escale\nlog level = info\n\n[docs]\n# notes on docs\n"), text.constData());
    QVERIFY2(text.contains("disk quota = 2GB\nmy unknown key = stays\n"), text.constData());
    QVERIFY(text.contains("transfers = 8") && text.contains("exclude = *.log") &&
            text.contains("mode = conservative") && text.contains("hidden files = no") && text.contains("temporary files = yes"));
    QVERIFY(!text.contains("quota = 1GB"));
    QVERIFY(
        text.endsWith(QString("[photos]\nlocal path = %1\nrelay address = %2\nstate dir = %3\nrefresh = 1\n")
                          .arg(root.filePath("photos"), root.filePath("relay2"), root.filePath("state"))
                          .toUtf8()));
    QCOMPARE(instance.repository(0).diskQuota.value_or(0), 2LL << 30); // GB are binary here
    QCOMPARE(instance.repository(0).transfers, 8);
    QCOMPARE(instance.repository(0).mode, config::SyncMode::Conservative);
    QTRY_VERIFY_WITH_TIMEOUT(instance.status(0).state == State::Idle, 30'000);
    // Applying again with nothing changed writes nothing.
    const QByteArray after = harness::readFile(conf);
    QVERIFY(!dialog.hasUnsavedEdits());
    QVERIFY(dialog.apply());
    QCOMPARE(harness::readFile(conf), after);

    // Pause from the page.
    docs->findChild<QCheckBox*>("paused")->setChecked(true);
    QTRY_VERIFY(instance.status(0).paused);
    docs->findChild<QCheckBox*>("paused")->setChecked(false);
    QTRY_VERIFY(!instance.status(0).paused);

    // General settings: before the first section, the comment kept; start at login.
    auto* general = dialog.findChild<QWidget*>("general");
    general->findChild<QCheckBox*>("notifications")->setChecked(false);
    general->findChild<QComboBox*>("language")->setCurrentIndex(2); // fr
    general->findChild<QComboBox*>("logLevel")->setCurrentIndex(0); // debug
    QVERIFY(!ui::Autostart::enabled());
    general->findChild<QCheckBox*>("autostart")->setChecked(true);
    QVERIFY(dialog.apply());
    QVERIFY(harness::readFile(conf).startsWith(
        "# my Escale\nlog level = debug\nlanguage = fr\nnotifications = no\n\n[docs]"));
    const config::LoadResult reread = config::ConfigLoader::loadFile(conf);
    QVERIFY(!reread.hasErrors());
    QCOMPARE(reread.config.global.notifications, false);
    QCOMPARE(reread.config.global.language, QString("fr"));
    QVERIFY(ui::Autostart::enabled());
    const QByteArray entry = harness::readFile(ui::Autostart::entryPath());
    QVERIFY2(entry.contains("[Desktop Entry]") && entry.contains("Exec=\"") && entry.contains(conf.toUtf8()),
             entry.constData());
    general->findChild<QCheckBox*>("autostart")->setChecked(false);
    QVERIFY(dialog.apply());
    QVERIFY(!ui::Autostart::enabled());

    // Removal: photos, its files to the trash; the section goes, docs stays and runs.
    auto* photos = dialog.findChild<QScrollArea*>("repository:photos");
    photos->findChild<QRadioButton*>("deleteFiles")->setChecked(true);
    photos->findChild<QPushButton*>("remove")->click();
    QCOMPARE(instance.repositoryCount(), 1);
    QCOMPARE(instance.repository(0).name, QString("docs"));
    QTRY_COMPARE(pages->count(), 2);
    QVERIFY(!harness::readFile(conf).contains("[photos]"));
    QVERIFY(harness::readFile(conf).contains("my unknown key = stays"));
    QVERIFY(!QFileInfo::exists(root.filePath("photos/cat.jpg")));
    QVERIFY(QFileInfo::exists(m_xdg.filePath("data/Trash/files/photos/cat.jpg")));
    QVERIFY(!config::ConfigLoader::loadFile(conf).hasErrors());
    // Docs, removed keeping its files: the file has no repository left, its settings stay.
    harness::writeFile(root.filePath("docs/keep.txt"), "kept");
    auto* docsAgain = dialog.findChild<QScrollArea*>("repository:docs");
    QTRY_VERIFY((docsAgain = dialog.findChild<QScrollArea*>("repository:docs")));
    docsAgain->findChild<QPushButton*>("remove")->click();
    QCOMPARE(instance.repositoryCount(), 0);
    QVERIFY(QFileInfo::exists(root.filePath("docs/keep.txt")));
    const config::LoadResult empty = config::ConfigLoader::loadFile(conf);
    QVERIFY(empty.noRepository);
    QCOMPARE(empty.config.global.language, QString("fr"));
}

// Close with unsaved edits: Apply writes them, Discard throws them away; the relay's kind decides
// the fields (SFTP: its key, host key, known hosts; no certificate or S3 field).
void tst_Settings::unsavedEditsAndRelayKinds()
{
    QTemporaryDir root;
    const QString conf = root.filePath("escale.conf");
    QDir().mkpath(root.filePath("docs"));
    QDir().mkpath(root.filePath("relay"));
    harness::writeFile(conf, QString("[docs]\nlocal path = %1\nrelay address = %2\nstate dir = %3\n"
                                     "[remote]\nlocal path = %4\nrelay address = sftp://backup@127.0.0.1:1/x\n"
                                     "state dir = %3\n")
                                 .arg(root.filePath("docs"), root.filePath("relay"), root.filePath("state"),
                                      root.filePath("remote"))
                                 .toUtf8());
    const config::LoadResult loaded = config::ConfigLoader::loadFile(conf);
    QVERIFY(!loaded.hasErrors());
    control::Instance instance(loaded.config, false); // not started: the dialog needs no pass
    auto answer = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [button] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->button(button)->click();
        });
    };
    {
        ui::SettingsDialog dialog(&instance, conf);
        dialog.show();
        auto* remote = dialog.findChild<QScrollArea*>("repository:remote");
        for (const char* shown : {"user", "private key", "host key", "known hosts"})
            QVERIFY2(remote->findChild<QWidget*>(shown) && remote->findChild<QWidget*>(shown)->isVisibleTo(remote),
                     shown);
        for (const char* absent : {"verify ssl", "s3 region", "rclone binary", "ca certificate", "implicit tls"}) {
            auto* w = remote->findChild<QWidget*>(absent);
            QVERIFY2(!w || !w->isVisibleTo(remote), absent);
        }
        auto* docs = dialog.findChild<QScrollArea*>("repository:docs");
        docs->findChild<QLineEdit*>("transfers")->setText("6");
        answer(QMessageBox::Apply);
        dialog.reject();
        QVERIFY(!dialog.isVisible());
        QVERIFY(harness::readFile(conf).contains("transfers = 6"));
    }
    {
        ui::SettingsDialog dialog(&instance, conf);
        dialog.show();
        QVERIFY(!dialog.hasUnsavedEdits());
        auto* docs = dialog.findChild<QScrollArea*>("repository:docs");
        docs->findChild<QLineEdit*>("transfers")->setText("9");
        const QByteArray before = harness::readFile(conf);
        answer(QMessageBox::Discard);
        dialog.reject();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(harness::readFile(conf), before);
    }
}

// In French, at 1024×768, no page needs a horizontal scroll bar.
void tst_Settings::fitsInFrench()
{
    QTemporaryDir root;
    const QString conf = root.filePath("escale.conf");
    QDir().mkpath(root.filePath("docs"));
    harness::writeFile(conf, QString("[docs]\nlocal path = %1\nrelay address = webdavs://dav.example.org/x\n"
                                     "state dir = %2\n[s3]\nlocal path = %3\nrelay address = s3://s3.example.org/b/x\n"
                                     "state dir = %2\n")
                                 .arg(root.filePath("docs"), root.filePath("state"), root.filePath("s3"))
                                 .toUtf8());
    const config::LoadResult loaded = config::ConfigLoader::loadFile(conf);
    QVERIFY2(!loaded.hasErrors(), qPrintable(loaded.firstError() ? loaded.firstError()->toString() : QString()));
    control::Instance instance(loaded.config, false);
    QCOMPARE(ui::installTranslation(*qApp, "fr"), QString("fr"));
    const auto english = qScopeGuard([] { ui::installTranslation(*qApp, "en"); });
    ui::SettingsDialog dialog(&instance, conf);
    dialog.resize(1024, 768);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY2(dialog.width() <= 1024, qPrintable(QString::number(dialog.width())));
    int checked = 0;
    for (int page = -1; page < instance.repositoryCount(); ++page) {
        dialog.showPage(page);
        for (QScrollArea* area : dialog.findChildren<QScrollArea*>()) {
            if (!area->isVisible())
                continue;
            area->findChild<QCheckBox*>("showAdvanced") ? area->findChild<QCheckBox*>("showAdvanced")->setChecked(true)
                                                        : void();
            QApplication::processEvents();
            ++checked;
            QVERIFY(area->widget()->minimumSizeHint().width() <= area->viewport()->width());
            QVERIFY2(!area->horizontalScrollBar()->isVisible(),
                     qPrintable(QString("%1: %2 wide in %3").arg(area->objectName()).arg(area->widget()->minimumSizeHint().width()).arg(area->viewport()->width())));
        }
    }
    QCOMPARE(checked, 2); // both repositories' pages were looked at
}

QTEST_MAIN(tst_Settings)
#include "tst_Settings.moc"
