#pragma once

#include <QString>
#include <optional>

namespace escale::config {

// Where a repository's relay lives, parsed from 'relay address' and its companion keys
// ('protocol', 'relay path', 'port', 'user') with the rules of Escale 0.7 (section 3.4 of its
// reference) plus the address forms of Escale 1.
struct RelayAddress
{
    enum class Scheme
    {
        Folder,  // file:///abs/path or /abs/path: a local or mounted folder (the folder relay)
        WebDav,  // webdav:// or http://
        WebDavs, // webdavs:// or https://
        S3,      // s3://host[:port]/bucket/prefix over HTTPS
        S3Http,  // s3+http://host[:port]/bucket/prefix (plain HTTP, for local test servers)
        Ftp,     // ftp://
        Ftps,    // ftps:// (TLS)
        Sftp,    // sftp:// (also ssh://)
        Rclone,  // rclone://remote/path
    };

    Scheme scheme = Scheme::Folder;
    QString host;     // host name or IP (IPv6 without brackets); the rclone remote name for Rclone
    int port = 0;     // 0: the scheme's default
    QString path;     // File: absolute local path. Others: the path on the server, '/'-separated,
                      // percent-decoded, with a leading '/' (empty path = '/'). Rclone: path in the remote.
    QString user;     // from 'user@' in the address, when present
    QString password; // from 'user:password@' in the address (discouraged; never logged)
    QString bucket;   // S3 only: first path segment; `path` then holds the prefix

    // Parses an address, possibly completed by the other keys. `protocol`, `directory` and
    // `port` may be empty. Returns std::nullopt and sets `error` on failure; `warning` is set
    // when the address works but is written in a form worth changing.
    static std::optional<RelayAddress> parse(const QString& address, const QString& protocol,
                                             const QString& directory, const QString& port, QString& error,
                                             QString& warning);

    static QString schemeName(Scheme scheme);
    int effectivePort() const;
    bool usesTls() const;
    bool isNetwork() const { return scheme != Scheme::Folder && scheme != Scheme::Rclone; }

    // A canonical address without the password, fit for logs and the UI.
    QString toDisplayString() const;

    bool operator==(const RelayAddress&) const = default;
};

} // namespace escale::config
