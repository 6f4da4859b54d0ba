#include "crypto/RepositoryKeys.h"

#include "Tr.h"
#include "crypto/EncryptedCodec.h"

#include <QJsonObject>
#include <openssl/crypto.h>

namespace escale::crypto {

namespace {

constexpr int kSaltBytes = 16;

// The same passphrase typed on two systems may come in two Unicode forms.
QByteArray normalised(const QByteArray& passphrase)
{
    const QString text = QString::fromUtf8(passphrase);
    if (text.toUtf8() != passphrase) // not UTF-8: used as it is
        return passphrase;
    return text.normalized(QString::NormalizationForm_C).toUtf8();
}

QByteArray wrapAad(const protocol::RepositoryHeader& header)
{
    return QByteArrayLiteral("escale/v1/master-key:") + header.repository.toLatin1() + ':' +
           header.encryption.toLatin1();
}

QJsonObject newKdf(const RepositoryKeys::Cost& cost)
{
    const QString salt = QString::fromLatin1(randomBytes(kSaltBytes).toBase64());
    if (cost.preferArgon2id && argon2idAvailable())
        return QJsonObject{{QStringLiteral("name"), QStringLiteral("argon2id")},
                           {QStringLiteral("t"), 3},
                           {QStringLiteral("m"), 65536},
                           {QStringLiteral("p"), 4},
                           {QStringLiteral("salt"), salt}};
    return QJsonObject{{QStringLiteral("name"), QStringLiteral("scrypt")},
                       {QStringLiteral("n"), double(quint64(1) << cost.scryptLogN)},
                       {QStringLiteral("r"), 8},
                       {QStringLiteral("p"), 1},
                       {QStringLiteral("salt"), salt}};
}

// The key-encryption key; the parameters come from the relay, so they are bounded first.
bool deriveKek(const QJsonObject& kdf, const QByteArray& passphrase, SecretBytes& kek, QString& error)
{
    const auto salt = QByteArray::fromBase64Encoding(kdf.value(QStringLiteral("salt")).toString().toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || salt.decoded.size() < 16 || salt.decoded.size() > 64) {
        error = trc("crypto", "the repository header has an invalid key salt");
        return false;
    }
    const QString name = kdf.value(QStringLiteral("name")).toString();
    if (name == QLatin1String("scrypt")) {
        const double n = kdf.value(QStringLiteral("n")).toDouble();
        const int r = kdf.value(QStringLiteral("r")).toInt(), p = kdf.value(QStringLiteral("p")).toInt();
        const quint64 nn = quint64(n);
        const bool powerOfTwo = nn >= 2 && (nn & (nn - 1)) == 0 && double(nn) == n;
        if (!powerOfTwo || nn < (1 << 10) || nn > (quint64(1) << 22) || r < 1 || r > 32 || p < 1 || p > 16 ||
            128 * nn * quint64(r) > (quint64(1) << 30)) {
            error = trc("crypto", "the repository header asks for scrypt parameters out of bounds");
            return false;
        }
        return scrypt(passphrase, *salt, nn, quint32(r), quint32(p), kek, error);
    }
    if (name == QLatin1String("argon2id")) {
        const int t = kdf.value(QStringLiteral("t")).toInt(), m = kdf.value(QStringLiteral("m")).toInt(),
                  p = kdf.value(QStringLiteral("p")).toInt();
        if (t < 1 || t > 10 || p < 1 || p > 16 || m < 8 * p || m > (1 << 20)) {
            error = trc("crypto", "the repository header asks for Argon2id parameters out of bounds");
            return false;
        }
        if (!argon2idAvailable()) {
            error = trc("crypto", "this repository's key is derived with Argon2id, which needs Escale built "
                                  "with OpenSSL 3.2 or later");
            return false;
        }
        return argon2id(passphrase, *salt, quint32(t), quint32(m), quint32(p), kek, error);
    }
    error = trc("crypto", "the repository header names an unknown key derivation '%1'").arg(name);
    return false;
}

bool seal(protocol::RepositoryHeader& header, Suite suite, const SecretBytes& master,
          const QByteArray& passphrase, const RepositoryKeys::Cost& cost, QString& error)
{
    header.encryption = suiteName(suite);
    header.kdf = newKdf(cost);
    SecretBytes kek(kKeySize);
    if (!deriveKek(header.kdf, normalised(passphrase), kek, error))
        return false;
    const QByteArray nonce = randomBytes(kNonceSize);
    const auto sealed = aeadSeal(suite, kek, nonce, wrapAad(header), master.toByteArray());
    if (sealed.isEmpty()) {
        error = trc("crypto", "OpenSSL cannot encrypt with %1 here (check its configuration)")
                    .arg(header.encryption);
        return false;
    }
    header.wrappedKey = nonce + sealed;
    return true;
}

} // namespace

std::optional<RepositoryKeys> RepositoryKeys::create(protocol::RepositoryHeader& header, Suite suite,
                                                     const QByteArray& passphrase, const Cost& cost,
                                                     QString& error)
{
    if (passphrase.isEmpty()) {
        error = trc("crypto", "the passphrase is empty");
        return std::nullopt;
    }
    const SecretBytes master(randomBytes(kKeySize));
    if (!seal(header, suite, master, passphrase, cost, error))
        return std::nullopt;
    return RepositoryKeys(suite, master);
}

std::optional<RepositoryKeys> RepositoryKeys::unlock(const protocol::RepositoryHeader& header,
                                                     const QByteArray& passphrase, QString& error)
{
    UnlockError e;
    auto keys = unlock(header, passphrase, e);
    error = e.message;
    return keys;
}

std::optional<RepositoryKeys> RepositoryKeys::unlock(const protocol::RepositoryHeader& header,
                                                     const QByteArray& passphrase, UnlockError& failure)
{
    failure.kind = UnlockError::Kind::Unusable;
    QString& error = failure.message;
    const auto suite = suiteFromName(header.encryption);
    if (!suite) {
        error =
            trc("crypto", "the repository is encrypted with '%1', which this Escale does not know: update it")
                .arg(header.encryption);
        return std::nullopt;
    }
    if (header.wrappedKey.size() != kNonceSize + kKeySize + kTagSize) {
        error = trc("crypto", "the repository header's key is damaged");
        return std::nullopt;
    }
    SecretBytes kek(kKeySize);
    if (!deriveKek(header.kdf, normalised(passphrase), kek, error))
        return std::nullopt;
    auto master = aeadOpen(*suite, kek, header.wrappedKey.left(kNonceSize), wrapAad(header),
                           header.wrappedKey.mid(kNonceSize));
    if (!master) {
        failure.kind = UnlockError::Kind::WrongPassphrase;
        error = trc("crypto", "wrong passphrase");
        return std::nullopt;
    }
    failure = {};
    RepositoryKeys keys(*suite, SecretBytes(*master));
    OPENSSL_cleanse(master->data(), size_t(master->size()));
    return keys;
}

bool RepositoryKeys::rewrap(protocol::RepositoryHeader& header, const QByteArray& newPassphrase,
                            const Cost& cost, QString& error) const
{
    if (newPassphrase.isEmpty()) {
        error = trc("crypto", "the new passphrase is empty");
        return false;
    }
    return seal(header, m_suite, m_master, newPassphrase, cost, error);
}

std::shared_ptr<protocol::ObjectCodec> RepositoryKeys::codec() const
{
    return std::make_shared<EncryptedCodec>(
        m_suite, hkdfSha256(m_master, QByteArray(), QByteArrayLiteral("escale/v1/objects"), kKeySize));
}

} // namespace escale::crypto
