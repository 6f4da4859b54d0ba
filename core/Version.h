#pragma once

#include "EscaleVersion.h"

namespace escale {
inline constexpr const char* versionString()
{
    return ESCALE_VERSION;
}
} // namespace escale
