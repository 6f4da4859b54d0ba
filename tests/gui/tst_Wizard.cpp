// The setup wizard driven as a user would, offscreen, against real relays: a folder, WebDAV
// (rclone serve webdav) with and without TLS. Its result is checked by syncing with real
// `escale --once` runs, and its secrets in the keychain (this test runs inside a private
// D-Bus session with an unlocked gnome-keyring: tests/keychain/in-keyring.sh).
#include "RelayServers.h"
#include "SyncHarness.h"
#include "SetupWizard.h"
#include "Translations.h"
#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"
#include "setup/NewRepository.h"
#include "sync/LocalState.h"
#include "config/Keychain.h"
#include "control/Instance.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace escale;
using namespace testing;
using Wizard = ui::SetupWizard;

class tst_Wizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void folderRelayCreateThenJoin();
    void webDavWithKeychain();
    void untrustedCertificateAndCancel();
    void sftpHostKeyTrusted();
    void withoutKeychainSecretsGoToFiles();

private:
    template <typename T>
    static T* child(Wizard& w, const QString& name)
    {
        T* found = w.currentPage()->findChild<T*>(name);
        if (!found)
            qWarning("no %s on page %d", qPrintable(name), w.currentId());
        return found;
    }
    static void set(Wizard& w, const QString& name, const QString& text)
    {
        auto* edit = child<QLineEdit>(w, name);
        QVERIFY(edit);
        edit->setText(text);
        Q_EMIT edit->textEdited(text);
    }
    static void next(Wizard& w) { w.button(QWizard::NextButton)->click(); }
    // Shown, a folder relay chosen and tested, on the repository page.
    static void toRepositoryPage(Wizard& w, const QString& relay)
    {
        w.show();
        next(w);
        set(w, "relayFolder", relay);
        next(w);
        QTRY_COMPARE(w.currentId(), int(Wizard::RepositoryPage));
    }
    // Next is refused and the page says why.
    static void refused(Wizard& w, const QString& expected)
    {
        const int page = w.currentId();
        next(w);
        auto* status = child<QLabel>(w, "status");
        QVERIFY(status);
        QTRY_VERIFY2(status->isVisible() && status->text().contains(expected, Qt::CaseInsensitive),
                     qPrintable(status->text()));
        QCoreApplication::processEvents(); // a page change would be a queued call
        QCOMPARE(w.currentId(), page);
    }
    int escaleOnce(const QString& configPath, QString* output = nullptr)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(m_escale, {"--once", "-c", configPath});
        p.waitForFinished(120'000);
        const QString out = QString::fromUtf8(p.readAll());
        if (output)
            *output = out;
        if (p.exitCode() != 0)
            qWarning("%s", qPrintable(out));
        return p.exitCode();
    }

    QString m_escale;
};

void tst_Wizard::initTestCase()
{
    m_escale = qEnvironmentVariable("ESCALE_BIN");
    QVERIFY2(QFileInfo::exists(m_escale), "ESCALE_BIN must name the escale binary");
    QVERIFY2(config::Keychain::reachable(), "run inside tests/keychain/in-keyring.sh");
    QCOMPARE(ui::installTranslation(*QCoreApplication::instance(), "en"), QString("en"));
}

void tst_Wizard::folderRelayCreateThenJoin()
{
    QTemporaryDir tmp;
    const QString relay = tmp.filePath("relay"), aliceConf = tmp.filePath("alice/escale.conf");
    const QString alice = tmp.filePath("alice/Documents"), bob = tmp.filePath("bob/Documents");
    QDir().mkpath(relay);
    const QString passphrase = "violet anchor harbour 1987 teapot";

    // Alice creates the repository.
    {
        Wizard w(aliceConf);
        QSignalSpy added(&w, &Wizard::repositoryAdded);
        w.show();
        QCOMPARE(w.currentId(), int(Wizard::TypePage));
        QVERIFY(child<QRadioButton>(w, "type.folder")->isChecked());
        next(w);
        QCOMPARE(w.currentId(), int(Wizard::ConnectionPage));
        refused(w, "fill in the folder");
        set(w, "relayFolder", "relative/path");
        refused(w, "full path");
        set(w, "relayFolder", tmp.filePath("missing"));
        refused(w, "does not exist");
        set(w, "relayFolder", relay);
        next(w); // tested on a thread, then on by itself
        QTRY_COMPARE(w.currentId(), int(Wizard::RepositoryPage));
        QVERIFY(child<QRadioButton>(w, "create")->isChecked());
        QVERIFY(!child<QRadioButton>(w, "join")->isEnabled());
        next(w);
        QCOMPARE(w.currentId(), int(Wizard::PassphrasePage));
        QVERIFY(child<QCheckBox>(w, "encrypt")->isChecked());
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(child<QLineEdit>(w, "passphrase")));
        // Generate: a strong passphrase in both fields, shown, with Copy and the advice to keep it.
        child<QPushButton>(w, "generatePassphrase")->click();
        const QString generated = child<QLineEdit>(w, "passphrase")->text();
        QVERIFY2(QRegularExpression("^([a-z2-9]{4}-){5}[a-z2-9]{4}$").match(generated).hasMatch(), qPrintable(generated));
        QCOMPARE(child<QLineEdit>(w, "confirmation")->text(), generated);
        QCOMPARE(child<QLineEdit>(w, "passphrase")->echoMode(), QLineEdit::Normal);
        QVERIFY(child<QWidget>(w, "generated")->isVisible());
        QVERIFY(child<QLabel>(w, "strengthLabel")->text().contains("Strong"));
        child<QPushButton>(w, "copyPassphrase")->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), generated);
        child<QPushButton>(w, "generatePassphrase")->click();
        QVERIFY(child<QLineEdit>(w, "passphrase")->text() != generated); // random each time
        child<QCheckBox>(w, "showPassphrase")->setChecked(false);
        QCOMPARE(child<QLineEdit>(w, "passphrase")->echoMode(), QLineEdit::Password);
        set(w, "passphrase", "");
        set(w, "confirmation", "");
        refused(w, "type a passphrase");
        set(w, "passphrase", passphrase);
        set(w, "confirmation", passphrase + "x");
        refused(w, "differ");
        set(w, "passphrase", "hunter2");
        set(w, "confirmation", "hunter2");
        refused(w, "too easy to guess");
        set(w, "passphrase", passphrase);
        set(w, "confirmation", passphrase);
        next(w);
        QCOMPARE(w.currentId(), int(Wizard::LocalPage));
        // The folder and the repository are named after the relay's folder, never "Escale-2".
        const QString base = setup::folderNameFor(relay);
        QCOMPARE(child<QLineEdit>(w, "localFolder")->text(), QDir::homePath() + "/Escale/" + base);
        QCOMPARE(child<QLineEdit>(w, "repositoryName")->text(), setup::suggestName(aliceConf, base));
        QCOMPARE(setup::folderNameFor("webdavs://h/remote.php/dav/files/me/Photos"), QString("Photos"));
        QCOMPARE(setup::folderNameFor("/media/usb/team/escale"), QString("Team"));
        QCOMPARE(setup::folderNameFor("s3://s3.example.org/family/"), QString("Family"));
        QCOMPARE(setup::folderNameFor("sftp://me@h/"), QString("Shared"));
        set(w, "localFolder", relay + "/inside");
        refused(w, "apart");
        set(w, "localFolder", alice);
        QCOMPARE(child<QLineEdit>(w, "repositoryName")->text(), QString("Documents"));
        set(w, "repositoryName", "DEFAULT");
        refused(w, "reserved");
        set(w, "repositoryName", "docs");
        set(w, "deviceName", "");
        refused(w, "give this machine a name");
        set(w, "deviceName", "alice/laptop");
        refused(w, "without /");
        set(w, "deviceName", "alice");
        child<QComboBox>(w, "mode")->setCurrentIndex(0);
        next(w);
        QCOMPARE(w.currentId(), int(Wizard::FiltersPage));
        child<QPlainTextEdit>(w, "exclude")->setPlainText("/[unclosed/");
        refused(w, "invalid regular expression");
        child<QPlainTextEdit>(w, "exclude")->setPlainText("*.tmp");
        next(w);
        QCOMPARE(w.currentId(), int(Wizard::SummaryPage));
        // Back and forth keeps what was typed.
        w.button(QWizard::BackButton)->click();
        w.button(QWizard::BackButton)->click();
        QCOMPARE(w.currentId(), int(Wizard::LocalPage));
        QCOMPARE(child<QLineEdit>(w, "deviceName")->text(), QString("alice"));
        next(w);
        next(w);
        QCOMPARE(w.currentId(), int(Wizard::SummaryPage));
        const QString summary = child<QLabel>(w, "summary")->text();
        QVERIFY2(summary.contains("create &#x27;docs&#x27;") || summary.contains("create 'docs'"),
                 qPrintable(summary));
        QVERIFY2(summary.contains("in the system keychain"), qPrintable(summary));
        // What is not synced, exactly: the defaults and the pattern typed.
        QVERIFY2(summary.contains("temporary files of editors and systems (*~ .*.swp") &&
                     summary.contains("files named *.tmp") && !summary.contains("hidden files"),
                 qPrintable(summary));
        // Every page has the same header: a title and a line under it.
        for (int id : w.pageIds())
            QVERIFY2(!w.page(id)->title().isEmpty() && !w.page(id)->subTitle().isEmpty(), qPrintable(QString::number(id)));
        // Nothing written before Finish.
        QVERIFY(!QFileInfo::exists(aliceConf));
        QVERIFY(!QFileInfo::exists(alice));
        QString error;
        QVERIFY(!config::Keychain::read("docs/passphrase", error));
        w.button(QWizard::FinishButton)->click();
        QCOMPARE(added.size(), 1);
        QVERIFY(!w.isVisible());
        QCOMPARE(w.added().name, QString("docs"));
    }
    const QByteArray text = harness::readFile(aliceConf);
    QVERIFY2(text.contains("[docs]") && text.contains("encryption = on") &&
                 text.contains("exclude = *.tmp") && text.contains("client name = alice"),
             text.constData());
    QVERIFY2(!text.contains(passphrase.toUtf8()), "the passphrase must not be in the configuration");
    QCOMPARE(QFile::permissions(aliceConf) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QString error;
    QCOMPARE(config::Keychain::read("docs/passphrase", error).value_or(QByteArray()), passphrase.toUtf8());
    const config::LoadResult loaded = config::ConfigLoader::loadFile(aliceConf);
    QVERIFY(!loaded.hasErrors());
    QCOMPARE(loaded.config.repositories.size(), 1);

    // The configuration syncs: alice's files go to the relay, encrypted.
    harness::writeFile(alice + "/report.txt", "quarterly figures\n");
    harness::writeFile(alice + "/sub/photo.jpg", QByteArray(200'000, 'p'));
    harness::writeFile(alice + "/scratch.tmp", "not synced");
    QCOMPARE(escaleOnce(aliceConf), 0);
    QVERIFY(QFileInfo::exists(relay + "/escale-repository.json"));
    QVERIFY(!harness::readFile(relay + "/escale-repository.json").contains("\"encryption\": \"off\""));

    // Bob joins it from his machine: the repository is found, the passphrase checked.
    const QString bobConf = tmp.filePath("bob/escale.conf");
    {
        Wizard w(bobConf);
        QSignalSpy added(&w, &Wizard::repositoryAdded);
        toRepositoryPage(w, relay);
        QVERIFY(child<QRadioButton>(w, "join")->isChecked());
        QVERIFY(!child<QRadioButton>(w, "create")->isEnabled());
        const QString info = child<QLabel>(w, "repositoryInfo")->text();
        QVERIFY2(info.contains("encrypted with AES-256-GCM") && info.contains("1 machine syncs it"),
                 qPrintable(info));
        next(w);
        QCOMPARE(w.currentId(), int(Wizard::PassphrasePage));
        QVERIFY(!child<QCheckBox>(w, "encrypt")->isVisible());
        set(w, "passphrase", "not the passphrase");
        next(w);
        auto* status = child<QLabel>(w, "status");
        QTRY_VERIFY2(status->text().contains("Wrong passphrase"), qPrintable(status->text()));
        QCOMPARE(w.currentId(), int(Wizard::PassphrasePage));
        set(w, "passphrase", passphrase);
        next(w);
        QTRY_COMPARE(w.currentId(), int(Wizard::LocalPage));
        // The names of the machines are known now that the passphrase opened the repository.
        QCOMPARE(w.found().clients.size(), 1);
        QCOMPARE(w.found().clients.first().name, QString("alice"));
        set(w, "localFolder", bob);
        set(w, "deviceName", "alice");
        refused(w, "already named");
        set(w, "deviceName", "bob");
        set(w, "repositoryName", "docs-bob");
        next(w);
        next(w);
        QCOMPARE(w.currentId(), int(Wizard::SummaryPage));
        QVERIFY(child<QLabel>(w, "summary")->text().contains("join"));
        w.button(QWizard::FinishButton)->click();
        QCOMPARE(added.size(), 1);
    }
    QVERIFY(harness::readFile(bobConf).contains("encryption = aes-256-gcm"));
    QCOMPARE(config::Keychain::read("docs-bob/passphrase", error).value_or(QByteArray()),
             passphrase.toUtf8());
    QCOMPARE(escaleOnce(bobConf), 0);
    QCOMPARE(harness::readFile(bob + "/report.txt"), harness::readFile(alice + "/report.txt"));
    QCOMPARE(harness::readFile(bob + "/sub/photo.jpg"), harness::readFile(alice + "/sub/photo.jpg"));
    QVERIFY(!QFileInfo::exists(bob + "/scratch.tmp"));

    // Bob removes the repository, then syncs the same folder through a new relay: the state the
    // first one left is set aside (else: "holds another repository"), his files go to the new one.
    const config::RepositoryConfig first = config::ConfigLoader::loadFile(bobConf).config.repositories.first();
    const QString oldState = QFileInfo(sync::LocalState::pathFor(first)).absolutePath();
    QVERIFY(QFileInfo::exists(oldState));
    QVERIFY(config::removeSectionFromFile(bobConf, "docs-bob", error));
    const QString relay2 = tmp.filePath("relay2");
    QDir().mkpath(relay2);
    {
        Wizard w(bobConf);
        toRepositoryPage(w, relay2);
        QVERIFY(child<QRadioButton>(w, "create")->isChecked());
        next(w);
        child<QCheckBox>(w, "encrypt")->setChecked(false);
        next(w);
        QCOMPARE(w.currentId(), int(Wizard::LocalPage));
        set(w, "localFolder", bob);
        set(w, "deviceName", "bob");
        set(w, "repositoryName", "docs-again");
        next(w);
        next(w);
        QCOMPARE(w.currentId(), int(Wizard::SummaryPage));
        w.button(QWizard::FinishButton)->click();
        QVERIFY(!w.isVisible());
    }
    QVERIFY(!QFileInfo::exists(oldState));
    const QStringList aside = QFileInfo(oldState).dir().entryList({QFileInfo(oldState).fileName() + ".replaced-*"},
                                                                  QDir::Dirs);
    QCOMPARE(aside.size(), 1);
    QCOMPARE(escaleOnce(bobConf), 0);
    QVERIFY(QFileInfo::exists(relay2 + "/escale-repository.json"));
    QCOMPARE(harness::readFile(bob + "/report.txt"), QByteArray("quarterly figures\n"));
}

void tst_Wizard::webDavWithKeychain()
{
    RcloneWebDav server;
    QVERIFY(server.started());
    QTemporaryDir tmp;
    const QString conf = tmp.filePath("escale.conf"), folder = tmp.filePath("dav-folder");
    // An existing configuration: its comments and other sections stay as they are.
    const QByteArray existing = "# my settings\nlog level = info\n\n[other]\n# keep me\nlocal path = " +
                                tmp.filePath("other").toUtf8() +
                                "\nrelay address = " + tmp.filePath("other-relay").toUtf8() +
                                "\nunknown key = kept\n";
    harness::writeFile(conf, existing);
    QDir().mkpath(tmp.filePath("other"));
    QDir().mkpath(tmp.filePath("other-relay"));
    const QString url = QString("http://127.0.0.1:%1/repo").arg(server.port());
    {
        Wizard w(conf);
        QSignalSpy added(&w, &Wizard::repositoryAdded);
        w.show();
        child<QRadioButton>(w, "type.webdav")->setChecked(true);
        next(w);
        QVERIFY(child<QLineEdit>(w, "url")->isVisible());
        QVERIFY(!child<QLineEdit>(w, "relayFolder")->isVisible());
        set(w, "url", url);
        refused(w, "fill in the user name");
        set(w, "user", "tester");
        set(w, "password", "wrong");
        next(w);
        auto* status = child<QLabel>(w, "status");
        QTRY_VERIFY2(status->text().contains("refused the user name or password"),
                     qPrintable(status->text()));
        QCOMPARE(w.currentId(), int(Wizard::ConnectionPage));
        set(w, "url", QString("http://127.0.0.1:%1/repo").arg(freePort()));
        next(w);
        QTRY_VERIFY2(status->text().contains("cannot be reached"), qPrintable(status->text()));
        QCOMPARE(w.currentId(), int(Wizard::ConnectionPage));
        set(w, "url", url);
        set(w, "password", "testpw");
        child<QAbstractButton>(w, "testConnection")->click();
        QTRY_VERIFY2(status->text().contains("Connected"), qPrintable(status->text()));
        QCOMPARE(w.currentId(), int(Wizard::ConnectionPage)); // a test alone does not go on
        next(w);
        QCOMPARE(w.currentId(), int(Wizard::RepositoryPage));
        next(w);
        child<QCheckBox>(w, "encrypt")->setChecked(false);
        QVERIFY(child<QLabel>(w, "status")->text().contains("can read your files"));
        next(w);
        QCOMPARE(w.currentId(), int(Wizard::LocalPage));
        set(w, "localFolder", folder);
        set(w, "repositoryName", "other");
        refused(w, "already has a repository named");
        set(w, "localFolder", tmp.filePath("other/inner"));
        set(w, "repositoryName", "dav");
        refused(w, "");
        QVERIFY2(child<QLabel>(w, "status")->text().contains("other"),
                 qPrintable(child<QLabel>(w, "status")->text()));
        set(w, "localFolder", folder);
        set(w, "deviceName", "laptop");
        set(w, "repositoryName", "dav");
        next(w);
        next(w);
        QCOMPARE(w.currentId(), int(Wizard::SummaryPage));
        w.button(QWizard::FinishButton)->click();
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().first().value<config::RepositoryConfig>().name, QString("dav"));
    }
    const QByteArray text = harness::readFile(conf);
    QVERIFY2(text.startsWith(existing), text.constData());
    QVERIFY2(text.contains("[dav]\nrelay address = " + url.toUtf8() + "\nuser = tester\n"), text.constData());
    QVERIFY2(!text.contains("testpw"), "the password must not be in the configuration");
    QString error;
    QCOMPARE(config::Keychain::read("dav/password", error).value_or(QByteArray()), QByteArray("testpw"));
    QVERIFY(!config::Keychain::read("dav/passphrase", error));
    // It syncs with the password from the keychain: `escale --once`, and the desktop's own
    // instance, whose engines read the keychain on their threads.
    harness::writeFile(folder + "/notes.md", "# notes\n");
    QCOMPARE(escaleOnce(conf), 0);
    QVERIFY(QFileInfo::exists(server.root() + "/repo/escale-repository.json"));
    const config::LoadResult reread = config::ConfigLoader::loadFile(conf);
    QVERIFY(!reread.hasErrors());
    control::Instance instance(reread.config, false);
    instance.start();
    QTRY_VERIFY_WITH_TIMEOUT(instance.status(1).state == control::RepositoryStatus::State::Idle, 30'000);
    QVERIFY2(instance.status(1).lastError.isEmpty(), qPrintable(instance.status(1).lastError));
    QCOMPARE(instance.repository(1).name, QString("dav"));
    instance.stop();
}

void tst_Wizard::untrustedCertificateAndCancel()
{
    RcloneWebDav server(true);
    QVERIFY(server.started());
    QTemporaryDir tmp;
    const QString conf = tmp.filePath("escale.conf");
    const QSslCertificate certificate = QSslCertificate::fromPath(server.certificate()).value(0);
    QVERIFY(!certificate.isNull());
    const QString fingerprint =
        QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    Wizard w(conf);
    w.show();
    child<QRadioButton>(w, "type.webdav")->setChecked(true);
    next(w);
    set(w, "url", QString("https://127.0.0.1:%1/repo").arg(server.port()));
    set(w, "user", "tester");
    set(w, "password", "testpw");
    next(w);
    auto* trust = child<QGroupBox>(w, "trust");
    QTRY_VERIFY(trust->isVisible());
    const QString details = child<QLabel>(w, "trustDetails")->text();
    QVERIFY2(details.contains(fingerprint), qPrintable(details + "\n" + fingerprint));
    QVERIFY(child<QLabel>(w, "status")->text().contains("not trusted"));
    // Not trusted until the user says so.
    refused(w, "not trusted");
    QTRY_VERIFY(trust->isVisible());
    child<QCheckBox>(w, "trustCheck")->setChecked(true);
    auto* status = child<QLabel>(w, "status");
    QTRY_VERIFY2(status->text().contains("Connected"), qPrintable(status->text()));
    next(w);
    QCOMPARE(w.currentId(), int(Wizard::RepositoryPage));
    QVERIFY(w.repository().value("certificate fingerprint") == fingerprint);
    // Cancel (or Escape) asks first: Stay keeps everything entered; Leave closes.
    auto answer = [](const QString& button) {
        QTimer::singleShot(0, [button] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            QCOMPARE(box->objectName(), QString("leaveSetup"));
            for (QAbstractButton* b : box->buttons())
                if (b->text() == button)
                    b->click();
        });
    };
    answer("Stay");
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(w.isVisible());
    QCOMPARE(w.currentId(), int(Wizard::RepositoryPage));
    // Cancel: nothing was written anywhere.
    answer("Leave");
    w.button(QWizard::CancelButton)->click();
    QVERIFY(!w.isVisible());
    QVERIFY(!QFileInfo::exists(conf));
    QString error;
    QVERIFY(!config::Keychain::read("repo/password", error));
    QVERIFY(QDir(server.root()).isEmpty() ||
            !QFileInfo::exists(server.root() + "/repo/escale-repository.json"));
}

void tst_Wizard::sftpHostKeyTrusted()
{
    OpenSshd server;
    QVERIFY(server.started());
    QTemporaryDir tmp;
    const QString conf = tmp.filePath("escale.conf"), folder = tmp.filePath("sftp-folder");
    QProcess keygen;
    keygen.start("ssh-keygen", {"-lf", server.hostKey()});
    QVERIFY(keygen.waitForFinished(10'000));
    const QString fingerprint = QString::fromUtf8(keygen.readAll()).section(' ', 1, 1);
    QVERIFY2(fingerprint.startsWith("SHA256:"), qPrintable(fingerprint));
    Wizard w(conf);
    QSignalSpy added(&w, &Wizard::repositoryAdded);
    w.show();
    child<QRadioButton>(w, "type.sftp")->setChecked(true);
    next(w);
    set(w, "host", "127.0.0.1");
    child<QSpinBox>(w, "port")->setValue(server.port());
    set(w, "remotePath", server.root() + "/repo");
    set(w, "user", "root");
    set(w, "privateKey", server.clientKey());
    next(w);
    // Seen for the first time: its key is shown, and nothing goes on until it is trusted.
    auto* trust = child<QGroupBox>(w, "trust");
    QTRY_VERIFY_WITH_TIMEOUT(trust->isVisible(), 20'000);
    QVERIFY2(child<QLabel>(w, "trustDetails")->text().contains(fingerprint),
             qPrintable(child<QLabel>(w, "trustDetails")->text()));
    QVERIFY(child<QLabel>(w, "status")->text().contains("host key is not known"));
    QCOMPARE(w.currentId(), int(Wizard::ConnectionPage));
    child<QCheckBox>(w, "trustCheck")->setChecked(true);
    auto* status = child<QLabel>(w, "status");
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains("Connected"), 20'000);
    next(w);
    QCOMPARE(w.currentId(), int(Wizard::RepositoryPage));
    next(w);
    child<QCheckBox>(w, "encrypt")->setChecked(false);
    next(w);
    set(w, "localFolder", folder);
    set(w, "repositoryName", "ssh");
    next(w);
    next(w);
    w.button(QWizard::FinishButton)->click();
    QCOMPARE(added.size(), 1);
    const QByteArray text = harness::readFile(conf);
    QVERIFY2(text.contains("host key = " + fingerprint.toUtf8()) &&
                 text.contains("private key = " + server.clientKey().toUtf8()),
             text.constData());
    harness::writeFile(folder + "/over-ssh.txt", "ssh");
    QCOMPARE(escaleOnce(conf), 0);
    QVERIFY(QFileInfo::exists(server.root() + "/repo/escale-repository.json"));
}

void tst_Wizard::withoutKeychainSecretsGoToFiles()
{
    QTemporaryDir tmp;
    const QString relay = tmp.filePath("relay"), conf = tmp.filePath("conf/escale.conf");
    QDir().mkpath(relay);
    const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // a desktop without a keychain
    auto restore = qScopeGuard([&bus] { qputenv("DBUS_SESSION_BUS_ADDRESS", bus); });
    Wizard w(conf);
    QSignalSpy added(&w, &Wizard::repositoryAdded);
    toRepositoryPage(w, relay);
    next(w);
    set(w, "passphrase", "correct horse battery staple");
    set(w, "confirmation", "correct horse battery staple");
    next(w);
    set(w, "localFolder", tmp.filePath("local"));
    set(w, "repositoryName", "nokeychain");
    next(w);
    next(w);
    QCOMPARE(w.currentId(), int(Wizard::SummaryPage));
    QVERIFY(child<QLabel>(w, "summary")->text().contains("no keychain here"));
    auto* files = child<QCheckBox>(w, "secretsInFiles");
    QVERIFY(files->isVisible() && files->isChecked());
    // Refusing the files: Finish fails, says why, and writes nothing.
    files->setChecked(false);
    w.button(QWizard::FinishButton)->click();
    auto* status = child<QLabel>(w, "status");
    QTRY_VERIFY2(status->isVisible() && status->text().contains("keychain"), qPrintable(status->text()));
    QVERIFY(w.isVisible());
    QCOMPARE(added.size(), 0);
    QVERIFY(!QFileInfo::exists(conf));
    QVERIFY(!QFileInfo::exists(tmp.filePath("local")));
    files->setChecked(true);
    w.button(QWizard::FinishButton)->click();
    QCOMPARE(added.size(), 1);
    const QString secret = tmp.filePath("conf/secrets/nokeychain.passphrase");
    QCOMPARE(harness::readFile(secret), QByteArray("correct horse battery staple"));
    QCOMPARE(QFile::permissions(secret) &
                 (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QVERIFY2(harness::readFile(conf).contains("passphrase = " + secret.toUtf8()),
             harness::readFile(conf).constData());
    // Headless, with the file: it syncs.
    harness::writeFile(tmp.filePath("local/a.txt"), "a");
    restore.dismiss();
    QCOMPARE(escaleOnce(conf), 0);
    qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
    QVERIFY(QFileInfo::exists(relay + "/escale-repository.json"));
}

QTEST_MAIN(tst_Wizard)
#include "tst_Wizard.moc"
