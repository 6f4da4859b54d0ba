#pragma once

#include "config/ConfigDiagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace escale::config {

// The syntax layer of the configuration: an INI file read with the rules of Python's
// configparser, which Escale 0.7 used, so that old files keep their meaning:
// - '#' and ';' start a comment line (no inline comments: a '#' after a value is part of it);
// - 'key = value' or 'key: value', the first '=' or ':' separates;
// - keys are case-insensitive; runs of spaces, '_' and '-' in keys count as one space;
// - a line indented deeper than its key continues the value (joined with '\n');
// - lines before the first [section] hold defaults (an explicit [DEFAULT] section too);
// - a section may appear once; a key once per section.
// It knows nothing of what keys mean; ConfigLoader does.
class IniDocument
{
public:
    struct Entry
    {
        QString key;        // normalised: lower case, single spaces
        QString writtenKey; // as written in the file
        QString value;      // trimmed; continuation lines joined with '\n'
        int line = 0;
    };

    struct Section
    {
        QString name; // empty for the defaults
        int line = 0; // 0 for the implicit defaults section
        QList<Entry> entries;

        const Entry* find(const QString& normalisedKey) const;
    };

    // Parses the bytes of a file named `fileName` (used in messages). Syntax errors are
    // appended to `diagnostics`; parsing stops at the first one. Returns true on success.
    bool parse(const QByteArray& bytes, const QString& fileName, ConfigDiagnostics& diagnostics);

    const Section& defaults() const { return m_defaults; }
    const QList<Section>& sections() const { return m_sections; }

    static QString normaliseKey(const QString& key);

private:
    Section m_defaults;
    QList<Section> m_sections;
};

} // namespace escale::config
