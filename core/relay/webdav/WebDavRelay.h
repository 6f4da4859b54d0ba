#pragma once

#include "relay/RelayBackend.h"
#include "relay/http/HttpTransport.h"

#include <functional>

namespace escale::relay {

// A WebDAV share as a relay (Nextcloud, ownCloud, Apache mod_dav, nginx dav-ext, lighttpd,
// rclone serve, NAS products): PROPFIND Depth 1 to list, GET and PUT streamed, objects
// published by PUT to tmp/ then MOVE (Overwrite: F for an exclusive create), MKCOL for folders.
// Content chunks (WriteMode::Fresh) are PUT in place: one request each.
class WebDavRelay : public RelayBackend
{
    Q_OBJECT

public:
    explicit WebDavRelay(const HttpSettings& settings, QObject* parent = nullptr);

    QString describe() const override;
    // MOVE with Overwrite: F is atomic on the servers tried (Apache, nginx, lighttpd, rclone).
    // Parallel transfers once no request can meet an authentication challenge.
    RelayCapabilities capabilities() const override { return {true, true, m_http.challengeFree()}; }

    RelayJob* list(const QString& folder) override;
    RelayJob* get(const QString& path, QIODevice* sink) override;
    RelayJob* getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink) override;
    RelayJob* put(const QString& path, QIODevice* source, qint64 size, WriteMode mode) override;
    RelayJob* remove(const QString& path) override;
    RelayJob* makeFolder(const QString& folder) override;
    QString sessionHint() const override { return m_http.authHint(); }
    void setSessionHint(const QString& hint) override
    {
        if (hint == QLatin1String("basic"))
            m_http.assumeBasic();
    }

    // The entries of a 207 Multi-Status reply to PROPFIND Depth 1 on `folderUrl` (public for tests).
    static std::optional<QList<RelayEntry>> parseMultistatus(const QByteArray& xml, const QUrl& folderUrl,
                                                             QString& error);

private:
    void makeFolders(const QStringList& parts, int depth, bool mayMakeParent,
                     const std::function<void(const RelayError&)>& done);

    HttpTransport m_http;
    bool m_tmpReady = false;
};

} // namespace escale::relay
