#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace escale::ui {

QString installTranslation(QCoreApplication& app, const QString& language)
{
    const bool french = language == QLatin1String("fr") ||
                        (language != QLatin1String("en") && QLocale::system().language() == QLocale::French);
    if (!french) {
        // English is the source language; only its plural forms ("1 file", "2 files") are loaded.
        auto* plurals = new QTranslator(&app);
        if (plurals->load(QStringLiteral(":/i18n/escale_en.qm")))
            QCoreApplication::installTranslator(plurals);
        else
            delete plurals;
        return QStringLiteral("en");
    }
    auto* own = new QTranslator(&app);
    if (!own->load(QStringLiteral(":/i18n/escale_fr.qm"))) {
        delete own;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);
    // Dates, times and numbers in French too (the system's locale may be another).
    if (QLocale().language() != QLocale::French)
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_fr"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return QStringLiteral("fr");
}

} // namespace escale::ui
