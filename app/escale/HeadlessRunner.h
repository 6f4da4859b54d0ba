#pragma once

#include "config/Config.h"

#include <QStringList>

namespace escale {

struct RunOptions
{
    QString configPath;
    bool configPathGiven = false;
    bool once = false;
    bool confirmDeletions = false;
    QStringList repositories; // -r NAME; empty: all
    std::optional<config::LogLevel> logLevel;
};

// `escale --no-gui`: loads and checks the configuration, then runs the selected repositories.
int runHeadless(const RunOptions& options);

// Loads the configuration and prints its problems to stderr. Returns the exit code to use
// when loading failed, 0 otherwise.
int loadConfiguration(const RunOptions& options, config::Config& config);

} // namespace escale
