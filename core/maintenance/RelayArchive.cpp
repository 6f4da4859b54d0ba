#include "maintenance/RelayArchive.h"

#include "Tr.h"
#include "relay/RelayCopy.h"
#include "relay/RelayJob.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <memory>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

namespace escale::relay {

ArchiveResult backupRelay(RelayBackend& relay, const QString& zipPath)
{
    ArchiveResult result;
    QList<RelayEntry> objects;
    if (const RelayError e = listObjects(relay, QString(), objects); !e.ok()) {
        result.error =
            e.kind == RelayError::Kind::NotFound
                ? trc("maintenance", "%1 holds no repository: nothing to back up").arg(relay.describe())
                : e.message;
        return result;
    }
    const QString partial = zipPath + QStringLiteral(".part");
    QuaZip zip(partial);
    if (!zip.open(QuaZip::mdCreate)) {
        result.error =
            trc("maintenance", "cannot create %1 (zip error %2)").arg(partial).arg(zip.getZipError());
        return result;
    }
    zip.setUtf8Enabled(true);
    zip.setZip64Enabled(true);
    QJsonArray manifest;
    for (const RelayEntry& object : std::as_const(objects)) {
        QuaZipFile entry(&zip);
        // Stored, not deflated: the objects of an encrypted repository do not compress.
        if (!entry.open(QIODevice::WriteOnly, QuaZipNewInfo(object.name), nullptr, 0, 0, 0)) {
            result.error = trc("maintenance", "cannot write %1 into %2").arg(object.name, partial);
            break;
        }
        HashingDevice sink(&entry, QIODevice::WriteOnly);
        const RelayError e = run(relay.get(object.name, &sink));
        entry.close();
        if (!e.ok() || entry.getZipError() != 0) {
            result.error =
                !e.ok() ? e.message : trc("maintenance", "cannot write %1 into %2").arg(object.name, partial);
            break;
        }
        manifest.append(QJsonObject{{QStringLiteral("path"), object.name},
                                    {QStringLiteral("size"), sink.count()},
                                    {QStringLiteral("sha256"), QString::fromLatin1(sink.digest())}});
        ++result.objects;
        result.bytes += sink.count();
    }
    if (result.error.isEmpty()) {
        const QByteArray text =
            QJsonDocument(QJsonObject{{QStringLiteral("format"), 1},
                                      {QStringLiteral("created"),
                                       QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                                      {QStringLiteral("source"), relay.describe()},
                                      {QStringLiteral("objects"), manifest}})
                .toJson(QJsonDocument::Indented);
        QuaZipFile entry(&zip);
        if (!entry.open(QIODevice::WriteOnly, QuaZipNewInfo(QString::fromLatin1(kBackupManifest))) ||
            entry.write(text) != text.size())
            result.error = trc("maintenance", "cannot write the manifest into %1").arg(partial);
        entry.close();
    }
    zip.close();
    if (result.error.isEmpty() && zip.getZipError() != 0)
        result.error =
            trc("maintenance", "cannot finish %1 (zip error %2)").arg(partial).arg(zip.getZipError());
    if (!result.error.isEmpty()) {
        QFile::remove(partial);
        return result;
    }
    QFile::remove(zipPath);
    if (!QFile::rename(partial, zipPath)) {
        result.error = trc("maintenance", "cannot rename %1 to %2").arg(partial, zipPath);
        return result;
    }
    result.ok = true;
    return result;
}

ArchiveResult restoreRelay(RelayBackend& relay, const QString& zipPath, bool force)
{
    ArchiveResult result;
    QuaZip zip(zipPath);
    if (!zip.open(QuaZip::mdUnzip)) {
        result.error = trc("maintenance", "cannot open %1 as a zip archive").arg(zipPath);
        return result;
    }
    // The manifest first: it says what to write, and every object is checked against it.
    QJsonArray manifest;
    if (zip.setCurrentFile(QString::fromLatin1(kBackupManifest))) {
        QuaZipFile entry(&zip);
        if (entry.open(QIODevice::ReadOnly)) {
            const QJsonDocument doc = QJsonDocument::fromJson(entry.read(64 * 1024 * 1024));
            if (doc.object().value(QStringLiteral("format")).toInt() == 1)
                manifest = doc.object().value(QStringLiteral("objects")).toArray();
        }
    }
    if (manifest.isEmpty()) {
        result.error = trc("maintenance", "%1 is not an Escale backup (no readable %2)")
                           .arg(zipPath, QLatin1String(kBackupManifest));
        return result;
    }
    for (const QJsonValue& v : std::as_const(manifest)) {
        const QString path = v.toObject().value(QStringLiteral("path")).toString();
        if (!isValidRelayPath(path) || path.startsWith(QLatin1String("tmp/"))) {
            result.error = trc("maintenance", "%1 names an object '%2' that no relay path may be: refused")
                               .arg(zipPath, path);
            return result;
        }
    }
    // The whole archive checked against its manifest before anything is written: a damaged one
    // leaves the relay as it was.
    for (const QJsonValue& v : std::as_const(manifest)) {
        const QJsonObject object = v.toObject();
        const QString path = object.value(QStringLiteral("path")).toString();
        QuaZipFile entry(&zip);
        if (!zip.setCurrentFile(path) || !entry.open(QIODevice::ReadOnly)) {
            result.error = trc("maintenance", "%1 lacks %2, which its manifest lists: the archive is damaged")
                               .arg(zipPath, path);
            return result;
        }
        HashingDevice check(&entry, QIODevice::ReadOnly);
        while (!check.read(256 * 1024).isEmpty()) {
        }
        entry.close();
        if (check.count() != qint64(object.value(QStringLiteral("size")).toDouble()) ||
            QString::fromLatin1(check.digest()) != object.value(QStringLiteral("sha256")).toString()) {
            result.error =
                trc("maintenance",
                    "%1 in %2 does not match its manifest: the archive is damaged, nothing was written")
                    .arg(path, zipPath);
            return result;
        }
    }
    // An empty location only, unless asked: a restore over a live repository would mix two.
    std::unique_ptr<RelayJob> root(relay.list(QString()));
    const RelayError listed = waitFor(root.get());
    if (listed.ok() && !root->entries().isEmpty() && !force) {
        result.error =
            trc("maintenance", "%1 is not empty: restore into an empty location, or pass --force to "
                               "write over what is there")
                .arg(relay.describe());
        result.locationInUse = true;
        return result;
    }
    if (!listed.ok() && listed.kind != RelayError::Kind::NotFound) {
        result.error = listed.message;
        return result;
    }
    const bool folders = relay.capabilities().needsDirectories;
    QSet<QString> made;
    // The destination itself, asked for by name: a restore is made on purpose.
    if (folders) {
        if (const RelayError e = run(relay.makeFolder(QString())); !e.ok()) {
            result.error = e.message;
            return result;
        }
    }
    for (const QJsonValue& v : std::as_const(manifest)) {
        const QJsonObject object = v.toObject();
        const QString path = object.value(QStringLiteral("path")).toString();
        const qint64 size = qint64(object.value(QStringLiteral("size")).toDouble());
        const QString parent = path.section(QLatin1Char('/'), 0, -2);
        if (folders && !made.contains(parent)) {
            if (const RelayError e = run(relay.makeFolder(parent)); !e.ok()) {
                result.error = e.message;
                return result;
            }
            made.insert(parent);
        }
        if (!zip.setCurrentFile(path)) {
            result.error = trc("maintenance", "%1 lacks %2, which its manifest lists: the archive is damaged")
                               .arg(zipPath, path);
            return result;
        }
        QuaZipFile entry(&zip);
        if (!entry.open(QIODevice::ReadOnly)) {
            result.error = trc("maintenance", "cannot read %1 from %2").arg(path, zipPath);
            return result;
        }
        HashingDevice source(&entry, QIODevice::ReadOnly);
        const RelayError e = run(relay.put(path, &source, size, WriteMode::Replace));
        entry.close();
        if (!e.ok()) {
            result.error = e.message;
            return result;
        }
        if (source.count() != size ||
            QString::fromLatin1(source.digest()) != object.value(QStringLiteral("sha256")).toString()) {
            run(relay.remove(
                path)); // the archive changed since it was checked: its object goes (best effort)
            result.error = trc("maintenance", "%1 in %2 does not match its manifest: the archive is damaged")
                               .arg(path, zipPath);
            return result;
        }
        ++result.objects;
        result.bytes += size;
    }
    // Read back: what the relay holds now is what the archive held.
    for (const QJsonValue& v : std::as_const(manifest)) {
        const QJsonObject object = v.toObject();
        const QString path = object.value(QStringLiteral("path")).toString();
        HashingDevice sink(nullptr, QIODevice::WriteOnly);
        const RelayError e = run(relay.get(path, &sink));
        if (!e.ok() ||
            QString::fromLatin1(sink.digest()) != object.value(QStringLiteral("sha256")).toString()) {
            result.error =
                e.ok() ? trc("maintenance", "%1 reads back different from the archive after the restore")
                             .arg(path)
                       : trc("maintenance", "%1 reads back different from the archive after the restore (%2)")
                             .arg(path, e.message);
            return result;
        }
    }
    result.ok = true;
    return result;
}

} // namespace escale::relay
