#pragma once

// Real relay servers for integration tests: each binds 127.0.0.1 on a free port, serves a
// temporary root, and is stopped by PID when the object goes.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>
#include <unistd.h>

namespace testing {

inline int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

inline bool waitForPort(int port, int timeoutMs = 20'000)
{
    for (int waited = 0; waited < timeoutMs; waited += 100) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quint16(port));
        if (s.waitForConnected(200))
            return true;
        QTest::qWait(100);
    }
    return false;
}

// Every process below `pid` (servers that fork per connection, some into new sessions).
inline QList<pid_t> descendants(pid_t pid)
{
    QMultiHash<pid_t, pid_t> children;
    for (const QString& entry : QDir("/proc").entryList(QDir::Dirs)) {
        bool number = false;
        const pid_t child = pid_t(entry.toInt(&number));
        QFile stat("/proc/" + entry + "/stat");
        if (!number || !stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            children.insert(pid_t(fields[1].toInt()), child);
    }
    QList<pid_t> found, todo{pid};
    while (!todo.isEmpty())
        for (pid_t c : children.values(todo.takeFirst())) {
            found << c;
            todo << c;
        }
    return found;
}

inline bool run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(30'000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

class Server
{
public:
    virtual ~Server()
    {
        if (m_process.state() != QProcess::NotRunning) {
            if (m_forks)
                signalAll(SIGKILL);
            m_process.terminate();
            if (!m_process.waitForFinished(10'000))
                m_process.kill();
            m_process.waitForFinished(5'000);
        }
    }
    bool started() const { return m_started; }
    // Killed at once (SIGKILL), as by a crash or a power cut.
    void kill()
    {
        signalAll(SIGKILL);
        m_process.kill();
        m_process.waitForFinished(10'000);
    }
    // The processes serving connections killed, the server still listening: every open
    // connection drops, as when a server closes idle ones.
    void dropConnections()
    {
        for (pid_t child : descendants(pid_t(m_process.processId())))
            ::kill(child, SIGKILL);
    }
    // Stopped (SIGSTOP) with its connections open, as a hung server; then running again.
    void freeze() { signalAll(SIGSTOP); }
    void thaw() { signalAll(SIGCONT); }
    // Started again on the same port with the same root.
    bool restart()
    {
        if (m_process.state() != QProcess::NotRunning)
            kill();
        return launch(m_program, m_args);
    }
    int port() const { return m_port; }
    QString root() const { return m_dir.filePath("root"); }
    QString dir() const { return m_dir.path(); }
    QString log() const
    {
        QFile f(m_dir.filePath("server.log"));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
    // Makes a self-signed certificate for 127.0.0.1 and localhost; returns its PEM path.
    // A self-signed certificate and its key (NAME.crt, NAME.key) in the server's folder.
    QString makeCertificate(const QString& name = "tls", const QString& subject = "/CN=localhost",
                            const QString& names = "DNS:localhost,IP:127.0.0.1")
    {
        const QString crt = m_dir.filePath(name + ".crt"), key = m_dir.filePath(name + ".key");
        if (!run("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", crt,
                             "-days", "2", "-subj", subject, "-addext", "subjectAltName=" + names}))
            return {};
        return crt;
    }

protected:
    bool launch(const QString& program, const QStringList& args)
    {
        m_program = program;
        m_args = args;
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(m_dir.filePath("server.log"));
        m_process.start(program, args);
        m_started = m_process.waitForStarted(10'000) && waitForPort(m_port);
        return m_started;
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_program;
    QStringList m_args;
    int m_port = freePort();
    bool m_started = false;
    bool m_forks = false; // the server forks a process per connection: signals go to them too

private:
    void signalAll(int signal)
    {
        const pid_t pid = pid_t(m_process.processId());
        if (pid <= 0)
            return;
        if (signal == SIGSTOP) // the parent first, so that it forks no more
            ::kill(pid, signal);
        if (m_forks)
            for (pid_t child : descendants(pid))
                ::kill(child, signal);
        ::kill(pid, signal);
    }
};

// `rclone serve webdav` with Basic authentication, over HTTPS when `tls`.
class RcloneWebDav : public Server
{
public:
    // With `clientCertificates`, over TLS, only clients presenting clientCertificate() (its key
    // in clientKey()) are let in.
    explicit RcloneWebDav(bool tls = false, bool clientCertificates = false)
    {
        QDir().mkpath(root());
        QStringList args{"serve",    "webdav", root(),   "--addr", QString("127.0.0.1:%1").arg(m_port),
                         "--user",   "tester", "--pass", "testpw", "--config",
                         "/dev/null"};
        if (tls) {
            m_certificate = makeCertificate();
            args << "--cert" << m_certificate << "--key" << m_dir.filePath("tls.key");
        }
        if (tls && clientCertificates) {
            m_clientCertificate = makeCertificate("client", "/CN=escale-client");
            args << "--client-ca" << m_clientCertificate;
        }
        launch(QStandardPaths::findExecutable("rclone"), args);
    }
    QString clientCertificate() const { return m_clientCertificate; }
    QString clientKey() const { return m_dir.filePath("client.key"); }
    QString url(const QString& scheme = "webdav") const
    {
        return QString("%1://tester@127.0.0.1:%2/repo").arg(scheme).arg(m_port);
    }
    QString certificate() const { return m_certificate; }

private:
    QString m_certificate;
    QString m_clientCertificate;
};

// Apache httpd with mod_dav_fs and Basic authentication: the reference WebDAV server.
class ApacheDav : public Server
{
public:
    explicit ApacheDav(bool digest = false)
    {
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::ExeOther);
        QDir().mkpath(root());
        QDir().mkpath(m_dir.filePath("lock"));
        run("htpasswd", {"-bc", m_dir.filePath("htpasswd"), "tester", "testpw"});
        {
            // htdigest asks on a terminal: the line is written as it would.
            QFile digestFile(m_dir.filePath("htdigest"));
            if (digestFile.open(QIODevice::WriteOnly))
                digestFile.write(
                    "tester:escale-test:" +
                    QCryptographicHash::hash("tester:escale-test:testpw", QCryptographicHash::Md5).toHex() +
                    "\n");
        }
        const bool root = ::geteuid() == 0;
        if (root)
            run("chown", {"-R", "www-data:www-data", this->root(), m_dir.filePath("lock")});
        const QString modules = "/usr/lib/apache2/modules";
        QString conf =
            QString("ServerRoot %1\nServerName 127.0.0.1\nListen 127.0.0.1:%2\nPidFile %1/httpd.pid\n"
                    "ErrorLog %1/error.log\nLogLevel warn\nLogFormat \"%m %U %>s\" escale\n"
                    "CustomLog %1/access.log escale\n"
                    // The same with the time each request came (ms since the epoch), for benchmarks.
                    "LogFormat \"%{msec}t %D %m %U %>s\" timed\nCustomLog %1/timed.log timed\n")
                .arg(m_dir.path())
                .arg(m_port);
        for (const char* m : {"mpm_event", "authz_core", "authz_user", "authn_core", "authn_file",
                              "auth_basic", "auth_digest", "dav", "dav_fs", "alias", "headers"})
            conf += QString("LoadModule %1_module %2/mod_%1.so\n").arg(m, modules);
        if (root)
            conf += "User www-data\nGroup www-data\n";
        conf +=
            QString(
                "DavLockDB %1/lock/DavLock\nDocumentRoot %2\n<Directory %2>\n  AllowOverride None\n  Dav On\n"
                "  AuthType %3\n  AuthName escale-test\n  AuthUserFile %1/%4\n  Require valid-user\n"
                "</Directory>\n"
                // Faults switched on by the tests (setBusy, setFull), for every request.
                "<Location \"/\">\n  <If \"-f '%1/busy'\">\n    Header always set Retry-After \"2\"\n"
                "    Redirect 503\n  </If>\n  <If \"-f '%1/full'\">\n    Redirect 507\n  "
                "</If>\n</Location>\n")
                .arg(m_dir.path(), this->root(), digest ? QString("Digest") : QString("Basic"),
                     digest ? QString("htdigest") : QString("htpasswd"));
        QFile f(m_dir.filePath("httpd.conf"));
        if (f.open(QIODevice::WriteOnly))
            f.write(conf.toUtf8());
        f.close();
        launch("/usr/sbin/apache2", {"-f", m_dir.filePath("httpd.conf"), "-DFOREGROUND"});
    }
    QString url() const { return QString("webdav://tester@127.0.0.1:%1/repo").arg(m_port); }
    // From now on, every request is answered 503 with 'Retry-After: 2' (busy) or 507 (full).
    void setBusy(bool on) { setFlag("busy", on); }
    void setFull(bool on) { setFlag("full", on); }
    // The same, "MS_SINCE_EPOCH MICROSECONDS_TAKEN METHOD PATH STATUS" (benchmarks).
    QStringList timedLog() const
    {
        QFile f(m_dir.filePath("timed.log"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    }
    // Requests served so far, one line each: "METHOD PATH STATUS".
    QStringList accessLog() const
    {
        QFile f(m_dir.filePath("access.log"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private:
    void setFlag(const QString& name, bool on)
    {
        QFile flag(m_dir.filePath(name));
        if (on)
            flag.open(QIODevice::WriteOnly);
        else
            flag.remove();
    }
};

// An apr1 (Apache MD5) password line for nginx and lighttpd: "tester:$apr1$...".
inline QByteArray htpasswdLine()
{
    QProcess p;
    p.start("openssl", {"passwd", "-apr1", "testpw"});
    p.waitForFinished(10'000);
    return "tester:" + p.readAllStandardOutput().trimmed() + "\n";
}

// nginx with its dav module and dav-ext (PROPFIND), Basic authentication. Its PROPFIND sends
// no getetag, and MOVE answers 204.
class NginxDav : public Server
{
public:
    NginxDav()
    {
        QDir().mkpath(root());
        QDir().mkpath(m_dir.filePath("tmp"));
        QFile pw(m_dir.filePath("htpasswd"));
        if (pw.open(QIODevice::WriteOnly))
            pw.write(htpasswdLine());
        pw.close();
        const QString d = m_dir.path();
        const QString conf =
            QString("load_module /usr/lib/nginx/modules/ngx_http_dav_ext_module.so;\n"
                    "%4daemon off;\nworker_processes 1;\npid %1/nginx.pid;\nerror_log %1/error.log warn;\n"
                    "events { worker_connections 64; }\n"
                    "http {\n  access_log off;\n  client_body_temp_path %1/tmp;\n  proxy_temp_path %1/tmp;\n"
                    "  fastcgi_temp_path %1/tmp;\n  uwsgi_temp_path %1/tmp;\n  scgi_temp_path %1/tmp;\n"
                    "  client_max_body_size 0;\n  dav_ext_lock_zone zone=dav:1m;\n"
                    "  server {\n    listen 127.0.0.1:%2;\n    root %3;\n    location / {\n"
                    "      dav_methods PUT DELETE MKCOL COPY MOVE;\n      dav_ext_methods PROPFIND OPTIONS;\n"
                    "      create_full_put_path on;\n      auth_basic \"escale-test\";\n"
                    "      auth_basic_user_file %1/htpasswd;\n    }\n  }\n}\n")
                .arg(d)
                .arg(m_port)
                .arg(root(), ::geteuid() == 0 ? QString("user root;\n") : QString());
        QFile f(m_dir.filePath("nginx.conf"));
        if (f.open(QIODevice::WriteOnly))
            f.write(conf.toUtf8());
        f.close();
        launch("/usr/sbin/nginx",
               {"-e", m_dir.filePath("error.log"), "-p", d, "-c", m_dir.filePath("nginx.conf")});
    }
    QString url() const { return QString("webdav://tester@127.0.0.1:%1/repo").arg(m_port); }
};

// lighttpd with mod_webdav and Basic authentication. PROPFIND with a body needs a
// Content-Type (415 otherwise).
class LighttpdDav : public Server
{
public:
    LighttpdDav()
    {
        QDir().mkpath(root());
        QFile pw(m_dir.filePath("htpasswd"));
        if (pw.open(QIODevice::WriteOnly))
            pw.write(htpasswdLine());
        pw.close();
        const QString conf =
            QString("server.modules = (\"mod_auth\", \"mod_authn_file\", \"mod_webdav\")\n"
                    "server.document-root = \"%3\"\nserver.bind = \"127.0.0.1\"\nserver.port = %2\n"
                    "server.pid-file = \"%1/lighttpd.pid\"\nserver.errorlog = \"%1/error.log\"\n"
                    "server.upload-dirs = ( \"%1\" )\n"
                    "webdav.activate = \"enable\"\nwebdav.is-readonly = \"disable\"\n"
                    "webdav.sqlite-db-name = \"%1/webdav.db\"\n"
                    "auth.backend = \"htpasswd\"\nauth.backend.htpasswd.userfile = \"%1/htpasswd\"\n"
                    "auth.require = ( \"/\" => ( \"method\" => \"basic\", \"realm\" => \"escale-test\", "
                    "\"require\" => \"valid-user\" ) )\n")
                .arg(m_dir.path())
                .arg(m_port)
                .arg(root());
        QFile f(m_dir.filePath("lighttpd.conf"));
        if (f.open(QIODevice::WriteOnly))
            f.write(conf.toUtf8());
        f.close();
        launch("/usr/sbin/lighttpd", {"-D", "-f", m_dir.filePath("lighttpd.conf")});
    }
    QString url() const { return QString("webdav://tester@127.0.0.1:%1/repo").arg(m_port); }
};

// The S3 server of npm's @20minutes/s3rver, which checks SigV4 signatures (credentials
// S3RVER / S3RVER), with a bucket "testbucket". $S3RVER_MODULE names the installed package.
class S3rver : public Server
{
public:
    S3rver()
    {
        QDir().mkpath(root());
        const QString module = qEnvironmentVariable("S3RVER_MODULE");
        QFile script(m_dir.filePath("run.js"));
        if (script.open(QIODevice::WriteOnly))
            script.write(
                QString("const S3rver = require('%1');\n"
                        "const [dir, port] = process.argv.slice(2);\n"
                        "new S3rver({ address: '127.0.0.1', port: +port, directory: dir, silent: true,\n"
                        "  configureBuckets: [{ name: 'testbucket' }] }).run()\n"
                        "  .then(() => console.log('listening', port));\n")
                    .arg(module)
                    .toUtf8());
        script.close();
        // s3rver's continuation tokens are DES-encrypted, which OpenSSL 3 keeps in its legacy
        // provider: without it, any listing longer than a page fails with 500.
        launch("node",
               {"--openssl-legacy-provider", m_dir.filePath("run.js"), root(), QString::number(m_port)});
    }
    QString url(const QString& prefix = "repo") const
    {
        return QString("s3+http://S3RVER@127.0.0.1:%1/testbucket/%2").arg(m_port).arg(prefix);
    }
};

// ProFTPD with a virtual user (tester / testpw) whose home is root(). FTPS with a self-signed
// certificate (certificate()); like many production servers it requires data connections to
// resume the control connection's TLS session.
class ProFtpd : public Server
{
public:
    struct Options
    {
        bool tls = true;           // AUTH TLS offered (and required when `tlsRequired`)
        bool tlsRequired = true;   // plain logins refused
        bool implicit = false;     // TLS from the first byte
        bool listOnly = false;     // no MLSD/MLST: listings with LIST
        int idleTimeout = 0;       // seconds before an idle connection is dropped (0: the default)
        bool reuseRequired = true; // data connections must resume the control connection's TLS session
        QString certificateNames = "DNS:localhost,IP:127.0.0.1"; // whom the certificate is for
    };
    explicit ProFtpd(const Options& o) { start(o); }
    ProFtpd() { start({}); }

    QString certificate() const { return m_certificate; }
    QString url(const QString& scheme = "ftps") const
    {
        return QString("%1://tester@127.0.0.1:%2/repo").arg(scheme).arg(m_port);
    }

private:
    void start(const Options& o)
    {
        m_forks = true;
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::ExeOther);
        QDir().mkpath(root());
        run("chown", {"33:33", root()});
        QProcess passwd;
        passwd.start("ftpasswd",
                     {"--passwd", "--file=" + m_dir.filePath("ftpd.passwd"), "--name=tester", "--uid=33",
                      "--gid=33", "--home=" + root(), "--shell=/bin/false", "--stdin"});
        passwd.write("testpw\n");
        passwd.closeWriteChannel();
        passwd.waitForFinished(20'000);
        QFile::setPermissions(m_dir.filePath("ftpd.passwd"),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        m_certificate = makeCertificate("tls", "/CN=escale-test", o.certificateNames);
        const QString d = m_dir.path();
        QString conf =
            QString("ServerType standalone\nServerName \"escale-test\"\nDefaultAddress 127.0.0.1\n"
                    "Port %1\nSocketBindTight on\nPidFile %2/proftpd.pid\n"
                    "ScoreboardFile %2/proftpd.scoreboard\nDelayTable none\nWtmpLog off\nUseIPv6 off\n"
                    "UseReverseDNS off\nUser www-data\nGroup www-data\nAuthOrder mod_auth_file.c\n"
                    "AuthUserFile %2/ftpd.passwd\nRequireValidShell off\nDefaultRoot ~\n"
                    "PassivePorts 40000 59999\nMaxInstances 100\nTransferLog none\n"
                    "SystemLog %2/system.log\nModulePath /usr/lib/proftpd\n"
                    "<Directory />\n  AllowOverwrite on\n</Directory>\n")
                .arg(m_port)
                .arg(d);
        if (o.idleTimeout > 0)
            conf += QString("TimeoutIdle %1\n").arg(o.idleTimeout);
        if (o.listOnly)
            conf += "FactsAdvertise off\n<Limit MLSD MLST>\n  DenyAll\n</Limit>\n";
        if (o.tls) {
            conf += QString("<IfModule !mod_tls.c>\nLoadModule mod_tls.c\n</IfModule>\nTLSEngine on\n"
                            "TLSProtocol TLSv1.2 TLSv1.3\nTLSRSACertificateFile %1\n"
                            "TLSRSACertificateKeyFile %2/tls.key\nTLSRequired %3\nTLSLog %2/tls.log\n")
                        .arg(m_certificate, d, o.tlsRequired ? "on" : "off");
            QStringList options;
            if (o.implicit)
                options << "UseImplicitSSL";
            if (!o.reuseRequired)
                options << "NoSessionReuseRequired";
            if (!options.isEmpty())
                conf += "TLSOptions " + options.join(' ') + "\n";
        }
        QFile f(m_dir.filePath("proftpd.conf"));
        if (f.open(QIODevice::WriteOnly))
            f.write(conf.toUtf8());
        f.close();
        launch("/usr/sbin/proftpd", {"-n", "-q", "-c", m_dir.filePath("proftpd.conf")});
    }

    QString m_certificate;
};

// pyftpdlib without MLSD/MLST: a LIST-only FTP server (plain FTP), user tester / testpw. The
// script is in tests/servers (ESCALE_SOURCE_DIR).
class PyFtpd : public Server
{
public:
    PyFtpd()
    {
        QDir().mkpath(root());
        launch("/usr/bin/python3",
               {qEnvironmentVariable("ESCALE_SOURCE_DIR") + "/tests/servers/list_only_ftpd.py",
                QString::number(m_port), root(), "tester", "testpw"});
    }
    QString url() const { return QString("ftp://tester@127.0.0.1:%1/repo").arg(m_port); }
};

// OpenSSH's sshd with its own host key, for root with a key (clientKey(), and lockedKey() whose
// passphrase is "keypass"): no system account is needed. knownHosts() lists its host key.
class OpenSshd : public Server
{
public:
    OpenSshd()
    {
        m_forks = true;
        QDir().mkpath(root());
        QDir().mkpath("/run/sshd"); // privilege separation
        run("ssh-keygen", {"-q", "-t", "ed25519", "-N", "", "-f", m_dir.filePath("host_key")});
        run("ssh-keygen", {"-q", "-t", "ed25519", "-N", "", "-f", clientKey()});
        run("ssh-keygen", {"-q", "-t", "ed25519", "-N", "keypass", "-f", lockedKey()});
        QFile keys(m_dir.filePath("authorized_keys"));
        if (keys.open(QIODevice::WriteOnly))
            keys.write(readAll(clientKey() + ".pub") + readAll(lockedKey() + ".pub"));
        keys.close();
        QFile known(knownHosts());
        if (known.open(QIODevice::WriteOnly))
            known.write(QString("[127.0.0.1]:%1 ").arg(m_port).toUtf8() +
                        readAll(m_dir.filePath("host_key.pub")));
        known.close();
        QFile conf(m_dir.filePath("sshd_config"));
        if (conf.open(QIODevice::WriteOnly))
            conf.write(QString("Port %1\nListenAddress 127.0.0.1\nHostKey %2/host_key\nPidFile %2/sshd.pid\n"
                               "AuthorizedKeysFile %2/authorized_keys\nPermitRootLogin prohibit-password\n"
                               "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n"
                               "StrictModes no\nMaxStartups 100\nSubsystem sftp internal-sftp\n"
                               "ForceCommand internal-sftp\n")
                           .arg(m_port)
                           .arg(m_dir.path())
                           .toUtf8());
        conf.close();
        launch("/usr/sbin/sshd", {"-D", "-e", "-f", m_dir.filePath("sshd_config")});
    }
    QString clientKey() const { return m_dir.filePath("client_key"); }
    QString lockedKey() const { return m_dir.filePath("locked_key"); }
    QString knownHosts() const { return m_dir.filePath("known_hosts"); }
    QString hostKey() const { return m_dir.filePath("host_key.pub"); }
    QString url(const QString& folder = "repo") const
    {
        return QString("sftp://root@127.0.0.1:%1%2/%3").arg(m_port).arg(root(), folder);
    }
    static QByteArray readAll(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

// `rclone serve sftp` with a password login (tester / testpw) and a fixed host key.
class RcloneSftp : public Server
{
public:
    RcloneSftp()
    {
        QDir().mkpath(root());
        run("ssh-keygen", {"-q", "-t", "ed25519", "-N", "", "-f", m_dir.filePath("host_key")});
        QFile known(knownHosts());
        if (known.open(QIODevice::WriteOnly))
            known.write(QString("[127.0.0.1]:%1 ").arg(m_port).toUtf8() +
                        OpenSshd::readAll(m_dir.filePath("host_key.pub")));
        known.close();
        launch(QStandardPaths::findExecutable("rclone"),
               {"serve", "sftp", root(), "--addr", QString("127.0.0.1:%1").arg(m_port), "--user", "tester",
                "--pass", "testpw", "--key", m_dir.filePath("host_key"), "--config", "/dev/null"});
    }
    QString knownHosts() const { return m_dir.filePath("known_hosts"); }
    QString url(const QString& folder = "repo") const
    {
        return QString("sftp://tester@127.0.0.1:%1/%2").arg(m_port).arg(folder);
    }
};

} // namespace testing
