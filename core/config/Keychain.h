#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace escale::config {

// Secrets in the desktop's keychain (Secret Service, KWallet, ... through qtkeychain), under the
// service "escale" and keys "REPOSITORY/password", "REPOSITORY/passphrase". Every call waits
// at most `timeoutMs`: a keychain that cannot answer (locked, no prompt possible) must not hang
// a server. No keychain is asked without a D-Bus session (a headless server uses files). Any
// thread may call: the job itself runs in the application's main thread, as qtkeychain needs.
class Keychain
{
public:
    static constexpr int kTimeoutMs = 10'000;

    // The secret, or std::nullopt: `error` is empty when the keychain simply has no such entry,
    // and says why otherwise (no keychain, locked, timed out).
    static std::optional<QByteArray> read(const QString& key, QString& error, int timeoutMs = kTimeoutMs);
    static bool write(const QString& key, const QByteArray& secret, QString& error,
                      int timeoutMs = kTimeoutMs);
    static bool remove(const QString& key, QString& error, int timeoutMs = kTimeoutMs);
    // Whether a keychain can be asked at all here (a D-Bus session bus is known).
    static bool reachable();
};

// Whether the keychain itself failed (not there, locked, timed out, refusing) for a call made on
// this thread while the watch lives: how a caller that only gets a message back (a relay that
// could not be created, a repository that could not be opened) learns that cause without reading
// the message. A secret simply missing from a working keychain is not such a failure. Watches
// nest: every live one on the thread sees the failure.
class KeychainWatch
{
public:
    KeychainWatch();
    ~KeychainWatch();
    KeychainWatch(const KeychainWatch&) = delete;
    KeychainWatch& operator=(const KeychainWatch&) = delete;

    bool failed() const { return m_failed; }
    // Said by Keychain's calls when the keychain fails.
    static void noteFailure();

private:

    KeychainWatch* m_outer;
    bool m_failed = false;
};

} // namespace escale::config
