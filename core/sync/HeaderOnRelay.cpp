#include "sync/HeaderOnRelay.h"

#include "Tr.h"

namespace escale::sync {

using relay::RelayError;

HeaderOnRelay readHeaderOnRelay(protocol::ObjectStore& store)
{
    HeaderOnRelay read;
    read.relayError = store.getHeader(read.bytes);
    if (read.relayError.kind == RelayError::Kind::NotFound) {
        read.outcome = HeaderOnRelay::Outcome::Missing;
        return read;
    }
    if (!read.relayError.ok()) {
        read.outcome = HeaderOnRelay::Outcome::RelayFailed;
        return read;
    }
    const auto header = protocol::RepositoryHeader::fromBytes(read.bytes, read.problem);
    if (!header) {
        read.outcome = HeaderOnRelay::Outcome::Damaged;
        return read;
    }
    read.header = *header;
    if (!protocol::isReadableFormat(header->format)) {
        read.outcome = HeaderOnRelay::Outcome::OtherFormat;
        read.problem = trc("sync", "the repository is in format %1; this Escale reads formats %2 to %3")
                           .arg(header->format)
                           .arg(protocol::kOldestFormat)
                           .arg(protocol::kFormatVersion);
        return read;
    }
    read.outcome = HeaderOnRelay::Outcome::Found;
    return read;
}

} // namespace escale::sync
