#pragma once

#include "config/Config.h"

#include <QByteArray>
#include <optional>

namespace escale::config {

// Reads a secret: a file's content without its trailing line end, a literal, or, when the
// configuration names none, the environment variable `environment` when it is set, else the
// keychain entry `keychainKey` (see Keychain). std::nullopt with a one-line `error` naming what
// to do.
std::optional<QByteArray> readSecret(const SecretSource& source, const char* environment, const QString& what,
                                     QString& error, const QString& keychainKey = {});

} // namespace escale::config
