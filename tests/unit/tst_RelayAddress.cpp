#include "config/RelayAddress.h"

#include <QDir>
#include <QTest>

using namespace escale::config;
using Scheme = RelayAddress::Scheme;

Q_DECLARE_METATYPE(RelayAddress::Scheme)

class tst_RelayAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void warnings_data();
    void warnings();
    void ports();
};

void tst_RelayAddress::parse_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QString>("port");
    QTest::addColumn<Scheme>("scheme");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("portOut");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("bucket");
    QTest::addColumn<QString>("display");

    const QString home = QDir::homePath();
    // Folder relays
    QTest::newRow("absolute path") << "/mnt/relay"
                                   << ""
                                   << ""
                                   << "" << Scheme::Folder << "" << 0 << "/mnt/relay"
                                   << ""
                                   << ""
                                   << "/mnt/relay";
    QTest::newRow("file URL") << "file:///mnt/relay/"
                              << ""
                              << ""
                              << "" << Scheme::Folder << "" << 0 << "/mnt/relay"
                              << ""
                              << ""
                              << "/mnt/relay";
    QTest::newRow("file URL, localhost") << "file://localhost/srv/r"
                                         << ""
                                         << ""
                                         << "" << Scheme::Folder << "" << 0 << "/srv/r"
                                         << ""
                                         << ""
                                         << "/srv/r";
    QTest::newRow("file URL, percent-encoded") << "file:///mnt/my%20relay"
                                               << ""
                                               << ""
                                               << "" << Scheme::Folder << "" << 0 << "/mnt/my relay"
                                               << ""
                                               << ""
                                               << "/mnt/my relay";
    QTest::newRow("home") << "~/relay"
                          << ""
                          << ""
                          << "" << Scheme::Folder << "" << 0 << home + "/relay"
                          << ""
                          << "" << home + "/relay";
    QTest::newRow("0.7: protocol file + relay path only") << ""
                                                          << "file"
                                                          << "/mnt/r"
                                                          << "" << Scheme::Folder << "" << 0 << "/mnt/r"
                                                          << ""
                                                          << ""
                                                          << "/mnt/r";
    QTest::newRow("relay path alone") << ""
                                      << ""
                                      << "/mnt/r"
                                      << "" << Scheme::Folder << "" << 0 << "/mnt/r"
                                      << ""
                                      << ""
                                      << "/mnt/r";
    QTest::newRow("mount + relay dir") << "/mnt"
                                       << "file"
                                       << "escale/team"
                                       << "" << Scheme::Folder << "" << 0 << "/mnt/escale/team"
                                       << ""
                                       << ""
                                       << "/mnt/escale/team";
    QTest::newRow("path cleaned") << "/mnt//a/./b/../c"
                                  << ""
                                  << ""
                                  << "" << Scheme::Folder << "" << 0 << "/mnt/a/c"
                                  << ""
                                  << ""
                                  << "/mnt/a/c";
    // WebDAV
    QTest::newRow("webdavs") << "webdavs://cloud.example.org/remote.php/dav/files/bob/escale"
                             << ""
                             << ""
                             << "" << Scheme::WebDavs << "cloud.example.org" << 0
                             << "/remote.php/dav/files/bob/escale"
                             << ""
                             << ""
                             << "webdavs://cloud.example.org/remote.php/dav/files/bob/escale";
    QTest::newRow("webdav") << "webdav://127.0.0.1:8080/dav"
                            << ""
                            << ""
                            << "" << Scheme::WebDav << "127.0.0.1" << 8080 << "/dav"
                            << ""
                            << ""
                            << "webdav://127.0.0.1:8080/dav";
    QTest::newRow("https") << "https://dav.example.com"
                           << ""
                           << ""
                           << "" << Scheme::WebDavs << "dav.example.com" << 0 << "/"
                           << ""
                           << ""
                           << "webdavs://dav.example.com/";
    QTest::newRow("http with user") << "http://bob@h/x"
                                    << ""
                                    << ""
                                    << "" << Scheme::WebDav << "h" << 0 << "/x"
                                    << "bob"
                                    << ""
                                    << "webdav://bob@h/x";
    QTest::newRow("percent-encoded path")
        << "https://h/My%20Files/r%C3%A9"
        << ""
        << ""
        << "" << Scheme::WebDavs << "h" << 0 << QString::fromUtf8("/My Files/r\xC3\xA9") << ""
        << "" << QString::fromUtf8("webdavs://h/My Files/r\xC3\xA9");
    QTest::newRow("0.7: protocol + host + dir + port")
        << "localhost"
        << "http"
        << "team"
        << "8080" << Scheme::WebDav << "localhost" << 8080 << "/team"
        << ""
        << ""
        << "webdav://localhost:8080/team";
    QTest::newRow("URL path joined with relay dir") << "https://h/base"
                                                    << ""
                                                    << "sub/dir"
                                                    << "" << Scheme::WebDavs << "h" << 0 << "/base/sub/dir"
                                                    << ""
                                                    << ""
                                                    << "webdavs://h/base/sub/dir";
    QTest::newRow("IPv6") << "webdav://[::1]:8443/d"
                          << ""
                          << ""
                          << "" << Scheme::WebDav << "::1" << 8443 << "/d"
                          << ""
                          << ""
                          << "webdav://[::1]:8443/d";
    // S3
    QTest::newRow("s3 with prefix") << "s3://s3.eu-west-3.amazonaws.com/mybucket/team/escale"
                                    << ""
                                    << ""
                                    << "" << Scheme::S3 << "s3.eu-west-3.amazonaws.com" << 0 << "/team/escale"
                                    << ""
                                    << "mybucket"
                                    << "s3://s3.eu-west-3.amazonaws.com/mybucket/team/escale";
    QTest::newRow("s3 bucket only") << "s3://127.0.0.1:9000/bucket"
                                    << ""
                                    << ""
                                    << "" << Scheme::S3 << "127.0.0.1" << 9000 << "/"
                                    << ""
                                    << "bucket"
                                    << "s3://127.0.0.1:9000/bucket";
    QTest::newRow("s3 over plain http") << "s3+http://127.0.0.1:4568/testbucket/p"
                                        << ""
                                        << ""
                                        << "" << Scheme::S3Http << "127.0.0.1" << 4568 << "/p"
                                        << ""
                                        << "testbucket"
                                        << "s3+http://127.0.0.1:4568/testbucket/p";
    // FTP, SFTP
    QTest::newRow("ftp") << "ftp://ftp.example.org/escale"
                         << ""
                         << ""
                         << "" << Scheme::Ftp << "ftp.example.org" << 0 << "/escale"
                         << ""
                         << ""
                         << "ftp://ftp.example.org/escale";
    QTest::newRow("ftps with user and port") << "ftps://alice@h:2121/r"
                                             << ""
                                             << ""
                                             << "" << Scheme::Ftps << "h" << 2121 << "/r"
                                             << "alice"
                                             << ""
                                             << "ftps://alice@h:2121/r";
    QTest::newRow("ftpes is explicit ftps") << "ftpes://h/"
                                            << ""
                                            << ""
                                            << "" << Scheme::Ftps << "h" << 0 << "/"
                                            << ""
                                            << ""
                                            << "ftps://h/";
    QTest::newRow("0.7: protocol ftp + host address")
        << "ftp.example.org"
        << "ftp"
        << "Escale Repository"
        << "" << Scheme::Ftp << "ftp.example.org" << 0 << "/Escale Repository"
        << ""
        << ""
        << "ftp://ftp.example.org/Escale Repository";
    QTest::newRow("sftp") << "sftp://u@host:2222/home/u/relay"
                          << ""
                          << ""
                          << "" << Scheme::Sftp << "host" << 2222 << "/home/u/relay"
                          << "u"
                          << ""
                          << "sftp://u@host:2222/home/u/relay";
    QTest::newRow("ssh is sftp") << "ssh://host/r"
                                 << ""
                                 << ""
                                 << "" << Scheme::Sftp << "host" << 0 << "/r"
                                 << ""
                                 << ""
                                 << "sftp://host/r";
    // rclone
    QTest::newRow("rclone") << "rclone://dropbox/Escale/team"
                            << ""
                            << ""
                            << "" << Scheme::Rclone << "dropbox" << 0 << "Escale/team"
                            << ""
                            << ""
                            << "rclone://dropbox/Escale/team";
    QTest::newRow("rclone, remote only") << "rclone://gdrive"
                                         << ""
                                         << ""
                                         << "" << Scheme::Rclone << "gdrive" << 0 << ""
                                         << ""
                                         << ""
                                         << "rclone://gdrive";
    QTest::newRow("rclone, absolute path") << "rclone://local//srv/relay"
                                           << ""
                                           << ""
                                           << "" << Scheme::Rclone << "local" << 0 << "/srv/relay"
                                           << ""
                                           << ""
                                           << "rclone://local//srv/relay";
    QTest::newRow("rclone remote:path") << "myremote:bucket/x"
                                        << "rclone"
                                        << ""
                                        << "" << Scheme::Rclone << "myremote" << 0 << "bucket/x"
                                        << ""
                                        << ""
                                        << "rclone://myremote/bucket/x";
    QTest::newRow("0.7: protocol dropbox + remote + dir")
        << "mydropbox"
        << "dropbox"
        << "Escale"
        << "" << Scheme::Rclone << "mydropbox" << 0 << "Escale"
        << ""
        << ""
        << "rclone://mydropbox/Escale";
    QTest::newRow("protocol wins over scheme") << "http://h/x"
                                               << "https"
                                               << ""
                                               << "" << Scheme::WebDavs << "h" << 0 << "/x"
                                               << ""
                                               << ""
                                               << "webdavs://h/x";
}

void tst_RelayAddress::parse()
{
    QFETCH(QString, address);
    QFETCH(QString, protocol);
    QFETCH(QString, directory);
    QFETCH(QString, port);
    QString error, warning;
    const auto a = RelayAddress::parse(address, protocol, directory, port, error, warning);
    QVERIFY2(a.has_value(), qPrintable(error));
    QTEST(a->scheme, "scheme");
    QTEST(a->host, "host");
    QTEST(a->port, "portOut");
    QTEST(a->path, "path");
    QTEST(a->user, "user");
    QTEST(a->bucket, "bucket");
    QTEST(a->toDisplayString(), "display");
}

void tst_RelayAddress::errors_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing")
        << ""
        << ""
        << ""
        << ""
        << "no relay address: set 'relay address' to a URL such as webdavs://host/path or to a "
           "folder such as /mnt/relay";
    QTest::newRow("bare host")
        << "example.org"
        << ""
        << ""
        << ""
        << "'example.org' names no protocol: write a URL such as webdavs://example.org/path, or "
           "set 'protocol'";
    QTest::newRow("unknown scheme")
        << "gopher://h/x"
        << ""
        << ""
        << ""
        << "unknown protocol 'gopher' (use file, webdav, webdavs, http, https, s3, ftp, ftps, "
           "sftp or rclone)";
    QTest::newRow("google drive")
        << ""
        << "googledrive"
        << "x"
        << ""
        << "the 'googledrive' protocol (the 'drive' tool) is no longer supported: configure "
           "Google Drive as an rclone remote and use rclone://REMOTE/path";
    QTest::newRow("relative folder") << "relay"
                                     << "file"
                                     << ""
                                     << ""
                                     << "a folder relay needs an absolute path, got 'relay'";
    QTest::newRow("file URL with host")
        << "file://server/share"
        << ""
        << ""
        << ""
        << "'file://server/share': a folder relay is written file:///absolute/path";
    QTest::newRow("no host") << "webdavs:///x"
                             << ""
                             << ""
                             << ""
                             << "'webdavs:///x' has no host name";
    QTest::newRow("bad port") << "ftp://h:21x/"
                              << ""
                              << ""
                              << ""
                              << "invalid port '21x' (expected 1 to 65535)";
    QTest::newRow("port zero") << "ftp://h:0/"
                               << ""
                               << ""
                               << ""
                               << "invalid port '0' (expected 1 to 65535)";
    QTest::newRow("port too large") << "h"
                                    << "ftp"
                                    << ""
                                    << "70000"
                                    << "invalid port '70000' (expected 1 to 65535)";
    QTest::newRow("ports differ") << "ftp://h:2121/"
                                  << ""
                                  << ""
                                  << "21"
                                  << "'port = 21' differs from the port 2121 in the relay address";
    QTest::newRow("space in host") << "https://my host/x"
                                   << ""
                                   << ""
                                   << ""
                                   << "'my host' is not a valid host name";
    QTest::newRow("unclosed IPv6") << "webdav://[::1/x"
                                   << ""
                                   << ""
                                   << ""
                                   << "'webdav://[::1/x': unclosed '[' in the host";
    QTest::newRow("s3 without bucket") << "s3://s3.amazonaws.com"
                                       << ""
                                       << ""
                                       << ""
                                       << "an S3 relay needs a bucket: s3://host[:port]/bucket/prefix";
    QTest::newRow("rclone without remote") << "rclone:///x"
                                           << ""
                                           << ""
                                           << ""
                                           << "an rclone relay needs a remote name: rclone://REMOTE/path";
}

void tst_RelayAddress::errors()
{
    QFETCH(QString, address);
    QFETCH(QString, protocol);
    QFETCH(QString, directory);
    QFETCH(QString, port);
    QFETCH(QString, message);
    QString error, warning;
    QVERIFY(!RelayAddress::parse(address, protocol, directory, port, error, warning).has_value());
    QCOMPARE(error, message);
}

void tst_RelayAddress::warnings_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("message");
    QTest::newRow("legacy rclone protocol") << "mydropbox"
                                            << "dropbox"
                                            << ""
                                            << "'dropbox' is reached through rclone: write 'relay address = "
                                               "rclone://mydropbox' instead";
    QTest::newRow("protocol overrides scheme")
        << "http://h/x"
        << "ftp"
        << ""
        << "'protocol = ftp' overrides the 'http://' of the relay address";
    QTest::newRow("password in address")
        << "ftp://u:secret@h/"
        << ""
        << ""
        << "the relay address contains a password: keep it in the keychain or in a "
           "secret file ('password = /path/to/file') instead";
    QTest::newRow("port on a folder relay") << "/mnt/r"
                                            << ""
                                            << "21"
                                            << "'port' has no meaning for a folder relay and is ignored";
}

void tst_RelayAddress::warnings()
{
    QFETCH(QString, address);
    QFETCH(QString, protocol);
    QFETCH(QString, port);
    QFETCH(QString, message);
    QString error, warning;
    const auto a = RelayAddress::parse(address, protocol, QString(), port, error, warning);
    QVERIFY2(a.has_value(), qPrintable(error));
    QCOMPARE(warning, message);
    // A password never shows in the display form.
    QVERIFY(!a->toDisplayString().contains("secret"));
}

void tst_RelayAddress::ports()
{
    QString e, w;
    QCOMPARE(RelayAddress::parse("webdav://h/", "", "", "", e, w)->effectivePort(), 80);
    QCOMPARE(RelayAddress::parse("webdavs://h/", "", "", "", e, w)->effectivePort(), 443);
    QCOMPARE(RelayAddress::parse("s3://h/b", "", "", "", e, w)->effectivePort(), 443);
    QCOMPARE(RelayAddress::parse("ftp://h/", "", "", "", e, w)->effectivePort(), 21);
    QCOMPARE(RelayAddress::parse("sftp://h/", "", "", "", e, w)->effectivePort(), 22);
    QCOMPARE(RelayAddress::parse("ftp://h:990/", "", "", "", e, w)->effectivePort(), 990);
    QVERIFY(RelayAddress::parse("ftps://h/", "", "", "", e, w)->usesTls());
    QVERIFY(!RelayAddress::parse("ftp://h/", "", "", "", e, w)->usesTls());
}

QTEST_GUILESS_MAIN(tst_RelayAddress)
#include "tst_RelayAddress.moc"
