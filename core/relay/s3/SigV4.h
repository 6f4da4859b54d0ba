#pragma once

#include "relay/http/HttpHeaders.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace escale::relay {

// AWS Signature Version 4 for S3 requests, as the AWS documentation describes it ("Signature
// Calculations for the Authorization Header"): canonical request, string to sign, the HMAC chain
// over date, region and service, and the Authorization header.
struct SigV4Credentials
{
    QString accessKey;
    QByteArray secretKey;
    QString sessionToken; // temporary credentials; empty otherwise
};

// Adds x-amz-date, x-amz-content-sha256 (`payloadHash`: hex SHA-256 of the body, or
// "UNSIGNED-PAYLOAD"), x-amz-security-token when set, and Authorization to `headers`. Every
// header already in `headers` is signed, plus host.
void signV4(const QByteArray& method, const QUrl& url, HeaderList& headers, const QByteArray& payloadHash,
            const SigV4Credentials& credentials, const QString& region, const QDateTime& now,
            const QString& service = QStringLiteral("s3"));

// Percent-encoding of RFC 3986 unreserved characters kept, everything else encoded ('/' kept
// when `path`).
QByteArray awsUriEncode(const QByteArray& bytes, bool path);
QByteArray canonicalQueryString(const QUrl& url);

inline const QByteArray kEmptyPayloadSha256 =
    QByteArrayLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

} // namespace escale::relay
