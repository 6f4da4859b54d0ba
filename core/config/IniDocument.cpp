#include "config/IniDocument.h"

#include "Tr.h"

#include <QStringDecoder>

namespace escale::config {

namespace {

int indentOf(const QString& line)
{
    int n = 0;
    while (n < line.size() && (line.at(n) == QLatin1Char(' ') || line.at(n) == QLatin1Char('\t')))
        ++n;
    return n;
}

ConfigDiagnostic syntaxError(const QString& file, int line, const QString& message)
{
    return ConfigDiagnostic{ConfigDiagnostic::Severity::Error, file, line, QString(), message};
}

} // namespace

const IniDocument::Entry* IniDocument::Section::find(const QString& normalisedKey) const
{
    for (const Entry& e : entries)
        if (e.key == normalisedKey)
            return &e;
    return nullptr;
}

QString IniDocument::normaliseKey(const QString& key)
{
    QString out;
    out.reserve(key.size());
    bool pendingSpace = false;
    for (QChar c : key) {
        if (c.isSpace() || c == QLatin1Char('_') || c == QLatin1Char('-')) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out += QLatin1Char(' ');
        pendingSpace = false;
        out += c.toLower();
    }
    return out;
}

bool IniDocument::parse(const QByteArray& bytes, const QString& fileName, ConfigDiagnostics& diagnostics)
{
    m_defaults = Section{};
    m_sections.clear();

    QByteArrayView data(bytes);
    if (data.startsWith("\xEF\xBB\xBF"))
        data = data.sliced(3);

    Section* current = &m_defaults;
    Entry* lastEntry = nullptr;
    int lastEntryIndent = 0;
    int lineNo = 0;
    qsizetype pos = 0;

    while (pos < data.size()) {
        qsizetype end = data.indexOf('\n', pos);
        if (end < 0)
            end = data.size();
        QByteArrayView raw = data.sliced(pos, end - pos);
        pos = end + 1;
        ++lineNo;
        if (raw.endsWith('\r'))
            raw.chop(1);

        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString line = decoder(raw);
        if (decoder.hasError()) {
            diagnostics.append(
                syntaxError(fileName, lineNo,
                            trc("config", "this line is not valid UTF-8 text; save the file as UTF-8")));
            return false;
        }
        if (line.contains(QChar(0))) {
            diagnostics.append(syntaxError(fileName, lineNo,
                                           trc("config", "this line contains a NUL byte; "
                                                         "is this really a text file?")));
            return false;
        }

        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty()) {
            lastEntry = nullptr; // a blank line ends a multi-line value
            continue;
        }
        if (trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1Char(';')))
            continue;

        const int indent = indentOf(line);
        if (lastEntry && indent > lastEntryIndent) {
            lastEntry->value += QLatin1Char('\n') + trimmed;
            continue;
        }

        if (trimmed.startsWith(QLatin1Char('['))) {
            if (!trimmed.endsWith(QLatin1Char(']'))) {
                diagnostics.append(syntaxError(
                    fileName, lineNo, trc("config", "section header '%1' has no closing ']'").arg(trimmed)));
                return false;
            }
            const QString name = trimmed.mid(1, trimmed.size() - 2).trimmed();
            if (name.isEmpty()) {
                diagnostics.append(syntaxError(fileName, lineNo, trc("config", "empty section name '[]'")));
                return false;
            }
            lastEntry = nullptr;
            if (name == QLatin1String("DEFAULT")) {
                current = &m_defaults;
                continue;
            }
            for (const Section& s : std::as_const(m_sections)) {
                if (s.name == name) {
                    diagnostics.append(syntaxError(
                        fileName, lineNo,
                        trc("config", "duplicate section [%1] (first at line %2)").arg(name).arg(s.line)));
                    return false;
                }
            }
            m_sections.append(Section{name, lineNo, {}});
            current = &m_sections.last();
            continue;
        }

        qsizetype sep = -1;
        for (qsizetype i = 0; i < trimmed.size(); ++i) {
            if (trimmed.at(i) == QLatin1Char('=') || trimmed.at(i) == QLatin1Char(':')) {
                sep = i;
                break;
            }
        }
        if (sep < 0) {
            diagnostics.append(
                syntaxError(fileName, lineNo,
                            trc("config", "expected 'key = value' or '[section]', got '%1'").arg(trimmed)));
            return false;
        }
        const QString writtenKey = trimmed.left(sep).trimmed();
        const QString key = normaliseKey(writtenKey);
        if (key.isEmpty()) {
            diagnostics.append(
                syntaxError(fileName, lineNo, trc("config", "a value without a key: '%1'").arg(trimmed)));
            return false;
        }
        if (const Entry* previous = current->find(key)) {
            diagnostics.append(ConfigDiagnostic{
                ConfigDiagnostic::Severity::Error, fileName, lineNo, writtenKey,
                trc("config", "set twice in the same section (first at line %1)").arg(previous->line)});
            return false;
        }
        current->entries.append(Entry{key, writtenKey, trimmed.mid(sep + 1).trimmed(), lineNo});
        lastEntry = &current->entries.last();
        lastEntryIndent = indent;
    }
    return true;
}

} // namespace escale::config
