#pragma once

#include "protocol/Chunker.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

struct evp_md_st;

namespace escale::scan {

// OpenSSL's SHA-256, fetched from its providers once: EVP_sha256() is fetched again at every
// initialisation of a digest (a lookup under a lock, as long as hashing a small file).
const evp_md_st* sha256Method();

// A blob of a file as the scan cut it (relay-format.md R36): where it lies and its SHA-256.
struct BlobCut
{
    qint64 offset = 0;
    qint64 length = 0;
    QByteArray hash;
};

// SHA-256 of a file, read in blocks through OpenSSL. std::nullopt (and `error`) when the
// file cannot be read. With a gear table and `cuts`, the same read also cuts the file into
// blobs and hashes each (the whole file's hash is then taken on another core meanwhile), so
// that sending it needs no second pass over what the relay holds already.
std::optional<QByteArray> hashFile(const QString& path, QString* error = nullptr, qint64* size = nullptr,
                                   const protocol::Chunker::Gear* gear = nullptr, QList<BlobCut>* cuts = nullptr);

} // namespace escale::scan
