#pragma once

// What the benchmark programs share: where data sets go, the output stream, timing a shell
// command (the reference runs).
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>

namespace escale::bench {

inline QTextStream out(stdout);

// $ESCALE_BENCH_DIR, by default /tmp/escale-bench: data sets are made there once.
inline QString workDir()
{
    const QString d = qEnvironmentVariable("ESCALE_BENCH_DIR", QStringLiteral("/tmp/escale-bench"));
    QDir().mkpath(d);
    return d;
}

// Seconds `command` took in /bin/sh; says so when it failed.
inline double shell(const QString& command)
{
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    p.waitForFinished(-1);
    if (p.exitCode() != 0)
        out << "  (reference command failed: " << command << ")\n";
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace escale::bench
