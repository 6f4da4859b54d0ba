#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace escale::ui {

namespace {
// The catalogues this function installed: a second call replaces them (tests switch languages).
QList<QPointer<QTranslator>>& installed()
{
    static QList<QPointer<QTranslator>> list;
    return list;
}

void install(QTranslator* translator)
{
    QCoreApplication::installTranslator(translator);
    installed().append(translator);
}
} // namespace

QString installTranslation(QCoreApplication& app, const QString& language)
{
    for (const QPointer<QTranslator>& t : std::as_const(installed()))
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    installed().clear();
    const bool french = language == QLatin1String("fr") ||
                        (language != QLatin1String("en") && QLocale::system().language() == QLocale::French);
    if (!french) {
        if (QLocale().language() == QLocale::French && QLocale::system().language() != QLocale::French)
            QLocale::setDefault(QLocale::system()); // back from French
        // English is the source language; only its plural forms ("1 file", "2 files") are loaded.
        auto* plurals = new QTranslator(&app);
        if (plurals->load(QStringLiteral(":/i18n/escale_en.qm")))
            install(plurals);
        else
            delete plurals;
        return QStringLiteral("en");
    }
    auto* own = new QTranslator(&app);
    if (!own->load(QStringLiteral(":/i18n/escale_fr.qm"))) {
        delete own;
        return QStringLiteral("en");
    }
    install(own);
    // Dates, times and numbers in French too (the system's locale may be another).
    if (QLocale().language() != QLocale::French)
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_fr"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        install(qt);
    else
        delete qt;
    return QStringLiteral("fr");
}

} // namespace escale::ui
