#pragma once

#include <QLabel>

namespace escale::ui {

// A window's or page's message line (object name "status"): nothing, an explanation, a success
// or an error, in the colour that says which.
class StatusLabel : public QLabel
{
public:
    explicit StatusLabel(QWidget* parent)
        : QLabel(parent)
    {
        setObjectName(QStringLiteral("status"));
        setWordWrap(true);
        setTextInteractionFlags(Qt::TextSelectableByMouse);
        setTextFormat(Qt::RichText);
        hide();
    }
    void clearMessage()
    {
        clear();
        hide();
    }
    void info(const QString& text) { say(text, QString()); }
    void error(const QString& text) { say(text, QStringLiteral("#c62828")); }
    void success(const QString& text) { say(text, QStringLiteral("#2e7d32")); }

private:
    void say(const QString& text, const QString& colour)
    {
        setText(colour.isEmpty()
                    ? text.toHtmlEscaped()
                    : QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour, text.toHtmlEscaped()));
        setVisible(true);
    }
};

} // namespace escale::ui
