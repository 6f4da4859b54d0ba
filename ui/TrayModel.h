#pragma once

#include "control/Instance.h"

#include <QObject>
#include <QString>
#include <QTimer>

namespace escale::ui {

// What the tray shows, from the running instance's status model: one state for the icon (the
// most pressing of the repositories'), a tooltip with one line per repository, and the status
// line of the menu. No widgets: tested offscreen, drawn by TrayIcon.
class TrayModel : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        NotSetUp, // no repository yet: the wizard is what to open
        UpToDate,
        Syncing,
        Paused,    // every repository paused
        Offline,   // a relay cannot be reached
        Error,     // a repository failed or stopped
        Conflicts, // conflict copies wait to be resolved
    };

    explicit TrayModel(control::Instance* instance, QObject* parent = nullptr);

    State state() const { return m_state; }
    static QString stateName(State state);
    QString iconPath() const; // a resource of resources/tray.qrc
    QString statusLine() const { return m_statusLine; }
    QString tooltip() const { return m_tooltip; }
    // One line about a repository, as in the tooltip.
    QString describe(int index) const;
    // The same, cut to a menu's width (a long error ends in "…"; the window shows it whole).
    QString menuLine(int index) const;
    static QString elide(const QString& text, int characters = kMenuCharacters);
    static constexpr int kMenuCharacters = 64;
    // "15:30", or "tomorrow 08:00", or a date: when a pause ends.
    static QString until(const QDateTime& when);
    // "12 files left (340 MB)", as the tray says what a pass has left.
    static QString left(int files, qint64 bytes);
    control::Instance* instance() const { return m_instance; }

Q_SIGNALS:
    void changed();

private:
    void update();

    control::Instance* m_instance;
    State m_state = State::Syncing;
    QString m_statusLine;
    QString m_tooltip;
};

} // namespace escale::ui
