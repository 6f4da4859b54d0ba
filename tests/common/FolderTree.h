#pragma once

// A folder's content as a map, for comparing folders in process-level tests.
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>

namespace testing {

// Relative path -> "dir", or the SHA-256 of the file. Escale's own names (".escale*") are left out.
inline QMap<QString, QByteArray> folderTree(const QString& root)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(root).relativeFilePath(path);
        if (rel.startsWith(".escale") || rel.contains("/.escale"))
            continue;
        QFile f(path);
        out.insert(rel, it.fileInfo().isDir()
                            ? QByteArray("dir")
                            : (f.open(QIODevice::ReadOnly)
                                   ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                   : QByteArray("?")));
    }
    return out;
}

} // namespace testing
