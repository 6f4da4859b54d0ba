#pragma once

#include <QString>

namespace escale::setup {

// A rough estimate of how hard a passphrase is to guess, for the wizard's meter: the length
// and the kinds of characters used, discounted for repeats, runs and well-known passwords.
// The relay holds the repository header, so a weak passphrase can be attacked offline (scrypt
// slows each guess, it does not make a short passphrase safe).
struct PassphraseStrength
{
    enum class Level
    {
        VeryWeak,
        Weak,
        Fair,
        Good,
        Strong,
    };
    double bits = 0;
    Level level = Level::VeryWeak;
    bool acceptable() const { return level >= Level::Fair; }

    static PassphraseStrength of(const QString& passphrase);
};

// A strong random passphrase for the wizard's "Generate": 6 groups of 4 characters from an
// alphabet without look-alikes (no 0/O, 1/l/I), from the system's random source: 120 bits.
QString generatePassphrase();

} // namespace escale::setup
