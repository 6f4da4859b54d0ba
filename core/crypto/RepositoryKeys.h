#pragma once

#include "crypto/Crypto.h"
#include "protocol/ObjectCodec.h"
#include "protocol/Records.h"

#include <memory>

namespace escale::crypto {

// The key hierarchy of an encrypted repository (relay-format.md section 3): the passphrase
// gives a key-encryption key through a memory-hard KDF (scrypt N=2^17, r=8, p=1; Argon2id when
// OpenSSL >= 3.2); it seals a random 256-bit master key, stored in the header. Objects are
// encrypted under a data key derived from the master key by HKDF. Changing the passphrase
// seals the same master key again: nothing else changes on the relay.
class RepositoryKeys
{
public:
    // Parameters for a new wrapping. `scryptLogN` below 17 is for tests only.
    struct Cost
    {
        int scryptLogN = 17;
        bool preferArgon2id = true;
    };

    // A new repository: a fresh master key, sealed into `header` (suite, kdf, key).
    static std::optional<RepositoryKeys> create(protocol::RepositoryHeader& header, Suite suite,
                                                const QByteArray& passphrase, const Cost& cost,
                                                QString& error);
    // Why a key could not be opened: callers decide on the kind, never on the message.
    struct UnlockError
    {
        enum class Kind
        {
            None,
            WrongPassphrase, // the passphrase does not open the key
            Unusable,        // the header names what this Escale cannot do, or is damaged
        };
        Kind kind = Kind::None;
        QString message; // one line, for the user
    };
    // An existing one.
    static std::optional<RepositoryKeys> unlock(const protocol::RepositoryHeader& header,
                                                const QByteArray& passphrase, UnlockError& error);
    static std::optional<RepositoryKeys> unlock(const protocol::RepositoryHeader& header,
                                                const QByteArray& passphrase, QString& error);
    // Seals the master key under a new passphrase (new salt) into `header`.
    bool rewrap(protocol::RepositoryHeader& header, const QByteArray& newPassphrase, const Cost& cost,
                QString& error) const;

    Suite suite() const { return m_suite; }
    std::shared_ptr<protocol::ObjectCodec> codec() const;

private:
    RepositoryKeys(Suite suite, const SecretBytes& master)
        : m_suite(suite)
        , m_master(master)
    {}

    Suite m_suite;
    SecretBytes m_master;
};

} // namespace escale::crypto
