#pragma once

#include "sync/Conflicts.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace escale::ui {

// The two versions of a conflict side by side: the one under the file's name and the conflict
// copy, each with the machine that made it ("mine" when it is this one), its date and size, and a
// button that opens it; for small text files, the lines that differ, aligned and highlighted.
class ConflictView : public QWidget
{
    Q_OBJECT

public:
    explicit ConflictView(QWidget* parent = nullptr);

    struct Side
    {
        QString path;    // absolute
        QString machine; // who made it; empty: not known
        bool mine = false;
    };
    // Shows a conflict: `current` is the version under the file's name, `copy` the conflict copy.
    void showConflict(const Side& current, const Side& copy);
    void clear();

    // The lines of two texts aligned for display: removed lines (only in `left`) face an empty
    // line, added ones (only in `right`) too. Exposed for tests.
    struct Row
    {
        QString left;
        QString right;
        enum Kind
        {
            Same,
            Changed, // both sides, different
            OnlyLeft,
            OnlyRight,
        } kind = Same;
    };
    static QList<Row> alignLines(const QStringList& left, const QStringList& right);
    // A file shown as text: under this size, valid UTF-8, no NUL byte.
    static constexpr qint64 kTextLimit = 256 * 1024;
    static std::optional<QStringList> textLines(const QString& path);

private:
    struct Box
    {
        QLabel* title;
        QLabel* details;
        QPushButton* open;
        QPlainTextEdit* text;
        QString path;
    };
    Box makeBox(const QString& name);
    void fill(Box& box, const Side& side, const QString& role);

    Box m_current;
    Box m_copy;
    QLabel* m_noDiff;
};

} // namespace escale::ui
