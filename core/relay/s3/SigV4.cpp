#include "relay/s3/SigV4.h"

#include <QMessageAuthenticationCode>
#include <QUrlQuery>
#include <algorithm>

namespace escale::relay {

namespace {

QByteArray hmac(const QByteArray& key, const QByteArray& data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

} // namespace

QByteArray awsUriEncode(const QByteArray& bytes, bool path)
{
    QByteArray out;
    out.reserve(bytes.size() * 3);
    static const char hex[] = "0123456789ABCDEF";
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '_' || c == '.' || c == '~' || (path && c == '/')) {
            out.append(char(c));
        } else {
            out.append('%');
            out.append(hex[c >> 4]);
            out.append(hex[c & 15]);
        }
    }
    return out;
}

QByteArray canonicalQueryString(const QUrl& url)
{
    QList<QPair<QByteArray, QByteArray>> pairs;
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded))
        pairs.append({awsUriEncode(key.toUtf8(), false), awsUriEncode(value.toUtf8(), false)});
    std::sort(pairs.begin(), pairs.end());
    QByteArray out;
    for (const auto& [key, value] : std::as_const(pairs)) {
        if (!out.isEmpty())
            out.append('&');
        out.append(key + '=' + value);
    }
    return out;
}

void signV4(const QByteArray& method, const QUrl& url, HeaderList& headers, const QByteArray& payloadHash,
            const SigV4Credentials& credentials, const QString& region, const QDateTime& now,
            const QString& service)
{
    const QDateTime utc = now.toUTC();
    const QByteArray amzDate = utc.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
    const QByteArray date = amzDate.left(8);
    headers.append({"x-amz-date", amzDate});
    headers.append({"x-amz-content-sha256", payloadHash});
    if (!credentials.sessionToken.isEmpty())
        headers.append({"x-amz-security-token", credentials.sessionToken.toUtf8()});

    // Canonical headers: lower-case names, trimmed values with inner spaces folded, sorted.
    QList<QPair<QByteArray, QByteArray>> canonical{{"host", hostHeader(url)}};
    for (const auto& [name, value] : std::as_const(headers))
        canonical.append({name.toLower(), value.simplified()});
    std::sort(canonical.begin(), canonical.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    QByteArray canonicalHeaders, signedHeaders;
    for (const auto& [name, value] : std::as_const(canonical)) {
        canonicalHeaders += name + ':' + value + '\n';
        signedHeaders += (signedHeaders.isEmpty() ? QByteArray() : QByteArray(";")) + name;
    }
    QByteArray path = url.path(QUrl::FullyDecoded).toUtf8();
    if (path.isEmpty())
        path = "/";
    const QByteArray canonicalRequest = method + '\n' + awsUriEncode(path, true) + '\n' +
                                        canonicalQueryString(url) + '\n' + canonicalHeaders + '\n' +
                                        signedHeaders + '\n' + payloadHash;
    const QByteArray scope = date + '/' + region.toLatin1() + '/' + service.toLatin1() + "/aws4_request";
    const QByteArray stringToSign =
        "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n' +
        QCryptographicHash::hash(canonicalRequest, QCryptographicHash::Sha256).toHex();
    QByteArray key = hmac("AWS4" + credentials.secretKey, date);
    key = hmac(key, region.toLatin1());
    key = hmac(key, service.toLatin1());
    key = hmac(key, "aws4_request");
    const QByteArray signature = hmac(key, stringToSign).toHex();
    headers.append({"Authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.accessKey.toUtf8() + '/' +
                                         scope + ",SignedHeaders=" + signedHeaders +
                                         ",Signature=" + signature});
}

} // namespace escale::relay
