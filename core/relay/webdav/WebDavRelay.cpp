#include "relay/webdav/WebDavRelay.h"

#include "Tr.h"

#include <QBuffer>
#include <QDateTime>
#include <QRandomGenerator>
#include <QXmlStreamReader>

namespace escale::relay {

namespace {

const QByteArray kPropfindBody = QByteArrayLiteral(
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:resourcetype/><D:getcontentlength/><D:getlastmodified/>"
    "<D:getetag/></D:prop></D:propfind>\n");

QString normalisedPath(const QUrl& url)
{
    QString p = url.path(QUrl::FullyDecoded);
    while (p.endsWith(QLatin1Char('/')) && p.size() > 1)
        p.chop(1);
    return p;
}

HttpTransport::Request request(const QByteArray& verb, const QUrl& url,
                               const QList<QPair<QByteArray, QByteArray>>& headers = {},
                               QIODevice* body = nullptr, qint64 bodySize = 0, QIODevice* sink = nullptr)
{
    return HttpTransport::Request::make(verb, url, headers, body, bodySize, sink);
}

} // namespace

WebDavRelay::WebDavRelay(const HttpSettings& settings, QObject* parent)
    : RelayBackend(parent)
    , m_http(settings, this)
{}

QString WebDavRelay::describe() const
{
    return m_http.settings().base.toDisplayString(QUrl::RemoveUserInfo);
}

std::optional<QList<RelayEntry>> WebDavRelay::parseMultistatus(const QByteArray& xml, const QUrl& folderUrl,
                                                               QString& error)
{
    // Elements are matched by namespace "DAV:" and local name, whatever the prefixes.
    const QString dav = QStringLiteral("DAV:");
    QXmlStreamReader reader(xml);
    QList<RelayEntry> out;
    const QString self = normalisedPath(folderUrl);
    RelayEntry entry;
    QString href;
    bool inResponse = false, inPropstat = false, propOk = true, collection = false;
    RelayEntry props;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.namespaceUri() == dav) {
            const auto name = reader.name();
            if (name == QLatin1String("response")) {
                inResponse = true;
                href.clear();
                entry = RelayEntry{};
                collection = false;
            } else if (name == QLatin1String("href") && inResponse && !inPropstat) {
                href = reader.readElementText();
            } else if (name == QLatin1String("propstat")) {
                inPropstat = true;
                propOk = true;
                props = RelayEntry{};
                props.isDirectory = false;
            } else if (name == QLatin1String("status") && inPropstat) {
                propOk = reader.readElementText().contains(QLatin1String(" 200"));
            } else if (name == QLatin1String("collection") && inPropstat) {
                props.isDirectory = true;
            } else if (name == QLatin1String("getcontentlength") && inPropstat) {
                bool ok = false;
                const qint64 size = reader.readElementText().trimmed().toLongLong(&ok);
                props.size = ok ? size : -1;
            } else if (name == QLatin1String("getlastmodified") && inPropstat) {
                props.modified = QDateTime::fromString(reader.readElementText().trimmed(), Qt::RFC2822Date);
            } else if (name == QLatin1String("getetag") && inPropstat) {
                props.etag = reader.readElementText().trimmed().toUtf8();
            }
        } else if (reader.isEndElement() && reader.namespaceUri() == dav) {
            const auto name = reader.name();
            if (name == QLatin1String("propstat")) {
                inPropstat = false;
                if (propOk) {
                    collection = collection || props.isDirectory;
                    if (props.size >= 0)
                        entry.size = props.size;
                    if (props.modified.isValid())
                        entry.modified = props.modified;
                    if (!props.etag.isEmpty())
                        entry.etag = props.etag;
                }
            } else if (name == QLatin1String("response")) {
                inResponse = false;
                const QUrl target = folderUrl.resolved(QUrl(href));
                const QString path = normalisedPath(target);
                if (path == self || href.isEmpty())
                    continue; // the folder itself
                entry.name = path.section(QLatin1Char('/'), -1);
                entry.isDirectory = collection || href.endsWith(QLatin1Char('/'));
                if (entry.isDirectory)
                    entry.size = -1;
                if (!entry.name.isEmpty())
                    out.append(entry);
            }
        }
    }
    if (reader.hasError()) {
        error = trc("relay", "the server's folder listing is not valid XML: %1").arg(reader.errorString());
        return std::nullopt;
    }
    return out;
}

RelayJob* WebDavRelay::list(const QString& folder)
{
    if (!isValidRelayPath(folder, true))
        return invalidPath(folder);
    auto* job = new RelayJob();
    const QUrl url = m_http.url(folder, true);
    HttpTransport::Request r =
        request("PROPFIND", url, {{"Depth", "1"}, {"Content-Type", "application/xml; charset=utf-8"}});
    auto body = std::make_shared<QBuffer>();
    body->setData(kPropfindBody);
    body->open(QIODevice::ReadOnly);
    r.body = body.get();
    r.bodySize = kPropfindBody.size();
    m_http.send(r, [job, url, body](const HttpResult& result) {
        if (!result.error.ok()) {
            job->finishLater(result.error);
            return;
        }
        QString error;
        const auto entries = parseMultistatus(result.body, url, error);
        if (!entries)
            job->finishLater(RelayError{RelayError::Kind::Other, error});
        else
            job->finishLater({}, *entries);
    });
    return job;
}

RelayJob* WebDavRelay::get(const QString& path, QIODevice* sink)
{
    if (!isValidRelayPath(path))
        return invalidPath(path);
    auto* job = new RelayJob();
    m_http.send(request("GET", m_http.url(path), {}, nullptr, 0, sink),
                [job](const HttpResult& result) { job->finishLater(result.error); });
    return job;
}

RelayJob* WebDavRelay::getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink)
{
    if (RelayJob* answered = answeredRange(path, length))
        return answered;
    auto* job = new RelayJob();
    HttpTransport::Request r = request("GET", m_http.url(path), {}, nullptr, 0, sink);
    r.rangeFrom = std::max<qint64>(offset, 0);
    r.rangeEnd = length < 0 ? -1 : r.rangeFrom + length;
    m_http.send(r, [job](const HttpResult& result) { job->finishLater(result.error); });
    return job;
}

RelayJob* WebDavRelay::put(const QString& path, QIODevice* source, qint64 size, WriteMode mode)
{
    if (!isValidRelayPath(path))
        return invalidPath(path);
    auto* job = new RelayJob();
    auto putRequest = [job, source, size](const QUrl& url) {
        HttpTransport::Request r = request("PUT", url, {{"Content-Type", "application/octet-stream"}}, source, size);
        r.sent = [job, size](qint64 sent) { Q_EMIT job->progress(sent, size); };
        return r;
    };
    if (mode == WriteMode::Fresh) {
        // Nobody reads it before it is referenced: one request instead of PUT + MOVE.
        m_http.send(putRequest(m_http.url(path)), [job](const HttpResult& result) { job->finishLater(result.error); });
        return job;
    }
    // Uploaded under a temporary name, then moved into place: readers see all or nothing (R2).
    const QString temp =
        QStringLiteral("tmp/%1-%2")
            .arg(m_tempPrefix, QString::number(QRandomGenerator::system()->generate64(), 36));
    auto upload = [this, job, path, temp, mode, putRequest] {
        m_http.send(
            putRequest(m_http.url(temp)),
            [this, job, path, temp, mode](const HttpResult& put) {
                if (!put.error.ok()) {
                    job->finishLater(put.error);
                    return;
                }
                const QByteArray destination = m_http.url(path).toEncoded();
                const QByteArray overwrite = mode == WriteMode::Replace ? "T" : "F";
                m_http.send(request("MOVE", m_http.url(temp),
                                    {{"Destination", destination}, {"Overwrite", overwrite}}),
                            [this, job, temp](const HttpResult& move) {
                                if (move.error.ok()) {
                                    job->finishLater({});
                                    return;
                                }
                                // The temporary object goes; the error stays.
                                m_http.send(request("DELETE", m_http.url(temp)), [](const HttpResult&) {});
                                job->finishLater(move.error);
                            });
            });
    };
    if (m_tmpReady) {
        upload();
        return job;
    }
    m_http.send(request("MKCOL", m_http.url(QStringLiteral("tmp"), true)),
                [this, job, upload](const HttpResult& r) {
                    if (r.error.ok() || r.status == 405) { // 405: it exists
                        m_tmpReady = true;
                        upload();
                    } else {
                        job->finishLater(r.error);
                    }
                });
    return job;
}

RelayJob* WebDavRelay::remove(const QString& path)
{
    if (!isValidRelayPath(path))
        return invalidPath(path);
    auto* job = new RelayJob();
    m_http.send(request("DELETE", m_http.url(path)),
                [job](const HttpResult& result) { job->finishLater(result.error); });
    return job;
}

RelayJob* WebDavRelay::makeFolder(const QString& folder)
{
    if (!isValidRelayPath(folder, true))
        return invalidPath(folder);
    auto* job = new RelayJob();
    // parts: the repository folder (''), then each level down to `folder`.
    QStringList parts{QString()};
    QString prefix;
    for (const QString& part : folder.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        prefix = prefix.isEmpty() ? part : prefix + QLatin1Char('/') + part;
        parts << prefix;
    }
    makeFolders(parts, int(parts.size()) - 1, true, [job](const RelayError& e) { job->finishLater(e); });
    return job;
}

void WebDavRelay::makeFolders(const QStringList& parts, int depth, bool mayMakeParent,
                              const std::function<void(const RelayError&)>& done)
{
    // The deepest folder first: one request when its parent exists (the usual case). An
    // existing folder answers 405; a missing parent 409, and the parent is made, then this one.
    const QString folder = parts.at(depth);
    m_http.send(request("MKCOL", m_http.url(folder, true)), [this, parts, depth, mayMakeParent, folder,
                                                             done](const HttpResult& r) {
        if (r.error.ok() || r.status == 405 || (r.status == 301 && depth == 0)) {
            done({});
            return;
        }
        if (r.status == 409 && depth > 0 && mayMakeParent) {
            makeFolders(parts, depth - 1, true, [this, parts, depth, done](const RelayError& e) {
                if (e.ok())
                    makeFolders(parts, depth, false, done);
                else
                    done(e);
            });
            return;
        }
        RelayError e = r.error;
        if (r.status == 409)
            e.message =
                trc("relay", "cannot create %1 on the server: its parent folder does not exist; create it, "
                             "or check 'relay address'")
                    .arg(m_http.url(folder, true).toDisplayString(QUrl::RemoveUserInfo));
        done(e);
    });
}

} // namespace escale::relay
