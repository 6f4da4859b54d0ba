#pragma once

#include "escale/HeadlessRunner.h"

namespace escale {

// The desktop application: tray icon and windows on top of the same engine as --no-gui.
int runDesktop(int& argc, char** argv, const RunOptions& options);

} // namespace escale
