#pragma once

#include "config/Config.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

namespace escale::setup {

// A repository being set up (by the wizard): the lines of its future [section], in the
// configuration reference's names, and its secrets, which stay in memory until written to the
// keychain (or, when there is none, to files readable only by the user). Nothing touches the
// disk before addToConfiguration().
class NewRepository
{
public:
    QString name;          // the [section]
    QByteArray password;   // of the relay login; empty: none
    QByteArray passphrase; // when encrypted

    // Sets a key (replacing its value, keeping its place); an empty value removes it.
    void set(const QString& key, const QString& value);
    QString value(const QString& key) const;
    const QList<std::pair<QString, QString>>& entries() const { return m_entries; }

    // "[name]\nkey = value\n..." as it will be appended.
    QByteArray sectionText() const;

    // The repository as the engine will read it from `configPath` once added (every value
    // validated with the rest of the file), its secrets filled in from memory; std::nullopt
    // with the errors that concern it otherwise.
    std::optional<config::RepositoryConfig> load(const QString& configPath, QStringList& errors) const;

private:
    QList<std::pair<QString, QString>> m_entries;
};

// The relay as a setup form asks for it, turned into the section's keys ('relay address',
// 'user', and the keys some relays add).
struct RelayForm
{
    enum class Kind
    {
        Folder,
        WebDav,
        S3,
        Ftp,
        Sftp,
        Rclone,
    };
    Kind kind = Kind::Folder;
    QString folder;   // Folder: the absolute path
    QString url;      // WebDav: http(s)://host[:port]/path (https:// when no scheme is given)
    QString endpoint; // S3: http(s)://host[:port]
    QString bucket;   // S3: bucket[/prefix]
    QString region;   // S3: empty for the default
    QString host;     // FTP, SFTP
    int port = 0;     // FTP, SFTP: 0 for the protocol's default
    QString path;     // FTP, SFTP: the folder on the server
    bool ftps = true; // FTP: over TLS
    QString remote;   // Rclone: REMOTE:path
    QString rcloneConfig;
    QString privateKey; // SFTP: a key file to log in with (then the password is its passphrase)
    QString user;
    QByteArray password;

    // Sets the relay keys and the password of `repository`; false with `error` naming the
    // field to fix when one is missing or malformed.
    bool apply(NewRepository& repository, QString& error) const;
};

// The sections a configuration file already has (none when it does not exist).
QStringList existingSections(const QString& configPath);

// A section name for a new repository syncing `folder`: its base name made safe, numbered when
// the configuration already has it.
QString suggestName(const QString& configPath, const QString& folder);
// A local folder's name for a repository on `relayAddress`: the last meaningful part of its path
// ("Photos" for webdavs://h/remote.php/dav/files/me/Photos, "Team" for /media/usb/Team), else
// "Shared" (a relay whose path says nothing: "/", "escale", "dav").
QString folderNameFor(const QString& relayAddress);

// Why `name` cannot name a new section of `configPath` (empty when it can).
QString checkName(const QString& configPath, const QString& name);

struct AddResult
{
    bool ok = false;
    QString error;
    bool keychainUnavailable = false;    // the secrets could not go to the keychain (see error)
    QString secretsWhere;                // "the keychain" or the folder of the secret files
    config::RepositoryConfig repository; // as loaded back from the file
    // A state a removed repository had left for the same folder, renamed to this (empty: none).
    QString stateSetAside;
};

// Adds the repository to the configuration file (created, readable only by the user, when it
// does not exist; other sections, comments and unknown keys kept; replaced atomically). Its
// secrets go to the keychain ('NAME/password', 'NAME/passphrase'); with `secretsInFiles`, to
// 0600 files in a 'secrets' folder beside the configuration, named in the section. On failure
// nothing is left: neither the section nor the secrets.
AddResult addToConfiguration(const QString& configPath, const NewRepository& repository,
                             bool secretsInFiles = false);

} // namespace escale::setup
