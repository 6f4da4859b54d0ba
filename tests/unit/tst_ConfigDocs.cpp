// docs/configuration.md must name every key and alias the loader knows.
#include "config/ConfigKeys.h"

#include <QFile>
#include <QTest>

using namespace escale::config;

class tst_ConfigDocs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKeyIsDocumented();
};

void tst_ConfigDocs::everyKeyIsDocumented()
{
    QFile f(qEnvironmentVariable("ESCALE_SOURCE_DIR") + "/docs/configuration.md");
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    const QString doc = QString::fromUtf8(f.readAll());
    QStringList missing;
    for (const KeyDefinition& def : allKeys()) {
        QStringList names = def.aliases;
        names.prepend(def.name);
        for (const QString& n : names)
            if (!doc.contains("`" + n + "`"))
                missing << n;
    }
    QVERIFY2(missing.isEmpty(), qPrintable("undocumented keys: " + missing.join(", ")));
}

QTEST_GUILESS_MAIN(tst_ConfigDocs)
#include "tst_ConfigDocs.moc"
