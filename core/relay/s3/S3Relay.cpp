#include "relay/s3/S3Relay.h"

#include "Tr.h"
#include "config/Secrets.h"
#include "log/Logging.h"

#include <QBuffer>
#include <QHostAddress>
#include <QUrlQuery>
#include <QXmlStreamReader>

namespace escale::relay {

std::optional<S3Relay::Settings> S3Relay::settingsFromConfig(const config::RepositoryConfig& config,
                                                             QString& error)
{
    auto http = HttpSettings::fromConfig(config, error);
    if (!http)
        return std::nullopt;
    Settings s;
    // The address parser keeps the bucket apart; the path is the prefix in it.
    s.bucket = config.relay.bucket;
    if (s.bucket.isEmpty()) {
        error = trc("relay", "the S3 address names no bucket: write s3://HOST/BUCKET/FOLDER");
        return std::nullopt;
    }
    s.prefix = config.relay.path.split(QLatin1Char('/'), Qt::SkipEmptyParts).join(QLatin1Char('/'));
    http->base.setPath(QStringLiteral("/"));
    const QString host = config.relay.host;
    // 'url style = auto': path style for an IP address or an explicit port (local servers),
    // virtual host otherwise (AWS and most providers).
    const bool ipAddress = !QHostAddress(host).isNull();
    s.virtualHost = config.s3UrlStyle == QLatin1String("virtual") ||
                    (config.s3UrlStyle == QLatin1String("auto") && !ipAddress && config.relay.port <= 0);
    if (s.virtualHost)
        http->base.setHost(s.bucket + QLatin1Char('.') + host);
    s.region = config.s3Region.isEmpty() ? QStringLiteral("us-east-1") : config.s3Region;
    // Credentials: the configuration (user = access key, password = secret), else the standard
    // AWS variables.
    s.credentials.accessKey = http->user;
    s.credentials.secretKey = http->password;
    if (s.credentials.accessKey.isEmpty()) {
        s.credentials.accessKey = qEnvironmentVariable("AWS_ACCESS_KEY_ID");
        s.credentials.secretKey = qgetenv("AWS_SECRET_ACCESS_KEY");
        s.credentials.sessionToken = qEnvironmentVariable("AWS_SESSION_TOKEN");
    }
    if (s.credentials.accessKey.isEmpty() || s.credentials.secretKey.isEmpty()) {
        error =
            trc("relay", "no S3 credentials: set 'user' (the access key) and 'password' (the secret key), "
                         "or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        return std::nullopt;
    }
    http->user.clear(); // S3 signs requests; no HTTP authentication
    http->password.clear();
    s.http = *http;
    return s;
}

S3Relay::S3Relay(const Settings& settings, QObject* parent)
    : RelayBackend(parent)
    , m_settings(settings)
    , m_http(settings.http, this)
{}

QString S3Relay::describe() const
{
    return QStringLiteral("s3://%1/%2%3")
        .arg(m_settings.http.base.authority(), m_settings.bucket,
             m_settings.prefix.isEmpty() ? QString() : QLatin1Char('/') + m_settings.prefix);
}

QString S3Relay::fullKey(const QString& relayPath) const
{
    if (m_settings.prefix.isEmpty())
        return relayPath;
    return relayPath.isEmpty() ? m_settings.prefix : m_settings.prefix + QLatin1Char('/') + relayPath;
}

QUrl S3Relay::objectUrl(const QString& key) const
{
    QUrl u = m_settings.http.base;
    u.setPath(m_settings.virtualHost ? QLatin1Char('/') + key
                                     : QLatin1Char('/') + m_settings.bucket + QLatin1Char('/') + key);
    return u;
}

namespace {

// The text of the first `element` of an S3 XML reply, empty when there is none.
QString firstElement(const QByteArray& xml, QLatin1String element)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == element)
            return reader.readElementText();
    }
    return {};
}

} // namespace

RelayError S3Relay::explain(const HttpResult& result, const QString& what) const
{
    RelayError e = result.error;
    if (e.ok())
        return e;
    const QString code = firstElement(result.body, QLatin1String("Code"));
    using Kind = RelayError::Kind;
    if (code == QLatin1String("NoSuchBucket"))
        return {Kind::Other,
                trc("relay", "the bucket '%1' does not exist on %2: create it, or check 'relay address'")
                    .arg(m_settings.bucket, m_settings.http.base.host())};
    if (code == QLatin1String("SignatureDoesNotMatch") || code == QLatin1String("InvalidAccessKeyId") ||
        (code == QLatin1String("AccessDenied") && result.status == 403))
        return {Kind::Auth,
                trc("relay", "%1: %2 refuses the credentials (%3): check the access key ('user') and "
                             "the secret key ('password')")
                    .arg(what, m_settings.http.base.host(), code)};
    if (code == QLatin1String("QuotaExceeded") || code == QLatin1String("EntityTooLarge"))
        return {
            Kind::Quota,
            trc("relay", "%1: %2 (%3)").arg(what, firstElement(result.body, QLatin1String("Message")), code)};
    if (!code.isEmpty() && e.kind != Kind::NotFound)
        e.message += QStringLiteral(" (%1)").arg(code);
    return e;
}

void S3Relay::send(const QByteArray& verb, const QUrl& url, HeaderList headers, QIODevice* body, qint64 size,
                   QIODevice* sink, const QByteArray& payloadHash,
                   std::function<void(const HttpResult&)> done, std::pair<qint64, qint64> range,
                   std::function<void(qint64)> sent)
{
    signV4(verb, url, headers, payloadHash, m_settings.credentials, m_settings.region,
           QDateTime::currentDateTimeUtc());
    HttpTransport::Request r = HttpTransport::Request::make(verb, url, headers, body, size, sink);
    r.rangeFrom = range.first; // the Range header is added unsigned, as SigV4 allows
    r.rangeEnd = range.second;
    r.sent = std::move(sent);
    m_http.send(r, std::move(done));
}

std::optional<S3Relay::Page> S3Relay::parseListing(const QByteArray& xml, const QString& prefix,
                                                   QString& error, bool deep)
{
    QXmlStreamReader reader(xml);
    Page page;
    bool truncated = false;
    RelayEntry entry;
    bool inContents = false, inPrefixes = false;
    while (!reader.atEnd()) {
        reader.readNext();
        const auto name = reader.name();
        if (reader.isStartElement()) {
            if (name == QLatin1String("Contents")) {
                inContents = true;
                entry = RelayEntry{};
            } else if (name == QLatin1String("CommonPrefixes")) {
                inPrefixes = true;
            } else if (name == QLatin1String("Key") && inContents) {
                entry.name = reader.readElementText().mid(prefix.size());
            } else if (name == QLatin1String("Size") && inContents) {
                entry.size = reader.readElementText().toLongLong();
            } else if (name == QLatin1String("LastModified") && inContents) {
                entry.modified = QDateTime::fromString(reader.readElementText(), Qt::ISODateWithMs);
            } else if (name == QLatin1String("ETag") && inContents) {
                entry.etag = reader.readElementText().toUtf8();
            } else if (name == QLatin1String("Prefix") && inPrefixes) {
                QString p = reader.readElementText().mid(prefix.size());
                if (p.endsWith(QLatin1Char('/')))
                    p.chop(1);
                if (!p.isEmpty())
                    page.entries.append(RelayEntry{p, true, -1, {}, {}});
            } else if (name == QLatin1String("IsTruncated")) {
                truncated = reader.readElementText() == QLatin1String("true");
            } else if (name == QLatin1String("NextContinuationToken")) {
                page.continuation = reader.readElementText();
            }
        } else if (reader.isEndElement()) {
            if (name == QLatin1String("Contents")) {
                inContents = false;
                if (!entry.name.isEmpty() && (deep || !entry.name.contains(QLatin1Char('/'))))
                    page.entries.append(entry);
            } else if (name == QLatin1String("CommonPrefixes")) {
                inPrefixes = false;
            }
        }
    }
    if (reader.hasError()) {
        error = trc("relay", "the bucket listing is not valid XML: %1").arg(reader.errorString());
        return std::nullopt;
    }
    if (!truncated)
        page.continuation.clear();
    return page;
}

RelayJob* S3Relay::list(const QString& folder)
{
    return startListing(folder, false);
}

RelayJob* S3Relay::listDeep(const QString& folder)
{
    return startListing(folder, true);
}

RelayJob* S3Relay::startListing(const QString& folder, bool deep)
{
    if (!isValidRelayPath(folder, true))
        return invalidPath(folder);
    auto* job = new RelayJob();
    QString prefix = fullKey(folder);
    if (!prefix.isEmpty())
        prefix += QLatin1Char('/');
    listPage(prefix, deep, QString(), std::make_shared<QList<RelayEntry>>(), job);
    return job;
}

void S3Relay::listPage(const QString& prefix, bool deep, const QString& token,
                       std::shared_ptr<QList<RelayEntry>> all, RelayJob* job)
{
    // The bucket itself: "/bucket" path-style (no trailing slash: that is how servers
    // canonicalise it for the signature), "/" virtual-host style.
    QUrl url = m_settings.http.base;
    url.setPath(m_settings.virtualHost ? QStringLiteral("/") : QLatin1Char('/') + m_settings.bucket);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("list-type"), QStringLiteral("2"));
    if (!deep) // folder by folder; deep: every key under the prefix
        query.addQueryItem(QStringLiteral("delimiter"), QStringLiteral("/"));
    query.addQueryItem(QStringLiteral("prefix"), QString::fromLatin1(QUrl::toPercentEncoding(prefix)));
    if (m_settings.pageSize != 1000)
        query.addQueryItem(QStringLiteral("max-keys"), QString::number(m_settings.pageSize));
    if (!token.isEmpty())
        query.addQueryItem(QStringLiteral("continuation-token"),
                           QString::fromLatin1(QUrl::toPercentEncoding(token)));
    url.setQuery(query);
    send("GET", url, {}, nullptr, 0, nullptr, kEmptyPayloadSha256,
         [this, prefix, deep, all, job](const HttpResult& result) {
             if (!result.error.ok()) {
                 job->finishLater(explain(result, trc("relay", "listing %1").arg(prefix)));
                 return;
             }
             QString error;
             const auto page = parseListing(result.body, prefix, error, deep);
             if (!page) {
                 job->finishLater(RelayError{RelayError::Kind::Other, error});
                 return;
             }
             all->append(page->entries);
             if (!page->continuation.isEmpty()) {
                 listPage(prefix, deep, page->continuation, all, job);
                 return;
             }
             // No folders in S3: an empty prefix is a folder that does not exist.
             if (all->isEmpty())
                 job->finishLater(
                     RelayError{RelayError::Kind::NotFound, trc("relay", "%1: nothing there").arg(prefix)});
             else
                 job->finishLater({}, *all);
         });
}

RelayJob* S3Relay::get(const QString& path, QIODevice* sink)
{
    if (!isValidRelayPath(path))
        return invalidPath(path);
    auto* job = new RelayJob();
    send("GET", objectUrl(fullKey(path)), {}, nullptr, 0, sink, kEmptyPayloadSha256,
         [this, job, path](const HttpResult& result) { job->finishLater(explain(result, path)); });
    return job;
}

RelayJob* S3Relay::getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink)
{
    if (RelayJob* answered = answeredRange(path, length))
        return answered;
    auto* job = new RelayJob();
    const qint64 from = std::max<qint64>(offset, 0);
    send("GET", objectUrl(fullKey(path)), {}, nullptr, 0, sink, kEmptyPayloadSha256,
         [this, job, path](const HttpResult& result) { job->finishLater(explain(result, path)); },
         {from, length < 0 ? -1 : from + length});
    return job;
}

struct S3Relay::Multipart
{
    RelayJob* job;
    QString path;
    QUrl url;
    QIODevice* source;
    qint64 left; // bytes of the source not read yet
    QString uploadId;
    QList<QByteArray> etags; // of the parts sent, in order
    QByteArray part;         // the part being sent
    QBuffer partDevice;
};

QUrl S3Relay::multipartUrl(const Multipart& upload, int partNumber) const
{
    QUrl url = upload.url;
    QUrlQuery query;
    if (upload.uploadId.isEmpty()) {
        query.addQueryItem(QStringLiteral("uploads"), QString());
    } else {
        if (partNumber > 0)
            query.addQueryItem(QStringLiteral("partNumber"), QString::number(partNumber));
        query.addQueryItem(QStringLiteral("uploadId"),
                           QString::fromLatin1(QUrl::toPercentEncoding(upload.uploadId)));
    }
    url.setQuery(query);
    return url;
}

void S3Relay::startMultipart(std::shared_ptr<Multipart> upload)
{
    send("POST", multipartUrl(*upload), {{"Content-Type", "application/octet-stream"}}, nullptr, 0, nullptr,
         kEmptyPayloadSha256, [this, upload](const HttpResult& result) {
             if (!result.error.ok()) {
                 upload->job->finishLater(explain(result, upload->path));
                 return;
             }
             upload->uploadId = firstElement(result.body, QLatin1String("UploadId"));
             if (upload->uploadId.isEmpty()) {
                 upload->job->finishLater(
                     RelayError{RelayError::Kind::Other,
                                trc("relay", "%1: the server started a multipart upload without an upload id")
                                    .arg(upload->path)});
                 return;
             }
             sendPart(upload);
         });
}

void S3Relay::sendPart(std::shared_ptr<Multipart> upload)
{
    if (upload->left == 0) {
        completeMultipart(upload);
        return;
    }
    // One part in memory: a buffer can be sent again when the request is retried, which the
    // streamed source cannot.
    const qint64 want = std::min(upload->left, m_settings.partSize);
    upload->partDevice.close();
    upload->part.resize(want);
    qint64 got = 0;
    while (got < want) {
        const qint64 n = upload->source->read(upload->part.data() + got, want - got);
        if (n <= 0)
            break;
        got += n;
    }
    if (got < want) {
        abortMultipart(
            upload, {RelayError::Kind::Other, trc("relay", "%1: the data to send ended %2 bytes early")
                                                  .arg(upload->path, QString::number(upload->left - got))});
        return;
    }
    upload->left -= want;
    upload->partDevice.setBuffer(&upload->part);
    upload->partDevice.open(QIODevice::ReadOnly);
    const int number = int(upload->etags.size()) + 1;
    send("PUT", multipartUrl(*upload, number), {}, &upload->partDevice, want, nullptr, "UNSIGNED-PAYLOAD",
         [this, upload](const HttpResult& result) {
             const QByteArray etag = result.header("ETag");
             if (!result.error.ok() || etag.isEmpty()) {
                 abortMultipart(upload,
                                result.error.ok()
                                    ? RelayError{RelayError::Kind::Other,
                                                 trc("relay", "%1: the server sent no ETag for a part")
                                                     .arg(upload->path)}
                                    : explain(result, upload->path));
                 return;
             }
             upload->etags.append(etag);
             sendPart(upload);
         });
}

void S3Relay::completeMultipart(std::shared_ptr<Multipart> upload)
{
    upload->partDevice.close();
    upload->part.clear();
    QByteArray xml = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";
    for (qsizetype i = 0; i < upload->etags.size(); ++i)
        xml += "<Part><PartNumber>" + QByteArray::number(i + 1) + "</PartNumber><ETag>" +
               QString::fromLatin1(upload->etags[i]).toHtmlEscaped().toLatin1() + "</ETag></Part>";
    xml += "</CompleteMultipartUpload>";
    upload->part = xml;
    upload->partDevice.setBuffer(&upload->part);
    upload->partDevice.open(QIODevice::ReadOnly);
    send("POST", multipartUrl(*upload), {{"Content-Type", "application/xml"}}, &upload->partDevice,
         xml.size(), nullptr, QCryptographicHash::hash(xml, QCryptographicHash::Sha256).toHex(),
         [this, upload](const HttpResult& result) {
             // S3 may answer 200 and still fail, with an <Error> in the body.
             HttpResult checked = result;
             const QString code = firstElement(result.body, QLatin1String("Code"));
             if (checked.error.ok() && !code.isEmpty())
                 checked.error = {
                     RelayError::Kind::Network,
                     trc("relay", "%1: the server could not assemble the parts").arg(upload->path)};
             if (!checked.error.ok()) {
                 abortMultipart(upload, explain(checked, upload->path));
                 return;
             }
             qCDebug(lcRelay).noquote()
                 << QStringLiteral("%1: sent in %2 parts").arg(upload->path).arg(upload->etags.size());
             upload->job->finishLater({});
         });
}

void S3Relay::abortMultipart(std::shared_ptr<Multipart> upload, const RelayError& error)
{
    // The parts sent so far are dropped on the server (they would be billed until then); what
    // the abort itself answers changes nothing for the caller.
    send("DELETE", multipartUrl(*upload), {}, nullptr, 0, nullptr, kEmptyPayloadSha256,
         [upload, error](const HttpResult& result) {
             if (!result.error.ok())
                 qCDebug(lcRelay).noquote() << QStringLiteral("%1: abandoning its multipart upload: %2")
                                                   .arg(upload->path, result.error.message);
             upload->job->finishLater(error);
         });
}

RelayJob* S3Relay::put(const QString& path, QIODevice* source, qint64 size, WriteMode mode)
{
    if (!isValidRelayPath(path))
        return invalidPath(path);
    auto* job = new RelayJob();
    const QUrl url = objectUrl(fullKey(path));
    if (mode != WriteMode::CreateExclusive && size > m_settings.multipartAbove) {
        auto upload = std::make_shared<Multipart>();
        upload->job = job;
        upload->path = path;
        upload->url = url;
        upload->source = source;
        upload->left = size;
        startMultipart(upload);
        return job;
    }
    auto upload = [this, job, url, path, source, size, mode] {
        HeaderList headers{{"Content-Type", "application/octet-stream"}};
        if (mode == WriteMode::CreateExclusive)
            headers.append(
                qMakePair(QByteArray("If-None-Match"),
                          QByteArray("*"))); // honoured by AWS since 2024; a check came first anyway
        send("PUT", url, headers, source, size, nullptr, "UNSIGNED-PAYLOAD",
             [this, job, path](const HttpResult& result) { job->finishLater(explain(result, path)); }, {-1, -1},
             [job, size](qint64 sent) { Q_EMIT job->progress(sent, size); });
    };
    if (mode != WriteMode::CreateExclusive) {
        upload();
        return job;
    }
    send("HEAD", url, {}, nullptr, 0, nullptr, kEmptyPayloadSha256,
         [this, job, path, upload](const HttpResult& r) {
             if (r.status == 200)
                 job->finishLater(RelayError{RelayError::Kind::AlreadyExists,
                                             trc("relay", "%1: already exists").arg(path)});
             else if (r.status == 404)
                 upload();
             else
                 job->finishLater(explain(r, path));
         });
    return job;
}

RelayJob* S3Relay::remove(const QString& path)
{
    if (!isValidRelayPath(path))
        return invalidPath(path);
    auto* job = new RelayJob();
    send("DELETE", objectUrl(fullKey(path)), {}, nullptr, 0, nullptr, kEmptyPayloadSha256,
         [this, job, path](const HttpResult& result) { job->finishLater(explain(result, path)); });
    return job;
}

RelayJob* S3Relay::makeFolder(const QString& folder)
{
    if (!isValidRelayPath(folder, true))
        return invalidPath(folder);
    auto* job = new RelayJob();
    job->finishLater({}); // S3 has no folders
    return job;
}

} // namespace escale::relay
