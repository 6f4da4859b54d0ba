// The resolution of a path's versions (relay-format.md R25, R26) is a pure function of the set of
// versions: fed every arrival order of many sets of concurrent and superseding versions, it gives
// the same winner, kind and conflict copies, and keeps exactly the versions nothing supersedes.

#include "protocol/Records.h"
#include "sync/Resolution.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <numeric>
#include <optional>

using namespace escale;
using protocol::JournalRecord;
using protocol::VersionVector;
using Kind = JournalRecord::Kind;

class tst_Resolution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameResultWhateverTheOrder_data();
    void sameResultWhateverTheOrder();
    void concurrentFilesKeepEveryVersion();
};

namespace {

const QStringList kClients{QStringLiteral("a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1"), QStringLiteral("b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2"),
                           QStringLiteral("c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3")};

// A random version of `path`; the same vector always comes with the same content (as in the
// protocol: one vector, one version).
JournalRecord randomVersion(QRandomGenerator& rng, const QString& path)
{
    QMap<QString, quint64> counters;
    for (const QString& c : kClients)
        if (const quint64 n = rng.bounded(3); n > 0)
            counters.insert(c, n);
    if (counters.isEmpty())
        counters.insert(kClients.at(rng.bounded(3)), 1);
    JournalRecord r;
    r.path = path;
    r.vv = VersionVector(counters);
    const QString vv = r.vv.toString();
    const quint32 seed = quint32(qHash(vv));
    const int kind = int(seed % 5);
    r.kind = kind == 0 ? Kind::Deleted : kind == 1 ? Kind::Directory : Kind::File;
    r.origin = counters.lastKey();
    r.originName = QStringLiteral("device-") + r.origin.left(2);
    if (r.kind == Kind::File) {
        r.hash = QByteArray(32, char('a' + seed % 3)); // few contents: equal contents happen
        r.size = 10 + seed % 3;
        r.mtimeMs = 1'700'000'000'000 + qint64(seed % 7) * 1000;
    }
    return r;
}

bool sameResolution(const sync::Resolution& x, const sync::Resolution& y)
{
    return x.kind == y.kind && x.winner == y.winner && x.copies == y.copies;
}

QString describe(const sync::Resolution& r)
{
    QStringList copies;
    for (const JournalRecord& c : r.copies)
        copies << c.path;
    return QStringLiteral("kind %1, winner %2, copies [%3]")
        .arg(int(r.kind))
        .arg(r.winner.vv.toString(), copies.join(QStringLiteral(", ")));
}

} // namespace

void tst_Resolution::sameResultWhateverTheOrder_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 300; ++seed)
        QTest::addRow("set %u", seed) << seed;
}

void tst_Resolution::sameResultWhateverTheOrder()
{
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    const QString path = QStringLiteral("docs/report.txt");
    // 2 to 5 versions with distinct vectors.
    QList<JournalRecord> set;
    const int wanted = 2 + int(rng.bounded(4));
    for (int tries = 0; set.size() < wanted && tries < 100; ++tries) {
        const JournalRecord r = randomVersion(rng, path);
        if (std::none_of(set.cbegin(), set.cend(), [&](const JournalRecord& x) { return x.vv == r.vv; }))
            set.append(r);
    }
    // What must remain: the versions no other one supersedes.
    QList<JournalRecord> maximal;
    for (const JournalRecord& r : std::as_const(set))
        if (std::none_of(set.cbegin(), set.cend(), [&](const JournalRecord& o) { return o.vv.supersedes(r.vv); }))
            maximal.append(r);
    std::sort(maximal.begin(), maximal.end(),
              [](const JournalRecord& x, const JournalRecord& y) { return x.vv.toString() < y.vv.toString(); });

    QList<int> order(set.size());
    std::iota(order.begin(), order.end(), 0);
    std::optional<sync::Resolution> first;
    int permutations = 0;
    do {
        QList<JournalRecord> known;
        for (int i : std::as_const(order))
            sync::integrateVersion(known, set.at(i));
        std::sort(known.begin(), known.end(),
                  [](const JournalRecord& x, const JournalRecord& y) { return x.vv.toString() < y.vv.toString(); });
        QCOMPARE(known, maximal);
        // Resolution of the known versions, also listed in arrival order.
        QList<JournalRecord> arrived;
        for (int i : std::as_const(order))
            if (known.contains(set.at(i)))
                arrived.append(set.at(i));
        const sync::Resolution r = sync::resolve(path, arrived);
        if (!first)
            first = r;
        QVERIFY2(sameResolution(*first, r), qPrintable(describe(*first) + QStringLiteral(" / ") + describe(r)));
        ++permutations;
    } while (std::next_permutation(order.begin(), order.end()));
    QVERIFY(permutations >= 2);
    // Every maximal file version that is not the winner's content lives on as a copy (R26).
    if (first->kind == Kind::File)
        for (const JournalRecord& m : std::as_const(maximal))
            if (m.kind == Kind::File && !m.sameContent(first->winner))
                QVERIFY2(std::any_of(first->copies.cbegin(), first->copies.cend(),
                                     [&](const JournalRecord& c) { return c.sameContent(m); }),
                         qPrintable(describe(*first)));
}

void tst_Resolution::concurrentFilesKeepEveryVersion()
{
    // Three machines edit the same file at once: one keeps the name, two copies, whatever order.
    QList<JournalRecord> set;
    for (int i = 0; i < 3; ++i) {
        JournalRecord r;
        r.path = QStringLiteral("notes.txt");
        r.vv = VersionVector({{kClients.at(i), 1}});
        r.origin = kClients.at(i);
        r.originName = QStringLiteral("machine %1").arg(i);
        r.hash = QByteArray(32, char('x' + i));
        r.size = 5;
        r.mtimeMs = 1'700'000'000'000 + i;
        set.append(r);
    }
    QList<int> order{0, 1, 2};
    QStringList names;
    do {
        QList<JournalRecord> arrived;
        for (int i : std::as_const(order))
            arrived.append(set.at(i));
        const sync::Resolution r = sync::resolve(QStringLiteral("notes.txt"), arrived);
        QCOMPARE(r.kind, Kind::File);
        QCOMPARE(r.copies.size(), 2);
        QStringList now{r.winner.origin};
        for (const JournalRecord& c : r.copies)
            now << c.path;
        if (names.isEmpty())
            names = now;
        QCOMPARE(now, names);
    } while (std::next_permutation(order.begin(), order.end()));
}

QTEST_GUILESS_MAIN(tst_Resolution)
#include "tst_Resolution.moc"
