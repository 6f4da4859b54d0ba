#pragma once

#include <QDateTime>
#include <QStringList>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace escale::ui {

// The log file, as the application writes it (core/log: "TIME LEVEL CATEGORY: [repository]
// message"), followed as it grows: filtered by repository, by level and by words, copied to the
// clipboard, its folder opened.
class LogViewer : public QWidget
{
    Q_OBJECT

public:
    explicit LogViewer(const QString& logFile, QWidget* parent = nullptr);

    struct Line
    {
        QDateTime time;
        int level = 1; // 0 debug, 1 info, 2 warning, 3 error
        QString repository; // from a leading "[name]"; empty for the application's own
        QString text;       // as written, the whole line
    };
    static std::optional<Line> parse(const QString& line);
    // The lines shown now (tests, Copy).
    QStringList shownLines() const { return m_shown; }
    // Reads the file again (else every second, when it changed).
    void reload();
    void setRepositoryFilter(const QString& repository); // empty: all
    void setLevelFilter(int minimum);                    // 0 debug ... 3 errors only

private:
    void refilter();

    QString m_file;
    QList<Line> m_lines;
    QStringList m_shown;
    qint64 m_readSize = -1;
    QDateTime m_readModified;
    QComboBox* m_repository;
    QComboBox* m_level;
    QLineEdit* m_search;
    QPlainTextEdit* m_text;
    QLabel* m_status;
    QTimer m_follow;
};

} // namespace escale::ui
