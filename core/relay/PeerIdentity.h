#pragma once

#include "config/Config.h"

#include <QByteArray>
#include <QString>

namespace escale::relay {

// Who a relay's server says it is before any login: its TLS certificate (WebDAV over HTTPS,
// S3, FTPS) or its SSH host key (SFTP). What `escalectl trust` and the setup wizard show
// before the user pins it. Blocking: for a tool's or a worker's thread.
struct PeerIdentity
{
    bool reached = false;
    QString error;       // when not reached: one line naming the cause
    bool ssh = false;    // a host key (else a certificate)
    QString where;       // host:port
    QString fingerprint; // as the configuration writes it: 'certificate fingerprint' or 'host key'
    QByteArray digest;   // SHA-256 of the certificate or of the key
    QString details;     // subject, issuer and validity, or the key type; one item per line
    // Why it is not trusted yet; empty when the system's authorities, 'ca certificate', or the
    // pin already in the configuration ('certificate fingerprint', 'host key') trust it.
    QString problem;

    bool trusted() const { return reached && problem.isEmpty(); }
};

// Whether the relay's scheme has a certificate or a host key to show.
bool hasPeerIdentity(const config::RepositoryConfig& config);

PeerIdentity probePeerIdentity(const config::RepositoryConfig& config, int timeoutMs = 15'000);

} // namespace escale::relay
