#include "AboutBox.h"

#include "Version.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QUrl>
#include <QVBoxLayout>

namespace escale::ui {

AboutBox::AboutBox(const QString& configPath, const QString& stateDir, const QString& logFile, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("about"));
    setWindowTitle(tr("About"));
    auto link = [](const QString& path) {
        // The folder opens (a file's folder for a file).
        const QString folder = QFileInfo(path).isDir() ? path : QFileInfo(path).absolutePath();
        return QStringLiteral("<a href=\"%1\">%2</a>")
            .arg(QUrl::fromLocalFile(folder).toString().toHtmlEscaped(), path.toHtmlEscaped());
    };
    m_text = tr("<h3>Escale %1</h3>"
                "<p>Keeps folders in sync between machines that cannot reach each other, through a relay "
                "storage they share, end-to-end encrypted.</p>"
                "<p>Free software under the CeCILL-C licence.</p>"
                "<p>Configuration: %2<br>State: %3<br>Log: %4</p>")
                 .arg(QString::fromLatin1(versionString()), link(configPath), link(stateDir), link(logFile));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(m_text, this);
    label->setObjectName(QStringLiteral("text"));
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(label, &QLabel::linkActivated, this, [](const QString& url) { QDesktopServices::openUrl(QUrl(url)); });
    layout->addWidget(label);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString AboutBox::text() const
{
    return m_text;
}

} // namespace escale::ui
