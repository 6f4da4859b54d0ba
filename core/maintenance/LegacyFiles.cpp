#include "maintenance/LegacyFiles.h"

#include "Tr.h"
#include "config/Units.h"
#include "relay/RelayJob.h"

#include <QSet>
#include <memory>

namespace escale::maintenance {

using protocol::LegacyKind;

int LegacyFiles::count(LegacyKind kind) const
{
    return int(std::count_if(files.cbegin(), files.cend(), [kind](const File& f) { return f.kind == kind; }));
}

qint64 LegacyFiles::bytes() const
{
    qint64 total = 0;
    for (const File& f : files)
        total += std::max<qint64>(0, f.size);
    return total;
}

QDateTime LegacyFiles::newestLock() const
{
    QDateTime newest;
    for (const File& f : files)
        if (f.kind == LegacyKind::Lock && f.modified.isValid() && (!newest.isValid() || f.modified > newest))
            newest = f.modified;
    return newest;
}

QString LegacyFiles::summary() const
{
    QStringList parts;
    // A sentence for one, another for more (n is never 0 here).
    auto add = [&](int n, const QString& one, const QString& many) {
        if (n > 0)
            parts << (n == 1 ? one : many).arg(n);
    };
    add(count(LegacyKind::Placeholder), trc("maintenance", "%1 placeholder"),
        trc("maintenance", "%1 placeholders"));
    add(count(LegacyKind::Lock), trc("maintenance", "%1 lock"), trc("maintenance", "%1 locks"));
    add(count(LegacyKind::IndexPage), trc("maintenance", "%1 index page"),
        trc("maintenance", "%1 index pages"));
    add(count(LegacyKind::UpdateIndex) + count(LegacyKind::UpdateData), trc("maintenance", "%1 update file"),
        trc("maintenance", "%1 update files"));
    add(waiting(), trc("maintenance", "%1 file waiting for 0.7 clients"),
        trc("maintenance", "%1 files waiting for 0.7 clients"));
    if (parts.isEmpty())
        return trc("maintenance", "no Escale 0.7 file");
    return (truncated ? trc("maintenance", "%1 (%2), and more not looked at") : QStringLiteral("%1 (%2)"))
        .arg(parts.join(QLatin1String(", ")), config::formatSize(bytes()));
}

LegacyFiles findLegacyFiles(relay::RelayBackend& relay, QString& error, int limit)
{
    LegacyFiles found;
    QStringList queue{QString()};
    int seen = 0;
    while (!queue.isEmpty()) {
        const QString folder = queue.takeFirst();
        std::unique_ptr<relay::RelayJob> job(relay.list(folder));
        if (const relay::RelayError e = relay::waitFor(job.get()); !e.ok()) {
            if (folder.isEmpty()) {
                error = e.message;
                return {};
            }
            found.others << trc("maintenance", "%1/ (cannot be listed: %2)").arg(folder, e.message);
            continue;
        }
        const QList<relay::RelayEntry> entries = job->entries();
        const QString prefix = folder.isEmpty() ? QString() : folder + QLatin1Char('/');
        QSet<QString> described; // names a placeholder of this folder describes
        for (const relay::RelayEntry& e : entries)
            if (!e.isDirectory && protocol::legacyKind(e.name) == LegacyKind::Placeholder)
                described.insert(protocol::placeholderTarget(e.name));
        for (const relay::RelayEntry& e : entries) {
            if (folder.isEmpty() && protocol::isRepositoryRootName(e.name))
                continue; // Escale 1's own: never looked into
            if (++seen > limit) {
                found.truncated = true;
                return found;
            }
            const QString path = prefix + e.name;
            if (e.isDirectory) {
                found.folders << path;
                queue << path;
                continue;
            }
            const LegacyKind kind = protocol::legacyKind(e.name);
            if (kind != LegacyKind::None || described.contains(e.name))
                found.files << LegacyFiles::File{path, kind, e.size, e.modified};
            else
                found.others << path;
        }
    }
    return found;
}

QStringList removeLegacyFiles(relay::RelayBackend& relay, const LegacyFiles& found,
                              const std::function<void(int)>& progress)
{
    QStringList failures;
    int done = 0;
    for (const LegacyFiles::File& f : found.files) {
        std::unique_ptr<relay::RelayJob> job(relay.remove(f.path));
        const relay::RelayError e = relay::waitFor(job.get());
        if (!e.ok() && e.kind != relay::RelayError::Kind::NotFound)
            failures << trc("maintenance", "%1: %2").arg(f.path, e.message);
        if (++done % 200 == 0 && progress)
            progress(done);
    }
    if (progress)
        progress(done);
    return failures;
}

} // namespace escale::maintenance
