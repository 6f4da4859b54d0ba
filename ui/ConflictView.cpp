#include "ConflictView.h"

#include "Words.h"

#include <QDesktopServices>
#include <QFile>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStringDecoder>
#include <QTextBlock>
#include <QTextCursor>
#include <QUrl>
#include <vector>

namespace escale::ui {

namespace {
constexpr int kMaxLines = 3000; // compared line by line up to this (a table of their product)
}

ConflictView::ConflictView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("conflictView"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_current = makeBox(QStringLiteral("current"));
    m_copy = makeBox(QStringLiteral("copy"));
    int column = 0;
    for (Box* box : {&m_current, &m_copy}) {
        auto* head = new QHBoxLayout;
        auto* words = new QVBoxLayout;
        words->addWidget(box->title);
        words->addWidget(box->details);
        head->addLayout(words, 1);
        head->addWidget(box->open, 0, Qt::AlignTop);
        grid->addLayout(head, 0, column);
        grid->addWidget(box->text, 1, column);
        ++column;
    }
    m_noDiff = new QLabel(this);
    m_noDiff->setObjectName(QStringLiteral("noDiff"));
    m_noDiff->setWordWrap(true);
    grid->addWidget(m_noDiff, 2, 0, 1, 2);
    // The two texts scroll together.
    for (auto [from, to] : {std::pair{&m_current, &m_copy}, std::pair{&m_copy, &m_current}})
        connect(from->text->verticalScrollBar(), &QScrollBar::valueChanged, to->text->verticalScrollBar(),
                &QScrollBar::setValue);
    clear();
}

ConflictView::Box ConflictView::makeBox(const QString& name)
{
    Box box;
    box.title = new QLabel(this);
    box.title->setObjectName(name + QStringLiteral("Title"));
    box.details = new QLabel(this);
    box.details->setObjectName(name + QStringLiteral("Details"));
    box.open = new QPushButton(tr("Open"), this);
    box.open->setObjectName(name + QStringLiteral("Open"));
    box.text = new QPlainTextEdit(this);
    box.text->setObjectName(name + QStringLiteral("Text"));
    box.text->setReadOnly(true);
    box.text->setLineWrapMode(QPlainTextEdit::NoWrap);
    box.text->setFont(QFont(QStringLiteral("monospace")));
    connect(box.open, &QPushButton::clicked, this, [this, name] {
        const Box& b = name == QLatin1String("current") ? m_current : m_copy;
        if (!b.path.isEmpty())
            QDesktopServices::openUrl(QUrl::fromLocalFile(b.path));
    });
    return box;
}

void ConflictView::clear()
{
    for (Box* box : {&m_current, &m_copy}) {
        box->title->setText(QString());
        box->details->setText(QString());
        box->open->setEnabled(false);
        box->text->clear();
        box->text->hide();
        box->path.clear();
    }
    m_noDiff->setText(tr("Choose a conflict above to see both versions."));
}

void ConflictView::fill(Box& box, const Side& side, const QString& role)
{
    box.path = side.path;
    const QString who = side.mine            ? tr("Mine (this machine, %1)").arg(side.machine)
                        : side.machine.isEmpty() ? tr("From a machine not known here")
                                                 : tr("From %1").arg(side.machine);
    box.title->setText(QStringLiteral("<b>%1</b> — %2").arg(who.toHtmlEscaped(), role.toHtmlEscaped()));
    const QFileInfo info(side.path);
    box.details->setText(info.exists() ? tr("Changed %1 · %2").arg(Words::when(info.lastModified().toUTC()),
                                                                 Words::dataSize(info.size()))
                                       : tr("Not there any more"));
    box.open->setEnabled(info.exists());
}

void ConflictView::showConflict(const Side& current, const Side& copy)
{
    fill(m_current, current, tr("under the file's name"));
    fill(m_copy, copy, tr("the conflict copy"));
    const auto left = textLines(current.path);
    const auto right = textLines(copy.path);
    if (!left || !right) {
        for (Box* box : {&m_current, &m_copy})
            box->text->hide();
        m_noDiff->setText(tr("Not a small text file: open each version to compare them."));
        return;
    }
    if (left->size() > kMaxLines || right->size() > kMaxLines) {
        for (Box* box : {&m_current, &m_copy})
            box->text->hide();
        m_noDiff->setText(tr("Too long to compare here: open each version to compare them."));
        return;
    }
    const QList<Row> rows = alignLines(*left, *right);
    int differences = 0;
    QStringList l, r;
    for (const Row& row : rows) {
        l << row.left;
        r << row.right;
        differences += row.kind != Row::Same;
    }
    m_current.text->setPlainText(l.join(QLatin1Char('\n')));
    m_copy.text->setPlainText(r.join(QLatin1Char('\n')));
    // The lines that differ, coloured: removed red on the left, added green on the right.
    auto paint = [&rows](QPlainTextEdit* edit, bool leftSide) {
        QList<QTextEdit::ExtraSelection> marks;
        QTextBlock block = edit->document()->firstBlock();
        for (const Row& row : rows) {
            if (row.kind != Row::Same) {
                QTextEdit::ExtraSelection mark;
                const bool empty = leftSide ? row.kind == Row::OnlyRight : row.kind == Row::OnlyLeft;
                mark.format.setBackground(empty ? QColor(0xee, 0xee, 0xee)
                                          : leftSide ? QColor(0xff, 0xd7, 0xd5)
                                                     : QColor(0xcc, 0xff, 0xd8));
                mark.format.setProperty(QTextFormat::FullWidthSelection, true);
                mark.cursor = QTextCursor(block);
                marks << mark;
            }
            block = block.next();
        }
        edit->setExtraSelections(marks);
    };
    paint(m_current.text, true);
    paint(m_copy.text, false);
    for (Box* box : {&m_current, &m_copy})
        box->text->show();
    m_noDiff->setText(differences == 0 ? tr("The two versions have the same lines.")
                                       : tr("%n line(s) differ.", nullptr, differences));
}

std::optional<QStringList> ConflictView::textLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kTextLimit)
        return std::nullopt;
    const QByteArray bytes = file.readAll();
    if (bytes.contains('\0'))
        return std::nullopt;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless); // a cut sequence is an error
    QString text = utf8.decode(bytes);
    if (utf8.hasError())
        return std::nullopt;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text.isEmpty() ? QStringList() : text.split(QLatin1Char('\n'));
}

QList<ConflictView::Row> ConflictView::alignLines(const QStringList& left, const QStringList& right)
{
    // The longest common subsequence of lines, then the runs between its lines: removals and
    // additions side by side as changed lines, the rest facing an empty line.
    const int n = int(left.size()), m = int(right.size());
    std::vector<int> lcs(size_t(n + 1) * size_t(m + 1), 0);
    auto at = [&lcs, m](int i, int j) -> int& { return lcs[size_t(i) * size_t(m + 1) + size_t(j)]; };
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j)
            at(i, j) = left[i] == right[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    QList<Row> rows;
    QStringList removed, added;
    auto flush = [&] {
        const qsizetype both = std::min(removed.size(), added.size());
        for (qsizetype k = 0; k < std::max(removed.size(), added.size()); ++k)
            rows.append(Row{k < removed.size() ? removed[k] : QString(), k < added.size() ? added[k] : QString(),
                            k < both                 ? Row::Changed
                            : k < removed.size()     ? Row::OnlyLeft
                                                     : Row::OnlyRight});
        removed.clear();
        added.clear();
    };
    int i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && left[i] == right[j]) {
            flush();
            rows.append(Row{left[i], right[j], Row::Same});
            ++i;
            ++j;
        } else if (j >= m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
            removed << left[i++];
        } else {
            added << right[j++];
        }
    }
    flush();
    return rows;
}

} // namespace escale::ui
