#include "LogViewer.h"

#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QUrl>
#include <QVBoxLayout>

namespace escale::ui {

namespace {
constexpr qint64 kTail = 2 * 1024 * 1024; // the end of a big log is what matters
const char* const kLevels[] = {"debug", "info", "warning", "error", "fatal"};
} // namespace

LogViewer::LogViewer(const QString& logFile, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_file(logFile)
{
    setObjectName(QStringLiteral("logViewer"));
    setWindowTitle(tr("Log"));
    auto* layout = new QVBoxLayout(this);
    auto* filters = new QHBoxLayout;
    m_repository = new QComboBox(this);
    m_repository->setObjectName(QStringLiteral("repository"));
    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("level"));
    m_level->addItem(tr("Everything, details included"), 0);
    m_level->addItem(tr("Information, warnings and errors"), 1);
    m_level->addItem(tr("Warnings and errors"), 2);
    m_level->addItem(tr("Errors only"), 3);
    m_level->setCurrentIndex(1);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Words to find"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(new QLabel(tr("Repository:"), this));
    filters->addWidget(m_repository);
    filters->addWidget(new QLabel(tr("Show:"), this));
    filters->addWidget(m_level);
    filters->addWidget(m_search, 1);
    layout->addLayout(filters);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("lines"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setFont(QFont(QStringLiteral("monospace")));
    layout->addWidget(m_text, 1);
    auto* buttons = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("copy"));
    copy->setToolTip(tr("Copies the lines shown, to paste them in a message or a bug report"));
    auto* folder = new QPushButton(tr("Open the log folder"), this);
    folder->setObjectName(QStringLiteral("openFolder"));
    buttons->addWidget(m_status, 1);
    buttons->addWidget(copy);
    buttons->addWidget(folder);
    layout->addLayout(buttons);
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_shown.join(QLatin1Char('\n'))); });
    connect(folder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_file).absolutePath())); });
    connect(m_repository, &QComboBox::currentIndexChanged, this, &LogViewer::refilter);
    connect(m_level, &QComboBox::currentIndexChanged, this, &LogViewer::refilter);
    connect(m_search, &QLineEdit::textChanged, this, &LogViewer::refilter);
    // Followed as it grows.
    m_follow.setInterval(1000);
    connect(&m_follow, &QTimer::timeout, this, [this] {
        const QFileInfo info(m_file);
        if (info.size() != m_readSize || info.lastModified() != m_readModified)
            reload();
    });
    m_follow.start();
    reload();
    resize(900, 560);
}

std::optional<LogViewer::Line> LogViewer::parse(const QString& text)
{
    // 2026-12-05T22:00:00.123Z info escale.engine: [docs] message
    static const QRegularExpression form(QStringLiteral("^(\\S+) (debug|info|warning|error|fatal) (\\S+): (.*)$"));
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    Line line;
    line.time = QDateTime::fromString(m.captured(1), Qt::ISODateWithMs);
    for (int i = 0; i < 5; ++i)
        if (m.captured(2) == QLatin1String(kLevels[i]))
            line.level = std::min(i, 3);
    static const QRegularExpression repository(QStringLiteral("^\\[([^\\]]+)\\] "));
    if (const QRegularExpressionMatch r = repository.match(m.captured(4)); r.hasMatch())
        line.repository = r.captured(1);
    line.text = text;
    return line;
}

void LogViewer::reload()
{
    QFile file(m_file);
    m_lines.clear();
    const QFileInfo info(m_file);
    m_readSize = info.size();
    m_readModified = info.lastModified();
    if (file.open(QIODevice::ReadOnly)) {
        if (file.size() > kTail)
            file.seek(file.size() - kTail);
        QList<QByteArray> raw = file.readAll().split('\n');
        if (file.pos() > 0 && !raw.isEmpty() && file.size() > kTail)
            raw.removeFirst(); // cut in its middle
        for (const QByteArray& bytes : std::as_const(raw)) {
            const QString text = QString::fromUtf8(bytes);
            if (const auto line = parse(text))
                m_lines.append(*line);
            else if (!text.isEmpty() && !m_lines.isEmpty()) // a message of several lines
                m_lines.last().text += QLatin1Char('\n') + text;
        }
    }
    // The repositories named in it, for the filter.
    QStringList names;
    for (const Line& l : std::as_const(m_lines))
        if (!l.repository.isEmpty() && !names.contains(l.repository))
            names << l.repository;
    names.sort();
    const QString chosen = m_repository->currentData().toString();
    {
        const QSignalBlocker quiet(m_repository);
        m_repository->clear();
        m_repository->addItem(tr("All"), QString());
        for (const QString& n : std::as_const(names))
            m_repository->addItem(n, n);
        m_repository->setCurrentIndex(std::max(0, m_repository->findData(chosen)));
    }
    refilter();
}

void LogViewer::setRepositoryFilter(const QString& repository)
{
    m_repository->setCurrentIndex(std::max(0, m_repository->findData(repository)));
}

void LogViewer::setLevelFilter(int minimum)
{
    m_level->setCurrentIndex(std::clamp(minimum, 0, 3));
}

void LogViewer::refilter()
{
    const QString repository = m_repository->currentData().toString();
    const int level = m_level->currentData().toInt();
    const QString words = m_search->text().trimmed();
    m_shown.clear();
    for (const Line& l : std::as_const(m_lines))
        if (l.level >= level && (repository.isEmpty() || l.repository == repository) &&
            (words.isEmpty() || l.text.contains(words, Qt::CaseInsensitive)))
            m_shown << l.text;
    const bool atEnd = m_text->verticalScrollBar()->value() == m_text->verticalScrollBar()->maximum();
    m_text->setPlainText(m_shown.join(QLatin1Char('\n')));
    if (atEnd)
        m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
    const QFileInfo info(m_file);
    m_status->setText(!info.exists()     ? tr("%1 does not exist yet: nothing was logged").arg(m_file)
                      : !info.isReadable() ? tr("%1 cannot be read by you: check its permissions").arg(m_file)
                                           : tr("%1 — %n line(s) shown", nullptr, int(m_shown.size())).arg(m_file));
}

} // namespace escale::ui
