#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

namespace escale::relay {

// A request's headers, in the order they are sent: (name, value).
using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// The Host header of a request to `url` (the port only when it is not the scheme's default):
// sent as such by the transport, and signed as such by SigV4.
QByteArray hostHeader(const QUrl& url);

} // namespace escale::relay
