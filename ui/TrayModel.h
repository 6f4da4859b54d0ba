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
    // "12 files left (340 MB)", as the tray says what a pass has left.
    static QString left(int files, qint64 bytes);
    control::Instance* instance() const { return m_instance; }

Q_SIGNALS:
    void changed();

private:
    void update();

    control::Instance* m_instance;
    QTimer m_progressTimer;
    State m_state = State::Syncing;
    QString m_statusLine;
    QString m_tooltip;
};

} // namespace escale::ui
