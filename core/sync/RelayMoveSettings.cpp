#include "sync/RelayMoveSettings.h"

#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"

namespace escale::sync {

engine::RelayMoveHooks relayMoveThroughConfigFile(const config::RepositoryConfig& repository)
{
    engine::RelayMoveHooks hooks;
    if (repository.configFile.isEmpty())
        return hooks;
    const QString file = repository.configFile;
    const QString name = repository.name;
    hooks.settingsFor = [file, name](const config::RelayAddress& address) -> std::optional<config::RepositoryConfig> {
        const config::LoadResult loaded = config::ConfigLoader::loadFile(file);
        const config::RepositoryConfig* there = loaded.config.repository(name);
        if (there && there->relay.toDisplayString() == address.toDisplayString())
            return *there;
        return std::nullopt;
    };
    hooks.remember = [file, name](const QString& address, QString& error) {
        return config::editSectionInFile(file, name, config::relayAddressEdits(address), error);
    };
    return hooks;
}

} // namespace escale::sync
