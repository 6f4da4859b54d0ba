#pragma once

#include "relay/RelayBackend.h"
#include "relay/http/HttpTransport.h"
#include "relay/s3/SigV4.h"

namespace escale::relay {

// An S3 bucket (AWS, MinIO, Backblaze B2, Wasabi, Cloudflare R2, ...) as a relay: objects under
// `prefix/` in the bucket, requests signed with AWS Signature V4, ListObjectsV2 with a '/'
// delimiter for folders (which S3 does not have: a folder exists while objects are in it).
class S3Relay : public RelayBackend
{
    Q_OBJECT

public:
    struct Settings
    {
        HttpSettings http; // base: the endpoint (scheme, host, port), path '/'
        QString bucket;
        QString prefix;           // without leading or trailing '/'; may be empty
        bool virtualHost = false; // bucket.host instead of host/bucket
        QString region = QStringLiteral("us-east-1");
        SigV4Credentials credentials;
        int pageSize = 1000; // keys per ListObjectsV2 page (S3's maximum)
        // Objects larger than this go up in parts (multipart upload), one part in memory at a
        // time: a failed part is sent again, not the whole object. S3 wants parts of 5 MiB at
        // least (but the last); the default chunk size (8 MB) stays a single PUT.
        qint64 multipartAbove = 32 * 1024 * 1024;
        qint64 partSize = 16 * 1024 * 1024;
    };
    static std::optional<Settings> settingsFromConfig(const config::RepositoryConfig& config, QString& error);

    explicit S3Relay(const Settings& settings, QObject* parent = nullptr);

    QString describe() const override;
    // Plain S3 PUTs are atomic; an exclusive create is a check, then a conditional PUT.
    // Signed requests: no authentication challenge, so parallel writes are safe.
    RelayCapabilities capabilities() const override { return {false, false, true}; }

    RelayJob* list(const QString& folder) override;
    RelayJob* listDeep(const QString& folder) override;
    RelayJob* get(const QString& path, QIODevice* sink) override;
    RelayJob* getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink) override;
    RelayJob* put(const QString& path, QIODevice* source, qint64 size, WriteMode mode) override;
    RelayJob* remove(const QString& path) override;
    RelayJob* makeFolder(const QString& folder) override;

    // Parses one page of ListObjectsV2; public for tests.
    struct Page
    {
        QList<RelayEntry> entries;
        QString continuation; // empty on the last page
    };
    static std::optional<Page> parseListing(const QByteArray& xml, const QString& prefix, QString& error,
                                            bool deep = false);

private:
    QUrl objectUrl(const QString& key) const; // `key` relative to the prefix
    QString fullKey(const QString& relayPath) const;
    void send(const QByteArray& verb, const QUrl& url, HeaderList headers, QIODevice* body, qint64 size,
              QIODevice* sink, const QByteArray& payloadHash, std::function<void(const HttpResult&)> done,
              std::pair<qint64, qint64> range = {-1, -1}, // a GET's [from, end), see HttpTransport::Request
              std::function<void(qint64)> sent = {});     // a PUT's progress
    RelayJob* startListing(const QString& folder, bool deep); // deep: every key below, no folders
    void listPage(const QString& prefix, bool deep, const QString& token,
                  std::shared_ptr<QList<RelayEntry>> all, RelayJob* job);
    RelayError explain(const HttpResult& result, const QString& what) const;
    struct Multipart;
    void startMultipart(std::shared_ptr<Multipart> upload);
    void sendPart(std::shared_ptr<Multipart> upload);
    void completeMultipart(std::shared_ptr<Multipart> upload);
    void abortMultipart(std::shared_ptr<Multipart> upload, const RelayError& error);
    QUrl multipartUrl(const Multipart& upload, int partNumber = 0) const;

    Settings m_settings;
    HttpTransport m_http;
};

} // namespace escale::relay
