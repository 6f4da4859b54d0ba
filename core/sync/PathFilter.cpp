#include "sync/PathFilter.h"

#include <QStringList>

namespace escale::sync {

namespace {

QString globToRegex(const QString& glob)
{
    QString out;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == QLatin1Char('*')) {
            if (i + 1 < glob.size() && glob.at(i + 1) == QLatin1Char('*')) {
                out += QLatin1String(".*");
                ++i;
            } else {
                out += QLatin1String("[^/]*");
            }
        } else if (c == QLatin1Char('?')) {
            out += QLatin1String("[^/]");
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = glob.indexOf(QLatin1Char(']'), i + 1);
            if (close < 0) {
                out += QLatin1String("\\[");
                continue;
            }
            QString set = glob.mid(i + 1, close - i - 1);
            if (set.startsWith(QLatin1Char('!')))
                set[0] = QLatin1Char('^');
            set.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
            out += QLatin1Char('[') + set + QLatin1Char(']');
            i = close;
        } else {
            out += QRegularExpression::escape(QString(c));
        }
    }
    return out;
}

} // namespace

QRegularExpression PathFilter::compile(const QString& pattern)
{
    if (pattern.size() >= 2 && pattern.startsWith(QLatin1Char('/')) && pattern.endsWith(QLatin1Char('/')))
        return QRegularExpression(QRegularExpression::anchoredPattern(pattern.mid(1, pattern.size() - 2)));
    QString glob = pattern;
    if (glob.startsWith(QLatin1Char('/')))
        glob.remove(0, 1);
    while (glob.endsWith(QLatin1Char('/')))
        glob.chop(1);
    return QRegularExpression(QRegularExpression::anchoredPattern(globToRegex(glob)));
}

bool PathFilter::Pattern::matches(const QString& path) const
{
    return regex.match(matchesPath ? path : path.section(QLatin1Char('/'), -1)).hasMatch();
}

QList<PathFilter::Pattern> PathFilter::compileAll(const QStringList& patterns)
{
    QList<Pattern> out;
    for (const QString& p : patterns) {
        const bool isRegex = p.size() >= 2 && p.startsWith(QLatin1Char('/')) && p.endsWith(QLatin1Char('/'));
        QString trimmed = p;
        while (!isRegex && trimmed.endsWith(QLatin1Char('/')))
            trimmed.chop(1);
        out.append(Pattern{compile(p), isRegex || trimmed.contains(QLatin1Char('/'))});
    }
    return out;
}

PathFilter::PathFilter(const config::RepositoryConfig& config)
    : m_include(compileAll(config.include))
    , m_exclude(compileAll(config.exclude))
    , m_extensions(config.fileExtensions)
    , m_includeDirs(compileAll(config.includeDirectories))
    , m_excludeDirs(compileAll(config.excludeDirectories))
{
    if (!config.temporaryFiles) {
        // One expression for all the names (each file is matched against it).
        auto anyOf = [](const QStringList& globs) {
            QStringList parts;
            for (const QString& g : globs)
                parts << globToRegex(g);
            QRegularExpression regex(QRegularExpression::anchoredPattern(
                QStringLiteral("(?:%1)").arg(parts.join(QLatin1Char('|')))));
            regex.optimize();
            return Pattern{regex, false};
        };
        m_exclude.prepend(anyOf(temporaryPatterns()));
        m_excludeDirs.prepend(anyOf(temporaryFolders()));
    }
}

QStringList PathFilter::temporaryPatterns()
{
    // Locks, swap and backup files of editors, partial downloads, and what file managers and
    // systems leave in folders: each belongs to one machine and changes all the time
    // (docs/configuration.md, 'temporary files').
    return {QStringLiteral("*~"),          QStringLiteral(".*.swp"),        QStringLiteral(".*.swo"),
            QStringLiteral(".*.swx"),      QStringLiteral(".#*"),           QStringLiteral("#*#"),
            QStringLiteral("*.kate-swp"),  QStringLiteral(".~lock.*#"),     QStringLiteral("~$*"),
            QStringLiteral("~*.tmp"),      QStringLiteral("*.part"),        QStringLiteral("*.crdownload"),
            QStringLiteral(".goutputstream-*"), QStringLiteral(".fuse_hidden*"), QStringLiteral(".nfs*"),
            QStringLiteral(".DS_Store"),   QStringLiteral("._*"),           QStringLiteral("Thumbs.db"),
            QStringLiteral("ehthumbs.db"), QStringLiteral("desktop.ini"),   QStringLiteral(".directory")};
}

QStringList PathFilter::temporaryFolders()
{
    return {QStringLiteral(".Trash-*"),       QStringLiteral(".Trashes"),       QStringLiteral(".Spotlight-V100"),
            QStringLiteral(".fseventsd"),     QStringLiteral(".TemporaryItems"), QStringLiteral("$RECYCLE.BIN"),
            QStringLiteral("System Volume Information")};
}

bool PathFilter::isEmpty() const
{
    return m_include.isEmpty() && m_exclude.isEmpty() && m_extensions.isEmpty() && m_includeDirs.isEmpty() &&
           m_excludeDirs.isEmpty();
}

bool PathFilter::directoryExcluded(const QString& dirPath) const
{
    if (m_excludeDirs.isEmpty() || dirPath.isEmpty())
        return false;
    QString prefix;
    for (const QString& part : dirPath.split(QLatin1Char('/'))) {
        prefix = prefix.isEmpty() ? part : prefix + QLatin1Char('/') + part;
        for (const Pattern& p : m_excludeDirs)
            if (p.matches(prefix))
                return true;
    }
    return false;
}

bool PathFilter::directoryIncluded(const QString& dirPath) const
{
    if (m_includeDirs.isEmpty())
        return true;
    QString prefix;
    for (const QString& part : dirPath.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        prefix = prefix.isEmpty() ? part : prefix + QLatin1Char('/') + part;
        for (const Pattern& p : m_includeDirs)
            if (p.matches(prefix))
                return true;
    }
    return false;
}

bool PathFilter::acceptsFile(const QString& path) const
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const QString dir = slash < 0 ? QString() : path.left(slash);
    if (directoryExcluded(dir))
        return false;
    if (!dir.isEmpty() && !directoryIncluded(dir))
        return false; // files at the top are kept by 'include directories'
    if (!m_extensions.isEmpty()) {
        const QString name = path.mid(slash + 1);
        const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
        if (dot <= 0 || !m_extensions.contains(name.mid(dot + 1).toLower()))
            return false;
    }
    if (!m_include.isEmpty() &&
        std::none_of(m_include.cbegin(), m_include.cend(), [&](const Pattern& p) { return p.matches(path); }))
        return false;
    return std::none_of(m_exclude.cbegin(), m_exclude.cend(),
                        [&](const Pattern& p) { return p.matches(path); });
}

bool PathFilter::acceptsDirectory(const QString& path) const
{
    return !directoryExcluded(path) && directoryIncluded(path);
}

bool PathFilter::descendsInto(const QString& path) const
{
    return !directoryExcluded(path);
}

} // namespace escale::sync
