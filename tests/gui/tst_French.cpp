// Every window in French: the status window, the tray menu, the activity window and its tabs, the
// settings (advanced ones shown), each page of the setup wizard, the log viewer, the About box and
// the questions they ask. Any English sentence in a label, button, tooltip, placeholder, title,
// list or menu fails the test. Names, units and the words of the configuration file are allowed
// (french-allowed.txt beside this file).
#include "AboutBox.h"
#include "ActivityWindow.h"
#include "LogViewer.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "SetupWizard.h"
#include "RelayServers.h"
#include "SyncHarness.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "TrayModel.h"
#include "config/ConfigLoader.h"
#include "config/Units.h"
#include "control/Instance.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QPushButton>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QTreeWidget>
#include <QWizardPage>

using namespace escale;

namespace {

// Words that only English uses: one of them in a text is English left untranslated.
const QStringList kEnglish{
    "the",     "and",     "of",      "is",     "are",      "not",       "this",    "with",    "from",
    "your",    "you",     "file",    "files",  "folder",   "folders",   "yet",     "none",    "every",
    "only",    "when",    "which",   "what",   "will",     "cannot",    "has",     "have",    "these",
    "them",    "they",    "its",     "repository", "sync", "synced",    "syncing", "relay",   "settings",
    "choose",  "keep",    "show",    "open",   "paused",   "resume",    "error",   "errors",  "nothing", "changes", "change", "up to date", "left",  "send",    "receive", "quit",
    "add",     "log",     "about",   "copy",   "retry",    "details",   "now",     "set up",  "where",
};

QStringList allowed()
{
    QFile file(QStringLiteral(ESCALE_TEST_SOURCE_DIR "/gui/french-allowed.txt"));
    QStringList out;
    if (file.open(QIODevice::ReadOnly))
        for (const QByteArray& line : file.readAll().split('\n'))
            if (!line.trimmed().isEmpty() && !line.startsWith('#'))
                out << QString::fromUtf8(line.trimmed());
    return out;
}

// What a text says once what is not words is taken out: markup, paths, addresses, configuration
// keys in quotes, commands, file patterns, and the allowed names.
QString words(QString text, const QStringList& allowedNames)
{
    if (text.contains(QLatin1Char('<')))
        text = QTextDocumentFragment::fromHtml(text).toPlainText();
    static const QList<QRegularExpression> noise{
        QRegularExpression(QStringLiteral(R"(\(conflict from [^)]*\))")), // conflict copies' names (R26)
        QRegularExpression(QStringLiteral(R"(\S*[/\\]\S*)")),            // paths, addresses
        QRegularExpression(QStringLiteral(R"('[^']*')")),                 // 'configuration keys'
        QRegularExpression(QStringLiteral(R"(«[^»]*»)")),                 // « quoted » names
        QRegularExpression(QStringLiteral(R"(escalectl[^.;:)]*)")),       // commands
        QRegularExpression(QStringLiteral(R"(\S*[*~#$]\S*)")),            // file patterns
        QRegularExpression(QStringLiteral(R"(\S+\.\S+)")),                // file names, versions
    };
    for (const QRegularExpression& n : noise)
        text.replace(n, QStringLiteral(" "));
    for (const QString& name : allowedNames)
        text.replace(QRegularExpression(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(name)),
                                        QRegularExpression::CaseInsensitiveOption),
                     QStringLiteral(" "));
    return text;
}

QString englishIn(const QString& text, const QStringList& allowedNames)
{
    const QString rest = words(text, allowedNames).toLower();
    for (const QString& w : kEnglish)
        if (QRegularExpression(QStringLiteral("(^|[^\\p{L}'’])%1([^\\p{L}'’]|$)").arg(QRegularExpression::escape(w)))
                .match(rest)
                .hasMatch())
            return w;
    return QString();
}

// Every text a window shows, with where it is.
QList<std::pair<QString, QString>> textsOf(QWidget* window)
{
    QList<std::pair<QString, QString>> out;
    auto add = [&out](QObject* o, const QString& what, const QString& text) {
        if (!text.trimmed().isEmpty())
            out.append({QStringLiteral("%1 %2 (%3)").arg(QString::fromLatin1(o->metaObject()->className()),
                                                          o->objectName(), what),
                        text});
    };
    QList<QWidget*> widgets = window->findChildren<QWidget*>();
    widgets.prepend(window);
    for (QWidget* w : widgets) {
        add(w, QStringLiteral("title"), w->isWindow() ? w->windowTitle() : QString());
        add(w, QStringLiteral("tooltip"), w->toolTip());
        if (auto* l = qobject_cast<QLabel*>(w))
            add(w, QStringLiteral("text"), l->text());
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            add(w, QStringLiteral("text"), b->text());
        if (auto* e = qobject_cast<QLineEdit*>(w))
            add(w, QStringLiteral("placeholder"), e->placeholderText());
        if (auto* g = qobject_cast<QGroupBox*>(w))
            add(w, QStringLiteral("title"), g->title());
        if (auto* t = qobject_cast<QTabWidget*>(w))
            for (int i = 0; i < t->count(); ++i)
                add(w, QStringLiteral("tab"), t->tabText(i));
        if (auto* c = qobject_cast<QComboBox*>(w))
            for (int i = 0; i < c->count(); ++i)
                add(w, QStringLiteral("item"), c->itemText(i));
        if (auto* p = qobject_cast<QWizardPage*>(w)) {
            add(w, QStringLiteral("title"), p->title());
            add(w, QStringLiteral("subtitle"), p->subTitle());
        }
        if (auto* tree = qobject_cast<QTreeWidget*>(w)) {
            for (int c = 0; c < tree->columnCount(); ++c)
                add(w, QStringLiteral("header"), tree->headerItem()->text(c));
            for (int i = 0; i < tree->topLevelItemCount(); ++i)
                for (int c = 0; c < tree->columnCount(); ++c) {
                    add(w, QStringLiteral("item"), tree->topLevelItem(i)->text(c));
                    add(w, QStringLiteral("item tooltip"), tree->topLevelItem(i)->toolTip(c));
                }
        }
        if (auto* m = qobject_cast<QMenu*>(w))
            for (QAction* a : m->actions()) {
                add(w, QStringLiteral("action"), a->text());
                add(w, QStringLiteral("action tooltip"), a->toolTip());
            }
    }
    return out;
}

} // namespace

class tst_French : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyWindowInFrench();
    void errorsFromCoreInFrench();
    void theDetectorFindsEnglish();

private:
    // Fails with every English text of the window.
    void sweep(QWidget* window, const QString& name);
    QStringList m_allowed;
};

void tst_French::initTestCase()
{
    m_allowed = allowed();
    QVERIFY(!m_allowed.isEmpty());
    QCOMPARE(ui::installTranslation(*qApp, "fr"), QString("fr"));
}

void tst_French::sweep(QWidget* window, const QString& name)
{
    QStringList english;
    for (const auto& [where, text] : textsOf(window))
        if (const QString w = englishIn(text, m_allowed); !w.isEmpty())
            english << QStringLiteral("%1: %2 [%3]").arg(where, text.left(160), w);
    english.removeDuplicates();
    QVERIFY2(english.isEmpty(), qPrintable(name + ":\n" + english.join('\n')));
}

void tst_French::theDetectorFindsEnglish()
{
    QVERIFY(!englishIn("Choose the local folder", m_allowed).isEmpty());
    QVERIFY(!englishIn("<b>docs</b> — Up to date", m_allowed).isEmpty());
    QVERIFY(englishIn("Choisissez le dossier local /home/alice/Escale", m_allowed).isEmpty());
    QVERIFY(englishIn("Dépôt « docs » : 'disk quota' dans la configuration", m_allowed).isEmpty());
    QVERIFY(englishIn("Chiffré avec AES-256-GCM, relais WebDAV", m_allowed).isEmpty());
}

void tst_French::everyWindowInFrench()
{
    QTemporaryDir root;
    const QString conf = root.filePath("escale.conf");
    for (const char* d : {"docs", "relay"})
        QDir().mkpath(root.filePath(d));
    harness::writeFile(root.filePath("docs/notes.txt"), "ligne 1\nligne 2\n");
    harness::writeFile(root.filePath("docs/notes (conflict from bob 2026-11-26 101500).txt"), "ligne 1\nautre\n");
    harness::writeFile(conf, QString("[docs]\nlocal path = %1\nrelay address = %2\nclient name = alice\n"
                                     "state dir = %3\nrefresh = 1\n")
                                 .arg(root.filePath("docs"), root.filePath("relay"), root.filePath("state"))
                                 .toUtf8());
    const config::LoadResult loaded = config::ConfigLoader::loadFile(conf);
    QVERIFY(!loaded.hasErrors());
    control::Instance instance(loaded.config, false);
    instance.start();
    QTRY_VERIFY_WITH_TIMEOUT(instance.status(0).state == control::RepositoryStatus::State::Idle &&
                                 instance.status(0).conflictsWaiting == 1,
                             30'000);

    ui::MainWindow window;
    window.setInstance(&instance);
    window.showConfiguration(loaded.config);
    window.show();
    sweep(&window, "main window");

    ui::TrayModel model(&instance);
    ui::TrayIcon tray(&model);
    QTRY_VERIFY(tray.menu()->actions().size() > 3);
    sweep(tray.menu(), "tray menu");
    for (QMenu* sub : tray.menu()->findChildren<QMenu*>())
        sweep(sub, "tray submenu " + sub->objectName());
    QVERIFY(englishIn(model.tooltip(), m_allowed).isEmpty());

    ui::ActivityWindow activity(&instance);
    activity.show();
    for (int tab = ui::ActivityWindow::TransfersTab; tab <= ui::ActivityWindow::ClientsTab; ++tab) {
        activity.showTab(ui::ActivityWindow::Tab(tab));
        sweep(&activity, QString("activity tab %1").arg(tab));
    }

    ui::SettingsDialog settings(&instance, conf);
    settings.show();
    for (QCheckBox* advanced : settings.findChildren<QCheckBox*>("showAdvanced"))
        advanced->setChecked(true);
    for (int page = -1; page < instance.repositoryCount(); ++page) {
        settings.showPage(page);
        sweep(&settings, QString("settings page %1").arg(page));
    }
    // Its question when closed with a change not applied.
    settings.findChild<QLineEdit*>("transfers")->setText("3");
    QString question;
    QTimer::singleShot(0, [&question, this] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        sweep(box, "unsaved changes question");
        question = box->text();
        box->button(QMessageBox::Cancel)->click();
    });
    settings.reject();
    QVERIFY(!question.isEmpty());

    // The wizard, page by page, with real values (a new repository on a folder relay).
    ui::SetupWizard wizard(root.filePath("other.conf"));
    wizard.show();
    auto next = [&wizard] { wizard.button(QWizard::NextButton)->click(); };
    sweep(&wizard, "wizard: relay");
    next();
    wizard.findChild<QLineEdit*>("relayFolder")->setText(root.filePath("relay2"));
    QDir().mkpath(root.filePath("relay2"));
    sweep(&wizard, "wizard: connection");
    next();
    QTRY_VERIFY2_WITH_TIMEOUT(wizard.currentId() == int(ui::SetupWizard::RepositoryPage),
                 qPrintable([&wizard] {
                     auto* status = wizard.currentPage()->findChild<QLabel*>("status");
                     return status ? status->text() : QString();
                 }()),
                 30'000);
    sweep(&wizard, "wizard: repository");
    next();
    sweep(&wizard, "wizard: passphrase");
    wizard.findChild<QPushButton*>("generatePassphrase")->click();
    sweep(&wizard, "wizard: passphrase generated");
    next();
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ui::SetupWizard::LocalPage), 30'000);
    wizard.findChild<QLineEdit*>("localFolder")->setText(root.filePath("photos"));
    sweep(&wizard, "wizard: this machine");
    next();
    sweep(&wizard, "wizard: filters");
    next();
    QCOMPARE(wizard.currentId(), int(ui::SetupWizard::SummaryPage));
    sweep(&wizard, "wizard: summary");
    QString leave;
    QTimer::singleShot(0, [&leave, this] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        sweep(box, "leave the wizard question");
        leave = box->text();
        box->button(QMessageBox::Discard)->click();
    });
    wizard.reject();
    QVERIFY(!leave.isEmpty());

    ui::LogViewer log(root.filePath("none.log"));
    log.show();
    sweep(&log, "log viewer");
    ui::AboutBox about(conf, root.filePath("state"), root.filePath("escale.log"));
    sweep(&about, "about box");
    instance.stop();
}

// What core says (the engine, the relay, the configuration's checks, the setup's probe) reaches
// the windows in French too: a relay folder that is not there, a refused setting, a relay that
// cannot be reached from the wizard.
void tst_French::errorsFromCoreInFrench()
{
    QTemporaryDir root;
    const QString conf = root.filePath("escale.conf");
    QDir().mkpath(root.filePath("docs"));
    harness::writeFile(root.filePath("docs/notes.txt"), "ligne\n");
    harness::writeFile(conf, QString("[docs]\nlocal path = %1\nrelay address = %2\nclient name = alice\n"
                                     "state dir = %3\nrefresh = 1\n")
                                 .arg(root.filePath("docs"), root.filePath("unplugged"), root.filePath("state"))
                                 .toUtf8());
    const config::LoadResult loaded = config::ConfigLoader::loadFile(conf);
    QVERIFY(!loaded.hasErrors());
    control::Instance instance(loaded.config, false);
    instance.start();
    QTRY_VERIFY_WITH_TIMEOUT(instance.status(0).state == control::RepositoryStatus::State::Idle, 30'000);
    // The relay's drive is unplugged.
    QVERIFY(QDir().rename(root.filePath("unplugged"), root.filePath("away")));
    instance.handle({{"command", "sync"}});
    QTRY_VERIFY_WITH_TIMEOUT(!instance.status(0).lastError.isEmpty(), 30'000);
    const QString problem = instance.status(0).lastError;
    QVERIFY2(problem.contains(root.filePath("unplugged")), qPrintable(problem));
    QVERIFY2(englishIn(problem, m_allowed).isEmpty(), qPrintable(problem));

    ui::MainWindow window;
    window.setInstance(&instance);
    window.showConfiguration(loaded.config);
    window.show();
    QTRY_VERIFY(!window.findChild<QWidget*>("repository:docs")->findChild<QLabel*>("problem")->text().isEmpty());
    sweep(&window, "main window with a problem");
    ui::TrayModel model(&instance);
    ui::TrayIcon tray(&model);
    QTRY_VERIFY(tray.menu()->actions().size() > 3);
    sweep(tray.menu(), "tray menu with a problem");
    QVERIFY2(englishIn(model.tooltip(), m_allowed).isEmpty(), qPrintable(model.tooltip()));
    ui::ActivityWindow activity(&instance);
    activity.show();
    activity.showTab(ui::ActivityWindow::ErrorsTab);
    sweep(&activity, "activity errors");

    // A refused value: the configuration's own check, beside the field.
    ui::SettingsDialog settings(&instance, conf);
    settings.show();
    settings.showPage(0);
    auto* pullers = settings.findChild<QLineEdit*>("pullers");
    QVERIFY(pullers);
    pullers->setText("beaucoup");
    QVERIFY(!settings.apply());
    auto* pullersError = settings.findChild<QLabel*>("error:pullers");
    QVERIFY(pullersError && !pullersError->text().isEmpty());
    sweep(&settings, "settings with a refused value");
    // Sizes in core's messages (a full quota, a piece sent) in French units and numbers.
    QCOMPARE(config::formatSize(1536), QString("1,5 Kio"));
    QCOMPARE(config::formatSize(3LL << 30), QString("3,0 Gio"));
    // The control channel's errors are sentences in the instance's language; programs read flags.
    const QJsonObject unknown = instance.handle({{"command", "status"}, {"repository", "nothing"}});
    QVERIFY(!unknown.value("ok").toBool());
    QVERIFY(unknown.value("unknown_repository").toBool());
    QVERIFY2(englishIn(unknown.value("error").toString(), m_allowed).isEmpty(),
             qPrintable(unknown.value("error").toString()));
    instance.stop();

    // The wizard's test of a WebDAV server (Apache) that refuses the password, then of one that does
    // not answer: the probe's findings, in French.
    testing::ApacheDav dav;
    QVERIFY(dav.started());
    ui::SetupWizard wizard(root.filePath("other.conf"));
    wizard.show();
    wizard.findChild<QRadioButton*>("type.webdav")->setChecked(true);
    wizard.button(QWizard::NextButton)->click();
    auto set = [&wizard](const char* name, const QString& text) {
        auto* edit = wizard.findChild<QLineEdit*>(name);
        QVERIFY2(edit, name);
        edit->setText(text);
        Q_EMIT edit->textEdited(text);
    };
    set("url", QString("http://127.0.0.1:%1/repo").arg(dav.port()));
    set("user", "tester");
    set("password", "wrong");
    auto* status = wizard.currentPage()->findChild<QLabel*>("status");
    QStringList said;
    for (const bool answering : {true, false}) {
        if (!answering)
            set("url", QString("http://127.0.0.1:%1/repo").arg(testing::freePort()));
        const QString before = status->text();
        wizard.findChild<QAbstractButton*>("testConnection")->click();
        QTRY_VERIFY_WITH_TIMEOUT(status->text() != before && status->text().contains("#c62828"), 30'000);
        sweep(&wizard, answering ? "wizard: a wrong password" : "wizard: a relay that does not answer");
        said << status->text();
    }
    qInfo("%s\n%s\n%s", qPrintable(problem), qPrintable(pullersError->text()), qPrintable(said.join('\n')));
}

QTEST_MAIN(tst_French)
#include "tst_French.moc"
