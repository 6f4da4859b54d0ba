#include "config/ConfigWriter.h"

#include "Tr.h"
#include "config/ConfigLoader.h"
#include "config/IniDocument.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringList>
#include <QTemporaryFile>

namespace escale::config {

namespace {

// The key of a 'key = value' line, normalised as IniDocument does; empty for other lines.
QString lineKey(const QString& line)
{
    const QString trimmed = line.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1Char(';')) ||
        trimmed.startsWith(QLatin1Char('[')))
        return {};
    const qsizetype eq = line.indexOf(QLatin1Char('='));
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    const qsizetype cut = eq < 0 ? colon : (colon < 0 ? eq : std::min(eq, colon));
    return cut < 0 ? QString() : IniDocument::normaliseKey(line.left(cut));
}

bool isHeader(const QString& line)
{
    return line.trimmed().startsWith(QLatin1Char('['));
}

// A line that continues the value above it: indented, not blank, not a comment.
bool isContinuation(const QString& line)
{
    const QString trimmed = line.trimmed();
    return !trimmed.isEmpty() && (line.startsWith(QLatin1Char(' ')) || line.startsWith(QLatin1Char('\t'))) &&
           !trimmed.startsWith(QLatin1Char('#')) && !trimmed.startsWith(QLatin1Char(';'));
}

std::optional<QStringList> readLines(const QString& path, QString& error)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        error = trc("config", "cannot read %1: %2").arg(path, in.errorString());
        return std::nullopt;
    }
    return QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'));
}

bool writeLines(const QString& path, const QStringList& lines, QString& error)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(lines.join(QLatin1Char('\n')).toUtf8()) < 0 ||
        !out.commit()) { // QSaveFile keeps the file's permissions
        error = trc("config", "cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    return true;
}

// Where a section's lines are: its header (-1 for the implicit general settings) and the
// line after its last. std::nullopt when the file has no such section.
std::optional<std::pair<qsizetype, qsizetype>> sectionRange(const QStringList& lines, const QString& section)
{
    const QString wanted =
        section.isEmpty() ? QStringLiteral("[DEFAULT]") : QLatin1Char('[') + section + QLatin1Char(']');
    qsizetype start = -2;
    for (qsizetype i = 0; i < lines.size(); ++i)
        if (lines.at(i).trimmed() == wanted) {
            start = i;
            break;
        }
    if (start == -2 && section.isEmpty())
        start = -1;
    if (start == -2)
        return std::nullopt;
    qsizetype end = lines.size();
    for (qsizetype i = start + 1; i < lines.size(); ++i)
        if (isHeader(lines.at(i))) {
            end = i;
            break;
        }
    return std::pair{start, end};
}

} // namespace

bool editSectionInFile(const QString& path, const QString& section, const QList<KeyEdit>& edits,
                       QString& error)
{
    auto read = readLines(path, error);
    if (!read)
        return false;
    QStringList lines = *read;
    if (!sectionRange(lines, section)) {
        error = trc("config", "%1 has no section [%2]").arg(path, section);
        return false;
    }
    for (const KeyEdit& edit : edits) {
        auto [start, end] = *sectionRange(lines, section);
        QStringList names;
        for (const QString& n : edit.names)
            names << IniDocument::normaliseKey(n);
        bool placed = !edit.value; // a removal places nothing
        for (qsizetype i = start + 1; i < end; ++i) {
            if (!names.contains(lineKey(lines.at(i))))
                continue;
            // The value's continuation lines go with its line.
            while (i + 1 < end && isContinuation(lines.at(i + 1))) {
                lines.removeAt(i + 1);
                --end;
            }
            if (!placed) {
                lines[i] = edit.names.first() + QStringLiteral(" = ") + *edit.value;
                placed = true;
            } else {
                lines.removeAt(i--);
                --end;
            }
        }
        if (!placed) {
            qsizetype at = end;
            while (at > start + 1 && lines.at(at - 1).trimmed().isEmpty())
                --at;
            lines.insert(at, edit.names.first() + QStringLiteral(" = ") + *edit.value);
            // General settings put before the first section stay apart from it.
            if (start == -1 && at + 1 < lines.size() && isHeader(lines.at(at + 1)))
                lines.insert(at + 1, QString());
        }
    }
    return writeLines(path, lines, error);
}

bool setKeyInFile(const QString& path, const QString& section, const QString& key, const QString& value,
                  QString& error)
{
    return editSectionInFile(path, section, {KeyEdit{{key}, value}}, error);
}

KeyEdit keyEdit(KeyId id, const std::optional<QString>& value)
{
    KeyEdit edit;
    edit.value = value;
    if (const KeyDefinition* k = keyDefinition(id))
        edit.names << k->name << k->aliases;
    return edit;
}

QList<KeyEdit> relayAddressEdits(const QString& address)
{
    return {keyEdit(KeyId::RelayAddress, address), keyEdit(KeyId::Protocol, std::nullopt),
            keyEdit(KeyId::RelayPath, std::nullopt), keyEdit(KeyId::Port, std::nullopt)};
}

std::optional<Config> checkEdits(const QString& path, const QString& section, const QList<KeyEdit>& edits,
                                 QString& error, ConfigDiagnostic* problem)
{
    const QFileInfo info(path);
    QTemporaryFile copy(info.absolutePath() + QStringLiteral("/.escale-check-XXXXXX.conf"));
    QFile original(path);
    if (!copy.open() || !original.open(QIODevice::ReadOnly) || copy.write(original.readAll()) < 0 ||
        !copy.flush()) {
        error = trc("config", "cannot check the new settings beside %1").arg(path);
        return std::nullopt;
    }
    copy.close();
    if (!editSectionInFile(copy.fileName(), section, edits, error))
        return std::nullopt;
    const LoadResult loaded = ConfigLoader::loadFile(copy.fileName());
    if (const ConfigDiagnostic* e = loaded.firstError()) {
        error = e->toString().replace(copy.fileName(), path);
        if (problem) {
            *problem = *e;
            problem->file = path;
        }
        return std::nullopt;
    }
    Config config = loaded.config;
    config.path = path;
    for (RepositoryConfig& r : config.repositories)
        r.configFile = info.absoluteFilePath();
    return config;
}

bool removeSectionFromFile(const QString& path, const QString& section, QString& error)
{
    auto read = readLines(path, error);
    if (!read)
        return false;
    QStringList lines = *read;
    const auto range = section.isEmpty() ? std::nullopt : sectionRange(lines, section);
    if (!range) {
        error = trc("config", "%1 has no section [%2]").arg(path, section);
        return false;
    }
    lines.remove(range->first, range->second - range->first);
    return writeLines(path, lines, error);
}

QHash<KeyId, QString> sectionValues(const QString& path, const QString& section)
{
    QHash<KeyId, QString> out;
    QFile in(path);
    IniDocument doc;
    ConfigDiagnostics ignored;
    if (!in.open(QIODevice::ReadOnly) || !doc.parse(in.readAll(), path, ignored))
        return out;
    const IniDocument::Section* found = section.isEmpty() ? &doc.defaults() : nullptr;
    for (const IniDocument::Section& s : doc.sections())
        if (s.name == section)
            found = &s;
    if (!found)
        return out;
    for (const IniDocument::Entry& e : found->entries)
        if (const KeyDefinition* k = findKey(e.key))
            out.insert(k->id, e.value);
    return out;
}

} // namespace escale::config
