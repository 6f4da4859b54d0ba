#pragma once

// The pages of the setup wizard, one file each in ui/wizard/. Each shows its problems in its
// "status" label and refuses Next until they are fixed; the network checks run on a thread
// (setup::RelayProbe) while the page stays responsive, and Next goes on by itself once they pass.
#include "wizard/ConnectionPage.h"
#include "wizard/FiltersPage.h"
#include "wizard/LocalPage.h"
#include "wizard/PassphrasePage.h"
#include "wizard/RepositoryPage.h"
#include "wizard/SummaryPage.h"
#include "wizard/TypePage.h"
