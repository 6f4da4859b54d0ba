#pragma once

#include "config/Config.h"

#include <QList>
#include <QRegularExpression>

namespace escale::sync {

// The filters of a repository ('include', 'exclude', 'file extension', 'include directories',
// 'exclude directories'), with the full-match rules of docs/configuration.md:
// - a glob without '/' is matched against the name, one with '/' against the relative path
//   (a leading '/' only anchors it at the top); '*' and '?' do not cross '/', '**' does;
//   '[abc]' and '[!abc]' are sets;
// - '/regex/' is a regular expression matched in full against the relative path.
class PathFilter
{
public:
    PathFilter() = default;
    explicit PathFilter(const config::RepositoryConfig& config);

    bool isEmpty() const;
    // Whether a file is synchronised.
    bool acceptsFile(const QString& path) const;
    // Whether a folder itself is synchronised (created and deleted everywhere).
    bool acceptsDirectory(const QString& path) const;
    // Whether the scanner looks inside a folder at all.
    bool descendsInto(const QString& path) const;

    static QRegularExpression compile(const QString& pattern);
    // What 'temporary files = no' (the default) leaves out: names of files, and of folders.
    static QStringList temporaryPatterns();
    static QStringList temporaryFolders();

private:
    struct Pattern
    {
        QRegularExpression regex;
        bool matchesPath = false; // else the name
        bool matches(const QString& path) const;
    };
    static QList<Pattern> compileAll(const QStringList& patterns);
    bool directoryExcluded(const QString& dirPath) const; // the folder or one of its parents
    bool directoryIncluded(const QString& dirPath) const; // the folder or one of its parents

    QList<Pattern> m_include;
    QList<Pattern> m_exclude;
    QStringList m_extensions;
    QList<Pattern> m_includeDirs;
    QList<Pattern> m_excludeDirs;
};

} // namespace escale::sync
