#include "relay/http/HttpHeaders.h"

namespace escale::relay {

QByteArray hostHeader(const QUrl& url)
{
    const int port = url.port();
    const bool defaultPort = port < 0 || (url.scheme() == QLatin1String("https") && port == 443) ||
                             (url.scheme() == QLatin1String("http") && port == 80);
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']'; // IPv6
    return defaultPort ? host : host + ':' + QByteArray::number(port);
}

} // namespace escale::relay
