#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

// Cryptographic primitives on OpenSSL 3 (EVP): random bytes from its CSPRNG, HKDF-SHA256,
// scrypt (and Argon2id when OpenSSL >= 3.2 offers it), one-shot AEAD. Key material lives in
// SecretBytes, wiped when it goes.
struct evp_cipher_ctx_st;

namespace escale::crypto {

// Bytes wiped (OPENSSL_cleanse) on destruction; never implicitly shared.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(qsizetype size);
    explicit SecretBytes(const QByteArray& bytes);
    SecretBytes(const SecretBytes& other);
    SecretBytes& operator=(const SecretBytes& other);
    ~SecretBytes();

    unsigned char* data() { return reinterpret_cast<unsigned char*>(m_bytes.data()); }
    const unsigned char* data() const { return reinterpret_cast<const unsigned char*>(m_bytes.constData()); }
    qsizetype size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    // A copy as a plain QByteArray: for tests and vectors only.
    QByteArray toByteArray() const { return QByteArray(m_bytes.constData(), m_bytes.size()); }

private:
    void wipe();
    QByteArray m_bytes;
};

enum class Suite
{
    Aes256Gcm = 1,
    ChaCha20Poly1305 = 2,
};
QString suiteName(Suite suite); // "aes-256-gcm", "chacha20-poly1305"
std::optional<Suite> suiteFromName(const QString& name);

inline constexpr int kKeySize = 32;
inline constexpr int kNonceSize = 12;
inline constexpr int kTagSize = 16;

// Called first thing in a program's main(): OpenSSL is told not to tear itself down from an
// exit handler. Qt's threads are detached, so one that QThread::wait() saw finish may still be
// running its thread-exit handlers (OpenSSL's among them) while main() returns; tearing OpenSSL
// down under it would strand that thread's state, or free what it still uses. The process's
// memory goes back to the system at exit anyway.
void keepOpenSslUntilExit();

// From OpenSSL's generator, or, should it ever fail, from the system's (getrandom): both are
// cryptographically secure; neither failure ends the process.
QByteArray randomBytes(int size);
bool constantTimeEquals(const QByteArray& a, const QByteArray& b);

// RFC 5869. `length` <= 255 * 32. Empty if OpenSSL fails (then every AEAD under it fails too).
SecretBytes hkdfSha256(const SecretBytes& ikm, const QByteArray& salt, const QByteArray& info, int length);

// RFC 7914. False with `error` when the parameters are refused or memory is short.
bool scrypt(const QByteArray& passphrase, const QByteArray& salt, quint64 n, quint32 r, quint32 p,
            SecretBytes& out, QString& error);
// RFC 9106 Argon2id, available when built against OpenSSL >= 3.2.
bool argon2idAvailable();
bool argon2id(const QByteArray& passphrase, const QByteArray& salt, quint32 iterations, quint32 memoryKiB,
              quint32 lanes, SecretBytes& out, QString& error);

// One-shot AEAD: returns ciphertext || tag; empty (never a valid result: the tag alone is 16
// bytes) if OpenSSL cannot encrypt.
QByteArray aeadSeal(Suite suite, const SecretBytes& key, const QByteArray& nonce, const QByteArray& aad,
                    const QByteArray& plaintext);
// std::nullopt when the tag does not match (wrong key, altered bytes).
std::optional<QByteArray> aeadOpen(Suite suite, const SecretBytes& key, const QByteArray& nonce,
                                   const QByteArray& aad, const QByteArray& sealed);

// A reusable AEAD context for many segments under one key (the streams).
class Aead
{
public:
    Aead(Suite suite, const SecretBytes& key);
    ~Aead();
    Aead(const Aead&) = delete;
    Aead& operator=(const Aead&) = delete;

    // Encrypts `size` bytes from `in` into `out` (which may be `in`) and writes the tag.
    bool seal(const QByteArray& nonce, const QByteArray& aad, const unsigned char* in, int size,
              unsigned char* out, unsigned char* tag);
    // Decrypts from `in` into `out` (which may be `in`); false if the tag does not match.
    bool open(const QByteArray& nonce, const QByteArray& aad, const unsigned char* in, int size,
              unsigned char* out, const unsigned char* tag);

private:
    struct Context;
    evp_cipher_ctx_st* context(bool encrypt);
    Context* m_encrypt;
    Context* m_decrypt;
    Suite m_suite;
    SecretBytes m_key;
};

} // namespace escale::crypto
