#pragma once

#include <QString>

namespace escale::protocol {

// Checks a path read from the relay before it may touch the local disk (relay-format.md R4,
// section 9). Returns an empty string when the path is acceptable, else why it is refused.
// `normalised` receives the NFC form, which is the form used locally.
QString checkRelayPath(const QString& path, QString* normalised = nullptr);

// Names Escale keeps for itself inside a synchronised folder (temporary downloads, the
// folder marker); they are never synchronised and never accepted from the relay.
bool isReservedName(const QString& name);

} // namespace escale::protocol
