#pragma once

#include <QDialog>

namespace escale::ui {

// About Escale: its version and licence, and where it keeps things on this machine (the
// configuration, the state databases, the log), each path openable.
class AboutBox : public QDialog
{
    Q_OBJECT

public:
    AboutBox(const QString& configPath, const QString& stateDir, const QString& logFile, QWidget* parent = nullptr);

    QString text() const; // what it says (tests)

private:
    QString m_text;
};

} // namespace escale::ui
