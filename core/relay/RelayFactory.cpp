#include "relay/RelayFactory.h"

#include "Tr.h"
#include "relay/folder/FolderRelay.h"
#include "relay/ftp/FtpRelay.h"
#include "relay/rclone/RcloneRelay.h"
#include "relay/s3/S3Relay.h"
#include "relay/sftp/SftpRelay.h"
#include "relay/webdav/WebDavRelay.h"

namespace escale::relay {

std::unique_ptr<RelayBackend> createRelay(const config::RepositoryConfig& config, QString& error)
{
    using Scheme = config::RelayAddress::Scheme;
    switch (config.relay.scheme) {
    case Scheme::Folder: {
        auto folder = std::make_unique<FolderRelay>(config.relay.path);
        folder->setBandwidth(config.bandwidthUp, config.bandwidthDown);
        return folder;
    }
    case Scheme::S3:
    case Scheme::S3Http: {
        const auto settings = S3Relay::settingsFromConfig(config, error);
        if (!settings)
            return nullptr;
        return std::make_unique<S3Relay>(*settings);
    }
    case Scheme::Ftp:
    case Scheme::Ftps: {
        const auto settings = FtpRelay::settingsFromConfig(config, error);
        if (!settings)
            return nullptr;
        return std::make_unique<FtpRelay>(*settings);
    }
    case Scheme::Sftp: {
        const auto settings = SftpRelay::settingsFromConfig(config, error);
        if (!settings)
            return nullptr;
        return std::make_unique<SftpRelay>(*settings);
    }
    case Scheme::Rclone:
        return std::make_unique<RcloneRelay>(RcloneRelay::settingsFromConfig(config));
    case Scheme::WebDav:
    case Scheme::WebDavs: {
        const auto settings = HttpSettings::fromConfig(config, error);
        if (!settings)
            return nullptr;
        return std::make_unique<WebDavRelay>(*settings);
    }
    default:
        break;
    }
    error = trc("relay", "%1 relays are not supported by this version of Escale yet; use a folder relay "
                         "(a local or mounted folder)")
                .arg(config::RelayAddress::schemeName(config.relay.scheme));
    return nullptr;
}

} // namespace escale::relay
