#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace escale::scan {

// SHA-256 of a file, read in blocks through OpenSSL. std::nullopt (and `error`) when the
// file cannot be read.
std::optional<QByteArray> hashFile(const QString& path, QString* error = nullptr, qint64* size = nullptr);

} // namespace escale::scan
