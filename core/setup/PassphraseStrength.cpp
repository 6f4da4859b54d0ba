#include "setup/PassphraseStrength.h"

#include <QRandomGenerator>

#include <QSet>
#include <QStringList>
#include <cmath>

namespace escale::setup {

PassphraseStrength PassphraseStrength::of(const QString& passphrase)
{
    PassphraseStrength s;
    const QString p = passphrase;
    if (p.isEmpty())
        return s;
    bool lower = false, upper = false, digit = false, symbol = false, other = false;
    for (const QChar c : p) {
        if (c.unicode() > 127)
            other = true;
        else if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else
            symbol = true;
    }
    const int alphabet =
        (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 100 : 0);
    // Characters that add little: a repeat of the previous one, or the next in a run (abc, 123).
    double effective = 0;
    for (qsizetype i = 0; i < p.size(); ++i) {
        const int delta = i > 0 ? p.at(i).unicode() - p.at(i - 1).unicode() : 99;
        effective += delta == 0 || delta == 1 || delta == -1 ? 0.25 : 1.0;
    }
    const QSet<QChar> distinct(p.cbegin(), p.cend());
    effective = std::min(effective, double(distinct.size()) * 2.0);
    s.bits = effective * std::log2(std::max(alphabet, 2));
    static const QStringList common{
        QStringLiteral("password"), QStringLiteral("passwort"), QStringLiteral("motdepasse"),
        QStringLiteral("123456"),   QStringLiteral("qwerty"),   QStringLiteral("azerty"),
        QStringLiteral("letmein"),  QStringLiteral("escale"),   QStringLiteral("secret"),
        QStringLiteral("admin"),    QStringLiteral("welcome"),  QStringLiteral("iloveyou")};
    const QString folded = p.toLower();
    for (const QString& word : common)
        if (folded.contains(word))
            s.bits -= 4.0 * double(word.size()) * 0.8;
    s.bits = std::max(0.0, s.bits);
    s.level = s.bits < 28   ? Level::VeryWeak
              : s.bits < 40 ? Level::Weak
              : s.bits < 60 ? Level::Fair
              : s.bits < 80 ? Level::Good
                            : Level::Strong;
    return s;
}

QString generatePassphrase()
{
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789"; // 32 characters: 5 bits each
    QString out;
    for (int group = 0; group < 6; ++group) {
        if (group > 0)
            out += QLatin1Char('-');
        for (int i = 0; i < 4; ++i)
            out += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(32)]);
    }
    return out;
}

} // namespace escale::setup
