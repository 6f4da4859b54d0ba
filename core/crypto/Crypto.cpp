#include "crypto/Crypto.h"

#include "Tr.h"
#include "log/Logging.h"

#include <QRandomGenerator>
#include <cstring>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/opensslv.h>
#include <openssl/params.h>
#include <openssl/rand.h>

namespace escale::crypto {

SecretBytes::SecretBytes(qsizetype size)
    : m_bytes(size, '\0')
{}

SecretBytes::SecretBytes(const QByteArray& bytes)
    : m_bytes(bytes.constData(), bytes.size()) // a deep copy, owned here
{}

SecretBytes::SecretBytes(const SecretBytes& other)
    : m_bytes(other.m_bytes.constData(), other.m_bytes.size())
{}

SecretBytes& SecretBytes::operator=(const SecretBytes& other)
{
    if (this != &other) {
        wipe();
        m_bytes = QByteArray(other.m_bytes.constData(), other.m_bytes.size());
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    wipe();
}

void SecretBytes::wipe()
{
    if (!m_bytes.isEmpty())
        OPENSSL_cleanse(m_bytes.data(), size_t(m_bytes.size()));
    m_bytes.clear();
}

QString suiteName(Suite suite)
{
    return suite == Suite::Aes256Gcm ? QStringLiteral("aes-256-gcm") : QStringLiteral("chacha20-poly1305");
}

std::optional<Suite> suiteFromName(const QString& name)
{
    if (name == QLatin1String("aes-256-gcm"))
        return Suite::Aes256Gcm;
    if (name == QLatin1String("chacha20-poly1305"))
        return Suite::ChaCha20Poly1305;
    return std::nullopt;
}

void keepOpenSslUntilExit()
{
    // Only the first initialisation decides; later ones (Qt's TLS backend) keep this choice.
    if (OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr) != 1)
        qCWarning(lcCrypto) << "OpenSSL could not be initialised; cryptography will fail";
}

QByteArray randomBytes(int size)
{
    QByteArray out(size, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), size) != 1) {
        qCWarning(lcCrypto) << "the OpenSSL random generator failed: using the system's";
        QRandomGenerator::system()->generate(out.begin(), out.end());
    }
    return out;
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

namespace {

// Fetching an algorithm from OpenSSL's providers is costly: HKDF and the ciphers, used for
// every object, are fetched once per process (fetched objects may be shared between threads).
EVP_KDF* fetchedHkdf()
{
    static EVP_KDF* const kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    return kdf;
}

bool deriveWith(const char* algorithm, OSSL_PARAM* params, unsigned char* out, size_t length, QString& error)
{
    const bool hkdf = std::strcmp(algorithm, "HKDF") == 0;
    EVP_KDF* kdf = hkdf ? fetchedHkdf() : EVP_KDF_fetch(nullptr, algorithm, nullptr);
    if (!kdf) {
        error = trc("crypto", "%1 is not available in this OpenSSL").arg(QLatin1String(algorithm));
        return false;
    }
    EVP_KDF_CTX* ctx = EVP_KDF_CTX_new(kdf);
    const bool ok = ctx && EVP_KDF_derive(ctx, out, length, params) == 1;
    if (!ok)
        error = trc("crypto", "%1 refused its parameters, or memory is short").arg(QLatin1String(algorithm));
    EVP_KDF_CTX_free(ctx);
    if (!hkdf)
        EVP_KDF_free(kdf);
    return ok;
}

const EVP_CIPHER* cipherOf(Suite suite)
{
    static EVP_CIPHER* const aes = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    static EVP_CIPHER* const chacha = EVP_CIPHER_fetch(nullptr, "ChaCha20-Poly1305", nullptr);
    const EVP_CIPHER* cipher = suite == Suite::Aes256Gcm ? aes : chacha;
    if (!cipher)
        qCCritical(lcCrypto) << "OpenSSL has no" << (suite == Suite::Aes256Gcm ? "AES-256-GCM" : "ChaCha20-Poly1305")
                             << "(check its configuration): nothing can be encrypted or decrypted";
    return cipher;
}

} // namespace

SecretBytes hkdfSha256(const SecretBytes& ikm, const QByteArray& salt, const QByteArray& info, int length)
{
    SecretBytes out(length);
    QByteArray saltCopy = salt, infoCopy = info;
    char digest[] = "SHA256";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<unsigned char*>(ikm.data()),
                                          size_t(ikm.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, saltCopy.data(), size_t(saltCopy.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, infoCopy.data(), size_t(infoCopy.size())),
        OSSL_PARAM_construct_end()};
    QString error;
    if (!deriveWith("HKDF", params, out.data(), size_t(length), error)) {
        qCCritical(lcCrypto).noquote() << QStringLiteral("HKDF failed: %1").arg(error);
        return SecretBytes(0);
    }
    return out;
}

bool scrypt(const QByteArray& passphrase, const QByteArray& salt, quint64 n, quint32 r, quint32 p,
            SecretBytes& out, QString& error)
{
    QByteArray pass = passphrase, saltCopy = salt;
    uint64_t nn = n;
    uint32_t rr = r, pp = p;
    // Room for the work area (128 * n * r bytes) and a little more; OpenSSL's default is 32 MiB.
    uint64_t maxmem = 128 * n * r * 2 + (1 << 20);
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, pass.data(), size_t(pass.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, saltCopy.data(), size_t(saltCopy.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &nn),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &rr),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &pp),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end()};
    const bool ok = deriveWith("SCRYPT", params, out.data(), size_t(out.size()), error);
    if (!pass.isEmpty())
        OPENSSL_cleanse(pass.data(), size_t(pass.size()));
    return ok;
}

bool argon2idAvailable()
{
#if OPENSSL_VERSION_NUMBER >= 0x30200000L
    EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "ARGON2ID", nullptr);
    EVP_KDF_free(kdf);
    return kdf != nullptr;
#else
    return false;
#endif
}

bool argon2id(const QByteArray& passphrase, const QByteArray& salt, quint32 iterations, quint32 memoryKiB,
              quint32 lanes, SecretBytes& out, QString& error)
{
#if OPENSSL_VERSION_NUMBER >= 0x30200000L
    QByteArray pass = passphrase, saltCopy = salt;
    uint32_t iter = iterations, mem = memoryKiB, lanesCopy = lanes;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, pass.data(), size_t(pass.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, saltCopy.data(), size_t(saltCopy.size())),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_ITER, &iter),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_ARGON2_MEMCOST, &mem),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_ARGON2_LANES, &lanesCopy),
        OSSL_PARAM_construct_end()};
    const bool ok = deriveWith("ARGON2ID", params, out.data(), size_t(out.size()), error);
    if (!pass.isEmpty())
        OPENSSL_cleanse(pass.data(), size_t(pass.size()));
    return ok;
#else
    Q_UNUSED(passphrase)
    Q_UNUSED(salt)
    Q_UNUSED(iterations)
    Q_UNUSED(memoryKiB)
    Q_UNUSED(lanes)
    Q_UNUSED(out)
    error = trc("crypto", "Argon2id needs OpenSSL 3.2 or later; this build has %1")
                .arg(QLatin1String(OPENSSL_VERSION_TEXT));
    return false;
#endif
}

struct Aead::Context
{
    EVP_CIPHER_CTX* ctx = nullptr;
};

Aead::Aead(Suite suite, const SecretBytes& key)
    : m_encrypt(new Context)
    , m_decrypt(new Context)
    , m_suite(suite)
    , m_key(key)
{
}

// Each direction's context is set up on first use: a stream only ever goes one way.
EVP_CIPHER_CTX* Aead::context(bool encrypt)
{
    Context* c = encrypt ? m_encrypt : m_decrypt;
    if (!c->ctx) {
        // A key of the wrong size (an HKDF that failed) or a cipher OpenSSL lacks: no context, and
        // every seal and open fails.
        const EVP_CIPHER* cipher = m_key.size() == kKeySize ? cipherOf(m_suite) : nullptr;
        c->ctx = cipher ? EVP_CIPHER_CTX_new() : nullptr;
        const int ok = !c->ctx ? 0
                       : encrypt ? EVP_EncryptInit_ex(c->ctx, cipher, nullptr, m_key.data(), nullptr)
                                 : EVP_DecryptInit_ex(c->ctx, cipher, nullptr, m_key.data(), nullptr);
        if (ok != 1) {
            EVP_CIPHER_CTX_free(c->ctx);
            c->ctx = nullptr;
        }
    }
    return c->ctx;
}

Aead::~Aead()
{
    EVP_CIPHER_CTX_free(m_encrypt->ctx); // also wipes the expanded key
    EVP_CIPHER_CTX_free(m_decrypt->ctx);
    delete m_encrypt;
    delete m_decrypt;
}

bool Aead::seal(const QByteArray& nonce, const QByteArray& aad, const unsigned char* in, int size,
                unsigned char* out, unsigned char* tag)
{
    EVP_CIPHER_CTX* c = context(true);
    int n = 0;
    return c && nonce.size() == kNonceSize &&
           EVP_EncryptInit_ex(c, nullptr, nullptr, nullptr,
                              reinterpret_cast<const unsigned char*>(nonce.constData())) == 1 &&
           (aad.isEmpty() ||
            EVP_EncryptUpdate(c, nullptr, &n, reinterpret_cast<const unsigned char*>(aad.constData()),
                              int(aad.size())) == 1) &&
           (size == 0 || EVP_EncryptUpdate(c, out, &n, in, size) == 1) &&
           EVP_EncryptFinal_ex(c, out + size, &n) == 1 &&
           EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_GET_TAG, kTagSize, tag) == 1;
}

bool Aead::open(const QByteArray& nonce, const QByteArray& aad, const unsigned char* in, int size,
                unsigned char* out, const unsigned char* tag)
{
    EVP_CIPHER_CTX* c = context(false);
    int n = 0;
    return c && nonce.size() == kNonceSize &&
           EVP_DecryptInit_ex(c, nullptr, nullptr, nullptr,
                              reinterpret_cast<const unsigned char*>(nonce.constData())) == 1 &&
           (aad.isEmpty() ||
            EVP_DecryptUpdate(c, nullptr, &n, reinterpret_cast<const unsigned char*>(aad.constData()),
                              int(aad.size())) == 1) &&
           (size == 0 || EVP_DecryptUpdate(c, out, &n, in, size) == 1) &&
           EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_SET_TAG, kTagSize, const_cast<unsigned char*>(tag)) == 1 &&
           EVP_DecryptFinal_ex(c, out + size, &n) == 1;
}

QByteArray aeadSeal(Suite suite, const SecretBytes& key, const QByteArray& nonce, const QByteArray& aad,
                    const QByteArray& plaintext)
{
    QByteArray out = plaintext;
    out.resize(plaintext.size() + kTagSize);
    Aead aead(suite, key);
    auto* bytes = reinterpret_cast<unsigned char*>(out.data());
    if (!aead.seal(nonce, aad, bytes, int(plaintext.size()), bytes, bytes + plaintext.size()))
        return {};
    return out;
}

std::optional<QByteArray> aeadOpen(Suite suite, const SecretBytes& key, const QByteArray& nonce,
                                   const QByteArray& aad, const QByteArray& sealed)
{
    if (sealed.size() < kTagSize)
        return std::nullopt;
    QByteArray out = sealed.left(sealed.size() - kTagSize);
    Aead aead(suite, key);
    auto* bytes = reinterpret_cast<unsigned char*>(out.data());
    if (!aead.open(nonce, aad, bytes, int(out.size()), bytes,
                   reinterpret_cast<const unsigned char*>(sealed.constData()) + out.size())) {
        if (!out.isEmpty())
            OPENSSL_cleanse(out.data(), size_t(out.size()));
        return std::nullopt;
    }
    return out;
}

} // namespace escale::crypto
