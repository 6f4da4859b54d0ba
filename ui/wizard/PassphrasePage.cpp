#include "wizard/PassphrasePage.h"

#include "StatusLabel.h"
#include "wizard/PageHelpers.h"

#include "setup/PassphraseStrength.h"
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTimer>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QVBoxLayout>

namespace escale::ui::wizard {

using Outcome = setup::ProbeResult::Outcome;

PassphrasePage::PassphrasePage(SetupWizard* wizard)
    : QWizardPage(wizard)
{
    setTitle(tr("Encryption"));
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_encrypt = new QCheckBox(tr("Encrypt everything on the relay (recommended)"), this);
    m_encrypt->setObjectName(QStringLiteral("encrypt"));
    m_encrypt->setChecked(true);
    layout->addWidget(m_encrypt);
    auto* form = m_form = new QFormLayout;
    m_passphrase = lineEdit(QStringLiteral("passphrase"), QString(), this);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_confirmation = lineEdit(QStringLiteral("confirmation"), QString(), this);
    m_confirmation->setEchoMode(QLineEdit::Password);
    m_strength = new QProgressBar(this);
    m_strength->setObjectName(QStringLiteral("strength"));
    m_strength->setRange(0, 5);
    m_strength->setTextVisible(false);
    m_strength->setMaximumHeight(10);
    m_strengthLabel = new QLabel(this);
    m_strengthLabel->setObjectName(QStringLiteral("strengthLabel"));
    m_strengthLabel->setWordWrap(true);
    m_show = new QCheckBox(tr("Show"), this);
    m_show->setObjectName(QStringLiteral("showPassphrase"));
    m_generate = new QPushButton(tr("Generate one"), this);
    m_generate->setObjectName(QStringLiteral("generatePassphrase"));
    m_generate->setToolTip(tr("A strong random passphrase, shown once: keep a copy"));
    auto* passphraseRow = new QHBoxLayout;
    passphraseRow->addWidget(m_passphrase, 1);
    passphraseRow->addWidget(m_show);
    passphraseRow->addWidget(m_generate);
    form->addRow(tr("Passphrase:"), passphraseRow);
    form->addRow(tr("Again:"), m_confirmation);
    // A generated passphrase, shown once, with Copy and the advice to keep it.
    m_generated = new QWidget(this);
    m_generated->setObjectName(QStringLiteral("generated"));
    auto* generatedRow = new QHBoxLayout(m_generated);
    generatedRow->setContentsMargins(0, 0, 0, 0);
    auto* advice = new QLabel(tr("Keep this passphrase in a password manager or on paper in a safe place: "
                                 "every machine joining needs it, and nobody can recover it, Escale included."),
                              m_generated);
    advice->setObjectName(QStringLiteral("generatedAdvice"));
    advice->setWordWrap(true);
    auto* copy = new QPushButton(tr("Copy"), m_generated);
    copy->setObjectName(QStringLiteral("copyPassphrase"));
    generatedRow->addWidget(advice, 1);
    generatedRow->addWidget(copy, 0, Qt::AlignTop);
    m_generated->hide();
    form->addRow(QString(), m_generated);
    connect(m_show, &QCheckBox::toggled, this, [this](bool on) {
        for (QLineEdit* e : {m_passphrase, m_confirmation})
            e->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_generate, &QPushButton::clicked, this, [this] {
        const QString made = setup::generatePassphrase();
        m_passphrase->setText(made);
        m_confirmation->setText(made);
        m_show->setChecked(true);
        m_generated->show();
        m_status->clearMessage();
    });
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_passphrase->text()); });
    // Typed by hand again: the generated one is gone from view.
    connect(m_passphrase, &QLineEdit::textEdited, m_generated, &QWidget::hide);
    form->addRow(tr("Strength:"), m_strength);
    form->addRow(QString(), m_strengthLabel);
    layout->addLayout(form);
    m_status = new StatusLabel(this);
    layout->addWidget(m_status);
    layout->addStretch();
    connect(m_passphrase, &QLineEdit::textChanged, this, &PassphrasePage::updateStrength);
    connect(m_passphrase, &QLineEdit::textEdited, m_status, &StatusLabel::clearMessage);
    connect(m_confirmation, &QLineEdit::textEdited, m_status, &StatusLabel::clearMessage);
    connect(m_encrypt, &QCheckBox::toggled, this, [this](bool on) {
        m_passphrase->setEnabled(on);
        m_confirmation->setEnabled(on);
        if (on)
            m_status->clearMessage();
        else
            m_status->error(
                tr("Without encryption, whoever can read the relay (its administrator, a thief of the "
                   "drive) can read your files."));
    });
    connect(&m_probe, &setup::RelayProbe::finished, this, &PassphrasePage::checked);
}

void PassphrasePage::initializePage()
{
    const bool joining = wiz()->joining();
    m_encrypt->setVisible(!joining);
    m_generate->setVisible(!joining);
    if (joining)
        m_generated->hide();
    for (QWidget* w : {static_cast<QWidget*>(m_confirmation), static_cast<QWidget*>(m_strength),
                       static_cast<QWidget*>(m_strengthLabel)})
        m_form->setRowVisible(w, !joining);
    setSubTitle(joining ? tr("The passphrase of the repository you join.")
                        : tr("Whoever can read the relay sees only encrypted data."));
    QTimer::singleShot(0, m_passphrase, [this] { m_passphrase->setFocus(); }); // typed at once
    if (joining) {
        m_intro->setText(
            tr("This repository is encrypted with %1. Type its passphrase: it is checked against "
               "the repository before going on.")
                .arg(suiteName(wiz()->found().encryption)));
    } else {
        m_intro->setText(
            tr("The passphrase encrypts names and contents before they leave this machine. Every "
               "machine joining the repository needs it. It cannot be recovered: keep a copy in a "
               "safe place. It goes to the system keychain, never into the configuration file."));
    }
    m_status->clearMessage();
    updateStrength();
}

void PassphrasePage::cleanupPage()
{
    m_probe.cancel();
}

void PassphrasePage::updateStrength()
{
    const setup::PassphraseStrength s = setup::PassphraseStrength::of(m_passphrase->text());
    using Level = setup::PassphraseStrength::Level;
    m_strength->setValue(m_passphrase->text().isEmpty() ? 0 : int(s.level) + 1);
    static const char* colours[] = {"#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32"};
    m_strength->setStyleSheet(
        QStringLiteral("QProgressBar::chunk { background: %1; }").arg(QLatin1String(colours[int(s.level)])));
    QString verdict;
    switch (s.level) {
    case Level::VeryWeak:
        verdict = tr("Very weak");
        break;
    case Level::Weak:
        verdict = tr("Weak");
        break;
    case Level::Fair:
        verdict = tr("Fair");
        break;
    case Level::Good:
        verdict = tr("Good");
        break;
    case Level::Strong:
        verdict = tr("Strong");
        break;
    }
    if (m_passphrase->text().isEmpty())
        m_strengthLabel->setText(tr("Several unrelated words are easy to remember and hard to guess."));
    else if (s.level < Level::Strong)
        m_strengthLabel->setText(tr("%1: add words, digits or symbols to make it stronger.").arg(verdict));
    else
        m_strengthLabel->setText(verdict);
}

bool PassphrasePage::validatePage()
{
    setup::NewRepository& r = wiz()->repository();
    const QString passphrase = m_passphrase->text();
    if (!wiz()->joining()) {
        if (!m_encrypt->isChecked()) {
            r.set(QStringLiteral("encryption"), QStringLiteral("off"));
            r.passphrase.clear();
            return true;
        }
        if (passphrase.isEmpty()) {
            m_status->error(tr("Type a passphrase, or turn encryption off."));
            return false;
        }
        if (passphrase != m_confirmation->text()) {
            m_status->error(tr("The two passphrases differ: type the same one twice."));
            return false;
        }
        if (!setup::PassphraseStrength::of(passphrase).acceptable()) {
            m_status->error(
                tr("This passphrase is too easy to guess: the relay holds what an attacker needs to "
                   "try passphrases offline. Make it longer."));
            return false;
        }
        r.set(QStringLiteral("encryption"), QStringLiteral("on"));
        r.passphrase = passphrase.toUtf8();
        return true;
    }
    if (passphrase.isEmpty()) {
        m_status->error(tr("Type the repository's passphrase."));
        return false;
    }
    if (!m_verified.isEmpty() && m_verified == passphrase) {
        r.set(QStringLiteral("encryption"), wiz()->found().encryption);
        r.passphrase = passphrase.toUtf8();
        return true;
    }
    if (m_probe.running() && m_testing == passphrase)
        return false;
    QString error;
    const auto config = probeConfig(wiz(), error);
    if (!config) {
        m_status->error(error);
        return false;
    }
    m_testing = passphrase;
    m_status->info(tr("Checking the passphrase..."));
    m_probe.start(*config, passphrase.toUtf8());
    return false;
}

void PassphrasePage::checked(const setup::ProbeResult& result)
{
    if (result.outcome != Outcome::Found) {
        m_status->error(tr("The relay could not be read again: %1").arg(result.error));
        return;
    }
    if (result.passphraseWrong) {
        m_status->error(tr("Wrong passphrase: it does not open this repository."));
        return;
    }
    m_verified = m_testing;
    wiz()->setFound(result);
    m_status->success(tr("The passphrase opens the repository."));
    if (m_passphrase->text() == m_verified)
        wizard()->next();
}

} // namespace escale::ui::wizard
