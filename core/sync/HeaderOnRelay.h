#pragma once

#include "protocol/ObjectStore.h"
#include "protocol/Records.h"

#include <QByteArray>
#include <QString>

namespace escale::sync {

// A repository's header read from its relay and checked (relay-format.md section 4): where the
// engine (engine::RepositoryOpener) and the tools (RepositoryReader) both start. The keys of an
// encrypted repository are then opened from it with crypto::RepositoryKeys::unlock.
struct HeaderOnRelay
{
    enum class Outcome
    {
        Found,
        Missing,     // no header: no repository there (yet)
        RelayFailed, // the relay did not answer as it should: `relayError`
        Damaged,     // not a header: `problem`
        OtherFormat, // a header of another format: `header.format`, `problem`
    };
    Outcome outcome = Outcome::RelayFailed;
    protocol::RepositoryHeader header;
    QByteArray bytes;             // as read (Found): the keys are opened from these
    relay::RelayError relayError; // the relay's answer when it was not the header
    QString problem;              // Damaged, OtherFormat: one line

    bool found() const { return outcome == Outcome::Found; }
};

HeaderOnRelay readHeaderOnRelay(protocol::ObjectStore& store);

} // namespace escale::sync
